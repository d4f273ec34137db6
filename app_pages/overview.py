"""Overview: what the graph holds, the documents loaded, the regions by province and where to go
next."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

import pandas as pd
import streamlit as st

from app_pages.display import readable
from app_pages.state import cached, guarded, t
from graph.explore import plans

counts = cached(plans.counts)
documents = cached(plans.documents)

# (label in the graph, interface string); regions are counted apart (with a plan / all).
METRICS = [
    ("Goal", "goals"),
    ("Measure", "measures"),
    ("Target", "targets"),
    ("Project", "projects"),
    ("Policy", "policies"),
    ("Institution", "institutions"),
]
COLUMNS = ["province", "region", "adcode", "year", "title", "doc_number", "issuers", "goals"]
NEXT_STEPS = [
    ("app_pages/region.py", "page_region", "next_region"),
    ("app_pages/compare.py", "page_compare", "next_compare"),
    ("app_pages/initiatives.py", "page_initiatives", "next_initiatives"),
    ("app_pages/themes.py", "page_themes", "next_themes"),
    ("app_pages/queries.py", "page_queries", "next_queries"),
    ("app_pages/upload.py", "page_ingest", "next_ingest"),
]


def _titled(doc: dict[str, Any]) -> dict[str, Any]:
    """A document without a title is called by its file name."""
    return {**doc, "title": doc["title"] or PurePath(doc["source"] or "").name}


st.title(t("app_title"))
with guarded():
    totals = counts()
    docs = documents()

with_plan = {d["adcode"] for d in docs if d["adcode"]}
columns = st.columns(2 + len(METRICS))
columns[0].metric(t("plans"), len(docs))
columns[1].metric(t("regions_with_plan"), len(with_plan), help=t("regions_with_plan_help"))
for column, (label, key) in zip(columns[2:], METRICS, strict=True):
    column.metric(t(key), totals.get(label, 0))
st.caption(t("reference_regions").format(n=totals.get("Region", 0)))

if not docs:
    st.info(t("no_documents"))
    st.stop()

st.subheader(t("next_steps"))
links = st.columns(3)
for k, (page, title, help_key) in enumerate(NEXT_STEPS):
    with links[k % 3]:
        st.page_link(page, label=t(title))
        st.caption(t(help_key))

st.subheader(t("documents_loaded"))
st.dataframe(
    readable([_titled(d) for d in docs], COLUMNS),
    hide_index=True,
    width="stretch",
    column_config={
        t("col_title"): st.column_config.TextColumn(width="medium"),
        t("col_issuers"): st.column_config.TextColumn(width="medium"),
    },
)

st.subheader(t("regions_by_province"))
table = pd.DataFrame(docs)
for province, group in table.groupby("province", dropna=False, sort=True):
    regions = "、".join(sorted(set(group["region"].dropna())))
    st.markdown(f"**{province if isinstance(province, str) else '—'}**：{regions}")

with st.expander(t("counts")):
    st.dataframe(readable(
        [{"name": name, "count": n} for name, n in sorted(totals.items())], ["name", "count"]
    ), hide_index=True)  # fmt: skip
