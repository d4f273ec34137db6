"""The theme taxonomy (a data file) and keyword matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analysis.themes import Theme, load_themes, match_themes
from graph.errors import ConfigError

REQUIRED = [
    "党的建设",
    "德育与思政",
    "体育美育劳动教育",
    "学前教育",
    "义务教育",
    "双减与校外培训",
    "普通高中",
    "职业教育",
    "特殊教育",
    "民办教育",
    "教师队伍",
    "教育评价改革",
    "教育督导",
    "教育信息化",
    "校园安全",
    "依法治教",
    "乡村振兴与学生资助",
    "语言文字",
    "家校社协同育人",
    "学校布局与建设",
    "经费保障",
]


@pytest.fixture(scope="module")
def themes() -> tuple[Theme, ...]:
    return load_themes()


@pytest.mark.parametrize("label", REQUIRED)
def test_taxonomy_has_the_theme_with_keywords(themes: tuple[Theme, ...], label: str) -> None:
    (theme,) = [t for t in themes if t.label == label]
    assert theme.label_en and len(theme.keywords) >= 5 and theme.broader


def test_teacher_keywords_cover_the_genre(themes: tuple[Theme, ...]) -> None:
    (teachers,) = [t for t in themes if t.id == "teachers"]
    assert {"教师", "师德", "县管校聘", "国培", "校长", "名师", "职称"} <= set(teachers.keywords)


@pytest.mark.parametrize(
    ("text", "theme", "keywords"),
    [
        ("深化教师“县管校聘”管理改革", "teachers", ("教师", "县管校聘")),
        ("严格规范校外培训机构，落实“双减”", "double-reduction", ("校外培训", "双减")),
        ("实施“童语同音计划”，推广普通话", "language", ("童语同音", "普通话")),
        ("推进“互联网＋教育”", "digitalisation", ("互联网+",)),  # full-width plus folded
    ],
)
def test_items_match_their_themes(
    themes: tuple[Theme, ...], text: str, theme: str, keywords: tuple[str, ...]
) -> None:
    found = {m.theme: m for m in match_themes([("i", text)], themes)}
    assert found[theme].keywords == keywords
    assert found[theme].score == len(keywords)


def test_longest_keyword_wins_inside_a_theme(themes: tuple[Theme, ...]) -> None:
    found = {m.theme: m for m in match_themes([("i", "落实家庭教育促进法")], themes)}
    assert found["home-school-community"].keywords == ("家庭教育促进法",)


def test_text_without_keywords_is_about_nothing(themes: tuple[Theme, ...]) -> None:
    assert match_themes([("i", "其他事项")], themes) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("themes:\n  - {id: a, pref_label: {zh: 甲, en: A}, broader: zz}\n", "unknown broader"),
        (
            "themes:\n  - {id: a, pref_label: {zh: 甲, en: A}}\n"
            "  - {id: a, pref_label: {zh: 乙, en: B}}\n",
            "duplicate id",
        ),
        (
            "themes:\n  - {id: a, pref_label: {zh: 甲, en: A}, broader: b}\n"
            "  - {id: b, pref_label: {zh: 乙, en: B}, broader: a}\n",
            "cycle",
        ),
        ("themes:\n  - {id: a}\n", "cannot read"),
        ("themes:\n  - {id: a, pref_label: {zh: 甲, en: Arts, and crafts}}\n", "exactly zh and en"),
    ],
)
def test_a_broken_taxonomy_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "themes.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_themes(path)
