"""The README keeps up with the code: every command and setting is documented."""

from __future__ import annotations

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
