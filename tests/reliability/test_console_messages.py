"""Issue 15 item 5: the console page says what happened, in Chinese or in English, instead of
"refresh when the server is back"."""

from __future__ import annotations

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from graph.settings import REPO_ROOT

APP = str(REPO_ROOT / "app.py")
REFUSED_ZH = "只读：写操作被拒绝（控制台不允许 {}）"
REFUSED_EN = "Read-only: write refused ({}"
CASES = [
    (
        "CREATE (n:Hack) RETURN n",
        "只读：写操作被拒绝（控制台不允许 CREATE）",
        "Read-only: write refused (CREATE",
    ),
    (
        "MATCH (n) DETACH DELETE n",
        "只读：写操作被拒绝（控制台不允许 DETACH）",
        "Read-only: write refused (DETACH",
    ),
    (
        "SHOW TRANSACTIONS",
        "只读：写操作被拒绝（控制台不允许 SHOW）",
        "Read-only: write refused (SHOW",
    ),
    ("MATCH (n\nRETURN n", "语法错误（第 2 行第 1 列）", "Syntax error at line 2, column 1"),
    (
        "UNWIND range(1,100000000) AS x WITH collect(x) AS c RETURN size(c)",
        "查询所需内存超过上限",
        "more memory than allowed",
    ),
    (
        "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)",
        "查询超时：1 秒内未完成",
        "Timed out: not done within 1 s",
    ),
]


def run_console(statement: str, *, english: bool) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    if english:
        app.sidebar.toggle[0].set_value(True).run()
    app.switch_page("app_pages/console.py")
    app.run()
    app.text_area[0].set_value(statement).run()
    seconds = 1 if "1000000000" in statement else 60
    app.number_input[1].set_value(seconds).run()  # timeout in seconds
    app.button[0].click().run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize(("statement", "zh", "en"), CASES)
def test_console_says_what_happened(
    app_env: None, small_graph: Driver, statement: str, zh: str, en: str
) -> None:
    for english, expected in ((False, zh), (True, en)):
        app = run_console(statement, english=english)
        errors = [e.value for e in app.error]
        assert errors and expected in errors[0], errors
        assert "刷新" not in errors[0] and "Refresh" not in errors[0]
