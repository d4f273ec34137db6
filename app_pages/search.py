"""Search (全文检索): one box over goals, measures, targets and the plans' own text, ranked, each
hit in its sentence with the words marked, filters by region (with the regions under it), year,
theme, kind and named responsible unit, one click into the plan reader, CSV and XLSX downloads.
Every choice is kept in the URL."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
import streamlit as st

from app_pages import url
from app_pages.plantext import BACKGROUND, snippet_html
from app_pages.state import cached, guarded, language, t
from app_pages.widgets import loaded_or_stop
from graph import search as searching
from graph.explore import plans

READER = "app_pages/reader.py"
SHOWN = 50
DEFAULTS: dict[str, Any] = {
    "q": "", "region": "", "year": 0, "theme": "", "kind": list(searching.KINDS), "unit": "",
}  # fmt: skip
KIND_COLOURS = {**BACKGROUND, "text": "#E5E7E9"}

run_search = cached(searching.search)
filters = cached(searching.filters)
documents = cached(plans.documents)

st.title(t("page_search"))
loaded_or_stop(documents)
with guarded():
    choices = filters()
url.start(DEFAULTS, prefix="search-")
for name, default in DEFAULTS.items():
    st.session_state.setdefault(f"search-{name}", default)

text = st.text_input(t("search_box"), placeholder=t("search_placeholder"), key="search-q")
st.caption(t("search_hint"))
regions = {"": t("all")} | {r["adcode"]: f"{r['name']} ({r['adcode']})" for r in choices.regions}
themes = {"": t("all")} | {
    th["id"]: th["label_en"] if language() == "en" and th["label_en"] else th["label"]
    for th in choices.themes
}
units = {"": t("unit_any"), "named": t("unit_named"), "none": t("unit_none")}
if st.session_state["search-region"] not in regions:
    st.session_state["search-region"] = ""
if st.session_state["search-theme"] not in themes:
    st.session_state["search-theme"] = ""
if st.session_state["search-year"] not in [0, *choices.years]:
    st.session_state["search-year"] = 0
columns = st.columns([3, 2, 2, 4, 2])
region = columns[0].selectbox(t("region"), list(regions), format_func=lambda r: regions[r],
                              key="search-region")  # fmt: skip
year = columns[1].selectbox(t("year"), [0, *choices.years], key="search-year",
                            format_func=lambda y: str(y) if y else t("all"))  # fmt: skip
theme = columns[2].selectbox(
    t("theme"), list(themes), format_func=lambda th: themes[th], key="search-theme"
)
kinds = columns[3].multiselect(t("kinds"), list(searching.KINDS),
                               format_func=lambda k: t(f"kind_{k}"), key="search-kind")  # fmt: skip
unit = columns[4].selectbox(t("responsible_unit"), list(units), format_func=lambda u: units[u],
                            key="search-unit")  # fmt: skip
url.keep({"q": text.strip(), "region": region, "year": year, "theme": theme, "kind": kinds,
          "unit": unit}, DEFAULTS)  # fmt: skip

if not text.strip() or not kinds:
    st.stop()
with guarded(), st.spinner(t("searching")):
    result = run_search(text, region=region, year=year, theme=theme, kinds=tuple(kinds),
                        responsible=unit, limit=500)  # fmt: skip

count = f"{len(result.hits)} {t('hits')}"
if result.truncated:
    count = f"{t('more_hits')} {len(result.hits)}"
st.subheader(count)
if not result.hits:
    st.info(t("nothing_found"))
    st.stop()


def _safe(value: object) -> object:
    """A cell a spreadsheet would read as a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


table = pd.DataFrame(searching.rows(result)).map(_safe)
left, right, _ = st.columns([1, 1, 4])
left.download_button(t("download_csv"), table.to_csv(index=False).encode("utf-8-sig"),
                     file_name="search.csv", mime="text/csv")  # fmt: skip
workbook = io.BytesIO()
table.to_excel(workbook, index=False, sheet_name="search")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
right.download_button(t("download_xlsx"), workbook.getvalue(), file_name="search.xlsx", mime=XLSX)
if len(result.hits) > SHOWN:
    st.caption(t("shown_first"))


def _card(hit: searching.Hit) -> str:
    from html import escape

    badge = (
        f"<span style='background:{KIND_COLOURS[hit.kind]};padding:0 .5em;border-radius:.3em'>"
        f"{escape(t('kind_' + hit.kind))}</span>"
    )
    where = " · ".join(escape(str(v)) for v in (hit.region, hit.year, hit.plan) if v)
    units_named = (
        f"<div><small>{escape(t('units_named'))}: {escape('、'.join(hit.units))}</small></div>"
        if hit.units
        else ""
    )
    near = "" if hit.exact else f" <small>({escape(t('fuzzy_hit'))})</small>"
    return (
        f"<div class='plangraph-hit'>{badge} <small>{where}</small>{near}"
        f"<div style='margin-top:.3em'>{snippet_html(hit.snippet)}</div>{units_named}</div>"
    )


for hit in result.hits[:SHOWN]:
    with st.container(border=True):
        st.html(_card(hit))
        place = {"doc": hit.doc, "at": str(hit.start), "to": str(hit.end)}
        st.page_link(READER, label=t("open_in_plan"), icon=":material/menu_book:",
                     query_params=place)  # fmt: skip
