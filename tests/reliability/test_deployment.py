"""Issue 16 item 8: the app listens on loopback unless told otherwise, Docker's healthcheck keeps
the password off command lines, and the Docker Neo4j has the same fences as the local one."""

from __future__ import annotations

import tomllib

import yaml

from graph import server
from graph.settings import REPO_ROOT


def test_streamlit_binds_loopback_by_default() -> None:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_the_readme_says_how_to_expose_the_app_deliberately() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "--server.address 0.0.0.0" in readme and "127.0.0.1" in readme


def compose() -> dict:
    return yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_no_healthcheck_puts_a_password_on_a_command_line() -> None:
    for name, service in compose()["services"].items():
        test = " ".join(service.get("healthcheck", {}).get("test", []))
        assert " -p " not in test and "--password" not in test, name


def test_docker_neo4j_has_the_local_servers_fences() -> None:
    env = compose()["services"]["neo4j"]["environment"]
    heap = env["NEO4J_server_memory_heap_max__size"].lower()
    total, one = server.memory_limits(heap)
    assert env["NEO4J_dbms_memory_transaction_total_max"].lower() == total
    assert env["NEO4J_db_memory_transaction_max"].lower() == one
    assert env["NEO4J_internal_dbms_cypher__ip__blocklist"] == "0.0.0.0/0,::/0"
    assert env["NEO4J_dbms_security_allow__csv__import__from__file__urls"] == "false"
