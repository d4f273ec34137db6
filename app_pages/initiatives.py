"""Initiatives: who adopts a project or policy, with the sentences that show it, measures like
its measures in regions that do not name it, and what is adopted together with it."""

from __future__ import annotations

import streamlit as st

from app_pages.display import readable
from app_pages.state import cached, guarded, t, translated
from app_pages.text import plain
from app_pages.widgets import graph_view, loaded_or_stop, open_profile, remembered_choice
from graph.explore import initiatives as initiative_reads
from graph.explore import responsibility as responsibility_reads

READER = "app_pages/reader.py"
initiatives = cached(initiative_reads.initiatives)
initiative = cached(initiative_reads.initiative)
responsibility = cached(responsibility_reads.responsibility)

st.title(t("page_initiatives"))
rows = loaded_or_stop(initiatives)
labels = {
    r["id"]: f"{r['name']} · {translated(r['kind'])} · {r['regions']} {t('regions_count')}"
    for r in rows
}
chosen = remembered_choice(t("initiative"), labels, key="initiative")
with guarded():
    view = initiative(chosen)

st.subheader(f"{t('adopters')} ({len(view.adopters)})")
for row in view.adopters:
    year = f" · {row['first_year']}" if row["first_year"] else ""
    with st.expander(f"{row['region']} ({row['adcode']}){year}"):
        sources = row["evidence_items"] or []
        for number, sentence in enumerate(row["evidence"] or []):
            st.markdown(f"> {plain(sentence)}")
            if number < len(sources):  # the sentence highlighted in its plan
                st.page_link(READER, label=t("open_in_plan"), icon=":material/menu_book:",
                             query_params={"item": sources[number]})  # fmt: skip
        if st.button(t("open_profile"), key=f"profile-{row['adcode']}"):
            open_profile(row["region"])

st.subheader(t("similar_elsewhere"))
if view.similar_elsewhere:
    columns = ["score", "region", "text", "projects", "like"]
    st.dataframe(readable(view.similar_elsewhere, columns), hide_index=True, width="stretch")
else:
    st.caption(t("none"))

st.subheader(t("co_adopted"))
if view.co_adopted:
    columns = ["kind", "initiative", "shared", "jaccard"]
    st.dataframe(readable(view.co_adopted, columns), hide_index=True, width="stretch")
    st.caption(t("jaccard_help"))
else:
    st.caption(t("none"))

if next(r for r in rows if r["id"] == chosen)["kind"] == "Project":
    st.subheader(t("page_responsibility"))
    with guarded():
        graph_view(responsibility(chosen), key="initiative-graph")
