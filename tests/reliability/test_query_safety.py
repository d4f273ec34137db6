"""Query and deployment safety, beyond tests/graph/test_console.py and test_queries.py: every read
path runs in a read transaction so a smuggled write is refused by the server, saved queries take
values only as parameters, no credential is kept in the repository, Docker takes its credentials
from the environment, and uploads are capped."""

from __future__ import annotations

import ast
import re
import subprocess
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from neo4j import Driver

import graph.queries
from graph.db import read
from graph.errors import GraphError
from graph.queries import coerce_params, get_query, list_queries, run_query
from graph.settings import REPO_ROOT, Settings

WRITES = [
    "CREATE (n:Hack {id: 'x'}) RETURN n",
    "MERGE (n:Region {id: '999999'}) RETURN n",
    "MATCH (r:Region) SET r.name = 'hacked' RETURN r",
    "MATCH (r:Region) REMOVE r.name RETURN r",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1",
    "CALL db.createLabel('Hack')",
    "CREATE INDEX hack IF NOT EXISTS FOR (n:Hack) ON (n.x)",
]
HOSTILE_VALUES = [
    "双减' OR 1=1 //",
    '双减"}) DETACH DELETE n //',
    "x` RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    "$limit",
    "{name}",
    "%s",
]
READ_PATHS = [
    *("graph/queries.py", "graph/console.py", "graph/export/selection.py"),
    *sorted(
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "graph/explore").glob("*.py")
    ),
    *sorted(
        p.relative_to(REPO_ROOT).as_posix() for p in (REPO_ROOT / "graph/analysis").glob("*.py")
    ),
]
# Stand-ins in tests and docs, not credentials: a closed port's password, a wrong password, the
# encrypted-PDF fixture's passwords and the README's example.
REFUSED = r"read access mode|not allowed|Forbidden"
PLACEHOLDERS = {"whatever1", "not-the-password", "owner", "secret", "choose-a-password"}
LITERAL_SECRET = re.compile(
    r"""(?i)\b\w*(password|passwd|secret|token|api_?key)\w*["']?\s*[:=]\s*["']([^"'\s$]{3,})["']"""
)
UNQUOTED_SECRET = re.compile(  # KEY=value, key: value in .env, YAML, TOML, shell (not Python)
    r"""(?i)^\s*[-\w]*(password|passwd|secret|token|api_?key)[-\w]*\s*[=:]\s*([^\s"'$#{][^\s]*)"""
)
AUTH_TUPLE = re.compile(r"""auth\s*=\s*\(\s*["'][^"']+["']\s*,\s*["']([^"']+)["']""")
URI_WITH_CREDENTIALS = re.compile(r"\b[a-z+]+://[^/\s:@'\"]+:[^/\s@'\"]+@")


def snapshot(driver: Driver, database: str) -> list[Any]:
    records, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
        database_=database,
    )
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN name", database_=database)
    return [r.data() for r in records] + sorted(r["name"] for r in indexes)


def repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [REPO_ROOT / name for name in listed.split("\0") if name]


def text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None


# --- read transactions ----------------------------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", WRITES)
def test_a_write_smuggled_into_a_saved_query_is_refused(
    small_graph: Driver, database: str, statement: str
) -> None:
    before = snapshot(small_graph, database)
    hostile = replace(get_query("top_policies"), cypher=statement)
    with pytest.raises(GraphError, match=REFUSED):
        run_query(small_graph, hostile, {}, database=database)
    assert snapshot(small_graph, database) == before


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", WRITES)
def test_a_write_through_the_apps_read_helper_is_refused(
    small_graph: Driver, database: str, statement: str
) -> None:
    before = snapshot(small_graph, database)
    with pytest.raises(GraphError, match=REFUSED):
        read(small_graph, statement, database=database)
    assert snapshot(small_graph, database) == before


@pytest.mark.neo4j
def test_a_saved_query_cannot_read_the_servers_files(small_graph: Driver, database: str) -> None:
    hostile = replace(
        get_query("top_policies"), cypher="LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"
    )
    with pytest.raises(GraphError, match="allow_csv_import_from_file_urls"):
        run_query(small_graph, hostile, {}, database=database)


# --- parameters -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_saved_query_text_has_no_formatting_placeholders(name: str) -> None:
    cypher = get_query(name).cypher
    assert not re.search(r"\{\w*\}|%\(?\w*\)?[sdr]|\{\{", cypher)
    declared = {p.name for p in get_query(name).parameters}
    assert set(re.findall(r"\$(\w+)", cypher)) == declared


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_values_travel_as_parameters_never_in_the_text(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    query = get_query(name)
    sent: list[tuple[str, dict[str, Any]]] = []

    def spy(driver: Any, statement: str, params: Any = None, **options: Any) -> Any:
        sent.append((statement, dict(params or {})))
        return [], [], False

    monkeypatch.setattr(graph.queries, "read_capped", spy)
    raw = {p.name: HOSTILE_VALUES[0] for p in query.parameters if p.type == "string"}
    params = coerce_params(query, raw)
    run_query(None, query, params, database="neo4j")  # type: ignore[arg-type]
    assert sent == [(query.cypher, params)]


@pytest.mark.neo4j
@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_parameter_values_are_only_searched_for(
    small_graph: Driver, database: str, value: str
) -> None:
    before = snapshot(small_graph, database)
    for query in list_queries():
        strings = {p.name: value for p in query.parameters if p.type == "string"}
        if not strings:
            continue
        result = run_query(small_graph, query, coerce_params(query, strings), database=database)
        assert result.rows == [] or query.name == "unassigned_commitments", query.name
    assert snapshot(small_graph, database) == before


def test_read_paths_never_build_cypher_by_formatting() -> None:
    """The statement handed to the driver is a constant or a name, never an f-string, a `%` or
    `+` expression or a `.format()` call built at the call."""
    runners = {"read", "read_capped", "run", "execute_query", "fetch"}
    found = []
    for path in READ_PATHS:
        tree = ast.parse((REPO_ROOT / path).read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            statement = next(
                (a for a in call.args if not (isinstance(a, ast.Name) and a.id == "driver")), None
            )
            if name in runners and statement is not None and _is_formatted(statement):
                found.append(f"{path}:{call.lineno}")
    assert found == []


def _is_formatted(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "format"


# --- credentials ----------------------------------------------------------------------------


def test_no_credential_literal_in_the_repository() -> None:
    found = []
    for path in repository_files():
        text = text_of(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            secrets = {m.group(2) for m in LITERAL_SECRET.finditer(line)}
            secrets |= {m.group(1) for m in AUTH_TUPLE.finditer(line)}
            if path.suffix != ".py":
                secrets |= {m.group(2) for m in UNQUOTED_SECRET.finditer(line)}
            if secrets - PLACEHOLDERS or URI_WITH_CREDENTIALS.search(line):
                found.append(f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()[:80]}")
    assert found == []


@pytest.mark.neo4j
def test_the_servers_password_is_in_no_repository_file(neo4j_settings: Settings) -> None:
    assert len(neo4j_settings.password) >= 8
    leaks = [p for p in repository_files() if neo4j_settings.password in (text_of(p) or "")]
    assert leaks == []


def test_local_secrets_are_ignored_by_git() -> None:
    tracked = [p.relative_to(REPO_ROOT).as_posix() for p in repository_files()]
    assert not [name for name in tracked if name == ".env" or name.startswith(".data/")]
    ignored = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert ".env" in ignored and ".data/" in ignored


def test_env_example_holds_placeholders_only() -> None:
    for line in (REPO_ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if re.match(r"#?\s*NEO4J_PASSWORD\s*=", line):
            assert line.split("=", 1)[1].strip() == ""


def test_docker_compose_takes_credentials_from_the_environment() -> None:
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    secrets = {
        (service, key): str(value)
        for service, spec in compose["services"].items()
        for key, value in (spec.get("environment") or {}).items()
        if "PASSWORD" in key or "AUTH" in key
    }
    assert set(secrets) == {("neo4j", "NEO4J_AUTH"), ("app", "NEO4J_PASSWORD")}
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]*\}", secrets["neo4j", "NEO4J_AUTH"])
    assert re.fullmatch(r"\$\{NEO4J_PASSWORD:\?[^}]*\}", secrets["app", "NEO4J_PASSWORD"])
    for spec in compose["services"].values():
        assert all(port.startswith("127.0.0.1:") for port in spec.get("ports", []))


def test_docker_build_context_leaves_local_secrets_out() -> None:
    path = REPO_ROOT / ".dockerignore"
    ignored = path.read_text(encoding="utf-8").split() if path.exists() else []
    assert {".env", ".data"} <= {entry.strip("/") for entry in ignored}


# --- uploads --------------------------------------------------------------------------------


def test_uploads_are_capped_at_50_mb_by_streamlit_and_by_the_ingest_page() -> None:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == 50
    page = (REPO_ROOT / "app_pages" / "upload.py").read_text(encoding="utf-8")
    limits = re.findall(r"^MAX_UPLOAD_BYTES = ([\d *]+)$", page, re.M)
    assert [eval(limit, {"__builtins__": {}}) for limit in limits] == [50 * 1024 * 1024]
    assert "u.size > MAX_UPLOAD_BYTES" in page
