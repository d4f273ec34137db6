"""Saved queries: a form built from each query's metadata, the result as a table (and as a
graph when the query returns nodes and relationships), CSV download."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st
from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis

from app_pages.state import database, driver, guarded, language, t
from graph.analysis import region_network
from graph.queries import QueryResult, SavedQuery, choices, format_result, list_queries, run_query

st.title(t("page_queries"))
queries = {q.name: q for q in list_queries()}
english = language() == "en"
name = st.selectbox(
    t("page_queries"),
    list(queries),
    format_func=lambda n: queries[n].title_en if english else queries[n].title,
)
query: SavedQuery = queries[name]
st.caption(query.description_en if english else query.description)


def parameter_inputs(saved: SavedQuery) -> dict[str, object]:
    values: dict[str, object] = {}
    with guarded():
        for p in saved.parameters:
            options = choices(driver(), p, database=database())
            label = f"{p.name} — {p.description}"
            if options and p.default in options:
                values[p.name] = st.selectbox(label, options, index=options.index(p.default))
            elif p.type == "integer":
                values[p.name] = int(st.number_input(label, value=int(p.default), step=1))
            elif p.type == "float":
                values[p.name] = float(st.number_input(label, value=float(p.default)))
            else:
                values[p.name] = st.text_input(label, value=str(p.default))
    return values


def graph_view(result: QueryResult) -> None:
    nodes, edges = {}, []
    for row in result.rows:
        values = list(row.values())
        for value in values:
            if isinstance(value, dict) and "name" in value:
                nodes[value.get("id", value["name"])] = value
        if len(values) == 3 and isinstance(values[1], tuple):
            start, rel_type, end = values[1]
            edges.append((start.get("id"), rel_type, end.get("id")))
    elements = {
        "nodes": [
            {"data": {"id": k, "label": "Region", "name": v["name"]}} for k, v in nodes.items()
        ],
        "edges": [
            {"data": {"id": f"e{i}", "label": r, "source": s, "target": e}}
            for i, (s, r, e) in enumerate(edges)
        ],
    }
    st_link_analysis(elements, "cose", [NodeStyle("Region", "#2E86AB", "name")],
                     [EdgeStyle("SIMILAR_TO", caption="label")], key=f"graph-{name}")  # fmt: skip


params = parameter_inputs(query)
if st.button(t("run"), type="primary"):
    with guarded():
        result = run_query(driver(), query, params, database=database())
    if result.truncated:
        st.warning(t("truncated"))
    frame = pd.DataFrame(result.rows, columns=result.columns)
    st.caption(f"{len(frame)} {t('rows')}")
    if query.graph:
        graph_view(result)
    st.dataframe(frame.astype(str), hide_index=True, width="stretch")
    with st.expander(t("columns_meaning")):
        st.table(pd.DataFrame(list(query.columns.items()), columns=["column", "meaning"]))
    st.download_button(
        t("download_csv"), format_result(result, "csv").encode("utf-8"), f"{name}.csv", "text/csv"
    )

st.divider()
st.subheader(t("network_analysis"))
st.caption(t("network_help"))
if st.button(t("run_network")):
    with guarded():
        report = region_network(driver(), database=database())
    st.dataframe(
        pd.DataFrame([asdict(row) for row in report.rows]), hide_index=True, width="stretch"
    )
