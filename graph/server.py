"""Run Neo4j 5.26 Community on 127.0.0.1 without Docker.

The jars come from Maven Central through ``graph/server/pom.xml``; a small Java launcher kept in the
repo embeds the DBMS with the Bolt connector. ``start`` returns once Bolt answers; ``stop`` stops
only the process whose pid it recorded, and only if that pid still runs our launcher.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import ServerError
from graph.settings import LOCAL_HOST, REPO_ROOT, LocalServer, Settings

MAVEN_PROJECT = REPO_ROOT / "graph" / "server"
BUILD_DIR = MAVEN_PROJECT / "target"
LAUNCHER_CLASS = "edu.plangraph.LocalNeo4j"
START_TIMEOUT_S = 120.0
READY_LINE = b"plangraph: Neo4j ready"


@dataclass(frozen=True, slots=True)
class ServerStatus:
    running: bool
    uri: str
    pid: int | None
    data_dir: Path
    already_running: bool = False

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j is not running (data in {self.data_dir})"
        note = "already running" if self.already_running else "running"
        return f"Neo4j is {note} at {self.uri} (pid {self.pid}, data in {self.data_dir})"


def install(*, force: bool = False) -> Path:
    """Resolve the Neo4j jars and build the launcher once; return the build directory."""
    if not force and _build_is_current():
        return BUILD_DIR
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            raise ServerError(
                f"`{tool}` is not on PATH: install a JDK 17+ and Maven, or use Docker"
            )
    command = ["mvn", "-q", "-B", "-f", str(MAVEN_PROJECT / "pom.xml"), "package"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-15:]
        raise ServerError("building the Neo4j launcher failed:\n" + "\n".join(tail))
    return BUILD_DIR


def status(local: LocalServer) -> ServerStatus:
    pid = _recorded_pid(local)
    running = pid is not None and _is_our_launcher(pid, local)
    return ServerStatus(
        running=running, uri=local.uri, pid=pid if running else None, data_dir=local.data_dir
    )


def start(settings: Settings, *, timeout: float = START_TIMEOUT_S) -> ServerStatus:
    local = _require_local(settings)
    current = status(local)
    if current.running:
        check_online(settings)
        return ServerStatus(True, current.uri, current.pid, local.data_dir, already_running=True)
    install()
    try:
        _prepare_data_dir(local)
        _write_config(local)
        log_offset = log_file(local).stat().st_size if log_file(local).exists() else 0
        process = _spawn(local, settings.password)
        _pid_file(local).write_text(f"{process.pid}\n", encoding="utf-8")
    except OSError as error:
        raise ServerError(
            f"cannot write to the data directory {local.data_dir} ({error.strerror}): "
            "make it writable or set PLANGRAPH_DATA_DIR to another folder"
        ) from error
    deadline = time.monotonic() + timeout
    _wait_for_ready_line(local, process, log_offset, deadline)
    _wait_for_bolt(settings, process, deadline)
    check_online(settings)
    return status(local)


def check_online(settings: Settings) -> None:
    """Raise ServerError unless the database answers: a server can run while its database is
    offline (transaction logs lost to a full disk), and every load would then fail."""
    with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        records, _, _ = driver.execute_query(
            "SHOW DATABASE $name YIELD currentStatus, statusMessage",
            name=settings.database,
            database_="system",
        )
    state = records[0]["currentStatus"] if records else "missing"
    if state != "online":
        message = records[0]["statusMessage"].splitlines()[0] if records else ""
        raise ServerError(
            f"Neo4j runs but database {settings.database} is {state}"
            + (f" ({message[:300]})" if message else "")
            + ": restore the last backup with `python -m graph server restore FILE` "
            "(see README, Recovery)"
        )


def stop(settings: Settings, *, timeout: float = 60.0) -> ServerStatus:
    local = _require_local(settings)
    current = status(local)
    if current.running and current.pid is not None:
        os.kill(current.pid, signal.SIGTERM)
        if not _wait_for_exit(current.pid, timeout):
            os.kill(current.pid, signal.SIGKILL)
            _wait_for_exit(current.pid, 10.0)
    _pid_file(local).unlink(missing_ok=True)
    return status(local)


def log_file(local: LocalServer) -> Path:
    return local.data_dir / "logs" / "launcher.log"


def _require_local(settings: Settings) -> LocalServer:
    if settings.local is None:
        raise ServerError(f"NEO4J_URI is set ({settings.uri}): the local server is not used")
    return settings.local


def _build_is_current() -> bool:
    jar = BUILD_DIR / "launcher.jar"
    if not jar.exists() or not (BUILD_DIR / "lib").is_dir():
        return False
    sources = [MAVEN_PROJECT / "pom.xml", *MAVEN_PROJECT.glob("src/**/*.java")]
    return all(src.stat().st_mtime <= jar.stat().st_mtime for src in sources)


def memory_limits(heap: str) -> tuple[str, str]:
    """(all transactions together, one transaction) as Neo4j sizes, both inside the heap: a query
    that collects too much is stopped with a MemoryPoolOutOfMemoryError before the JVM runs out
    of memory (which would end the server for everyone)."""
    total = _size_in_bytes(heap)
    return f"{total * 6 // 10 // _MIB}m", f"{total * 3 // 10 // _MIB}m"


_MIB = 1024 * 1024
_UNITS = {"": 1, "k": 1024, "m": _MIB, "g": 1024 * _MIB}


def _size_in_bytes(size: str) -> int:
    match = re.fullmatch(r"(\d+)\s*([kmg]?)b?", size.strip().lower())
    if match is None:
        raise ServerError(f"PLANGRAPH_NEO4J_HEAP must be a size such as 1g or 768m, not {size!r}")
    return int(match.group(1)) * _UNITS[match.group(2)]


def _prepare_data_dir(local: LocalServer) -> None:
    """The data directory, readable by its owner only (it holds the password and the graph)."""
    local.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    local.data_dir.chmod(0o700)


def _write_config(local: LocalServer) -> None:
    conf = local.data_dir / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    total_max, transaction_max = memory_limits(local.heap)
    conf.write_text(
        "\n".join(
            [
                f"server.memory.pagecache.size={local.pagecache}",
                f"dbms.memory.transaction.total.max={total_max}",
                f"db.memory.transaction.max={transaction_max}",
                "db.tx_log.rotation.retention_policy=100M size",
                "db.tx_log.preallocate=false",
                "dbms.usage_report.enabled=false",
                # Read queries may not read the server's files (LOAD CSV FROM 'file:///…').
                "dbms.security.allow_csv_import_from_file_urls=false",
                # … nor any URL (LOAD CSV FROM 'http://127.0.0.1:…' would be a request forgery).
                "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
                "",
            ]
        ),
        encoding="utf-8",
    )


def _spawn(local: LocalServer, password: str) -> subprocess.Popen[bytes]:
    log = log_file(local)
    log.parent.mkdir(parents=True, exist_ok=True)
    classpath = f"{BUILD_DIR / 'launcher.jar'}{os.pathsep}{BUILD_DIR / 'lib' / '*'}"
    command = [
        "java",
        f"-Xms{local.heap}",
        f"-Xmx{local.heap}",
        "-XX:+UseG1GC",
        "-XX:+ExitOnOutOfMemoryError",
        "-Dfile.encoding=UTF-8",
        "-cp",
        classpath,
        LAUNCHER_CLASS,
        str(local.data_dir),
        LOCAL_HOST,
        str(local.port),
    ]
    env = {**os.environ, "NEO4J_PASSWORD": password}
    with log.open("ab") as out:
        # A session of its own, so that the server outlives the command that started it.
        return subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def _wait_for_ready_line(
    local: LocalServer, process: subprocess.Popen[bytes], offset: int, deadline: float
) -> None:
    """Wait until the launcher has set the password; logging in earlier would fail and count
    towards Neo4j's rate limit on failed logins."""
    log = log_file(local)
    while time.monotonic() < deadline:
        _raise_if_exited(log, process)
        with log.open("rb") as handle:
            handle.seek(offset)
            if READY_LINE in handle.read():
                return
        time.sleep(0.3)
    process.terminate()
    raise ServerError(f"Neo4j did not start within {START_TIMEOUT_S:.0f} s; see {log}")


def _wait_for_bolt(settings: Settings, process: subprocess.Popen[bytes], deadline: float) -> None:
    log = log_file(_require_local(settings))
    with GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password)) as driver:
        while time.monotonic() < deadline:
            _raise_if_exited(log, process)
            try:
                driver.verify_connectivity()
                return
            except AuthError as error:
                raise ServerError(f"Neo4j refused the configured password: {error}") from error
            except (ServiceUnavailable, OSError):
                time.sleep(0.3)
    process.terminate()
    raise ServerError(f"Neo4j did not answer on {settings.uri}; see {log}")


def _raise_if_exited(log: Path, process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        raise ServerError(_died_message(log, process.returncode))


def _died_message(log: Path, code: int | None) -> str:
    tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
    return f"Neo4j exited with status {code} while starting; end of {log}:\n" + "\n".join(tail)


def _pid_file(local: LocalServer) -> Path:
    return local.data_dir / "server.pid"


def _recorded_pid(local: LocalServer) -> int | None:
    path = _pid_file(local)
    text = path.read_text(encoding="utf-8").strip() if path.exists() else ""
    return int(text) if text.isdigit() else None


def _is_our_launcher(pid: int, local: LocalServer) -> bool:
    """True only if ``pid`` runs our launcher on this data directory (pids get reused)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    args = [part.decode(errors="replace") for part in cmdline]
    return LAUNCHER_CLASS in args and str(local.data_dir) in args


def _wait_for_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists() or _is_zombie(pid):
            return True
        time.sleep(0.2)
    return False


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True
