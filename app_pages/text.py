"""Plan text shown as text: Streamlit renders Markdown (and a few directives of its own) in
markdown, captions and expander labels, so a measure holding ``![](http://…)`` would make every
viewer's browser fetch that URL, and ``[…](javascript:…)`` would be a live link.

``plain`` writes each character that can start Markdown syntax as an HTML character reference,
which Markdown shows as the character and never reads as syntax (CommonMark: references cannot
stand for structure); HTML is escaped by the same rule. Nothing here imports Streamlit."""

from __future__ import annotations

import re

# Characters that open Markdown, HTML, Streamlit directives (:red[…], :material/…:), LaTeX ($),
# emphasis, code, tables, headings and quotes.
_SYNTAX = frozenset("&<>\"'\\`*_[]!#~|:$")
_AUTOLINK = re.compile(r"(?i)\bwww\.")


def plain(text: object) -> str:
    """``text`` as Markdown that shows exactly these characters and nothing else."""
    escaped = "".join(f"&#{ord(ch)};" if ch in _SYNTAX else ch for ch in str(text))
    # GFM turns a bare www.… into a link; http:// is already broken by the escaped colon.
    return _AUTOLINK.sub(lambda m: m.group()[:3] + "&#46;", escaped)
