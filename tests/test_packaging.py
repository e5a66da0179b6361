"""Package habits: one version, a licence, a changelog, shell completion."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import newskit
from newskit.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def test_version_is_the_package_metadata_version() -> None:
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0
    assert r.stdout == f"newskit {importlib.metadata.version('newskit')}\n"
    assert importlib.metadata.version("newskit") == newskit.__version__


def test_the_version_is_written_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newskit.__version__"}


def test_licence_and_changelog() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == {"text": "MIT"}
    assert licence.startswith("MIT License") and "Copyright (c) 2026 the newskit authors" in licence
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(newskit.__version__)}\] - \d{{4}}-\d\d-\d\d$", changelog, re.M)


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "complete -o nosort -F _newskit_completion newskit"),
        ("zsh", "compdef _newskit_completion newskit"),
        ("fish", "complete --no-files --command newskit"),
    ],
)
def test_shell_completion_script(shell: str, marker: str) -> None:
    r = CliRunner().invoke(cli, [], prog_name="newskit", env={"_NEWSKIT_COMPLETE": f"{shell}_source"})
    assert r.exit_code == 0
    assert marker in r.stdout and "_NEWSKIT_COMPLETE" in r.stdout
    assert r.stderr == ""


def test_shell_completion_completes_commands_and_options() -> None:
    def complete(line: str) -> list[str]:
        words = line.split(" ")
        env = {"_NEWSKIT_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        r = CliRunner().invoke(cli, [], prog_name="newskit", env=env)
        assert r.exit_code == 0
        return [item.split(",", 1)[1] for item in r.stdout.splitlines()]

    assert complete("newskit st") == ["strip"]
    assert complete("newskit d") == ["dedupe", "diff"]
    assert "--keep" in complete("newskit dedupe --")
    assert complete("newskit dedupe --keep ") == ["first", "longest", "earliest"]
