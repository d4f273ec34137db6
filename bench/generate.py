"""A realistic synthetic national corpus, deterministic from a seed.

One plan per county- and prefecture-level division of the gazetteer (about 3,200), built by
recombining the sections, goals and measures of the sample corpus: each plan takes the header
shape of a sample, the region's own names replace the sample's, and numbers are varied. Size,
structure and overlap between plans therefore look like real plans.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.extract.regions import Gazetteer, load_gazetteer
from ingest.models import ParsedDocument
from ingest.normalize import normalize
from ingest.parse import parse
from ingest.read import read_document

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "corpus"
SAMPLE_REGIONS = (
    "阳城县",
    "阳城",
    "瓮安县",
    "瓮安",
    "高台县",
    "高台",
    "吕梁市",
    "吕梁",
    "威海市",
    "威海",
    "晋城市",
    "黔南州",
    "张掖市",
    "山西省",
    "贵州省",
    "甘肃省",
    "山东省",
)
CHINESE_DIGITS = "一二三四五六七八九十"
_NUMBER = re.compile(r"(?<![〔\d年])(\d+(?:\.\d+)?)(?=[%个所人名项万亿元套间])")


@dataclass(frozen=True, slots=True)
class Pools:
    """Goal texts (each with its measures) of the samples, grouped by section title."""

    sections: tuple[tuple[str, tuple[str, ...]], ...]


def sample_pools(corpus: Path = CORPUS) -> Pools:
    sections: list[tuple[str, tuple[str, ...]]] = []
    for path in sorted(corpus.glob("*.txt")):
        parsed = parse(normalize(read_document(path)))
        sections += list(_sections_of(parsed))
    return Pools(tuple(sections))


def _sections_of(parsed: ParsedDocument) -> Iterator[tuple[str, tuple[str, ...]]]:
    text = parsed.normalized.text
    for section in parsed.sections:
        goals = tuple(
            text[g.start : g.end].strip()
            for g in parsed.goals
            if g.section == section.id and g.end > g.start
        )
        if goals:
            yield section.title, goals


def generate(
    *, documents: int | None = None, years: Sequence[int] = (2023,), seed: int = 7
) -> Iterator[tuple[str, str]]:
    """(file name, text) for each synthetic plan, in a deterministic order."""
    rng = random.Random(seed)
    pools = sample_pools()
    regions = _regions(load_gazetteer())
    if documents is not None:
        regions = regions[: max(1, documents // max(1, len(years)))]
    for year in years:
        for adcode, name, parent in regions:
            yield f"{adcode}_{year}.txt", _plan(rng, pools, name, parent, year)


def _regions(gazetteer: Gazetteer) -> list[tuple[str, str, str]]:
    rows = [
        (place.adcode or "", place.name, gazetteer.parent_name(place.adcode or ""))
        for place in gazetteer.places(levels=("county", "prefecture"))
    ]
    return sorted(rows)


def _plan(rng: random.Random, pools: Pools, region: str, parent: str, year: int) -> str:
    bureau = f"{region}教育局"
    short = region[0]
    header = [
        f"{bureau}关于印发{region}{year}年教育工作要点的通知",
        f"{short}教发〔{year}〕{rng.randint(1, 30)}号",
        f"各学校、局机关各股室：现将《{region}{year}年教育工作要点》印发给你们，请认真贯彻落实。",
        bureau,
        f"{year}年{rng.randint(1, 4)}月{rng.randint(1, 28)}日",
        f"{region}{year}年教育工作要点",
    ]
    count = rng.randint(6, 10)
    chosen = rng.sample(pools.sections, k=min(count, len(pools.sections)))
    body = [
        _section(rng, index, title, goals, region, parent)
        for index, (title, goals) in enumerate(chosen)
    ]
    return "\n\n".join(header + body) + "\n"


def _section(
    rng: random.Random,
    index: int,
    title: str,
    goals: tuple[str, ...],
    region: str,
    parent: str,
) -> str:
    picked = rng.sample(goals, k=min(len(goals), rng.randint(2, 6)))
    numeral = CHINESE_DIGITS[index] if index < len(CHINESE_DIGITS) else str(index + 1)
    lines = [f"{numeral}、{title}"]
    for number, goal in enumerate(picked, start=1):
        body = re.sub(r"^\s*[(（]?[0-9一二三四五六七八九十]+[)）.、．]\s*", "", goal)
        lines.append(f"{number}. {_localise(rng, body, region, parent)}")
    return "\n\n".join(lines)


def _localise(rng: random.Random, text: str, region: str, parent: str) -> str:
    for name in SAMPLE_REGIONS:
        text = text.replace(name, region if len(name) <= 3 or name.endswith("县") else parent)
    return _NUMBER.sub(lambda m: _vary(rng, m.group(1)), text)


def _vary(rng: random.Random, number: str) -> str:
    value = float(number)
    if value == 100:  # 100% stays a full-coverage commitment
        return number
    varied = value * rng.uniform(0.8, 1.2)
    return f"{varied:.1f}" if "." in number else str(max(1, round(varied)))


def write_corpus(out: Path, **options: object) -> tuple[int, int]:
    out.mkdir(parents=True, exist_ok=True)
    documents = chars = 0
    for name, text in generate(**options):  # type: ignore[arg-type]
        (out / name).write_text(text, encoding="utf-8")
        documents += 1
        chars += len(text)
    return documents, chars


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, help="at most this many plans (default: all)")
    parser.add_argument("--years", type=int, nargs="+", default=[2023])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    documents, chars = write_corpus(
        args.out, documents=args.documents, years=args.years, seed=args.seed
    )
    print(f"{documents} plans, {chars} characters → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
