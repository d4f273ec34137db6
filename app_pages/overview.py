"""Overview: what the graph holds, the documents loaded and the regions by province."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t
from graph import views

counts = cached(views.counts)
documents = cached(views.documents)

st.title(t("app_title"))
with guarded():
    totals = counts()
    docs = documents()

labels = ["Document", "Region", "Goal", "Measure", "Target", "Project", "Policy", "Institution"]
columns = st.columns(len(labels))
for column, label in zip(columns, labels, strict=True):
    column.metric(label, totals.get(label, 0))

if not docs:
    st.info(t("no_documents"))
    st.stop()

st.subheader(t("documents_loaded"))
table = pd.DataFrame(docs)
table["issuers"] = table["issuers"].map(lambda names: "、".join(names or []))
st.dataframe(
    table[["province", "region", "adcode", "year", "title", "doc_number", "issuers", "goals"]],
    hide_index=True,
    width="stretch",
)

st.subheader(t("regions_by_province"))
for province, group in table.groupby("province", dropna=False, sort=True):
    regions = "、".join(sorted(set(group["region"].dropna())))
    st.markdown(f"**{province or '—'}**：{regions}")

with st.expander(t("counts")):
    st.dataframe(pd.DataFrame(sorted(totals.items()), columns=["name", "count"]), hide_index=True)
