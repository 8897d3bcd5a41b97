"""Near-duplicate stories: the same event from two outlets (or the same wire copy pasted twice).

Stories that share most of their word 5-shingles are one event; the briefing shows it once with both
sources. An inverted index over shingles keeps this near-linear: a shingle shared by many stories is
boilerplate ("said in a statement on") and says nothing about sameness, so it is ignored.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

SHINGLE = 5
OVERLAP = 0.5
"""Share of the shorter story's shingles that must also be in the other one."""
MAX_POSTINGS = 8
"""Shingles found in more stories than this are boilerplate and skipped."""

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}


def near_duplicates(texts: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of texts sharing at least half of the shorter one's 5-shingles."""
    sets = [shingles(t) for t in texts]
    postings: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, found in enumerate(sets):
        for shingle in found:
            postings[shingle].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in postings.values():
        if 1 < len(ids) <= MAX_POSTINGS:
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    shared[ids[a], ids[b]] += 1
    return sorted(
        (i, j) for (i, j), count in shared.items() if count >= OVERLAP * min(len(sets[i]), len(sets[j]))
    )


def duplicate_of(texts: Sequence[str]) -> dict[int, int]:
    """Map each later duplicate to the first story of its group (transitively)."""
    first: dict[int, int] = {}
    for i, j in near_duplicates(texts):
        root = first.get(i, i)
        if j not in first:
            first[j] = root
    return first
