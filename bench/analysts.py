"""Concurrent analysts (issue 8): saved queries with varied parameters against the sample corpus.

    python -m bench.analysts                  # 20 analysts for 60 s; writes the README section
    python -m bench.analysts --quick          # 20 analysts for 5 s; the README is left alone
    python -m bench.analysts --users 20 --seconds 60 [--think S] [--json PATH]

Loads corpus/ into its own Neo4j (``.data/neo4j-analysts``, Bolt port 7691 or
$PLANGRAPH_ANALYSTS_BOLT_PORT; started here and stopped at the end when it was not already running;
bench/common.py), then runs the saved queries
(graph.queries) first as one analyst, for the baseline, and then as ``--users`` analysts at once,
each a thread with its own sequence of queries and parameters, all sharing one driver as the app
does. Reports throughput, p50/p95 latency, their ratio and the errors; exits with status 1 when
the concurrent p95 exceeds three times the single-analyst p95 or any query failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from neo4j import Driver

from bench.common import (
    README,
    own_server,
    percentile,
    server_env,
    settings_of,
    update_readme_block,
)
from bench.report import analysts_markdown, analysts_section
from graph.analysis import derive
from graph.build import build_batch
from graph.console import ConsoleError, run_console_query
from graph.cypher import CLEAR_DATABASE
from graph.db import connect, read
from graph.neo4j_writer import apply_schema, write_document
from graph.queries import Parameter, SavedQuery, choices, list_queries, run_query
from graph.settings import REPO_ROOT
from ingest.pipeline import extract_file

CORPUS = REPO_ROOT / "corpus"
SERVER_ENV = server_env("analysts", port="7691", heap="1g", pagecache="256m")
MAX_P95_RATIO = 3.0
THINK_S = 1.0  # an analyst reads a result before the next query; far less than people take
SEED = 8
# Values for the string parameters that have no drop-down in the app, read from the graph.
VALUES = {
    "institution_duties.name": "MATCH (i:Institution)-[:RESPONSIBLE_FOR]->() "
    "RETURN i.name AS value, count(*) AS n ORDER BY n DESC, value LIMIT 20",
    "metric_targets.metric": "MATCH (t:Target) RETURN t.metric AS value, count(*) AS n "
    "ORDER BY n DESC, value LIMIT 20",
    "provenance.id": "MATCH (x) WHERE x:Project OR x:Policy OR x:Region "
    "RETURN x.id AS value, COUNT { (x)<-[:MENTIONS|FOR_REGION]-() } AS n "
    "ORDER BY n DESC, value LIMIT 20",
    "similar_measures.measure": "MATCH (m:Measure)-[:SIMILAR_TO]-() "
    "RETURN DISTINCT m.id AS value ORDER BY value LIMIT 20",
}
WORDS = {"similar_measures.measure": ["疫情", "教师", "课后服务", "心理健康", "安全", "劳动教育"]}
# What the hostile analyst sends through the console during the concurrent run (issue 16): each
# must be refused or stopped, and the server must still answer at the end.
HOSTILE_QUERIES = [
    "UNWIND range(1,100000000) AS x WITH collect(x) AS c RETURN size(c)",
    "UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x)",
    "MATCH (a), (b), (c) RETURN count(*) AS n",
    "LOAD/**/CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW SETTINGS",
]
HOSTILE_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class Request:
    query: str
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Sample:
    query: str
    seconds: float
    error: str | None


@dataclass(frozen=True, slots=True)
class Phase:
    users: int
    think_s: float
    seconds: float
    requests: int
    throughput: float  # queries a second
    p50_ms: float
    p95_ms: float
    errors: int
    error_messages: list[str]
    by_query: dict[str, dict[str, float]]


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    settings = settings_of(SERVER_ENV)
    with own_server(settings), connect(settings) as driver:
        documents = load_corpus(driver, database=settings.database)
        requests = build_requests(driver, database=settings.database, seed=SEED)
        warm_up(driver, requests, database=settings.database, users=args.users)
        phases = {
            "single": (1, max(5.0, args.seconds / 3), 0.0),
            "concurrent": (args.users, args.seconds, args.think),
        }
        if not args.quick:
            phases["stress"] = (args.users, args.seconds / 2, 0.0)
        database = settings.database
        hostile: dict[str, Any] | None = None
        results = {}
        for name, (users, seconds, think) in phases.items():
            attacker = None
            if name == "concurrent" and args.hostile:
                attacker = HostileAnalyst(driver, database=database, seconds=seconds)
            results[name] = run_phase(
                driver, requests, database=database, users=users, seconds=seconds, think=think
            )
            if attacker is not None:
                hostile = attacker.finish()
    report = make_report(results, documents=documents, requests=requests, hostile=hostile)
    print(analysts_markdown(report))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.quick:
        update_readme_block(README, "reliability", analysts_section(report))
    return 0 if report["passed"] else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.analysts", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--users", type=int, default=20, help="concurrent analysts (20)")
    parser.add_argument("--seconds", type=float, help="length of the concurrent run (60; quick 5)")
    parser.add_argument(
        "--think",
        type=float,
        default=THINK_S,
        help=f"mean pause between an analyst's queries, uniform in [0, 2×] ({THINK_S:g} s)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="5 s runs, no stress run, README left alone"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the report as JSON")
    parser.add_argument(
        "--no-hostile",
        dest="hostile",
        action="store_false",
        help="without the analyst who sends heavy and forbidden queries through the console",
    )
    return parser


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    args = _parser().parse_args(argv)
    if args.seconds is None:
        args.seconds = 5.0 if args.quick else 60.0
    return args


# --- set-up ---------------------------------------------------------------------------------


def load_corpus(driver: Driver, *, database: str) -> int:
    """The sample plans, loaded afresh, with their derived structure."""
    paths = sorted(CORPUS.glob("*.txt"))
    with driver.session(database=database) as session:  # IN TRANSACTIONS needs auto-commit
        for statement in CLEAR_DATABASE:
            session.run(statement).consume()
    apply_schema(driver, database=database)
    for path in paths:
        write_document(driver, build_batch(extract_file(path)), database=database, source=path.name)
    derive(driver, database=database)
    return len(paths)


def build_requests(driver: Driver, *, database: str, seed: int) -> list[Request]:
    """Every saved query with several parameter sets drawn from what the graph holds."""
    rng = random.Random(seed)
    requests = []
    for query in list_queries():
        pools = {p.name: _values(driver, query, p, database=database) for p in query.parameters}
        variants = max([len(pool) for pool in pools.values()] + [1])
        for _ in range(min(variants, 12)):
            params = {name: rng.choice(pool) for name, pool in pools.items()}
            requests.append(Request(query.name, params))
    return requests


def _values(driver: Driver, query: SavedQuery, parameter: Parameter, *, database: str) -> list[Any]:
    key = f"{query.name}.{parameter.name}"
    found: list[Any] = [parameter.default]
    if parameter.choices:
        found += choices(driver, parameter, database=database)
    if key in VALUES:
        found += [row["value"] for row in read(driver, VALUES[key], database=database)]
    found += WORDS.get(key, [])
    if parameter.type == "integer":
        found += [max(1, parameter.default // 2), parameter.default * 2]
    return list(dict.fromkeys(v for v in found if v is not None))


def warm_up(driver: Driver, requests: Sequence[Request], *, database: str, users: int) -> None:
    """Each saved query once, so that the server has planned them, then every analyst at once
    for a moment, so that the driver's pool holds the connections a running app keeps."""
    for name in dict.fromkeys(request.query for request in requests):
        _run(driver, next(r for r in requests if r.query == name), database=database)
    run_phase(driver, requests, database=database, users=users, seconds=2.0, think=0.0)


# --- measuring ------------------------------------------------------------------------------


def _run(driver: Driver, request: Request, *, database: str) -> None:
    query = next(q for q in list_queries() if q.name == request.query)
    run_query(driver, query, request.params, database=database)


def run_phase(
    driver: Driver,
    requests: Sequence[Request],
    *,
    database: str,
    users: int,
    seconds: float,
    think: float,
) -> Phase:
    samples: list[Sample] = []
    lock = threading.Lock()
    start = threading.Barrier(users + 1)
    deadline: list[float] = []

    def analyst(number: int) -> None:
        rng = random.Random(SEED * 1000 + number)
        start.wait()
        pause(rng.uniform(0, 2 * think), deadline[0])  # analysts do not all click at once
        while time.monotonic() < deadline[0]:
            request = rng.choice(requests)
            began = time.perf_counter()
            error = None
            try:
                _run(driver, request, database=database)
            except Exception as failure:  # every failure is a finding, whatever its kind
                error = f"{request.query}: {type(failure).__name__}: {failure}"
            sample = Sample(request.query, time.perf_counter() - began, error)
            with lock:
                samples.append(sample)
            pause(rng.uniform(0, 2 * think), deadline[0])

    threads = [threading.Thread(target=analyst, args=(n,), daemon=True) for n in range(users)]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    deadline.append(began + seconds)
    start.wait()
    for thread in threads:
        thread.join()
    return summarise(samples, users=users, think=think, seconds=time.monotonic() - began)


class HostileAnalyst:
    """One more analyst, during the concurrent run, who sends HOSTILE_QUERIES through the
    console in a loop: memory bombs, runaway queries, LOAD CSV, transaction management."""

    def __init__(self, driver: Driver, *, database: str, seconds: float) -> None:
        self.driver, self.database = driver, database
        self.deadline = time.monotonic() + seconds
        self.outcomes: dict[str, int] = {}
        self.unexpected: list[str] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        rng = random.Random(SEED)
        while time.monotonic() < self.deadline:
            statement = rng.choice(HOSTILE_QUERIES)
            try:
                run_console_query(
                    self.driver,
                    statement,
                    database=self.database,
                    timeout=HOSTILE_TIMEOUT_S,
                    user="hostile",
                )
                kind = "answered"
            except ConsoleError as error:
                kind = error.kind
            except Exception as failure:  # a finding: the console let something else through
                kind = "unexpected"
                self.unexpected.append(f"{statement[:40]}: {type(failure).__name__}: {failure}")
            self.outcomes[kind] = self.outcomes.get(kind, 0) + 1
            if kind == "busy":
                time.sleep(0.5)  # the console said when to come back; ask again soon anyway
            if kind == "answered" and "count(*)" not in statement:
                self.unexpected.append(f"{statement[:40]}: answered")

    def finish(self) -> dict[str, Any]:
        self.thread.join()
        try:
            up = read(self.driver, "RETURN 1 AS ok", database=self.database)[0]["ok"] == 1
        except Exception:  # the server being down is the finding
            up = False
        return {
            "runs": sum(self.outcomes.values()),
            "outcomes": dict(sorted(self.outcomes.items())),
            "unexpected": self.unexpected[:10],
            "server_up": up,
        }


def pause(seconds: float, deadline: float) -> None:
    time.sleep(max(0.0, min(seconds, deadline - time.monotonic())))


def summarise(samples: Sequence[Sample], *, users: int, think: float, seconds: float) -> Phase:
    done = [s.seconds for s in samples if s.error is None]
    errors = [s.error for s in samples if s.error is not None]
    by_query: dict[str, list[float]] = {}
    for sample in samples:
        if sample.error is None:
            by_query.setdefault(sample.query, []).append(sample.seconds)
    return Phase(
        users=users,
        think_s=think,
        seconds=round(seconds, 1),
        requests=len(samples),
        throughput=round(len(done) / seconds, 1),
        p50_ms=_percentile_ms(done, 50),
        p95_ms=_percentile_ms(done, 95),
        errors=len(errors),
        error_messages=sorted(set(errors))[:10],
        by_query={
            name: {"n": len(times), "p50_ms": _percentile_ms(times, 50)}
            | {"p95_ms": _percentile_ms(times, 95)}
            for name, times in sorted(by_query.items())
        },
    )


def _percentile_ms(values: Sequence[float], percent: int) -> float:
    return round(percentile(values, percent) * 1000, 1)


# --- report ---------------------------------------------------------------------------------


def make_report(
    phases: dict[str, Phase],
    *,
    documents: int,
    requests: Sequence[Request],
    hostile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    single, loaded = phases["single"], phases["concurrent"]
    ratio = round(loaded.p95_ms / single.p95_ms, 2) if single.p95_ms else float("inf")
    errors = sum(phase.errors for phase in phases.values())
    safe = hostile is None or (hostile["server_up"] and not hostile["unexpected"])
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "documents": documents,
        "queries": len({r.query for r in requests}),
        "parameter_sets": len(requests),
        **{name: asdict(phase) for name, phase in phases.items()},
        "p95_ratio": ratio,
        "max_p95_ratio": MAX_P95_RATIO,
        "errors": errors,
        "hostile": hostile,
        "passed": ratio <= MAX_P95_RATIO and errors == 0 and safe,
    }


if __name__ == "__main__":
    raise SystemExit(main())
