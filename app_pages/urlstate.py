"""Choices kept in the URL query string, so that a view can be bookmarked and sent."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st


def url_choice(
    label: str,
    options: Mapping[str, str],
    *,
    param: str,
    widget: Callable[..., Any] = st.selectbox,
    **kwargs: Any,
) -> str:
    """A choice among ``options`` (value → label) that starts on ``?param=value`` and writes the
    value chosen back into the URL."""
    values = list(options)
    wanted = st.query_params.get(param)
    index = values.index(wanted) if wanted in values else 0
    chosen: str = widget(
        label, values, index=index, format_func=options.get, key=f"url-{param}", **kwargs
    )
    st.query_params[param] = chosen
    return chosen
