"""Near-duplicate stories: the same event from two outlets, or the same wire copy pasted twice.

Two signals: most word 5-shingles of the shorter story recur in the other (wire copy, light edits), or
the tf-idf cosine of their content stems reaches a threshold (a rewrite naming the same people, places and
figures). Candidate pairs come from an inverted index over stems that few stories share, so a bundle of
thousands of stories is not compared pair by pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

from briefing.split import shingles, stems

COPIED = 0.5
"""Share of the shorter story's shingles that must recur in the other for a wire copy."""
REWRITE = 0.45
"""tf-idf cosine of content stems for a rewrite of the same event (BBC dev: 1 of 1,603 distinct pairs)."""
RARE = 8
"""A stem in more stories than this does not make two stories candidates (it still counts in the cosine)."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


def near_duplicates(texts: Sequence[str], threshold: float = REWRITE) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of texts about one event (wire copy or rewrite)."""
    words = [_WORD.findall(t) for t in texts]
    grams = [shingles(t) for t in texts]
    counts = [Counter(stems(ws)) for ws in words]
    df: Counter[str] = Counter()
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for index, count in enumerate(counts):
        df.update(count.keys())
        for stem in count:
            postings[stem].append(index)
    n = len(texts)
    vectors = [{w: c * (math.log((n + 1) / df[w]) + 1.0) for w, c in count.items()} for count in counts]
    norms = [math.sqrt(sum(v * v for v in vec.values())) for vec in vectors]
    candidates = {pair for ids in postings.values() if len(ids) <= RARE for pair in combinations(ids, 2)}
    pairs = []
    for i, j in sorted(candidates):
        a, b = grams[i], grams[j]
        copied = bool(a and b) and len(a & b) / min(len(a), len(b)) >= COPIED
        dot = sum(v * vectors[j].get(w, 0.0) for w, v in vectors[i].items())
        if copied or (norms[i] and norms[j] and dot / (norms[i] * norms[j]) >= threshold):
            pairs.append((i, j))
    return pairs


def duplicate_of(texts: Sequence[str]) -> dict[int, int]:
    """Map each later duplicate to the first story of its group (transitively)."""
    first: dict[int, int] = {}
    for i, j in near_duplicates(texts):
        root = first.get(i, i)
        if j not in first:
            first[j] = root
    return first
