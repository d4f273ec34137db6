"""The app's read side: what its pages show, one module per topic, plain functions over a driver
that return plain data (no Streamlit here).

- plans.py: what is loaded (counts, the plans, the source text of an item)
- reader.py: a plan's text with the span of every extracted item
- regions.py: a region's profile and graph, regions side by side
- initiatives.py: the projects and policies regions adopt
- responsibility.py: who is responsible, per item and as a chain
- themes.py: goals and measures per region and theme
- maps.py: what each region shows on a map (graph.maps draws the shapes)
- graphs.py: graph views (nodes and relationships by element id) and their neighbours

Where a read answers what a saved query answers, it runs that query (saved.py, through
graph.queries.run_query and its row cap); every other statement is in cypher.py.
"""
