"""Ingest: upload work plans, watch them load, read the per-file report."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from app_pages.state import database, driver, guarded, t
from graph import views
from ingest.load import load_paths, stage_uploads

MAX_UPLOAD_BYTES = 50 * 1024 * 1024

st.title(t("page_ingest"))
uploads = st.file_uploader(
    t("upload_help"), type=["txt", "docx", "pdf", "html", "htm"], accept_multiple_files=True
)
too_large = [u.name for u in uploads or [] if u.size > MAX_UPLOAD_BYTES]
for name in too_large:
    st.error(f"{t('too_large')}: {name}")
accepted = [u for u in uploads or [] if u.name not in too_large]

if st.button(t("load_files"), type="primary", disabled=not accepted):
    bar = st.progress(0.0, text=t("loading"))
    with tempfile.TemporaryDirectory() as folder, guarded():
        paths = stage_uploads(Path(folder), [(u.name, u.getvalue()) for u in accepted])
        summary = load_paths(
            paths,
            progress=lambda done, total, name: bar.progress(
                done / total, text=f"{t('loading')} {Path(name).name}"
            ),
        )
    st.cache_data.clear()  # the graph changed
    st.subheader(t("report"))
    report = pd.DataFrame(
        [(f.source, f.outcome, f.detail) for f in summary.files],
        columns=[t("file"), t("outcome"), "detail"],
    )
    st.dataframe(report, hide_index=True, width="stretch")
    st.code(summary.render(), language=None)
    with guarded():
        totals = views.counts(driver(), database=database())
    st.subheader(t("graph_now"))
    labels = ("Document", "Region", "Goal", "Measure", "Target", "Project", "Policy")
    for column, label in zip(st.columns(len(labels)), labels, strict=True):
        column.metric(label, totals.get(label, 0))
