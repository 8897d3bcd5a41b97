"""Align a claim to the few source sentences that support it, and measure how much of it they cover.

Coverage is IDF-weighted over content-word stems: a claim whose rare words all occur in one or two
neighbouring source sentences is very likely a paraphrase of them; words found nowhere are additions.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import fsum

from briefing.verify.source import SourceIndex, content_tokens
from briefing.verify.text import Token

MAX_SENTENCES = 3
_MIN_GAIN = 0.12  # a further evidence sentence must cover at least this share of the claim's weight


@dataclass(frozen=True)
class Alignment:
    """Which source sentences back a claim and how much of the claim's content they cover."""

    sentences: list[int]  # indices into SourceIndex.sentences, best first
    local: float  # weighted share of claim content found in the chosen sentences
    anywhere: float  # weighted share found anywhere in the source
    missing: list[Token]  # content words found nowhere in the source
    best_single: float  # weighted share covered by the best single sentence


def align(src: SourceIndex, claim_tokens: list[Token]) -> Alignment:
    content = content_tokens(claim_tokens)
    weights: dict[str, float] = {}
    for t in content:
        weights[t.stem] = max(weights.get(t.stem, 0.0), src.idf(t.stem))
    total = sum(weights.values())
    if not total:
        return Alignment([], 1.0, 1.0, [], 1.0)
    per_sent: dict[int, set[str]] = {}
    for s in weights:
        for i in src.stem_sents.get(s, ()):
            per_sent.setdefault(i, set()).add(s)
    found = {s for s in weights if s in src.stem_sents}
    missing = [t for t in content if t.stem not in src.stem_sents]
    chosen: list[int] = []
    covered: set[str] = set()
    best_single = 0.0
    for _ in range(MAX_SENTENCES):
        best_i, best_gain = -1, 0.0
        for i, stems in per_sent.items():
            if i in chosen:
                continue
            gain = fsum(weights[s] for s in stems - covered)
            # Prefer sentences near the ones already chosen: a story tells one fact in one place.
            if chosen and min(abs(i - c) for c in chosen) > 2:
                gain *= 0.8
            if gain > best_gain or gain == best_gain and best_i >= 0 and i < best_i:
                best_i, best_gain = i, gain
        if best_i < 0 or (chosen and best_gain / total < _MIN_GAIN):
            break
        if not chosen:
            best_single = best_gain / total
        chosen.append(best_i)
        covered |= per_sent[best_i]
    local = fsum(weights[s] for s in covered) / total
    anywhere = fsum(weights[s] for s in found) / total
    return Alignment(chosen, local, anywhere, missing, best_single)
