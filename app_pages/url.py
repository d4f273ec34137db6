"""A page's choices in the URL query string, so that a view can be bookmarked and sent.

``start(keys)`` seeds each widget key from the URL the first time a page runs in a session;
``keep(values)`` writes the current choices back, leaving defaults out of the address.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st


def start(defaults: Mapping[str, object], *, prefix: str) -> None:
    """Seed the session's widget ``prefix + name`` from the URL's ``name`` (once per page visit);
    lists travel as repeated parameters, numbers as digits."""
    for name, default in defaults.items():
        key = prefix + name
        if key in st.session_state or name not in st.query_params:
            continue
        if isinstance(default, list):
            st.session_state[key] = st.query_params.get_all(name)
        elif isinstance(default, int):
            raw = st.query_params[name]
            st.session_state[key] = int(raw) if raw.lstrip("-").isdigit() else default
        else:
            st.session_state[key] = st.query_params[name]


def keep(values: Mapping[str, object], defaults: Mapping[str, object]) -> None:
    """Put the choices that differ from their defaults into the URL, and only those."""
    wanted: dict[str, str | list[str]] = {}
    for name, value in values.items():
        if value == defaults.get(name) or value is None:
            continue
        wanted[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    if st.session_state.get("english"):
        wanted["lang"] = "en"
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != as_lists:
        st.query_params.from_dict(wanted)
