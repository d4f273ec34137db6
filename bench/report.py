"""The benchmarks' reports: the national run's targets met or missed and its tables
(bench/results.md and the README), and the concurrent analysts' table (bench/run.py and
bench/analysts.py measure; this module only formats)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from bench.common import DERIVE_BUDGET_S, DERIVE_MEMORY_CAP
from bench.reads import MAP_TARGET_S, SEARCH_TARGET_MS, SEARCH_TARGET_WORDS


def end_to_end(results: Mapping[str, Any]) -> float:
    """Extraction with every core, loading and the analysis step, for the whole corpus (a lower
    bound when the analysis did not finish)."""
    national = results["sizes"][-1]
    extract_s = results["extract"]["all_cores_seconds"]
    return round(extract_s + national["load_seconds"] + national["derive_seconds"], 1)


def doubling_factor(similarity: Sequence[Mapping[str, Any]]) -> float | None:
    """How much longer similarity detection takes when the plans double, from the two largest
    sizes where it finished (t ∝ n^k, so doubling multiplies the time by 2^k)."""
    finished = [entry for entry in similarity if entry["finished"]]
    if len(finished) < 2 or finished[-2]["seconds"] <= 0:
        return None
    small, large = finished[-2], finished[-1]
    k = math.log(large["seconds"] / small["seconds"]) / math.log(
        large["documents"] / small["documents"]
    )
    return round(2**k, 2)


def targets(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        end_to_end_target(results),
        queries_target(results),
        {"target": "batched loading ≥ 10× naive", "measured": f"{results['load']['ratio']:.1f}×",
         "met": results["load"]["ratio"] >= 10},
        similarity_target(results["similarity"]),
        {"target": "Python peak ≤ 2 GB", "measured": f"{results['python_peak_mb']:,.0f} MB",
         "met": results["python_peak_mb"] <= 2048},
        *reads_targets(results),
    ]  # fmt: skip


def reads_targets(results: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Search for the issue's words and the province map, where the run timed them."""
    if "search_words" not in results:
        return []
    words = {w: results["search_words"][w]["p95_ms"] for w in SEARCH_TARGET_WORDS}
    slowest = max(words, key=words.__getitem__)
    cold = results["province_map"]["cold"]["p95_s"]
    return [
        {"target": f"search for {', '.join(words)} ≤ {SEARCH_TARGET_MS:.0f} ms at national "
                   "scale (p95)",
         "measured": f"worst {words[slowest]:,.0f} ms ({slowest})",
         "met": words[slowest] <= SEARCH_TARGET_MS},
        {"target": f"province map ≤ {MAP_TARGET_S:.0f} s at national scale (the page's reads, "
                   "shapes and chart spec with empty caches, p95; drawing in the browser not "
                   "included)",
         "measured": f"{cold:.2f} s", "met": cold <= MAP_TARGET_S},
    ]  # fmt: skip


def end_to_end_target(results: Mapping[str, Any]) -> dict[str, Any]:
    seconds, outcome = results["end_to_end_seconds"], results["sizes"][-1]["derive_outcome"]
    finished = outcome == "finished"
    measured = f"{seconds / 60:.1f} min" if finished else f"> {seconds / 60:.1f} min ({outcome})"
    return {
        "target": "extract + load + derive of the whole corpus ≤ 10 min on 2 cores",
        "measured": measured,
        "met": finished and seconds <= 600,
    }


def queries_target(results: Mapping[str, Any]) -> dict[str, Any]:
    documents = str(results["corpus"]["documents"])
    name, worst = max(results["queries"].items(), key=lambda kv: kv[1][documents]["p95_ms"])
    return {
        "target": "every saved query p95 ≤ 250 ms at national scale",
        "measured": f"worst {worst[documents]['p95_ms']:,.0f} ms (`{name}`)",
        "met": worst[documents]["p95_ms"] <= 250,
    }


def similarity_target(similarity: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    doubling = doubling_factor(similarity)
    finished = all(entry["finished"] for entry in similarity)
    measured = "—" if doubling is None else f"{doubling:.2f}×"
    if not finished:
        measured += " (the largest size did not finish)"
    return {
        "target": "similarity: doubling the plans < 3× the time",
        "measured": measured,
        "met": finished and doubling is not None and doubling < 3,
    }


def national_markdown(results: Mapping[str, Any]) -> str:
    parts = [figures_table(results), queries_table(results), *reads_table(results)]
    return "\n\n".join(parts + analysis_notes(results) + [targets_table(results)])


def reads_table(results: Mapping[str, Any]) -> list[str]:
    """Search by word and the province map page at the largest size, with a word on when they
    were timed again on the run's graph (``--existing``)."""
    if "search_words" not in results:
        return []
    documents, found = results["corpus"]["documents"], results["province_map"]
    lines = [f"| at {documents:,} plans | p50 / p95 |", "|---|---|"]
    lines += [
        f"| search {word}, first 200 hits | {t['p50_ms']:,.0f} / {t['p95_ms']:,.0f} ms |"
        for word, t in results["search_words"].items()
    ]
    for state in ("cold", "warm"):
        caches = "empty caches" if state == "cold" else "warm caches"
        lines.append(
            f"| province map page ({found['shapes']} shapes, {found['spec_kb']:,} KB of chart "
            f"spec), {caches} | {found[state]['p50_s']:.2f} / {found[state]['p95_s']:.2f} s |"
        )
    parts = ["\n".join(lines)]
    if again := results.get("remeasured"):
        parts.append(
            f"Search (the saved query and by word) and the map page timed again on "
            f"{again['date']} on the graph of this run (`python -m bench.run --existing`), "
            f"load average {again['load_average'][0]:.1f} at the start: the 2 cores shared with "
            "other work."
        )
    return parts


def analysis_notes(results: Mapping[str, Any]) -> list[str]:
    """A word on every size where the analysis step did not finish: the queries ran without
    part of the derived relationships."""
    notes = []
    for size in results["sizes"]:
        if size["derive_outcome"] == "finished":
            continue
        held = ", ".join(f"{t} {n:,}" for t, n in sorted(size["derived_in_graph"].items()))
        notes.append(
            f"At {size['documents']:,} plans the analysis step stopped ({size['derive_outcome']}, "
            f"limits {DERIVE_BUDGET_S / 60:.0f} min and {DERIVE_MEMORY_CAP / 2**30:.0f} GB); the "
            f"saved queries ran on a graph holding only these derived relationships: "
            f"{held or 'none'}."
        )
    return notes


def figures_table(results: Mapping[str, Any]) -> str:
    corpus, extract, load = results["corpus"], results["extract"], results["load"]
    subset, brute = load["subset"], results["similarity_vs_bruteforce"]
    peaks = results["python_peak_by_process_mb"]
    lines = [
        "| measure | value |",
        "|---|---|",
        f"| corpus | {corpus['documents']:,} plans, {corpus['chars']:,} characters |",
        f"| extraction, one process ({extract['one_process_documents']} plans) | "
        f"{extract['chars_per_s_one_process']:,} chars/s, {extract['docs_per_s_one_process']} "
        "plans/s |",
        f"| extraction, {extract['workers']} processes (every plan) | "
        f"{extract['chars_per_s_all_cores']:,} chars/s, {extract['docs_per_s_all_cores']} "
        f"plans/s, {extract['all_cores_seconds']:,.0f} s |",
        f"| loading, batched writer (every plan) | {load['rows_per_s_batched']:,} nodes+rels/s |",
        f"| loading, {subset['documents']} plans: batched / one query per row | "
        f"{subset['batched_rows_per_s']:,} / {subset['naive_rows_per_s']:,} nodes+rels/s "
        f"({load['ratio']}×) |",
    ]
    lines += [size_row(size) for size in results["sizes"]]
    lines += [similarity_row(entry) for entry in results["similarity"]]
    lines += [
        f"| LSH vs brute force, {brute['measures']:,} measures | {brute['ratio']}× faster, "
        f"recall {brute['recall']} |",
        f"| end to end (extract + load + analysis) | {results['end_to_end_seconds']:,.0f} s |",
        f"| Python peak (main / extraction worker / analysis) | {peaks['main']:,.0f} / "
        f"{peaks['extraction_worker']:,.0f} / {peaks['analysis']:,.0f} MB |",
        f"| Neo4j store on disk | {results['neo4j_store_mb']:,.0f} MB |",
    ]
    return "\n".join(lines)


def size_row(size: Mapping[str, Any]) -> str:
    derive = f"{size['derive_seconds']:,.0f} s"
    if size["derive_outcome"] != "finished":
        derive = f"stopped after {derive} ({size['derive_outcome']})"
    return (
        f"| {size['documents']:,} plans: load, analysis step | {size['load_seconds']:,.0f} s "
        f"({size['load_rows_per_s']:,} nodes+rels/s), {derive} |"
    )


def similarity_row(entry: Mapping[str, Any]) -> str:
    done = "" if entry["finished"] else "not finished after "
    return (
        f"| similar measures, {entry['documents']:,} plans ({entry['measures']:,} measures) | "
        f"{done}{entry['seconds']:,.1f} s, peak +{entry['peak_mb']:,.0f} MB |"
    )


def queries_table(results: Mapping[str, Any]) -> str:
    sizes = [str(size["documents"]) for size in results["sizes"]]
    header = "| saved query | " + " | ".join(f"{int(s):,} plans p50 / p95 ms" for s in sizes)
    lines = [header + " |", "|---|" + "---|" * len(sizes)]
    for name, by_size in sorted(results["queries"].items()):
        cells = [f"{by_size[s]['p50_ms']:,.0f} / {by_size[s]['p95_ms']:,.0f}" for s in sizes]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets_table(results: Mapping[str, Any]) -> str:
    lines = ["| target | measured | |", "|---|---|---|"]
    for row in results["targets"]:
        mark = "met" if row["met"] else "missed"
        lines.append(f"| {row['target']} | {row['measured']} | {mark} |")
    return "\n".join(lines)


def readme_section(results: Mapping[str, Any]) -> str:
    machine = results["machine"]
    return "\n".join(
        [
            "```bash",
            "python -m bench.run            # the national corpus: bench/results.json, results.md",
            "python -m bench.run --quick    # about 100 plans, bench/results-quick.json",
            "python -m bench.run --existing # search and the province map again on its graph",
            "python -m bench.browser        # the province map in headless chromium on that graph",
            "```",
            "",
            f"Measured on {machine['date']} on {machine['cores']} cores (Python "
            f"{machine['python']}, Neo4j heap {machine['neo4j_heap']}, page cache "
            f"{machine['neo4j_pagecache']}, load average {results['load_average_before'][0]:.1f} "
            "at the start) with the synthetic corpus of `bench/generate.py`.",
            "",
            national_markdown(results),
        ]
    )


# --- the concurrent analysts (bench/analysts.py) ------------------------------------------


def analysts_markdown(report: dict[str, Any]) -> str:
    names = [name for name in ("single", "concurrent", "stress") if name in report]
    phases = [report[name] for name in names]
    users = report["concurrent"]["users"]
    headings = {
        "single": "1 analyst (baseline)",
        "concurrent": f"{users} analysts",
        "stress": f"{users} analysts, no pause (stress)",
    }
    rows = [
        ("pause between queries (s, mean)", "think_s"),
        ("run length (s)", "seconds"),
        ("queries run", "requests"),
        ("throughput (queries/s)", "throughput"),
        ("p50 latency (ms)", "p50_ms"),
        ("p95 latency (ms)", "p95_ms"),
        ("errors", "errors"),
    ]
    lines = [
        "| | " + " | ".join(headings[name] for name in names) + " |",
        "|---" * (len(names) + 1) + "|",
        *(f"| {label} | " + " | ".join(str(p[key]) for p in phases) + " |" for label, key in rows),
        "",
        f"p95 with {users} analysts is **{report['p95_ratio']}×** the single-analyst p95 "
        f"(limit {report['max_p95_ratio']:g}×), {report['errors']} errors: "
        f"**{'pass' if report['passed'] else 'FAIL'}**. {report['queries']} saved queries with "
        f"{report['parameter_sets']} parameter sets on the {report['documents']} sample plans, "
        f"each analyst a thread, one shared driver as in the app, {report['cores']} cores shared "
        f"with Neo4j; {report['date']}, `python -m bench.analysts`.",
    ]
    hostile = report.get("hostile")
    if hostile:
        outcomes = ", ".join(f"{kind} {n}" for kind, n in hostile["outcomes"].items())
        lines += [
            "",
            f"During the {users}-analyst run one more analyst sent {hostile['runs']} heavy or "
            f"forbidden queries through the console (memory bomb, runaway and cartesian queries, "
            f"LOAD CSV, SHOW/TERMINATE TRANSACTIONS, SHOW SETTINGS): {outcomes}; server up at the "
            f"end: **{'yes' if hostile['server_up'] else 'NO'}**.",
        ]
        lines += [f"- unexpected: {message}" for message in hostile["unexpected"]]
    for phase in phases:
        lines += [f"- error: {message}" for message in phase["error_messages"]]
    return "\n".join(lines)


GUARANTEES = """What `tests/reliability/` checks, besides the load above:

- **Bad input** through `python -m ingest load`: a document with no structure, the same plan under
  two names and a plan whose region cannot be resolved load in one batch with a good plan, without
  a traceback; nothing is invented for the first, the second is written once (loading the batch
  again leaves everything unchanged), the third keeps its structure without a region, and what the
  graph held before is untouched. A 50 MB text gets one line (a plan holds at most 1,000,000
  characters) and the rest of its batch still loads; empty, binary, mislabelled, truncated,
  encrypted and scanned files get one line each too (`tests/ingest/test_read.py`).
- **Hypothesis**: arbitrary bytes and text (CJK, full-width punctuation, 一、（一）1. numbering,
  《》 and “” quotes, traditional characters, control characters) never make the readers, the
  normaliser, the parser or the whole extraction raise anything but the project's own errors;
  every span lies inside the text and cuts out its evidence; extracting twice, or under another
  hash seed, gives the same result.
- **Server faults**: with Neo4j away `ingest load` and `graph query` exit non-zero with one line,
  the app says so instead of failing and works again once the server is back; a restart in the
  middle of a load is ridden out (`tests/graph/test_server_faults.py`).
- **Read-only queries**: saved queries, the console and the app's reads run in read transactions,
  so the server refuses any write smuggled into them; values travel only as parameters; no
  credential is kept in the repository and Docker takes its password from the environment.
- **Docker**: `.dockerignore` keeps `.env`, `.data/` and caches out of the image."""


def analysts_section(report: dict[str, Any]) -> str:
    """The README's reliability section: the analysts' table and what the tests guarantee."""
    return analysts_markdown(report) + "\n\n" + GUARANTEES
