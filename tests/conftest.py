"""Shared test set-up: no user config or colour setting leaking into the tests."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "corpus: the quality gate on the development corpora in ../shared/corpus (skips without them)"
    )


@pytest.fixture(autouse=True)
def _no_user_rules(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A user's own rules file (~/.config/newskit/rules.toml) must not change test results."""
    monkeypatch.delenv("NEWSKIT_RULES", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("NO_COLOR", raising=False)
