"""Backup and restore of the graph, for the local server and any other.

``backup`` is online: the whole graph as a Cypher script (the `cypher` export, which escapes every
value), written atomically. ``restore`` is for a database that is lost or offline: on the local
server it moves the database's store and transaction logs aside (kept in the data directory, never
deleted), starts on a fresh store and replays the script; on another server it needs an empty
database.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from graph import server
from graph.db import connect
from graph.errors import GraphError
from graph.export import export_bytes, whole_graph
from graph.export.cypher_script import replay_cypher_script
from graph.neo4j_writer import apply_schema
from graph.settings import Settings

HEADER = "// plangraph export:"


@dataclass(frozen=True, slots=True)
class BackupSummary:
    path: Path
    nodes: int
    relationships: int
    moved_aside: Path | None = None

    def describe(self, verb: str) -> str:
        text = f"{verb} {self.nodes} nodes and {self.relationships} relationships ({self.path})"
        if self.moved_aside is not None:
            text += f"; the damaged database files are kept in {self.moved_aside}"
        return text


def backup(settings: Settings, path: Path) -> BackupSummary:
    with connect(settings) as driver:
        subgraph = whole_graph(driver, database=settings.database)
    data = export_bytes(subgraph, "cypher")
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
    return BackupSummary(path, len(subgraph.nodes), len(subgraph.rels))


def restore(settings: Settings, path: Path) -> BackupSummary:
    script = _read_backup(path)
    moved = _fresh_local_store(settings) if settings.local is not None else None
    with connect(settings) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (n) RETURN count(n) AS n", database_=settings.database
        )
        if records[0]["n"]:
            raise GraphError(
                f"database {settings.database} at {settings.uri} is not empty: "
                "restore only into an empty database"
            )
        apply_schema(driver, database=settings.database)
        replay_cypher_script(driver, script, database=settings.database)
        counts, _, _ = driver.execute_query(
            "CALL () { MATCH (n) RETURN count(n) AS nodes } "
            "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
            database_=settings.database,
        )
    return BackupSummary(path, counts[0]["nodes"], counts[0]["rels"], moved)


def _read_backup(path: Path) -> str:
    try:
        script = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GraphError(f"cannot read the backup {path}: {error}") from error
    if not script.startswith(HEADER):
        raise GraphError(f"{path} is not a plangraph backup (made by `graph server backup`)")
    return script


def _fresh_local_store(settings: Settings) -> Path:
    """Stop the local server, move the database's files aside, start it on an empty store."""
    local = settings.local
    assert local is not None
    server.stop(settings)
    aside = local.data_dir / f"damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    for kind in ("databases", "transactions"):
        store = local.data_dir / "data" / kind / settings.database
        if store.exists():
            aside.joinpath(kind).mkdir(parents=True, exist_ok=True)
            shutil.move(str(store), aside / kind / settings.database)
    server.start(settings)
    return aside
