"""Plan text as the app shows it. Plan text is hostile input: it is escaped for HTML here and shown
through st.html (no Markdown), or escaped for Markdown by ``md`` wherever a Markdown element shows
it, so no link, image or markup in a plan ever comes alive. Pure functions; no Streamlit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import pairwise
from urllib.parse import urlencode

from app_pages.text import plain
from graph.explore.reader import ITEM_KINDS, Span

# Items are backgrounds (a goal holds its measures, a measure its targets); mentions and
# responsibility annotations are underlines in a colour of their own.
BACKGROUND = {"goal": "#FCE3C4", "measure": "#D6E9FA", "target": "#F7B9B0"}
UNDERLINE = {
    "project": "#1E8449",
    "policy": "#8E44AD",
    "institution": "#935116",
    "responsibility": "#C0392B",
}
SELECTED = "#FFE94D"


def md(text: object) -> str:
    """``text`` for a Markdown element on one line: shown as these characters, never as markup
    (the one rule of app_pages/text.py)."""
    return plain(text).replace("\n", " ")


def reader_href(doc: str, at: int, *, lang: str = "zh") -> str:
    params: dict[str, str | int] = {"doc": doc, "at": at}
    if lang == "en":
        params["lang"] = "en"
    return "?" + urlencode(params)


def item_href(item_id: str, *, lang: str = "zh") -> str:
    """A link into the reader at a goal, measure or target, relative to any page of the app."""
    params = {"item": item_id} | ({"lang": "en"} if lang == "en" else {})
    return "reader?" + urlencode(params)


def snippet_html(pieces: Iterable[tuple[str, bool]]) -> str:
    """A hit's sentence with the searched words in <mark>."""
    return "".join(f"<mark>{escape(p)}</mark>" if hit else escape(p) for p, hit in pieces)


def legend_html(labels: dict[str, str]) -> str:
    """One swatch per kind, named in the interface language (``labels``: kind → name)."""
    swatches = [
        f"<span style='background:{BACKGROUND[k]};padding:0 .4em'>{escape(labels[k])}</span>"
        for k in BACKGROUND
    ]
    swatches += [
        f"<span style='border-bottom:2px solid {UNDERLINE[k]};color:{UNDERLINE[k]}'>"
        f"{escape(labels[k])}</span>"
        for k in UNDERLINE
    ]
    return "<div class='plangraph-legend'>" + " &nbsp; ".join(swatches) + "</div>"


def plan_html(
    text: str, spans: Sequence[Span], *, doc: str, selected: Span | None, lang: str = "zh"
) -> str:
    """The whole plan, every span highlighted by kind; a piece inside an item links to that item
    (the innermost one), and the selected item is outlined and anchored as ``plangraph-at``."""
    edges = [selected.start, selected.end] if selected else []
    cuts = sorted({0, len(text), *edges, *(s.start for s in spans), *(s.end for s in spans)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    parts = ["<div class='plangraph-plan' style='white-space:pre-wrap;line-height:1.9'>"]
    anchored = False
    for lo, hi in pairwise(cuts):
        active = [s for s in spans if s.start <= lo and hi <= s.end]
        piece = escape(text[lo:hi])
        inside = selected is not None and selected.start <= lo and hi <= selected.end
        if inside and selected is not None and selected not in active:
            active.append(selected)  # a passage of the text, not an item
        if not active:
            parts.append(piece)
            continue
        item = min((s for s in active if s.kind in ITEM_KINDS), key=_length, default=None)
        anchor = inside and not anchored
        anchored = anchored or anchor
        parts.append(_piece(piece, active, item, doc=doc, inside=inside, anchor=anchor, lang=lang))
    parts.append("</div>")
    return "".join(parts)


def _length(span: Span) -> int:
    return span.end - span.start


def _piece(
    piece: str,
    active: list[Span],
    item: Span | None,
    *,
    doc: str,
    inside: bool,
    anchor: bool,
    lang: str,
) -> str:
    kinds = {s.kind for s in active}
    styles = ["color:inherit", "text-decoration:none"]
    background = next((BACKGROUND[k] for k in ("target", "measure", "goal") if k in kinds), None)
    if background:
        styles.append(f"background:{background}")
    lines = [UNDERLINE[k] for k in UNDERLINE if k in kinds]
    if lines:
        styles.append(f"border-bottom:2px solid {lines[0]};color:{lines[0]}")
    if inside:  # the selected item or passage: marked like a search hit
        styles.append(f"background:{SELECTED};font-weight:600")
    title = escape(" · ".join(dict.fromkeys(f"{s.name}"[:60] for s in active)), quote=True)
    attributes = f"style='{';'.join(styles)}' title=\"{title}\""
    if anchor:
        attributes += " id='plangraph-at'"
    if item is None:
        return f"<span {attributes}>{piece}</span>"
    href = escape(reader_href(doc, item.start, lang=lang), quote=True)
    return f"<a href=\"{href}\" target='_self' {attributes}>{piece}</a>"
