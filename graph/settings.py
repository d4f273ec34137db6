"""Every setting the tools read, in one place: the environment first, then `.env`, then defaults.

When ``NEO4J_URI`` is unset the tools talk to the local server run by ``python -m graph server``;
its password, when not given, is generated on first start and kept beside its data.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

from graph.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCAL_HOST = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class LocalServer:
    """Where and how the local Neo4j runs (only used when NEO4J_URI is unset)."""

    data_dir: Path
    port: int
    heap: str
    pagecache: str

    @property
    def uri(self) -> str:
        return f"bolt://{LOCAL_HOST}:{self.port}"

    @property
    def password_file(self) -> Path:
        return self.data_dir / "password"


@dataclass(frozen=True, slots=True)
class Settings:
    uri: str
    user: str
    password: str
    database: str
    local: LocalServer | None  # None when NEO4J_URI points elsewhere

    @property
    def uses_local_server(self) -> bool:
        return self.local is not None


def load_settings(*, env: dict[str, str] | None = None) -> Settings:
    values = _merged_environment(env)
    local = _local_server(values) if not values.get("NEO4J_URI") else None
    password = values.get("NEO4J_PASSWORD") or (_local_password(local) if local else "")
    if not password:
        raise ConfigError("NEO4J_PASSWORD is required when NEO4J_URI is set")
    return Settings(
        uri=values.get("NEO4J_URI") or (local.uri if local else ""),
        user=values.get("NEO4J_USER") or "neo4j",
        password=password,
        database=values.get("NEO4J_DATABASE") or "neo4j",
        local=local,
    )


def _merged_environment(env: dict[str, str] | None) -> dict[str, str]:
    from_file = {k: v for k, v in dotenv_values(REPO_ROOT / ".env").items() if v is not None}
    return {**from_file, **(os.environ if env is None else env)}


def _local_server(values: dict[str, str]) -> LocalServer:
    data_dir = Path(values.get("PLANGRAPH_DATA_DIR") or ".data/neo4j")
    port = values.get("PLANGRAPH_BOLT_PORT") or "7687"
    if not port.isdigit():
        raise ConfigError(f"PLANGRAPH_BOLT_PORT must be a port number, not {port!r}")
    return LocalServer(
        data_dir=data_dir if data_dir.is_absolute() else REPO_ROOT / data_dir,
        port=int(port),
        heap=values.get("PLANGRAPH_NEO4J_HEAP") or "1g",
        pagecache=values.get("PLANGRAPH_NEO4J_PAGECACHE") or "512m",
    )


def _local_password(local: LocalServer) -> str:
    """The local server's password: generated once, kept readable by the owner only."""
    path = local.password_file
    try:
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        password = secrets.token_urlsafe(18)
        # Created 0600 in one step: never readable by others, not even for a moment.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        return password
    except OSError as error:
        raise ConfigError(
            f"cannot keep the local server's password in {path.parent} ({error.strerror}): "
            "set PLANGRAPH_DATA_DIR to a folder you can write"
        ) from error
