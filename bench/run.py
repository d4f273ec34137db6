"""The national-scale benchmark (issue 7): extraction, loading, derived structure, saved queries.

    python -m bench.run                # one plan per county and prefecture (about 3,400 plans)
    python -m bench.run --quick        # about 100 plans; writes bench/results-quick.json
    python -m bench.run --existing     # search and the province map again, on the graph left

Generates the synthetic corpus (bench.generate, fixed seed) into a temporary folder, extracts it
in one process and with every core, loads it with the project's batched writer (and, on a
subset, one query per row for comparison), derives the analysis structure and times every saved
query, at 100, 1,000 and all plans, and at all plans a search by word and the province map page
(bench/reads.py). It runs its own Neo4j (``.data/neo4j-bench``, Bolt port 7690 or
$PLANGRAPH_BENCH_BOLT_PORT; --quick ``.data/neo4j-bench-quick``, 7692 or
$PLANGRAPH_BENCH_QUICK_BOLT_PORT; bench/common.py), empties it between sizes and stops it at the end
when it started it. The full run writes bench/results.json, bench/results.md and the benchmark
section of the README; ``--existing`` times search and the map again on the graph the last run
left, nothing generated or cleared, and updates the same files.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import multiprocessing
import os
import pickle
import platform
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, LiteralString, TypeVar, cast

from neo4j import Driver, ManagedTransaction

import graph.analysis.measures as measure_similarity
from bench.common import (
    DERIVE_BUDGET_S,
    DERIVE_MEMORY_CAP,
    README,
    latencies,
    own_server,
    server_env,
    settings_of,
    timed,
    update_readme_block,
)
from bench.generate import generate
from bench.reads import measure_reads
from bench.report import end_to_end, national_markdown, readme_section, targets
from graph.analysis import Pair, derive, similar_pairs, similar_pairs_bruteforce
from graph.analysis.similarity import Item
from graph.batch import GraphBatch, NodeRow, RelRow
from graph.build import build_batch
from graph.cypher import CLEAR_DATABASE
from graph.db import connect, read
from graph.neo4j_writer import GROUP_DOCUMENTS, apply_schema, write_documents
from graph.queries import SavedQuery, choices, list_queries, run_query
from graph.schema import REL_BY_TYPE
from graph.settings import REPO_ROOT, Settings
from ingest.pipeline import extract_file

T = TypeVar("T")

BENCH_DIR = REPO_ROOT / "bench"
RESULTS = BENCH_DIR / "results.json"
QUICK_RESULTS = BENCH_DIR / "results-quick.json"
SEED = 7
SIZES = (100, 1000)  # and every plan
QUICK_DOCUMENTS = 100
WRITER_ROUNDS = 3
DEFAULTS_EVERY = 4  # runs of a saved query: one in four with its default parameters
NEO4J_HEAP, NEO4J_PAGECACHE = "2g", "2g"
SERVER_ENV = server_env("bench", port="7690", heap=NEO4J_HEAP, pagecache=NEO4J_PAGECACHE)
# The quick run (and so the test suite) has a server of its own: emptying the bench's server
# would lose the national graph that --existing and bench.browser time again.
QUICK_SERVER_ENV = server_env("bench-quick", port="7692", heap="1g", pagecache="512m")
# Appended to a list property without duplicates, as the batched writer does (graph.cypher).
ADD_SOURCE = (
    "CASE WHEN $doc IN coalesce({v}.sources, []) THEN {v}.sources "
    "ELSE coalesce({v}.sources, []) + $doc END"
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What one run measures; the quick plan is small enough for the test suite."""

    quick: bool
    documents: int | None  # None: every county- and prefecture-level division
    out: Path
    one_process_docs: int  # extracted in one process (a spread-out sample)
    naive_docs: int  # written both ways to compare the writers
    query_runs: int  # timed runs of every saved query at every size
    brute_items: int  # measures compared by brute force and by LSH
    existing: bool = False  # only re-time the reads on the graph in the server (--existing)

    @property
    def national(self) -> bool:
        return not self.quick and self.documents is None


@dataclass(frozen=True, slots=True)
class Corpus:
    paths: tuple[Path, ...]
    chars: dict[Path, int]
    batches: Path  # folder of pickled GraphBatch, one per plan, written by the extraction

    def batch(self, path: Path) -> GraphBatch:
        return cast(GraphBatch, pickle.loads((self.batches / f"{path.stem}.pickle").read_bytes()))

    def total_chars(self, paths: Sequence[Path]) -> int:
        return sum(self.chars[p] for p in paths)


# ---------------------------------------------------------------- command line and outputs


def parse_plan(argv: Sequence[str] | None) -> Plan:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"about {QUICK_DOCUMENTS} plans")
    parser.add_argument("--documents", type=int, help="at most this many plans (default: all)")
    parser.add_argument("--out", type=Path, help="results file (default bench/results.json)")
    parser.add_argument(
        "--existing",
        action="store_true",
        help="only time search (saved query and by word) and the province map on the graph the "
        "last run left in the bench's server, nothing generated or cleared; updates its results",
    )
    args = parser.parse_args(argv)
    documents = args.documents or (QUICK_DOCUMENTS if args.quick else None)
    out = args.out or (QUICK_RESULTS if args.quick else RESULTS)
    if args.quick:
        return Plan(True, documents, out, one_process_docs=20, naive_docs=10, query_runs=6,
                    brute_items=1000, existing=args.existing)  # fmt: skip
    return Plan(False, documents, out, one_process_docs=300, naive_docs=50, query_runs=20,
                brute_items=3000, existing=args.existing)  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    plan = parse_plan(argv)
    results = remeasure(plan) if plan.existing else run(plan)
    plan.out.parent.mkdir(parents=True, exist_ok=True)
    plan.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    table = national_markdown(results)
    plan.out.with_suffix(".md").write_text(table + "\n", encoding="utf-8")
    if plan.national:
        update_readme_block(README, "bench", readme_section(results))
    print(table)
    return 0


# ---------------------------------------------------------------------------- the run


def say(message: str) -> None:
    """Progress on stderr: the national run takes a while."""
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def run(plan: Plan) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": machine(), "load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="plangraph-bench-") as tmp:
        corpus = write_corpus(Path(tmp), documents=plan.documents)
        say(f"{len(corpus.paths)} plans generated; extracting")
        results["corpus"] = {
            "documents": len(corpus.paths),
            "chars": corpus.total_chars(corpus.paths),
        }
        results["extract"] = measure_extraction(corpus, plan)
        say("LSH against brute force")
        results["similarity_vs_bruteforce"] = compare_similarity(corpus, plan.brute_items)
        say("starting Neo4j")
        with bench_server(plan) as settings:
            with connect(settings) as driver:
                results.update(measure_graph(driver, settings, corpus, plan))
            running = disk_usage(server_dir(settings))
    results["neo4j_store_mb"] = round(disk_usage(server_dir(settings)) / 2**20, 1)
    results["neo4j_disk_mb"] = {
        "data_dir_at_the_end_while_running": round(running / 2**20, 1),
        "databases": round(disk_usage(server_dir(settings) / "data" / "databases") / 2**20, 1),
        "transaction_logs": round(
            disk_usage(server_dir(settings) / "data" / "transactions") / 2**20, 1
        ),
    }
    results["end_to_end_seconds"] = end_to_end(results)
    results["python_peak_by_process_mb"] = peaks = {
        "main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "extraction_worker": results["extract"].pop("worker_peak_mb"),
        "analysis": max(size["derive_peak_mb"] for size in results["sizes"]),
    }
    results["python_peak_mb"] = max(peaks.values())
    results["load_average_after"] = os.getloadavg()
    results["targets"] = targets(results)
    return results


def remeasure(plan: Plan) -> dict[str, Any]:
    """The results of the last run with search (the saved query, drawn as that run drew it, and
    by word) and the province map timed again on the graph it left."""
    results = json.loads(plan.out.read_text(encoding="utf-8"))
    documents, size = results["corpus"]["documents"], results["sizes"][-1]["graph_size"]
    with bench_server(plan) as settings, connect(settings) as driver:
        found = graph_size(driver, settings.database)
        if found != size:
            raise SystemExit(f"the bench's graph has {found:,} nodes and relationships, the run "
                             f"of {plan.out} left {size:,}: not its graph")  # fmt: skip
        say(f"{documents} plans: search, the province map")
        rng = random.Random(SEED)  # the parameters the full run drew for search
        for query in list_queries():
            if query.name == "search":
                timing = time_query(driver, settings.database, query, plan.query_runs, rng)
                results["queries"]["search"][str(documents)] = timing
                break
            parameter_sets(driver, settings.database, query, plan.query_runs, rng)
        results.update(measure_reads(driver, settings, plan.query_runs))
    results["remeasured"] = {"date": machine()["date"], "load_average": os.getloadavg(),
                             "what": ["search", "search_words", "province_map"]}  # fmt: skip
    results["targets"] = targets(results)
    return results


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "neo4j_heap": NEO4J_HEAP,
        "neo4j_pagecache": NEO4J_PAGECACHE,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
    }


def write_corpus(tmp: Path, *, documents: int | None) -> Corpus:
    folder, batches = tmp / "corpus", tmp / "batches"
    folder.mkdir()
    batches.mkdir()
    chars: dict[Path, int] = {}
    for name, text in generate(documents=documents, seed=SEED):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        chars[path] = len(text)
    return Corpus(tuple(sorted(chars)), chars, batches)


# ------------------------------------------------------------------------- extraction


def extract_to(path: Path, out: Path) -> None:
    """Read → … → resolve → graph batch, kept on disk so the parent never holds the corpus."""
    batch = build_batch(extract_file(path))
    (out / f"{path.stem}.pickle").write_bytes(pickle.dumps(batch, pickle.HIGHEST_PROTOCOL))


def measure_extraction(corpus: Corpus, plan: Plan) -> dict[str, Any]:
    step = max(1, len(corpus.paths) // plan.one_process_docs)
    sample = corpus.paths[::step][: plan.one_process_docs]
    one = timed(partial(extract_serially, sample, corpus.batches))
    workers = os.cpu_count() or 1
    every = timed(lambda: extract_in_pool(corpus, workers))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "one_process_documents": len(sample),
        "one_process_seconds": round(one, 2),
        "chars_per_s_one_process": round(corpus.total_chars(sample) / one),
        "docs_per_s_one_process": round(len(sample) / one, 2),
        "workers": workers,
        "all_cores_seconds": round(every, 2),
        "chars_per_s_all_cores": round(corpus.total_chars(corpus.paths) / every),
        "docs_per_s_all_cores": round(len(corpus.paths) / every, 2),
        "worker_peak_mb": round(children / 1024, 1),
    }


def extract_serially(paths: Sequence[Path], out: Path) -> None:
    for path in paths:
        extract_to(path, out)


def extract_in_pool(corpus: Corpus, workers: int) -> None:
    with ProcessPoolExecutor(workers) as pool:
        work = partial(extract_to, out=corpus.batches)
        for _ in pool.map(work, corpus.paths, chunksize=8):
            pass


# ------------------------------------------------------------------- the bench's Neo4j


@contextmanager
def bench_server(plan: Plan) -> Iterator[Settings]:
    settings = settings_of(QUICK_SERVER_ENV if plan.quick else SERVER_ENV)
    with only_benchmark(server_dir(settings)), own_server(settings):
        yield settings


@contextmanager
def only_benchmark(data_dir: Path) -> Iterator[None]:
    """One benchmark at a time on the bench's server: a second one would empty the graph under
    the first (the quick test while the national run loads, say)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "bench.lock").open("w", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise SystemExit(
                f"another benchmark is using {data_dir}; try again when it ends"
            ) from error
        yield


def server_dir(settings: Settings) -> Path:
    if settings.local is None:
        raise SystemExit("the benchmark runs its own local Neo4j")
    return settings.local.data_dir


def clear(driver: Driver, database: str) -> None:
    with driver.session(database=database) as session:  # CALL … IN TRANSACTIONS: autocommit only
        for statement in CLEAR_DATABASE:
            session.run(statement).consume()
    apply_schema(driver, database=database)


def graph_size(driver: Driver, database: str) -> int:
    rows = read(
        driver,
        "CALL () { MATCH (n) RETURN count(n) AS n } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS r } RETURN n + r AS size",
        database=database,
    )
    return int(rows[0]["size"])


def derived_in_graph(driver: Driver, database: str) -> dict[str, int]:
    """The derived relationships the graph holds (all of them once the analysis finished)."""
    rows = read(
        driver,
        "MATCH ()-[r:ADOPTS|SIMILAR_TO|ABOUT]->() RETURN type(r) AS type, count(*) AS n",
        database=database,
    )
    return {row["type"]: row["n"] for row in rows}


def megabytes(size: int) -> float:
    return round(size / 2**20, 1)


def disk_usage(folder: Path) -> int:
    """Bytes allocated on disk under ``folder`` (what ``du`` reports); measured once the server
    has stopped, after its last checkpoint pruned the transaction logs."""
    return sum(
        (Path(root) / name).lstat().st_blocks * 512
        for root, _, files in os.walk(folder)
        for name in files
    )


# --------------------------------------------------------------- loading, derive, queries


def measure_graph(driver: Driver, settings: Settings, corpus: Corpus, plan: Plan) -> dict[str, Any]:
    database = settings.database
    subset = corpus.paths[: plan.naive_docs]
    say(f"batched writer against one query per row, {len(subset)} plans")
    comparison = compare_writers(driver, [corpus.batch(p) for p in subset], database)
    sizes: list[dict[str, Any]] = []
    similarity: list[dict[str, Any]] = []
    queries: dict[str, dict[str, dict[str, float]]] = {}
    for documents in sizes_of(len(corpus.paths)):
        clear(driver, database)
        say(f"{documents} plans: loading, analysis step")
        size, analysis = load_and_derive(driver, settings, corpus, documents)
        sizes.append(size)
        if analysis.similarity is not None:
            similarity.append({"documents": documents, **analysis.similarity})
        say(f"{documents} plans: saved queries ({analysis.outcome} analysis)")
        for name, timing in time_queries(driver, database, plan.query_runs).items():
            queries.setdefault(name, {})[str(documents)] = timing
    say(f"{len(corpus.paths)} plans: search by word, the province map")
    reads = measure_reads(driver, settings, plan.query_runs)
    return {
        "load": {
            "rows_per_s_batched": sizes[-1]["load_rows_per_s"],
            "rows_per_s_naive": comparison["naive_rows_per_s"],
            "ratio": comparison["ratio"],
            "subset": comparison,
        },
        "sizes": sizes,
        "similarity": similarity,
        "queries": queries,
        **reads,
    }


def sizes_of(total: int) -> list[int]:
    """100, 1,000 and every plan; at least two sizes, so that growth can be told."""
    sizes = [size for size in SIZES if size < total] + [total]
    return sizes if len(sizes) > 1 else [max(1, total // 4), total]


def load_and_derive(
    driver: Driver, settings: Settings, corpus: Corpus, documents: int
) -> tuple[dict[str, Any], Analysis]:
    """Load the first ``documents`` plans into the empty graph, a group of plans per transaction
    as ``ingest load`` does, then run the analysis step."""
    paths = corpus.paths[:documents]
    rows = 0
    started = time.perf_counter()
    for first in range(0, len(paths), GROUP_DOCUMENTS):
        group = paths[first : first + GROUP_DOCUMENTS]
        batches = [corpus.batch(path) for path in group]
        sources = [path.name for path in group]
        for result in write_documents(driver, batches, database=settings.database, sources=sources):
            if isinstance(result, Exception):
                raise result
        rows += sum(len(batch.nodes) + len(batch.rels) for batch in batches)
    load_s = time.perf_counter() - started
    analysis = analyse(settings)
    size = {
        "documents": documents,
        "chars": corpus.total_chars(paths),
        "rows": rows,
        "load_seconds": round(load_s, 2),
        "load_rows_per_s": round(rows / load_s),
        "derive_seconds": round(analysis.seconds, 2),
        "derive_outcome": analysis.outcome,
        "derive_peak_mb": round(analysis.peak_kb / 1024, 1),
        "derived": analysis.written,
        "derived_in_graph": derived_in_graph(driver, settings.database),
        "graph_size": graph_size(driver, settings.database),
    }
    return size, analysis


# ------------------------------------------------- the analysis step, watched from outside


@dataclass
class Analysis:
    """One run of the analysis step (graph.analysis.derive) in a child process."""

    outcome: str = "over budget"  # finished | out of memory | over budget | failed …
    seconds: float = 0.0
    written: dict[str, int] = field(default_factory=dict)
    similarity: dict[str, Any] | None = None
    peak_kb: int = 0


def analyse(settings: Settings) -> Analysis:
    """Run ``derive`` in a forked process, capped in time and memory so that an analysis that
    cannot finish on this machine is reported instead of taking the benchmark down."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=derive_child, args=(settings, send), daemon=True)
    started = time.perf_counter()
    child.start()
    send.close()
    analysis = watch(child, receive, started)
    child.kill()
    child.join()
    return analysis


def watch(child: BaseProcess, receive: Connection, started: float) -> Analysis:
    analysis, similarity_started = Analysis(), 0.0
    baseline_kb = 0
    deadline = started + DERIVE_BUDGET_S
    while receive.poll(max(0.0, deadline - time.perf_counter())):
        try:
            kind, payload = receive.recv()
        except EOFError:  # the child died without a word (its traceback is on stderr)
            child.join(5)
            analysis.outcome = f"failed (exit code {child.exitcode})"
            break
        analysis.peak_kb = max(analysis.peak_kb, payload.get("hwm_kb", 0))
        if kind == "similarity":
            similarity_started, baseline_kb = time.perf_counter(), payload["baseline_kb"]
            analysis.similarity = {"measures": payload["measures"], "finished": False}
        elif kind == "similarity done" and analysis.similarity is not None:
            analysis.similarity.update(payload["similarity"], finished=True)
        else:
            analysis.outcome, analysis.written = kind, payload.get("written", {})
            break
    analysis.seconds = time.perf_counter() - started
    if analysis.similarity is not None and not analysis.similarity["finished"]:
        peak = status_kb("VmHWM", child.pid)  # the child's peak since the similarity began
        analysis.peak_kb = max(analysis.peak_kb, peak)
        analysis.similarity.update(seconds=round(time.perf_counter() - similarity_started, 1),
                                   peak_mb=round(max(0, peak - baseline_kb) / 1024, 1))  # fmt: skip
    return analysis


def derive_child(settings: Settings, send: Connection) -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (DERIVE_MEMORY_CAP, hard))
    with connect(settings) as driver, similarity_probe(send):
        try:
            summary = derive(driver, database=settings.database)
        except MemoryError:
            send.send(("out of memory", {"hwm_kb": status_kb("VmHWM")}))
            return
    send.send(("finished", {"written": summary.written, "hwm_kb": status_kb("VmHWM")}))


@contextmanager
def similarity_probe(send: Connection) -> Iterator[None]:
    """Times ``similar_pairs`` as the analysis step calls it, and its peak of resident memory
    (Linux resets the peak, VmHWM, when 5 is written to /proc/self/clear_refs)."""
    original = measure_similarity.similar_pairs

    def probe(items: Sequence[Item], **options: Any) -> list[Pair]:
        hwm_before = status_kb("VmHWM")
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
        baseline = status_kb("VmRSS")
        send.send(("similarity", {"measures": len(items), "baseline_kb": baseline,
                                  "hwm_kb": hwm_before}))  # fmt: skip
        pairs, seconds = timed_result(original, items, options)
        peak = status_kb("VmHWM")
        similarity = {"seconds": round(seconds, 2), "peak_mb": round((peak - baseline) / 1024, 1),
                      "pairs": len(pairs)}  # fmt: skip
        send.send(("similarity done", {"similarity": similarity, "hwm_kb": peak}))
        return pairs

    measure_similarity.similar_pairs = probe
    try:
        yield
    finally:
        measure_similarity.similar_pairs = original


def time_queries(driver: Driver, database: str, runs: int) -> dict[str, dict[str, float]]:
    rng = random.Random(SEED)
    return {query.name: time_query(driver, database, query, runs, rng) for query in list_queries()}


def time_query(
    driver: Driver, database: str, query: SavedQuery, runs: int, rng: random.Random
) -> dict[str, float]:
    variants = parameter_sets(driver, database, query, runs, rng)
    run_query(driver, query, variants[0], database=database)  # warm-up: plan and cache
    return latencies([1000 * timed(partial(run_one, driver, database, query, p)) for p in variants])


def run_one(driver: Driver, database: str, query: SavedQuery, params: dict[str, Any]) -> None:
    run_query(driver, query, params, database=database)


def parameter_sets(
    driver: Driver, database: str, query: SavedQuery, runs: int, rng: random.Random
) -> list[dict[str, Any]]:
    """Every fourth run with the defaults (themes_by_region's empty ``within`` is the whole
    country), the others with the parameters that have choices (regions, initiatives) drawn."""
    options = {p.name: choices(driver, p, database=database) for p in query.parameters}
    defaults = {p.name: p.default for p in query.parameters}
    return [
        defaults if run % DEFAULTS_EVERY == 0 else
        {name: rng.choice(options[name]) if options[name] else value
         for name, value in defaults.items()}
        for run in range(runs)
    ]  # fmt: skip


# ------------------------------------------------------------- batched vs one row a query


def compare_writers(driver: Driver, batches: Sequence[GraphBatch], database: str) -> dict[str, Any]:
    """Both writers on the same plans into the empty graph, in turns; the best of
    ``WRITER_ROUNDS`` rounds each (the first round also warms the server up). The batched writer
    is the tool's own bulk path (a group of plans per transaction); the naive one writes one row a
    query, a transaction per plan."""
    rows = sum(len(b.nodes) + len(b.rels) for b in batches)
    seconds: dict[str, list[float]] = {"batched": [], "naive": []}
    sizes: dict[str, int] = {}
    writers: dict[str, Callable[[], object]] = {
        "batched": partial(write_documents, driver, batches, database=database),
        "naive": partial(write_each, write_naive, driver, batches, database),
    }
    for _ in range(WRITER_ROUNDS):
        for name, writer in writers.items():
            clear(driver, database)
            seconds[name].append(timed(writer))
            sizes[name] = graph_size(driver, database)
    batched, naive = min(seconds["batched"]), min(seconds["naive"])
    return {
        "documents": len(batches),
        "rows": rows,
        "batched_seconds": round(batched, 2),
        "naive_seconds": round(naive, 2),
        "batched_rows_per_s": round(rows / batched),
        "naive_rows_per_s": round(rows / naive),
        "ratio": round(naive / batched, 2),
        "same_graph": sizes["batched"] == sizes["naive"],
    }


def write_each(
    writer: Callable[..., object], driver: Driver, batches: Sequence[GraphBatch], database: str
) -> None:
    for batch in batches:
        writer(driver, batch, database=database)


def write_naive(driver: Driver, batch: GraphBatch, *, database: str) -> None:
    """The baseline: the same batch, one parameterised MERGE per node and per relationship, in
    one transaction per document."""

    def work(tx: ManagedTransaction) -> None:
        for node in batch.nodes:
            tx.run(naive_node(node.label), id=node.id, props=dict(node.props), doc=batch.doc_id)
        for rel in batch.rels:
            tx.run(naive_rel(rel), start=rel.start_id, end=rel.end_id, props=dict(rel.props),
                   doc=batch.doc_id)  # fmt: skip

    with driver.session(database=database) as session:
        session.execute_write(work)


def naive_node(label: str) -> LiteralString:
    statement = f"MERGE (n:{label} {{id: $id}}) SET n += $props "
    return cast(LiteralString, statement + f"SET n.sources = {ADD_SOURCE.format(v='n')}")


def naive_rel(rel: RelRow) -> LiteralString:
    keys = ", ".join(f"{p}: $props.{p}" for p in REL_BY_TYPE[rel.type].merge_on)
    return cast(
        LiteralString,
        f"MATCH (a:{rel.start_label} {{id: $start}}) MATCH (b:{rel.end_label} {{id: $end}}) "
        f"MERGE (a)-[r:{rel.type}{' {' + keys + '}' if keys else ''}]->(b) "
        f"SET r += $props SET r.sources = {ADD_SOURCE.format(v='r')}",
    )


# ------------------------------------------------------------------ LSH vs brute force


def measure_items(corpus: Corpus, limit: int) -> list[Item]:
    """The measures of the first plans, as the analysis step reads them (id, region, text)."""
    items: list[Item] = []
    for path in corpus.paths:
        if len(items) >= limit:
            break
        items += items_of(corpus.batch(path))
    return sorted(items[:limit], key=lambda item: str(item[0]))


def items_of(batch: GraphBatch) -> list[Item]:
    region = next(n.props.get("region") for n in batch.nodes if n.label == "Document")
    return [(n.id, region, str(n.props.get("text", ""))) for n in batch.nodes if is_measure(n)]


def is_measure(node: NodeRow) -> bool:
    return node.label == "Measure"


def compare_similarity(corpus: Corpus, limit: int) -> dict[str, Any]:
    items = measure_items(corpus, limit)
    lsh, lsh_s = timed_result(similar_pairs, items, {})
    brute, brute_s = timed_result(similar_pairs_bruteforce, items, {"max_partners": 5})
    found, expected = {(p.a, p.b) for p in lsh}, {(p.a, p.b) for p in brute}
    return {
        "measures": len(items),
        "lsh_seconds": round(lsh_s, 2),
        "bruteforce_seconds": round(brute_s, 2),
        "ratio": round(brute_s / lsh_s, 2),
        "recall": round(len(found & expected) / max(1, len(expected)), 3),
    }


# ------------------------------------------------------------------------ measuring


def timed_result(
    function: Callable[..., T], items: Sequence[Item], options: Mapping[str, Any]
) -> tuple[T, float]:
    started = time.perf_counter()
    result = function(items, **options)
    return result, time.perf_counter() - started


def status_kb(field: str, pid: int | None = None) -> int:
    """A memory figure (VmRSS, VmHWM …) of a process (this one by default), 0 when it is gone."""
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
