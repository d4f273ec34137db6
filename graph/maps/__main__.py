import sys

from graph.cli.maps import main

sys.exit(main())
