"""Regular expressions for long lists of literal names (the gazetteer's 3,000 places).

``a|b|c`` sorted longest first makes the regex engine try every name at every position of the
text; the same names as a trie (阳城(?:县)?|…) try one branch per character. The greedy ``?``
keeps the longest-first order, so both forms match the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks, in the trie, that a name ends at this node

Trie = dict[str, "Trie"]


def alternation(words: Iterable[str]) -> str:
    """A regex (no capturing group) matching any of ``words``, the longest where several do."""
    trie: Trie = {}
    for word in set(words):
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[_END] = {}
    return _regex(trie) if trie else "(?!)"


def _regex(node: Trie) -> str:
    branches = [re.escape(char) + _regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and _END not in node:
        return branches[0]
    group = f"(?:{'|'.join(branches)})"
    return group + "?" if _END in node else group
