"""Compare regions: two or more regions side by side — their size, the initiatives they share and
those only one of them takes up, how similar their plans are (and why), their themes and targets
side by side, and their most similar measures. Starts on the two most similar regions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.display import readable
from app_pages.state import cached, guarded, language, t, translated
from app_pages.text import plain
from graph.explore import plans
from graph.explore import regions as region_reads
from graph.explore import themes as theme_reads
from graph.explore.regions import Comparison

region_names = cached(plans.region_names)
compare = cached(region_reads.compare)
most_similar_pair = cached(region_reads.most_similar_pair)
region_themes = cached(theme_reads.region_themes)
region_profile = cached(region_reads.region_profile)

st.title(t("page_compare"))
st.caption(t("compare_help"))
with guarded():
    regions = region_names()
    default = most_similar_pair()
if len(regions) < 2:
    st.info(t("need_two_regions"))
    st.stop()

names = {r["adcode"]: r["name"] for r in regions}
repeated = {n for n in names.values() if list(names.values()).count(n) > 1}
chosen = st.multiselect(
    t("regions"),
    list(names),
    default=[c for c in default if c in names] or list(names)[:2],
    format_func=lambda c: f"{names[c]} {c}" if names[c] in repeated else names[c],
)
if len(chosen) < 2:
    st.info(t("need_two_regions"))
    st.stop()

with guarded():
    comparison: Comparison = compare(chosen)

sizes = ["region", "plans", "goals", "measures", "targets"]
st.dataframe(readable(comparison.sizes, sizes), hide_index=True, width="stretch")

st.subheader(t("similar_plans"))
pairs = []
for row in comparison.similar_regions:
    a = next(c for c in chosen if names[c] == row["region"])
    b = next(c for c in chosen if names[c] == row["other_region"])
    both = [n for n, (_, by) in comparison.adoptions.items() if {a, b} <= by]
    either = [n for n, (_, by) in comparison.adoptions.items() if by & {a, b}]
    pairs.append({**row, "shared": len(both), "either": len(either)})
if pairs:
    columns = ["region", "other_region", "score", "shared", "either"]
    headers = {"shared": t("col_shared_initiatives"), "either": t("col_either_initiatives")}
    st.dataframe(readable(pairs, columns, headers), hide_index=True, width="stretch")
else:
    st.caption(t("not_similar"))
st.caption(t("similarity_help"))

st.subheader(t("shared_initiatives"))
shared = comparison.shared(chosen)
st.markdown("、".join(plain(name) for name in shared) if shared else t("none"))

st.subheader(t("unique_initiatives"))
for column, code in zip(st.columns(len(chosen)), chosen, strict=True):
    only = comparison.only(code)
    column.markdown(f"**{names[code]}** ({len(only)})")
    column.dataframe(pd.DataFrame({t("name"): only}), hide_index=True, width="stretch")

st.subheader(t("themes_side_by_side"))
with guarded():
    themes = pd.DataFrame(region_themes(chosen))
if themes.empty:
    st.caption(t("none"))
else:
    themes["label"] = themes["theme_en"] if language() == "en" else themes["theme"]
    themes["share"] = themes["items"] / themes.groupby("adcode")["items"].transform("sum")
    themes["column"] = themes["adcode"].map(names)
    side = themes.pivot_table(index="label", columns="column", values="share", fill_value=0.0)
    side = side[[names[c] for c in chosen if names[c] in side.columns]]
    side.index.name = t("theme")
    st.dataframe(
        side.sort_values(side.columns[0], ascending=False),
        width="stretch",
        column_config={c: st.column_config.NumberColumn(format="percent") for c in side.columns},
    )
    st.caption(t("themes_share_help"))

st.subheader(t("targets_side_by_side"))
for column, code in zip(st.columns(len(chosen)), chosen, strict=True):
    with guarded():
        targets = region_profile(code).all_of("target")
    column.markdown(f"**{names[code]}** ({len(targets)})")
    column.dataframe(pd.DataFrame({t("targets"): targets}), hide_index=True, width="stretch")

with st.expander(t("adoption_matrix")):
    matrix = [
        {"name": name, "kind": translated(kind), **{names[c]: c in by for c in chosen}}
        for name, (kind, by) in sorted(comparison.adoptions.items())
    ]
    st.dataframe(
        readable(matrix, ["name", "kind"]).join(
            pd.DataFrame(matrix, columns=[names[c] for c in chosen])
        ),
        hide_index=True,
        width="stretch",
    )

st.subheader(t("similar_measures"))
if comparison.similar_measures:
    columns = ["score", "region", "text", "other_region", "other_text"]
    st.dataframe(readable(comparison.similar_measures, columns), hide_index=True, width="stretch")
else:
    st.caption(t("none"))
