"""deploy/: the container image and the Compose file, checked without a Docker engine.

This machine has the Docker client but no engine, so the image is never built here (docs/deploy.md).
What can be checked is checked: the Compose file against the published Compose Specification
schema, the commands and variables it names against the app's own, and the Dockerfile's inputs.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
import yaml

from classroom.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SCHEMA = Path(__file__).resolve().parent / "testdata" / "compose-spec" / "compose-spec.json"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (ln.partition(" ") for ln in joined.splitlines() if ln.strip())
    ]


def test_compose_file_follows_the_compose_specification(compose):
    errors = list(jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(compose))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []
    assert {"db", "migrate", "app", "proxy"} <= set(compose["services"])


def test_the_commands_the_compose_file_runs_or_suggests_are_the_apps_own(compose):
    parser = build_parser()
    migrate = compose["services"]["migrate"]["command"]
    assert migrate[:3] == ["python", "-m", "classroom"]
    parser.parse_args(migrate[3:])  # an unknown command would exit with SystemExit
    hints = re.findall(r":\?[^}]*?python -m classroom ([^}]+)\}", (DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert hints, "the missing-password message names the command that makes a hash"
    for hint in hints:
        assert parser.parse_args(shlex.split(hint)).print_hash


def test_every_app_variable_in_the_compose_file_is_one_the_app_reads(compose):
    code = "\n".join(
        p.read_text(encoding="utf-8") for folder in ("classroom", "server") for p in (ROOT / folder).rglob("*.py")
    )
    names = [name for name in compose["services"]["app"]["environment"] if name.startswith("CLASSROOM_")]
    assert "CLASSROOM_DATABASE_URL" in names
    assert [name for name in names if f'"{name}"' not in code] == []


def test_the_proxy_mounts_the_projects_own_nginx_files(compose):
    sources = [volume.split(":")[0] for volume in compose["services"]["proxy"]["volumes"]]
    files = [source for source in sources if not source.endswith("certs")]  # the certificate is the school's own
    assert files and all((DEPLOY / source).is_file() for source in files)


def test_the_dockerfile_copies_files_that_exist_and_are_not_ignored():
    ignored = {
        line.strip() for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines() if line.strip()
    }
    copied = [arg.split()[:-1] for op, arg in dockerfile_instructions() if op == "COPY"]
    assert copied, "the Dockerfile copies the project in"
    for sources in copied:
        for source in sources:
            assert source == "." or ((ROOT / source).is_file() and source not in ignored), source


def test_the_image_starts_the_server_on_the_port_its_health_check_asks():
    instructions = dockerfile_instructions()
    cmd = json.loads(next(arg for op, arg in instructions if op == "CMD"))
    assert cmd == ["python", "-m", "server"] and (ROOT / "server" / "__main__.py").is_file()
    env = " ".join(arg for op, arg in instructions if op == "ENV")
    port = re.search(r"CLASSROOM_PORT=(\d+)", env)
    health = next(arg for op, arg in instructions if op == "HEALTHCHECK")
    assert port and f"127.0.0.1:{port.group(1)}/_stcore/health" in health
    assert f"EXPOSE {port.group(1)}" in [f"{op} {arg}" for op, arg in instructions]
