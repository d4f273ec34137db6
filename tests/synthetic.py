"""Synthetic measures with planted near-duplicates, deterministic from a seed: the data the
similarity tests and the benchmark measure LSH against brute force on."""

from __future__ import annotations

import random
from dataclasses import dataclass

from graph.analysis.similarity import Item

# Characters of the genre, so that shingle statistics (common 教育/学校/工作 …) look like plans.
_ALPHABET = (
    "教育学校工作推进加强落实深化改革建设管理发展提升完善机制体系质量教师学生课程教学德育体育美育"
    "劳动安全督导评价资助乡村振兴义务学前高中职业特殊民办信息化数字校园家庭社会协同育人经费保障"
    "全面持续健全规范优化开展实施组织制定标准制度政策计划项目工程行动试点示范创建培训交流轮岗"
    "校长名师骨干团队专业能力水平服务治理依法治教语言文字普通话思想政治党建意识形态师德师风"
)


@dataclass(frozen=True, slots=True)
class SyntheticSet:
    items: list[Item]
    planted: set[tuple[str, str]]  # the near-duplicate pairs, (smaller id, larger id)


def synthetic_items(
    count: int, *, regions: int = 50, planted_share: float = 0.2, seed: int = 7
) -> SyntheticSet:
    """``count`` measures over ``regions`` regions; ``planted_share`` of them are edited copies
    (5–25 % of the characters changed) of another region's measure."""
    rng = random.Random(seed)
    items: list[Item] = []
    planted: set[tuple[str, str]] = set()
    for index in range(count):
        item_id, region = f"m{index:06d}", f"r{rng.randrange(regions):03d}"
        if items and rng.random() < planted_share:
            origin = items[rng.randrange(len(items))]
            region = _other_region(rng, str(origin[1]), regions)
            items.append((item_id, region, _edited(rng, origin[2], rng.uniform(0.05, 0.25))))
            planted.add((str(origin[0]), item_id))
        else:
            items.append((item_id, region, _random_text(rng)))
    return SyntheticSet(items, planted)


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(25, 90))) + "。"


def _edited(rng: random.Random, text: str, rate: float) -> str:
    chars = list(text)
    for _ in range(max(1, int(len(chars) * rate))):
        position = rng.randrange(len(chars))
        operation = rng.choice(("replace", "insert", "delete"))
        if operation == "replace":
            chars[position] = rng.choice(_ALPHABET)
        elif operation == "insert":
            chars.insert(position, rng.choice(_ALPHABET))
        elif len(chars) > 10:
            del chars[position]
    return "".join(chars)


def _other_region(rng: random.Random, region: str, regions: int) -> str:
    while True:
        other = f"r{rng.randrange(regions):03d}"
        if other != region or regions == 1:
            return other
