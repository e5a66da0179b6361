"""What the parser remembers per rule set and weights: one small store of stores.

A rule set and a set of weights are made once in a run, but come and go in tests and in
weight sweeps: each gets its own store (the features of the lines seen, the text tests
remembered per text), and when stores for more than :data:`MOST` of them pile up, all
are dropped and made afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache, partial
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MOST = 8  # stores kept at once (a run has one rule set and one set of weights)
TEXTS = 16384  # texts a text test remembers (the distinct short lines of a few sites)


def store_for(stores: dict[K, V], key: K, make: Callable[[], V]) -> V:
    """``stores[key]``, made by ``make()`` the first time (all dropped past :data:`MOST`)."""
    found = stores.get(key)
    if found is None:
        if len(stores) >= MOST:
            stores.clear()
        found = stores[key] = make()
    return found


def remembered(fn: Callable[..., V], *args: Any, **kwargs: Any) -> Callable[..., V]:
    """``fn`` with its first arguments given, its results remembered per text argument."""
    return lru_cache(maxsize=TEXTS)(partial(fn, *args, **kwargs))
