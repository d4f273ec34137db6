"""Export: build a selection and download it in every export format (same code as the CLI)."""

from __future__ import annotations

import streamlit as st

from app_pages.state import cached, database, driver, guarded, t
from graph.explore import plans
from graph.export import FORMATS, Selection, export_bytes, format_names, select_subgraph

region_names = cached(plans.region_names)

st.title(t("page_export"))
st.caption(t("export_help"))
with guarded():
    regions = [row["name"] for row in region_names()]

chosen_regions = st.multiselect(t("seed_regions"), regions)
left, right = st.columns(2)
projects = left.text_input(t("seed_projects"), placeholder="双减, 国培计划")
policies = right.text_input(t("seed_policies"), placeholder="家庭教育促进法")
themes = left.text_input(t("seed_themes"))
institutions = right.text_input(t("seed_institutions"))
hops = st.slider(t("hops"), min_value=0, max_value=4, value=2)
provenance = st.checkbox(t("with_provenance"))


def names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace("，", ",").split(",") if part.strip())


selection = Selection(
    regions=tuple(chosen_regions),
    projects=names(projects),
    policies=names(policies),
    themes=names(themes),
    institutions=names(institutions),
    hops=hops,
    provenance=provenance,
)
if st.button(t("build_export"), type="primary", disabled=selection.is_empty()):
    with guarded():
        built = select_subgraph(driver(), selection, database=database())
    st.session_state["export_subgraph"] = built

subgraph = st.session_state.get("export_subgraph")
if subgraph is not None:
    st.success(
        f"{t('selection_summary')}: {len(subgraph.nodes)} {t('nodes')}, "
        f"{len(subgraph.rels)} {t('relationships')}"
    )
    formats = format_names()
    for column, name in zip(st.columns(len(formats)), formats, strict=True):
        spec = FORMATS[name]
        column.download_button(
            f"{t('download')} {name}",
            export_bytes(subgraph, name),
            file_name=f"plangraph-export{spec.suffix}",
            mime=spec.media_type,
            key=f"download-{name}",
        )
