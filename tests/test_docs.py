"""The README keeps up with the code: every command and setting is documented."""

from __future__ import annotations

import re

import pytest

from newsgraph.cli import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme(name):
    assert f"newsgraph {name}" in README


@pytest.mark.parametrize("setting", ["NEWSGRAPH_DB", "NEWSGRAPH_MODEL", "--db", "--model"])
def test_every_setting_is_in_the_readme(setting):
    assert setting in README


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_help_has_an_example(name):
    assert "Example:" in (cli.commands[name].help or "")


def test_readme_gives_exactly_two_set_up_commands():
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    assert section.count("```bash") == 2


ARCHITECTURE = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
PACKAGE = REPO / "src" / "newsgraph"


def named_paths(text: str) -> set[str]:
    """The module and package paths a text names in backticks: `extract/context.py`, `store/`."""
    return set(re.findall(r"`([a-z_/]+(?:\.py|/))`", text))


def test_the_architecture_names_only_modules_that_exist():
    named = named_paths(ARCHITECTURE)
    assert "extract/context.py" in named  # the check reads the names
    missing = [p for p in named if not (PACKAGE / p).exists() and not (REPO / p).exists()]
    assert sorted(missing) == []


def test_the_architecture_names_every_room():
    rooms = {f"{p.name}/" for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    rooms |= {f"extract/{p.name}/" for p in (PACKAGE / "extract").iterdir()
              if (p / "__init__.py").exists()}
    rooms |= {f"extract/{p.name}" for p in (PACKAGE / "extract").glob("*.py")
              if p.name != "__init__.py"}
    assert sorted(rooms - named_paths(ARCHITECTURE)) == []
