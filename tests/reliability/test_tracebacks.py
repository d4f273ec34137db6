"""Issue 16 items 8 and 14: errors that used to reach the user as tracebacks are one line, and
the password file and data directory are the owner's alone from the moment they exist."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from graph import server
from graph.errors import ConfigError, ServerError
from graph.settings import REPO_ROOT, load_settings


def run_cli(args: list[bytes], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"graph", *args],
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
        check=False,
    )


def unwritable_dir(tmp_path: Path) -> Path:
    """A data directory no one can create, not even root: its parent is a file."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    return blocker / "neo4j"


def test_server_start_on_an_unwritable_data_dir_is_one_line(tmp_path: Path) -> None:
    env = {"PLANGRAPH_DATA_DIR": str(unwritable_dir(tmp_path)), "PLANGRAPH_BOLT_PORT": "7799"}
    env |= {"NEO4J_PASSWORD": "not-the-password"}
    result = run_cli([b"server", b"start"], {**env, "NEO4J_URI": ""})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error:") and "PLANGRAPH_DATA_DIR" in result.stderr


def test_server_start_raises_a_server_error(tmp_path: Path) -> None:
    env = {"PLANGRAPH_DATA_DIR": str(unwritable_dir(tmp_path)), "PLANGRAPH_BOLT_PORT": "7799"}
    settings = load_settings(env={**env, "NEO4J_PASSWORD": "not-the-password"})
    with pytest.raises(ServerError, match="cannot write to the data directory"):
        server.start(settings)


def test_a_password_file_that_cannot_be_written_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PLANGRAPH_DATA_DIR"):
        load_settings(env={"PLANGRAPH_DATA_DIR": str(unwritable_dir(tmp_path))})


def test_the_password_file_is_created_0600_in_a_0700_folder(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh" / "neo4j"
    old_umask = os.umask(0o022)
    try:
        settings = load_settings(env={"PLANGRAPH_DATA_DIR": str(data_dir)})
    finally:
        os.umask(old_umask)
    assert settings.local is not None
    assert stat.S_IMODE(settings.local.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    source = (REPO_ROOT / "graph" / "settings.py").read_text(encoding="utf-8")
    assert ".chmod(0o600)" not in source, "written first and chmod'ed later leaves a window"


@pytest.mark.parametrize(
    ("param", "expected"),
    [
        (b"limit=99999999999999999999", "out of range"),
        (b"limit=-99999999999999999999", "out of range"),
        (b"name=\xff", "not UTF-8"),
    ],
)
def test_hostile_query_parameters_are_one_line(param: bytes, expected: str) -> None:
    result = run_cli([b"query", b"adopters", b"-p", param], {"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
