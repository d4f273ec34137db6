"""Issue 16 item 7 and issue 15 item 10: every CSV written for people (saved-query, console and
network downloads, the CLI's --format csv) starts with a UTF-8 BOM for Excel and carries no cell a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
from neo4j import Driver

from graph.analysis.network import NetworkReport, NetworkRow, format_network
from graph.build import build_batch
from graph.console import run_console_query
from graph.csv_out import BOM, csv_bytes, csv_text, safe_cell
from graph.neo4j_writer import write_document
from graph.queries import QueryResult, format_result
from graph.settings import REPO_ROOT, Settings
from ingest.pipeline import extract_file

HOSTILE = Path(__file__).with_name("inputs") / "export_hostile.txt"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def test_cells_that_start_a_formula_are_prefixed_and_numbers_are_not() -> None:
    for text in ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell(-2) == "-2" and safe_cell(1.5) == "1.5" and safe_cell("双减") == "双减"
    assert safe_cell(None) == "" and safe_cell(["=a"]) == '["=a"]'


def test_saved_query_csv_has_a_bom_and_no_formula() -> None:
    result = QueryResult(["name", "n"], [{"name": '=HYPERLINK("http://x")', "n": -1}], False)
    rows = cells(format_result(result, "csv"))
    assert rows == [["name", "n"], ['\'=HYPERLINK("http://x")', "-1"]]


def test_network_csv_goes_through_the_same_helper() -> None:
    row = NetworkRow(**{name: "=1+1" for name in NetworkRow.__dataclass_fields__})
    report = NetworkReport(rows=(row,), edges=0, communities=0, modularity=0.0)
    text = format_network(report, fmt="csv")
    assert all(cell == "'=1+1" for cell in cells(text)[1])


def test_console_download_of_a_hostile_plan_has_no_formula(driver: Driver, database: str) -> None:
    write_document(driver, build_batch(extract_file(HOSTILE)), database=database)
    result = run_console_query(
        driver, "MATCH (m:Measure) RETURN m.text AS text", database=database, row_cap=100
    )
    frame = pd.DataFrame(result.rows, columns=result.columns)
    data = csv_bytes(frame)
    assert data.startswith(BOM.encode("utf-8"))
    body = cells(data.decode("utf-8"))
    assert len(body) > 1 and all(not c.startswith(FORMULA_STARTS) for r in body for c in r)
    page = (REPO_ROOT / "app_pages" / "console.py").read_text(encoding="utf-8")
    assert "csv_bytes(frame)" in page and "to_csv(" not in page


def test_the_cli_writes_csv_with_a_bom(sample_graph: Driver, neo4j_settings: Settings) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    out = subprocess.run(
        [sys.executable, "-m", "graph", "query", "adopters", "--format", "csv"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert out.startswith(BOM) and "region" in out.splitlines()[0]


def test_csv_text_quotes_and_line_ends() -> None:
    text = csv_text(["a"], [{"a": 'x,"y"\nz'}])
    assert cells(text) == [["a"], ['x,"y"\nz']]
