"""The governed region from the cues a page offers (ingest/extract/regions.py), on sentences of the
genre: short names where plans use them, one-character abbreviations, the plan's own level, and
names that are only parts of words."""

from __future__ import annotations

import pytest

from ingest.extract.regions import find_abbreviations, find_places, resolve_region
from ingest.models import DocumentMeta, NormalizedDocument


def region_of(text: str, issuers: tuple[str, ...] = (), **metadata: str) -> str | None:
    normalized = NormalizedDocument("plan.txt", text, text, metadata)
    meta = DocumentMeta(title=None, year=None, issuers=issuers, doc_number=None, issued_on=None)
    resolution = resolve_region(normalized, meta)
    return resolution.region.place.name if resolution.region else None


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("全面落实习近平总书记视察承德重要讲话精神,为建设魅力承德作贡献。全市教育系统", "承德市"),
        ("讲好韩城党史故事。全市教育系统贯彻来陕考察重要讲话精神。", "韩城市"),
        ("全区教育工作,为全面建设幸福美丽新雁江贡献力量。", "雁江区"),
        ("2020年，雁江教体系统将围绕区委区政府中心工作。", "雁江区"),  # the bureau's short form
        ("做好异地务工人员随迁子女在莞参加高职高考服务工作。全市中小学", "东莞市"),
        ("全县教育工作要推进房县教育高质量发展。", "房县"),  # a one-character name after a verb
        ("全县教育系统要奋力谱写房县教育新篇章。", "房县"),
        ("全县教育系统要全面提升房县教育质量。", "房县"),
        ("全县教育系统要以改革创新助力房县教育振兴。", "房县"),
        ("全县教育系统要为建设绿色崛起的新房县贡献力量。", "房县"),  # praised: 新XX
        ("2024年房县教育工作要点\n一、总体要求\n全县教育系统", "房县"),  # after a date
        ("一、重点工作\n1.房县教育局统筹全县教育系统。", "房县"),  # after an item's number
        ("2022年全区教育工作要点\n渝北区教委统筹全区教育系统。", "渝北区"),  # lacking in the source
    ],
)
def test_a_short_name_where_the_genre_uses_it_names_the_region(text: str, region: str) -> None:
    assert region_of(text) == region


@pytest.mark.parametrize(
    ("issuer", "region"),
    [
        ("红河州人民政府办公室", "红河哈尼族彝族自治州"),  # not 红河县
        ("恩施州教育局", "恩施土家族苗族自治州"),  # not 恩施市
        ("恩施市教育局", "恩施市"),
    ],
)
def test_a_level_word_after_a_short_name_says_which_place_it_is(issuer: str, region: str) -> None:
    assert region_of("全州教育系统推进教育高质量发展。", (issuer,)) == region


def test_a_header_place_of_several_regions_leaves_the_region_open_with_the_reason() -> None:
    text = "鼓楼区教育局2023年工作要点\n全区教育系统推进教育现代化。"
    normalized = NormalizedDocument("plan.txt", text, text, {})
    meta = DocumentMeta(None, None, ("鼓楼区教育局",), None, None)
    resolution = resolve_region(normalized, meta)
    assert resolution.region is None and resolution.note is not None
    assert resolution.note.reason == "same_name"
    assert "鼓楼区（福州市）" in resolution.note.names and len(resolution.note.names) == 4


def test_the_text_settles_a_header_place_of_several_regions() -> None:
    text = "鼓楼区教育局2023年工作要点\n全区教育系统落实福州市委部署。"
    assert region_of(text, ("鼓楼区教育局",)) == "鼓楼区"
    normalized = NormalizedDocument("plan.txt", text, text, {})
    meta = DocumentMeta(None, None, ("鼓楼区教育局",), None, None)
    region = resolve_region(normalized, meta).region
    assert region is not None and region.place.adcode == "350102"


def test_the_page_publisher_is_a_cue() -> None:
    assert region_of("全区教育工作要点。", uploader="雁江区教育和体育局") == "雁江区"


@pytest.mark.parametrize(
    "text",
    [
        "青岚县教育局2023年工作要点。推进青岚县教育高质量发展。",  # 岚县 inside a made-up name
        "在全市中小学校开展朝阳行动。",  # 市中 of 市中区 inside 全市中小学
        "市教育局2022年工作要点。全市教育系统推进区域教育中心建设。",  # anonymised
    ],
)
def test_parts_of_words_and_anonymised_texts_give_no_region(text: str) -> None:
    assert region_of(text) is None


def test_two_unrelated_places_named_equally_leave_the_region_open() -> None:
    text = "全县推进阳城县与高台县结对帮扶。"
    normalized = NormalizedDocument("plan.txt", text, text, {})
    meta = DocumentMeta(title=None, year=None, issuers=(), doc_number=None, issued_on=None)
    resolution = resolve_region(normalized, meta)
    assert resolution.region is None
    assert resolution.note is not None and resolution.note.reason == "tie"
    assert "阳城县" in str(resolution.note) and "高台县" in str(resolution.note)


def test_one_character_abbreviations_only_after_a_verb_of_place() -> None:
    assert [m.key for m in find_abbreviations("贯彻来陕考察重要讲话精神")] == ["610000"]
    assert find_abbreviations("深入推进京剧进校园") == []  # 京剧: no 在/来/赴 before


def test_short_names_need_the_genres_context() -> None:
    assert find_places("教育资源供给") == []  # 资源 (资源县) is a word here
    assert {m.key for m in find_places("承德教育")} >= {"130800"}


def test_a_breadcrumb_dropped_from_the_text_still_names_the_region(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ingest.pipeline import extract_file

    path = tmp_path / "page.txt"
    path.write_text(
        "当前位置：首页 > 雁江区教育和体育局 > 政策文件\n2024年全区教育和体育工作要点\n"
        "一、总体要求\n全区教育工作要坚持立德树人。\n",
        encoding="utf-8",
    )
    extraction = extract_file(path)
    assert "当前位置" not in extraction.parsed.normalized.text
    assert extraction.region is not None and extraction.region.place.name == "雁江区"
