"""Union-find over the numbers 0..n-1, for grouping what is linked, directly or not:
dedupe's clusters of duplicate articles, ``--site-chrome``'s sites of pages."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets of ``0..n-1``. A set's root is its smallest member, so the grouping
    does not depend on the order in which links are made."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        """The root of ``x``'s set (the path is halved on the way)."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra
