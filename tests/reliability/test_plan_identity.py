"""Issue 16 items 9 and 14 (uploads): a plan's identity is its content and metadata, never its
file name. Two different files of one name in one upload are two plans; 附件1.txt of 阳城县 2022
and 附件1.txt of 阳城县 2023 are two plans; a new version of the same plan (same region, year
and title, or same 文号) replaces the old one and the report says which and why."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph.load import MAX_NAME_BYTES, load_paths, safe_file_name, stage_uploads
from graph.settings import REPO_ROOT, Settings

SAMENAME = Path(__file__).with_name("inputs") / "samename"
YEARS = "MATCH (d:Document {region: '140522'}) RETURN d.year AS year ORDER BY year"


@pytest.fixture
def load_env(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings) -> Iterator[None]:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    yield


def years(driver: Driver, database: str) -> list[int]:
    records, _, _ = driver.execute_query(YEARS, database_=database)
    return [r["year"] for r in records]


def test_two_years_under_one_file_name_are_two_plans(
    driver: Driver, database: str, load_env: None
) -> None:
    first = load_paths([SAMENAME / "a" / "附件1.txt"])
    second = load_paths([SAMENAME / "b" / "附件1.txt"])
    assert [f.outcome for f in first.files] == ["written"]
    assert [f.outcome for f in second.files] == ["written"], second.render()
    assert years(driver, database) == [2022, 2023]


def test_two_files_of_one_name_in_one_upload_are_both_loaded(
    driver: Driver, database: str, load_env: None, tmp_path: Path
) -> None:
    uploads = [
        (p.name, p.read_bytes())
        for p in (SAMENAME / "a" / "附件1.txt", SAMENAME / "b" / "附件1.txt")
    ]
    paths = stage_uploads(tmp_path, uploads)
    assert len(set(paths)) == 2 and all(p.name == "附件1.txt" for p in paths)
    summary = load_paths(paths)
    assert [f.outcome for f in summary.files] == ["written", "written"], summary.render()
    assert years(driver, database) == [2022, 2023]


def test_a_new_version_of_the_same_plan_replaces_it_and_says_why(
    driver: Driver, database: str, load_env: None, tmp_path: Path
) -> None:
    load_paths([SAMENAME / "b" / "附件1.txt"])
    edited = tmp_path / "阳城县2023年要点（修订）.txt"
    text = (SAMENAME / "b" / "附件1.txt").read_text(encoding="utf-8")
    edited.write_text(text.replace("。", "。\n", 1) + "\n（此件公开发布）\n", encoding="utf-8")
    summary = load_paths([edited])
    (report,) = summary.files
    assert report.outcome == "replaced", summary.render()
    assert "附件1.txt" in report.detail and ("文号" in report.detail or "title" in report.detail)
    assert years(driver, database) == [2023]


def test_long_and_odd_file_names_are_staged_safely(tmp_path: Path) -> None:
    long_name = "阳城县" * 30 + "教育工作要点.txt"  # 96 characters, 288 bytes
    for name in (long_name, "../../etc/passwd", "a\\b\\c.txt", "", ".."):
        staged = safe_file_name(name)
        assert len(staged.encode("utf-8")) <= MAX_NAME_BYTES and "/" not in staged
        assert staged not in ("", ".", "..")
    assert safe_file_name(long_name).endswith("….txt")
    (path,) = stage_uploads(tmp_path, [(long_name, "内容".encode())])
    assert path.read_text(encoding="utf-8") == "内容" and path.parent.parent == tmp_path


def test_the_ingest_page_takes_a_90_character_chinese_file_name(
    driver: Driver, database: str, load_env: None, tmp_path: Path
) -> None:
    """The page stages uploads through stage_uploads (AppTest cannot upload files, so the page's
    source is checked to use it, and the helper is exercised above)."""
    page = (REPO_ROOT / "app_pages" / "upload.py").read_text(encoding="utf-8")
    assert "stage_uploads(" in page and ".write_bytes(" not in page
    name = "阳城县" * 30 + ".txt"
    source = SAMENAME / "a" / "附件1.txt"
    (path,) = stage_uploads(tmp_path, [(name, source.read_bytes())])
    summary = load_paths([path])
    assert [f.outcome for f in summary.files] == ["written"]
    shutil.rmtree(tmp_path)
