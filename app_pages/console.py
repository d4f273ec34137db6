"""Cypher console: read-only (an allow-list of read statement forms, then a read transaction), with
a timeout, a memory cap and a row cap; each refusal or failure is said in the page's language."""

from __future__ import annotations

import uuid

import pandas as pd
import streamlit as st

from app_pages.state import database, driver, t
from graph.console import ConsoleError, ConsoleResult, run_console_query
from graph.csv_out import csv_bytes

st.title(t("page_console"))
st.caption(t("console_help"))
statement = st.text_area(
    "Cypher", value="MATCH (r:Region)<-[:FOR_REGION]-(d:Document) RETURN r.name, d.title LIMIT 25"
)
left, right = st.columns(2)
row_cap = left.number_input(t("row_cap"), min_value=1, max_value=10_000, value=1000)
timeout = right.number_input(t("timeout_s"), min_value=1, max_value=120, value=15)


def explain(error: ConsoleError, timeout_s: int) -> str:
    """What happened, in the page's language."""
    if error.kind == "refused" and error.subject:
        return t("console_refused_by").format(subject=error.subject)
    if error.kind == "syntax" and ":" in error.subject:
        line, column = error.subject.split(":", 1)
        return t("console_syntax_at").format(line=line, column=column)
    if error.kind == "busy":
        return t("console_busy").format(seconds=error.subject)
    if error.kind == "failed" and error.detail:
        return f"{t('console_failed')}: {error.detail}"
    return t(f"console_{error.kind}").format(seconds=timeout_s)


def run(statement: str, row_cap: int, timeout_s: int) -> ConsoleResult:
    try:
        user = st.session_state.setdefault("console_user", uuid.uuid4().hex)
        return run_console_query(
            driver(),
            statement,
            database=database(),
            row_cap=row_cap,
            timeout=float(timeout_s),
            user=user,
        )
    except ConsoleError as error:
        st.error(explain(error, timeout_s))
        if error.kind == "unreachable":
            st.caption(t("retry_hint"))
        st.stop()
        raise


if st.button(t("run"), type="primary"):
    result = run(statement, int(row_cap), int(timeout))
    if result.truncated:
        st.warning(f"{t('truncated')} ({row_cap})")
    frame = pd.DataFrame(result.rows, columns=result.columns)
    st.caption(f"{len(frame)} {t('rows')}")
    st.dataframe(frame.astype(str), hide_index=True, width="stretch")
    st.download_button(t("download_csv"), csv_bytes(frame), "result.csv", "text/csv")
