"""Upload (the page at /ingest, `graph.load` its one entry into ingestion): upload work plans,
check (and correct) the region each one will be filed under, load them with a progress bar, read
the per-file report."""

from __future__ import annotations

import hashlib
import tempfile
from functools import cache
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.uploaded_file_manager import UploadedFile

from app_pages.display import readable
from app_pages.state import database, driver, guarded, t, translated
from graph.explore import plans
from graph.load import (
    LoadSummary,
    Progress,
    RegionFound,
    RegionNote,
    find_regions,
    load_paths,
    region_names,
    stage_uploads,
)

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
FOUND = "ingest-regions-found"  # upload digest → RegionFound (or the reason it failed)
NO_REGION = ""
LABELS = ("Document", "Region", "Goal", "Measure", "Target", "Project", "Policy")


@cache
def _gazetteer() -> dict[str, str]:
    return region_names()


def _digest(upload: UploadedFile) -> str:
    return hashlib.sha256(upload.getvalue()).hexdigest()[:16] + upload.name


def _saved(uploads: list[UploadedFile], folder: str) -> list[Path]:
    """Each upload in a folder of its own: two files of one name stay two files."""
    return stage_uploads(Path(folder), [(u.name, u.getvalue()) for u in uploads])


def _find_regions(uploads: list[UploadedFile]) -> None:
    """Extract the files not seen yet, to show the region each would be filed under."""
    found: dict[str, RegionFound | str] = st.session_state.setdefault(FOUND, {})
    new = [u for u in uploads if _digest(u) not in found]
    if not new:
        return
    with st.spinner(t("finding_regions")), tempfile.TemporaryDirectory() as folder:
        for upload, outcome in zip(new, find_regions(_saved(new, folder)), strict=True):
            found[_digest(upload)] = (
                outcome if isinstance(outcome, RegionFound) else outcome.message
            )


def _why(note: RegionNote | None) -> str:
    """The extraction's reason for finding no region, in the interface language."""
    return t(f"region_note_{note.reason}").format(names="、".join(note.names)) if note else ""


def _region_choices(uploads: list[UploadedFile]) -> dict[str, str]:
    """One box per file, on the region found (or on none, with the reason); returns the choice
    for every file, by its digest."""
    names = _gazetteer()
    options = [NO_REGION, *names]
    chosen = {}
    for upload in uploads:
        outcome = st.session_state[FOUND][_digest(upload)]
        if isinstance(outcome, str):  # unreadable: the load reports it again
            st.warning(f"{upload.name}: {outcome}")
            continue
        found = outcome.adcode if outcome.adcode in names else NO_REGION
        chosen[_digest(upload)] = st.selectbox(
            f"{upload.name} · {t('region_filed_under')}",
            options,
            index=options.index(found),
            format_func=lambda code: names[code] if code else t("no_region"),
            key=f"region-{_digest(upload)}",
        )
        if outcome.adcode is None:
            st.caption(f":material/help: {t('no_region_found').format(why=_why(outcome.note))}")
        elif chosen[_digest(upload)] == found:
            st.caption(f"{t('region_evidence')}: {translated(outcome.evidence)}")
        else:
            st.caption(t("region_corrected"))
    return chosen


def _progress(bar: DeltaGenerator) -> Progress:
    """The load's progress, shown on ``bar`` with the file being read."""

    def show(done: int, total: int, name: str) -> None:
        bar.progress(done / total, text=f"{t('loading')} {Path(name).name}")

    return show


def _report(summary: LoadSummary, regions: list[str | None]) -> list[dict[str, str]]:
    """One row per file (in the order loaded, beside the region chosen for it): its outcome,
    the region it was filed under and what it holds."""
    names, results, rows = _gazetteer(), iter(summary.results), []
    for file, code in zip(summary.files, regions, strict=False):
        name = Path(file.source).name
        detail = file.detail
        if file.outcome != "skipped":
            counts = next(results).counts
            detail = "，".join(
                f"{translated(k)} {n}" for k, n in sorted(counts.items()) if not k.isupper()
            )
        region = names.get(code or "", t("no_region")) if code is not None else ""
        rows.append({"file": name, "outcome": file.outcome, "region": region, "detail": detail})
    return rows


st.title(t("page_ingest"))
uploads = st.file_uploader(
    t("upload_help"), type=["txt", "docx", "pdf", "html", "htm"], accept_multiple_files=True
)
too_large = [u.name for u in uploads or [] if u.size > MAX_UPLOAD_BYTES]
for name in too_large:
    st.error(f"{t('too_large')}: {name}")
accepted = [u for u in uploads or [] if u.name not in too_large]

regions: dict[str, str] = {}
if accepted:
    st.subheader(t("regions_found"))
    st.caption(t("regions_found_help"))
    _find_regions(accepted)
    regions = _region_choices(accepted)

if st.button(t("load_files"), type="primary", disabled=not accepted):
    bar = st.progress(0.0, text=t("loading"))
    with tempfile.TemporaryDirectory() as folder, guarded():
        paths = _saved(accepted, folder)
        by_path = {
            str(path): regions[_digest(upload)]
            for path, upload in zip(paths, accepted, strict=True)
            if _digest(upload) in regions
        }
        summary = load_paths(paths, progress=_progress(bar), regions=by_path)
    st.cache_data.clear()  # the graph changed
    st.subheader(t("report"))
    columns = ["file", "outcome", "region", "detail"]
    in_order = [by_path.get(str(path)) for path in paths]
    st.dataframe(readable(_report(summary, in_order), columns), hide_index=True, width="stretch")
    with st.expander(t("load_log")):
        st.code(summary.render(), language=None)
    with guarded():
        totals = plans.counts(driver(), database=database())
    st.subheader(t("graph_now"))
    for column, label in zip(st.columns(len(LABELS)), LABELS, strict=True):
        column.metric(translated(label), totals.get(label, 0))
