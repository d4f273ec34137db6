"""The saved queries (queries/*.cypher) the app's reads run: through run_query and its row cap, so
that the app, the command line and the README ask the same question in the same words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from neo4j import Driver

from graph.queries import coerce_params, get_query, run_query

ROW_CAP = 5000  # run_query's own cap: no page shows more rows than the command line would


def saved_rows(
    driver: Driver, name: str, params: Mapping[str, Any], *, database: str
) -> list[dict[str, Any]]:
    """The rows of saved query ``name``, its defaults for the parameters not given."""
    query = get_query(name)
    values = {**coerce_params(query, {}), **params}
    return run_query(driver, query, values, database=database, row_cap=ROW_CAP).rows
