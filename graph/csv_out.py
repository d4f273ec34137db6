"""The one way the app and the CLI write CSV for people (saved-query, console and network
downloads): UTF-8 with a byte-order mark, so that Excel reads Chinese correctly, and text cells
that a spreadsheet would take for a formula (starting with = + - @, tab or carriage return)
prefixed with an apostrophe (the OWASP rule against CSV formula injection).

The neo4j-admin import files of `graph export --format csv` are for machines and go through
graph/export/csv_import.py unchanged."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell's text: numbers as they are, text that could start a formula with a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = (
        json.dumps(value, ensure_ascii=False, default=str)
        if isinstance(value, list | dict)
        else str(value)
    )
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV text for people: BOM, header, one line per row, every cell through safe_cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)
    return BOM + buffer.getvalue()


def csv_bytes(frame: Any) -> bytes:
    """A pandas DataFrame as CSV bytes for a download button."""
    columns = [str(c) for c in frame.columns]
    rows = (dict(zip(columns, values, strict=True)) for values in frame.itertuples(index=False))
    return csv_text(columns, rows).encode("utf-8")
