"""Start-up: a command that needs no parser does not load it.

``newskit show ID`` on an index answers in milliseconds; what it costs is mostly the
modules Python loads first. These tests run a fresh interpreter (the only honest way to
see what an import pulls in) and name the modules that must not be loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("newskit.parse", "newskit.sitechrome", "newskit.diff", "rich.console", "rich.table")


def loaded(code: str, cwd: Path = ROOT) -> set[str]:
    """The modules (among HEAVY) that are loaded after running ``code`` in a new interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=cwd, capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_importing_the_package_or_its_model_loads_no_parser() -> None:
    assert loaded("import newskit") == set()
    assert loaded("import newskit.model, newskit.output") == set()
    assert loaded("import newskit.cli") == set()


def test_the_public_names_are_still_there_when_asked_for() -> None:
    assert loaded("from newskit import parse_text, Deduper, diff_articles") >= {"newskit.parse", "newskit.diff"}
    import newskit

    assert sorted(newskit.__all__) == sorted([*newskit._EXPORTS, "__version__"])
    assert all(getattr(newskit, name) is not None for name in newskit.__all__)


def test_show_on_an_index_loads_no_parser(tmp_path: Path) -> None:
    dump = tmp_path / "a.txt"
    dump.write_text("Harbour council votes to close the old pier\n\n" + "The council voted on Monday. " * 30 + "\n",
                    encoding="utf-8")
    subprocess.run([sys.executable, "-m", "newskit", "-q", "index", str(tmp_path)], check=True, capture_output=True)
    listed = subprocess.run([sys.executable, "-m", "newskit", "list", "--jsonl", str(tmp_path)],
                            check=True, capture_output=True, text=True)
    first = json.loads(listed.stdout.splitlines()[0])["id"]
    code = ("import sys\nfrom newskit.cli import main\n"
            f"sys.argv = ['newskit', 'show', {first[:8]!r}, {str(tmp_path)!r}, '--no-refresh']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code")
    assert loaded(code) == set()
    refreshed = code.replace(", '--no-refresh'", "") + (
        "\nfrom newskit import rules\nassert rules._builtin.cache_info().currsize == 0, 'the rules were compiled'")
    assert loaded(refreshed) == set()  # nothing stale: nothing parsed, no rules compiled
