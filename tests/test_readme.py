"""The README is real: its examples are regenerated and compared, its rules example loads."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from newskit.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_readme_is_in_sync_with_the_commands() -> None:
    """`cog --check README.md`: fails when an example or a --help text is stale.

    Fix it with `cog -r README.md` and read the diff.
    """
    r = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_readme_rules_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    path = tmp_path / "rules.toml"
    path.write_text(block.group(1), encoding="utf-8")
    rules = load_rules([path], user_config=False)
    assert rules.match("Read the Daily Bugle every day") == "bugle-promo"
    assert rules.outlets[0].name == "Daily Bugle"


def test_readme_cues_example_loads_and_adds_its_words(tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    cues = [b for b in blocks if "[cues]" in b]
    assert len(cues) == 1
    path = tmp_path / "cues.toml"
    path.write_text(cues[0], encoding="utf-8")
    v = load_rules([path], user_config=False).vocabulary
    assert "przez" in v["by_also"] and v.month_numbers["stycznia"] == 1


def test_readme_names_the_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install -e . && newskit list data/" in text
    assert "pip install -e '.[test]' && pytest" in text
