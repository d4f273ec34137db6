"""Plan reader (原文阅读): a plan's whole text with every extracted item highlighted by kind, a
legend, and the node and neighbours of the item clicked. ``?doc=…&at=…`` (and ``&to=…`` for a
passage) in the URL opens a plan at a place, so other pages and shared links lead here;
``?item=ID`` opens a goal, measure or target by its id."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.plantext import legend_html, md, plan_html
from app_pages.state import cached, guarded, language, t
from app_pages.widgets import loaded_or_stop
from graph.explore import plans, reader
from graph.explore.reader import Item, Plan, Span

PROPERTIES = ("number", "title", "metric", "value", "unit", "comparator", "deadline")
documents = cached(plans.documents)
read_plan = cached(reader.plan)
read_item = cached(reader.item)
source_span = cached(plans.source_span)


def _url_int(name: str) -> int | None:
    raw = st.query_params.get(name, "")
    return int(raw) if raw.isdigit() else None


def _open_item_from_url() -> None:
    """``?item=ID`` becomes ``?doc=…&at=…``."""
    item_id = st.query_params.get("item")
    if not item_id:
        return
    with guarded():
        span = source_span(item_id)
    del st.query_params["item"]
    if span is not None:
        st.query_params["doc"], st.query_params["at"] = span.doc, str(span.start)


def _label(row: dict[str, Any]) -> str:
    name = row["title"] or Path(str(row["source"] or row["id"])).name
    return " · ".join(str(v) for v in (row["region"], row["year"], name) if v)


def _place(doc: str, at: int | None) -> None:
    """The reader's place, in the URL and as seen (so that it is not taken for a new link)."""
    st.session_state["reader-seen"] = (doc, at)
    st.query_params["doc"] = doc
    for name in ("at", "to"):
        st.query_params.pop(name, None)
    if at is not None:
        st.query_params["at"] = str(at)


def _doc_changed() -> None:
    st.session_state.pop("reader-item", None)
    _place(st.session_state["reader-doc"], None)


def _item_changed(starts: dict[str, int]) -> None:
    chosen = st.session_state.get("reader-item")
    _place(st.session_state["reader-doc"], starts.get(chosen or ""))


def _item_label(span: Span | None) -> str:
    if span is None:
        return "—"
    return f"{t('kind_' + span.kind)} · {span.name[:50]}"


st.title(t("page_reader"))
st.caption(t("reader_help"))
rows = loaded_or_stop(documents)
labels = {row["id"]: _label(row) for row in rows}
_open_item_from_url()
url_doc, url_at, url_to = st.query_params.get("doc"), _url_int("at"), _url_int("to")
if st.session_state.get("reader-seen") != (url_doc, url_at):  # arrived by a link
    st.session_state["reader-seen"] = (url_doc, url_at)
    st.session_state.pop("reader-item", None)
    if url_doc in labels:
        st.session_state["reader-doc"] = url_doc
if st.session_state.get("reader-doc") not in labels:
    st.session_state["reader-doc"] = next(iter(labels))
doc: str = st.selectbox(t("plan"), list(labels), format_func=lambda d: labels[d], key="reader-doc",
                   on_change=_doc_changed)  # fmt: skip
with guarded():
    plan: Plan | None = read_plan(doc)
if plan is None:
    st.info(t("no_such_plan"))
    st.stop()

items = {span.id: span for span in plan.items()}
at = url_at if url_doc == doc else None
if "reader-item" not in st.session_state:
    found = plan.item_at(at) if at is not None else None
    st.session_state["reader-item"] = found.id if found else None
item_id = st.selectbox(
    t("reader_item"), [None, *items], format_func=lambda i: _item_label(items.get(i or "")),
    key="reader-item", on_change=_item_changed, args=({i: s.start for i, s in items.items()},),
)  # fmt: skip
selected = items.get(item_id or "")
if selected is not None:
    at, url_to = selected.start, None
elif at is not None:
    end = url_to if url_to and url_to > at else at + 1
    selected = Span("passage", "", at, end, t("passage"))
st.session_state["reader-seen"] = (doc, at)
wanted: dict[str, str] = {"doc": doc} | ({"at": str(at)} if at is not None else {})
wanted |= {"to": str(url_to)} if url_to and selected and selected.kind == "passage" else {}
wanted |= {"lang": "en"} if language() == "en" else {}
if {k: st.query_params.get(k) for k in st.query_params} != wanted:
    st.query_params.from_dict(wanted)

text_column, item_column = st.columns([3, 2])
with text_column:
    st.html(legend_html({kind: t("kind_" + kind) for kind in reader.KINDS}))
    with st.container(height=720):
        st.html(plan_html(plan.text, plan.spans, doc=doc, selected=selected, lang=language()))
if selected is not None:  # bring the selected item into view
    st.html(
        "<script>(function(n){const go=()=>{const e=window.parent.document.getElementById("
        "'plangraph-at')||document.getElementById('plangraph-at');if(e){e.scrollIntoView("
        "{block:'center'})}else if(n-->0){setTimeout(go,200)}};setTimeout(go,300)})(15)</script>",
        unsafe_allow_javascript=True,
    )


def _relation(neighbour: reader.Neighbour) -> str:
    key = f"rel_{neighbour.type}_{'out' if neighbour.outgoing else 'in'}"
    key += f"_{neighbour.role or 'lead'}" if neighbour.type == "RESPONSIBLE_FOR" else ""
    return t(key) if t(key) != key else t("relation")


def _show_item(details: Item) -> None:
    st.subheader(t("kind_" + details.kind))
    st.html(f"<div style='line-height:1.8'>{escape(details.text or '')}</div>")
    shown = [(t("prop_" + k), str(details.props[k])) for k in PROPERTIES if k in details.props]
    if shown:
        st.dataframe(pd.DataFrame(shown, columns=[t("name"), t("prop_text")]), hide_index=True,
                     width="stretch")  # fmt: skip
    st.markdown(f"**{t('neighbours')}** ({len(details.neighbours)})")
    english = language() == "en"
    table = [
        {t("relation"): _relation(n), t("kind"): t("kind_" + n.kind),
         t("name"): (n.name_en if english and n.name_en else n.name)}
        for n in details.neighbours
    ]  # fmt: skip
    if table:
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
    for n in details.neighbours:
        if n.doc and n.start is not None:
            st.page_link("app_pages/reader.py", label=f"{_relation(n)} · {md(n.name[:40])}",
                         icon=":material/menu_book:",
                         query_params={"doc": n.doc, "at": str(n.start)})  # fmt: skip


with item_column:
    st.markdown(f"**{t('item_properties')}**")
    if item_id is None:
        if selected is not None:
            st.caption(t("passage"))
            st.html(f"<mark>{escape(plan.text[selected.start : selected.end])}</mark>")
        st.info(t("no_item_selected"))
    else:
        with guarded():
            details = read_item(item_id)
        if details is not None:
            _show_item(details)
