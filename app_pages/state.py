"""Shared state of the app: one driver per process, settings, language, error display.

Pages call plain functions from graph/ (what they show: graph/explore/) through the helpers here;
nothing in graph/ or ingest/ imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
import yaml
from neo4j import Driver

from graph.db import connect
from graph.errors import PlanGraphError
from graph.settings import Settings, load_settings

T = TypeVar("T")
CACHE_TTL_S = 60
APP_RETRY_S = 3.0
I18N = Path(__file__).with_name("i18n.yml")


@cache
def _strings() -> dict[str, dict[str, str]]:
    return yaml.safe_load(I18N.read_text(encoding="utf-8"))


def language() -> str:
    return "en" if st.session_state.get("english") else "zh"


def t(key: str) -> str:
    """The interface string for ``key`` in the chosen language."""
    entry = _strings().get(key)
    return entry[language()] if entry else key


def translated(value: str, *, table: str = "v") -> str:
    """A value from the graph (a kind, role, status) or a column name in the chosen language;
    as it is when the translation table does not know it (names are never translated)."""
    entry = _strings().get(f"{table}_{value}")
    return entry[language()] if entry else value


@st.cache_resource
def settings() -> Settings:
    return load_settings()


@st.cache_resource
def driver() -> Driver:
    # verify=False: the app must start (and say why) while the server is away; a short retry so
    # that an analyst learns it in seconds, not after the loader's patience.
    return connect(settings(), verify=False, retry_s=APP_RETRY_S)


def database() -> str:
    return settings().database


@contextmanager
def guarded() -> Iterator[None]:
    """Turn the project's errors into a message instead of a traceback."""
    try:
        yield
    except PlanGraphError as error:
        st.error(f"{t('neo4j_unreachable') if 'unreachable' in str(error) else ''} {error}")
        st.caption(t("retry_hint"))
        st.stop()


def cached(function: Callable[..., T]) -> Callable[..., T]:
    """Cache a view's result for CACHE_TTL_S seconds, keyed by its arguments."""

    @st.cache_data(ttl=CACHE_TTL_S, show_spinner=False)
    def run(name: str, *args: Any, **kwargs: Any) -> T:
        return function(driver(), *args, database=database(), **kwargs)

    def call(*args: Any, **kwargs: Any) -> T:
        return run(function.__qualname__, *args, **kwargs)

    return call
