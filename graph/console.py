"""The read-only Cypher console behind the app.

Three fences, each enough on its own for writes, together for everything else:

1. An allow-list of statement forms, checked on the tokens (comments and strings removed, so
   ``LOAD/**/CSV`` is still LOAD CSV): a statement starts with MATCH, OPTIONAL MATCH, WITH, UNWIND,
   RETURN or CALL; CALL names a read procedure of ``ALLOWED_PROCEDURES`` or opens a subquery; no
   clause that writes, loads, administers or inspects the server (SHOW/TERMINATE TRANSACTIONS,
   SHOW SETTINGS, USE system …) appears anywhere. Neo4j Community has no roles, so this is the
   console's "reader role".
2. A read transaction: the server itself refuses any write.
3. Server settings (graph/server.py): LOAD CSV may read no file and no URL, and every
   transaction has a memory cap inside the heap, so one query cannot end the server.

Failures are ``ConsoleError`` with a ``kind`` the app turns into a sentence in zh or en.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal

from neo4j import Driver
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import GraphError

MAX_ROWS = 10_000
MAX_TIMEOUT_S = 120.0
FIRST_CLAUSES = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
FORBIDDEN = frozenset(
    {
        *("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD", "USE"),
        *("SHOW", "TERMINATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "START", "STOP"),
        *("ENABLE", "DEALLOCATE", "REALLOCATE", "RENAME", "FINISH", "INSERT", "NODETACH"),
        *("EXPLAIN", "PROFILE", "CYPHER"),
    }
)
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
    }
)
Kind = Literal["empty", "refused", "syntax", "timeout", "memory", "unreachable", "failed", "busy"]
# Server time one console user may spend in a rolling minute: one analyst looping runaway
# queries would otherwise take a whole core from everyone else (2 cores in the load test).
BUDGET_S = 5.0
BUDGET_WINDOW_S = 60.0


class ConsoleError(GraphError):
    """A console query was refused or failed; ``kind`` says which, ``detail`` says more."""

    def __init__(self, kind: Kind, detail: str = "", *, subject: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind: Kind = kind
        self.detail = detail
        self.subject = subject  # the refused keyword or procedure, or "line:col" of a syntax error


class Budget:
    """Rolling per-user budget of console time (thread-safe; one per process)."""

    def __init__(self, seconds: float = BUDGET_S, window: float = BUDGET_WINDOW_S) -> None:
        self.seconds, self.window = seconds, window
        self._spent: dict[str, list[tuple[float, float]]] = {}
        self._lock = threading.Lock()

    def wait_needed(self, user: str) -> float:
        """Seconds until ``user`` may run another query (0 when now)."""
        now = time.monotonic()
        with self._lock:
            spent = [(t, s) for t, s in self._spent.get(user, []) if now - t < self.window]
            self._spent[user] = spent
            used = sum(s for _, s in spent)
            if used < self.seconds or not spent:
                return 0.0
            return max(0.0, spent[0][0] + self.window - now)

    def charge(self, user: str, seconds: float) -> None:
        with self._lock:
            self._spent.setdefault(user, []).append((time.monotonic(), seconds))


BUDGET = Budget()


@dataclass(frozen=True, slots=True)
class ConsoleResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    kind: Literal["word", "quoted", "string", "number", "symbol"]


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<line_comment>//[^\n]*)
      | (?P<block_comment>/\*.*?(?:\*/|\Z))
      | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
      | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
      | (?P<number>\d[\w.]*)
      | (?P<word>[^\W\d]\w*)
      | (?P<symbol>.)""",
    re.VERBOSE | re.DOTALL,
)


def tokens(statement: str) -> list[_Token]:
    """The statement's tokens without whitespace and comments."""
    found: list[_Token] = []
    for match in _TOKEN.finditer(statement):
        kind = match.lastgroup
        if kind in ("word", "quoted", "string", "number", "symbol"):
            found.append(_Token(match.group(), kind))  # type: ignore[arg-type]
    return found


def check_allowed(statement: str) -> None:
    """Raise ConsoleError('refused') unless the statement is of an allowed read-only form."""
    found = tokens(statement)
    if not found:
        raise ConsoleError("empty")
    if found[0].kind != "word" or found[0].text.upper() not in FIRST_CLAUSES:
        first = found[0].text
        raise ConsoleError(
            "refused",
            f"a query starts with MATCH, WITH, UNWIND, RETURN or CALL, not {first}",
            subject=first.upper(),
        )
    for index, token in enumerate(found):
        if token.kind != "word" or _is_name(found, index):
            continue
        word = token.text.upper()
        if word in FORBIDDEN:
            raise ConsoleError("refused", f"{word} is not allowed in the console", subject=word)
        if word == "CALL":
            _check_call(found, index)


def _is_name(found: list[_Token], index: int) -> bool:
    """A word used as a property key, label, type, map key or procedure part, not a keyword."""
    before = found[index - 1].text if index > 0 else ""
    after = found[index + 1].text if index + 1 < len(found) else ""
    return before in (".", ":", "$") or (after == ":" and before in ("{", ","))


def _check_call(found: list[_Token], index: int) -> None:
    following = found[index + 1].text if index + 1 < len(found) else ""
    if following in ("{", "("):
        return  # a subquery: its clauses are checked like the rest of the statement
    name = []
    position = index + 1
    while position < len(found) and found[position].kind in ("word", "quoted"):
        name.append(found[position].text.strip("`"))
        if position + 1 < len(found) and found[position + 1].text == ".":
            position += 2
            continue
        break
    procedure = ".".join(name)
    if procedure not in ALLOWED_PROCEDURES:
        raise ConsoleError(
            "refused",
            f"procedure {procedure or '?'} is not allowed in the console",
            subject=f"CALL {procedure}".strip(),
        )


def run_console_query(
    driver: Driver,
    statement: str,
    *,
    database: str,
    params: dict[str, Any] | None = None,
    row_cap: int = 1000,
    timeout: float = 15.0,
    user: str | None = None,
    budget: Budget = BUDGET,
) -> ConsoleResult:
    """Run a console query; for a ``user`` (the app passes its session) within their budget."""
    check_allowed(statement)
    if user is None:
        return _run(driver, statement, database, params, row_cap, timeout)
    wait = budget.wait_needed(user)
    if wait > 0:
        raise ConsoleError(
            "busy", f"console time used up; wait {wait:.0f} s", subject=f"{wait:.0f}"
        )
    started = time.monotonic()
    try:
        return _run(driver, statement, database, params, row_cap, timeout)
    finally:
        budget.charge(user, time.monotonic() - started)


def _run(
    driver: Driver,
    statement: str,
    database: str,
    params: dict[str, Any] | None,
    row_cap: int,
    timeout: float,
) -> ConsoleResult:
    cap = max(1, min(row_cap, MAX_ROWS))

    try:
        # An explicit transaction: the driver's retry of managed transactions would run a query
        # that hit the memory cap (a transient error) again and again.
        with (
            driver.session(database=database, default_access_mode="READ") as session,
            session.begin_transaction(timeout=max(0.1, min(timeout, MAX_TIMEOUT_S))) as tx,
        ):
            result = tx.run(statement, dict(params or {}))
            one_more = cap + 1  # to tell a full page from a truncated one
            records = result.fetch(one_more)
            columns = list(result.keys())
            result.consume()
            return ConsoleResult(columns, [r.data() for r in records[:cap]], len(records) > cap)
    except (ServiceUnavailable, SessionExpired) as error:
        raise ConsoleError("unreachable", str(error)) from error
    except Neo4jError as error:
        raise classify(error) from error


def classify(error: Neo4jError) -> ConsoleError:
    """The server's error as a ConsoleError of the right kind."""
    code = error.code or ""
    message = error.message or ""
    if "MemoryPoolOutOfMemoryError" in code or "memory" in code.lower():
        return ConsoleError("memory", message)
    if "TransactionTimedOut" in code or "Terminated" in code or "timeout" in message.lower():
        return ConsoleError("timeout", message)
    if code.endswith("Statement.SyntaxError") or "SyntaxError" in code:
        where = _position(message)
        return ConsoleError("syntax", f"at {where}: {message}" if where else message, subject=where)
    if "Forbidden" in code or "AccessMode" in code or "read access mode" in message:
        return ConsoleError("refused", message)
    if isinstance(error, ClientError):
        return ConsoleError("failed", message.splitlines()[0] if message else code)
    return ConsoleError("failed", code)


_POSITION = re.compile(r"line (\d+), column (\d+)")


def _position(message: str) -> str:
    """'line:col' from the server's message, or ''."""
    match = _POSITION.search(message)
    return f"{match.group(1)}:{match.group(2)}" if match else ""
