"""Responsibility: who is responsible, in a region — per goal and measure, the lead and support
units with the sentence that names them, saying plainly where a plan names none and its issuer is
shown instead — and the chain around a project, an institution or an item as a graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t
from app_pages.urlstate import url_choice
from app_pages.widgets import graph_view, loaded_or_stop
from graph.explore import initiatives as initiative_reads
from graph.explore import plans
from graph.explore import responsibility as responsibility_reads
from graph.explore.responsibility import Duty

initiatives = cached(initiative_reads.initiatives)
responsibility = cached(responsibility_reads.responsibility)
institutions = cached(responsibility_reads.responsible_institutions)
region_names = cached(plans.region_names)
region_duties = cached(responsibility_reads.duties)
scopes = cached(responsibility_reads.regions)

st.title(t("page_responsibility"))
regions = loaded_or_stop(region_names)
with guarded():
    projects = [r["name"] for r in initiatives() if r["kind"] == "Project"]
    units = institutions()
view = url_choice(
    t("responsibility_view"),
    {"region": t("by_region"), "chain": t("chain")},
    param="view",
    widget=st.radio,
    horizontal=True,
)


def _units(duty: Duty) -> str:
    if not duty.lead and not duty.support:
        return t("no_unit_at_all")
    if duty.issuer_only:
        return t("issuer_instead")
    return t("from_goal") if duty.inherited else ""


def _row(duty: Duty) -> dict[str, object]:
    return {
        t("region"): duty.region,
        t("year"): duty.year or "",
        t("kind"): t(f"label_{duty.kind}"),
        t("item_text"): duty.text,
        t("lead_units"): "、".join(duty.lead),
        t("support_units"): "、".join(duty.support),
        t("said_by"): "；".join(duty.said) or _units(duty),
    }


def _by_region() -> None:
    st.caption(t("by_region_help"))
    left, right = st.columns(2)
    with guarded():
        choices = scopes()
    labels = {r["name"]: f"{r['name']} ({r['adcode']})" for r in choices}
    with left:
        region = url_choice(t("region"), labels, param="region")
    focus_options = {
        "": t("everything"),
        **{p: f"{t('project')} · {p}" for p in projects},
        **{u: f"{t('institution')} · {u}" for u in units},
    }
    with right:
        focus = url_choice(t("focus"), focus_options, param="focus")
    with guarded():
        found = region_duties(region, focus)
    if not found:
        st.info(t("nothing_found"))
        return
    named = sum(1 for d in found if d.said)
    issuer = sum(1 for d in found if d.issuer_only)
    columns = st.columns(3)
    columns[0].metric(t("items"), len(found))
    columns[1].metric(t("items_with_units"), named)
    columns[2].metric(t("issuer_shown"), issuer)
    if issuer:
        st.info(t("issuer_note").format(count=issuer, total=len(found)))
    table = pd.DataFrame([_row(d) for d in found])
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(
        t("download_csv"),
        table.to_csv(index=False).encode("utf-8-sig"),
        file_name=f"responsibility-{region}.csv",
        mime="text/csv",
    )


def _chain() -> None:
    st.caption(t("responsibility_help"))
    kind = url_choice(
        t("chain_of"),
        {k: t(k) for k in ("project", "institution", "item")},
        param="of",
        widget=st.radio,
        horizontal=True,
    )
    if kind == "project":
        name = url_choice(t("project"), {p: p for p in projects}, param="name")
    elif kind == "institution":
        name = url_choice(t("institution"), {u: u for u in units}, param="name")
    else:
        name = st.text_input(t("item_id"))
    if not name:
        return
    with guarded():
        chain = responsibility(name)
    if not chain.nodes:
        st.info(t("nothing_found"))
        return
    graph_view(chain, key="responsibility-graph", height=600)


if view == "region":  # a statement, not an expression: Streamlit would print its None
    _by_region()
else:
    _chain()
