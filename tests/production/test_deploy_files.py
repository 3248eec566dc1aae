"""deploy/ runs the commands CI tests: every `jaring` subcommand it names exists, gunicorn serves jaring.wsgi."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _commands() -> list[list[str]]:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    found = [s["command"] for s in compose["services"].values() if isinstance(s.get("command"), list)]
    for unit in (DEPLOY / "systemd").glob("*.service"):
        found += [
            line.split("=", 1)[1].split()
            for line in unit.read_text().splitlines()
            if line.startswith("ExecStart=")
        ]
    return found


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_each_deployed_command_exists(command):
    program = Path(command[0]).name
    assert program in ("jaring", "gunicorn", "redis-server", "server")
    if program == "jaring":
        assert command[1] in get_commands()
    if program == "gunicorn":
        assert command[1] == "jaring.wsgi"
        assert "--access-logfile" not in command  # no client addresses in logs


def test_compose_has_every_role():
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert {"web", "worker", "scheduler", "setup", "postgres", "redis", "s3", "proxy"} <= set(services)
    env = (DEPLOY / "jaring.env.example").read_text()
    for name in ("JARING_SECRET_KEY", "JARING_FIELD_KEYS", "JARING_CACHE_URL", "JARING_S3_BUCKET"):
        assert re.search(rf"^{name}=", env, re.M)
