"""Score extractions against the hand-made gold annotations in ``tests/gold``.

Each prediction is one extraction dict (the JSON contract); it is paired with the gold file whose
``source`` has the same file name. Every kind is matched one-to-one, best pair first, and scored by
micro-averaged precision, recall and F1 over all gold documents.

    python -m ingest.evaluate extractions.jsonl [--gold tests/gold] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import zhconv

from ingest.errors import ConfigError, ReadError

KINDS = ("goals", "measures", "projects", "policies", "institutions", "targets")
FLOORS: Mapping[str, float] = {
    "projects": 0.9,
    "policies": 0.9,
    "targets": 0.85,
    "goals": 0.85,
    "measures": 0.85,
    "institutions": 0.8,
}
GOAL_DICE, GOAL_DICE_SAME_NUMBER, MEASURE_DICE, METRIC_DICE = 0.6, 0.4, 0.6, 0.5

_QUOTES = re.compile(r"[\s“”‘’\"'「」『』《》〈〉<>]")
_LEADING_NUMBER = re.compile(
    r"^(?:\(\d+\)|\d+[.、]|[①-⑳]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))"
)
_PRC = "中华人民共和国"

Item = Mapping[str, Any]
Scorer = Callable[[Item, Item], float | None]


@dataclass(frozen=True, slots=True)
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: KindScore) -> KindScore:
        return KindScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Matching:
    pairs: tuple[tuple[Item, Item], ...]  # (predicted, gold)
    false_positives: tuple[Item, ...]
    false_negatives: tuple[Item, ...]

    @property
    def score(self) -> KindScore:
        return KindScore(len(self.pairs), len(self.false_positives), len(self.false_negatives))


@dataclass(frozen=True, slots=True)
class DocumentScore:
    source: str
    matchings: Mapping[str, Matching]
    region_correct: bool
    predicted: bool = True  # False when no prediction named this gold file

    def score(self, kind: str) -> KindScore:
        return self.matchings[kind].score

    @property
    def institution_kinds(self) -> tuple[int, int]:
        """(matched institutions whose kind agrees, matched institutions)."""
        pairs = self.matchings["institutions"].pairs
        return sum(p.get("kind") == g.get("kind") for p, g in pairs), len(pairs)


@dataclass(frozen=True, slots=True)
class EvalReport:
    documents: tuple[DocumentScore, ...]
    unmatched_predictions: tuple[str, ...] = field(default=())

    def total(self, kind: str) -> KindScore:
        return sum((doc.score(kind) for doc in self.documents), KindScore())

    @property
    def region_accuracy(self) -> tuple[int, int]:
        return sum(doc.region_correct for doc in self.documents), len(self.documents)

    @property
    def institution_kind_accuracy(self) -> tuple[int, int]:
        counts = [doc.institution_kinds for doc in self.documents]
        return sum(c for c, _ in counts), sum(n for _, n in counts)

    def meets_floors(self) -> bool:
        return all(self.total(kind).f1 >= floor for kind, floor in FLOORS.items())


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Width-folded, simplified, lower-case text without quotes, 《》 or whitespace."""
    folded = zhconv.convert(unicodedata.normalize("NFKC", text), "zh-cn")
    return _QUOTES.sub("", folded).lower()


def _body(text: str) -> str:
    return _LEADING_NUMBER.sub("", normalize(text))


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of two (normalised) strings."""
    x, y = _bigrams(normalize(a)), _bigrams(normalize(b))
    if not x or not y:
        return float(normalize(a) == normalize(b))
    common = sum((x & y).values())
    return 2 * common / (x.total() + y.total())


def _text_similarity(a: str, b: str) -> float:
    """Dice of two item texts, ignoring a leading item number such as (1) or 3."""
    return dice(_body(a), _body(b))


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> Counter[str]:
    if len(text) < 2:
        return Counter(text)
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def match(predicted: Sequence[Item], gold: Sequence[Item], scorer: Scorer) -> Matching:
    """One-to-one matching: every scored pair, best first, each side used at most once."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            score = scorer(p, g)
            if score is not None:
                candidates.append((-score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return Matching(
        tuple(pairs),
        tuple(p for i, p in enumerate(predicted) if i not in used_p),
        tuple(g for j, g in enumerate(gold) if j not in used_g),
    )


def _project_names(item: Item) -> set[str]:
    return {normalize(name) for name in [item["name"], *item.get("aliases", ())]}


def _score_project(p: Item, g: Item) -> float | None:
    return 1.0 if _project_names(p) & _project_names(g) else None


def _policy_key(title: str) -> str:
    return normalize(title).removeprefix(_PRC)


def _score_policy(p: Item, g: Item) -> float | None:
    return 1.0 if _policy_key(p["title"]) == _policy_key(g["title"]) else None


def _score_institution(p: Item, g: Item) -> float | None:
    return 1.0 if normalize(p["name"]) == normalize(g["name"]) else None


def _score_target(p: Item, g: Item) -> float | None:
    if not _same_number(p.get("value"), g.get("value")):
        return None
    if _unit_key(p.get("unit")) != _unit_key(g.get("unit")):
        return None
    pm, gm = normalize(p.get("metric") or ""), normalize(g.get("metric") or "")
    overlap = dice(pm, gm)
    if pm and gm and (pm in gm or gm in pm):
        return max(overlap, METRIC_DICE)
    return overlap if overlap >= METRIC_DICE else None


def _unit_key(unit: str | None) -> str:
    """The unit without a leading classifier: 个学时 and 学时, 个百分点 and 百分点 are one unit."""
    key = normalize(unit or "")
    return key[1:] if len(key) > 1 and key.startswith("个") else key


def _same_number(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _score_goal(p: Item, g: Item) -> float | None:
    similarity = _text_similarity(p.get("title") or "", g.get("title") or "")
    same_number = p.get("number") is not None and p.get("number") == g.get("number")
    if similarity >= GOAL_DICE or (same_number and similarity >= GOAL_DICE_SAME_NUMBER):
        return similarity
    return None


def _score_measure(p: Item, g: Item) -> float | None:
    similarity = _text_similarity(p.get("text") or "", g.get("text") or "")
    return similarity if similarity >= MEASURE_DICE else None


SCORERS: Mapping[str, Scorer] = {
    "goals": _score_goal,
    "measures": _score_measure,
    "projects": _score_project,
    "policies": _score_policy,
    "institutions": _score_institution,
    "targets": _score_target,
}


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold annotations by source file name."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise ConfigError("no gold annotations (*.json) found", source=str(gold_dir))
    gold = {}
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ConfigError(f"unreadable gold file: {e}", source=str(path)) from e
        gold[Path(data["source"]).name] = data
    return gold


def evaluate(predictions: Sequence[Mapping[str, Any]], gold_dir: Path) -> EvalReport:
    """Score predicted extractions against every gold file in ``gold_dir``."""
    gold = load_gold(gold_dir)
    by_source = {Path(p["document"]["source"]).name: p for p in predictions}
    documents = tuple(
        _score_document(by_source.get(source), annotation) for source, annotation in gold.items()
    )
    unmatched = tuple(sorted(set(by_source) - set(gold)))
    return EvalReport(documents, unmatched)


def _score_document(prediction: Mapping[str, Any] | None, gold: Mapping[str, Any]) -> DocumentScore:
    predicted = prediction or {}
    matchings = {
        kind: match(_predicted_items(predicted, kind), gold.get(kind, []), SCORERS[kind])
        for kind in KINDS
    }
    region = predicted.get("region") or {}
    gold_region = gold.get("region") or {}
    return DocumentScore(
        source=Path(gold["source"]).name,
        matchings=matchings,
        region_correct=region.get("adcode") == gold_region.get("adcode"),
        predicted=prediction is not None,
    )


def _predicted_items(prediction: Mapping[str, Any], kind: str) -> list[Item]:
    items = list(prediction.get(kind) or [])
    if kind != "measures":
        return items
    goal_numbers = {g["id"]: g.get("number") for g in prediction.get("goals") or [] if "id" in g}
    return [{**m, "goal": goal_numbers.get(m.get("goal"), m.get("goal"))} for m in items]


def describe(kind: str, item: Item) -> str:
    """A one-line label of an annotation or prediction for the verbose listing."""
    if kind == "projects":
        return str(item.get("name"))
    if kind == "policies":
        return str(item.get("title"))
    if kind == "institutions":
        return f"{item.get('name')} ({item.get('kind')})"
    if kind == "targets":
        comparator, unit = item.get("comparator") or "", item.get("unit") or ""
        return f"{item.get('metric')} {comparator}{item.get('value')}{unit}"
    if kind == "goals":
        return f"{item.get('number') or '-'} {item.get('title')}"
    return f"[{item.get('goal') or '-'}] {item.get('text')}"


def format_report(report: EvalReport, *, verbose: bool = False) -> str:
    """A plain-text table of the scores; with ``verbose``, per-document scores and the misses."""
    lines = [_table([(kind, report.total(kind)) for kind in KINDS])]
    correct, total = report.region_accuracy
    lines.append(f"region accuracy {correct}/{total}")
    right, matched = report.institution_kind_accuracy
    lines.append(f"institution kind accuracy {right}/{matched}")
    lines.append(f"meets floors: {'yes' if report.meets_floors() else 'no'}")
    if report.unmatched_predictions:
        lines.append("predictions without gold: " + ", ".join(report.unmatched_predictions))
    if verbose:
        lines.extend(_document_details(doc) for doc in report.documents)
    return "\n".join(lines)


def _table(rows: Iterable[tuple[str, KindScore]]) -> str:
    out = [f"{'kind':<13}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for kind, s in rows:
        out.append(
            f"{kind:<13}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    return "\n".join(out)


def _document_details(doc: DocumentScore) -> str:
    status = "" if doc.predicted else " (no prediction)"
    region = "ok" if doc.region_correct else "WRONG"
    lines = [f"\n== {doc.source}{status}  region {region}"]
    lines.append(_table([(kind, doc.score(kind)) for kind in KINDS]))
    for kind in KINDS:
        matching = doc.matchings[kind]
        lines.extend(f"  FP {kind}: {describe(kind, item)}" for item in matching.false_positives)
        lines.extend(f"  FN {kind}: {describe(kind, item)}" for item in matching.false_negatives)
    return "\n".join(lines)


def read_predictions(path: Path) -> list[dict[str, Any]]:
    """Extraction dicts from a JSON Lines file (``-`` reads standard input)."""
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        raise ReadError(f"cannot read predictions: {e}", source=str(path)) from e


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate", description=__doc__)
    parser.add_argument("predictions", type=Path, help="JSON Lines from `python -m ingest extract`")
    parser.add_argument("--gold", type=Path, default=Path("tests/gold"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(read_predictions(args.predictions), args.gold)
    print(format_report(report, verbose=args.verbose))
    return 0 if report.meets_floors() else 1


if __name__ == "__main__":
    raise SystemExit(main())
