"""Saved queries: a form built from each query's metadata, the result as a table (and as a
graph when the query returns nodes and relationships), CSV download. Results are kept in the
session, so a download or the network analysis does not clear them."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st
from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis

from app_pages.display import meaning_header, readable
from app_pages.state import database, driver, guarded, language, t
from graph.analysis import region_network
from graph.queries import (
    Parameter,
    QueryResult,
    SavedQuery,
    choices,
    format_result,
    list_queries,
    run_query,
)

RESULT = "saved-query-result"  # (query name, parameters, result) of the last run
NETWORK = "saved-query-network"  # the region network analysis, once computed

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


def parameter_label(p: Parameter) -> str:
    """The parameter's description in the interface language ("中文 (English)" in the yml)."""
    return meaning_header(p.description, p.name)


def parameter_inputs(saved: SavedQuery) -> dict[str, object]:
    values: dict[str, object] = {}
    with guarded():
        for p in saved.parameters:
            options = choices(driver(), p, database=database())
            label, key = parameter_label(p), f"param-{saved.name}-{p.name}"
            if options:
                # Suggestions to pick from, and any other text typed in (substring matches).
                default = options.index(p.default) if p.default in options else None
                values[p.name] = (
                    st.selectbox(
                        label,
                        options,
                        index=default,
                        accept_new_options=True,
                        key=key,
                        placeholder=t("choose"),
                    )
                    or ""
                )
            elif p.type == "integer":
                values[p.name] = int(st.number_input(label, value=int(p.default), step=1, key=key))
            elif p.type == "float":
                values[p.name] = float(st.number_input(label, value=float(p.default), key=key))
            else:
                values[p.name] = st.text_input(label, value=str(p.default), key=key)
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


def show_result(saved: SavedQuery, result: QueryResult) -> None:
    if result.truncated:
        st.warning(t("truncated"))
    st.caption(f"{len(result.rows)} {t('rows')}")
    if saved.graph:
        graph_view(result)
    headers = {c: meaning_header(m, c) for c, m in saved.columns.items()}
    st.dataframe(readable(result.rows, result.columns, headers), hide_index=True, width="stretch")
    with st.expander(t("columns_meaning")):
        meanings = [(headers[c], meaning_header(m, c)) for c, m in saved.columns.items()]
        st.table(pd.DataFrame(
            [(c, m) for c, (_, m) in zip(saved.columns, meanings, strict=True)],
            columns=[t("col_column"), t("col_meaning")],
        ))  # fmt: skip
    st.download_button(
        t("download_csv"),
        format_result(result, "csv").encode("utf-8"),
        f"{saved.name}.csv",
        "text/csv",
        on_click="ignore",  # a download must not rerun the page
    )


params = parameter_inputs(query)
if st.button(t("run"), type="primary"):
    with guarded():
        st.session_state[RESULT] = (
            name,
            params,
            run_query(driver(), query, params, database=database()),
        )
kept = st.session_state.get(RESULT)
if kept is not None and kept[0] == name:
    show_result(query, kept[2])

st.divider()
st.subheader(t("network_analysis"))
st.caption(t("network_help"))
if st.button(t("run_network")):
    with guarded():
        st.session_state[NETWORK] = region_network(driver(), database=database())
if (report := st.session_state.get(NETWORK)) is not None:
    rows = [asdict(row) for row in report.rows]
    columns = list(rows[0]) if rows else []
    st.dataframe(readable(rows, columns), hide_index=True, width="stretch")
