"""Extractive fragments: the runs of a claim copied word for word from its source (Grusky et al. 2018).

Summarisers that copy (extractive models, careless LLMs) go wrong where their copied runs meet: runs from
different places joined into a relation the source never states, or words left out of the middle of a
copied clause. Both checks start from the same greedy longest-first cover of the claim by source runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.verify.source import index_source
from briefing.verify.text import Token

LONG_RUN = 3
MIN_COPIED = 0.7
"""Share of the claim's words in runs of LONG_RUN or more for the claim to count as a copy. Human
paraphrase (the writer-perturbed originals) rarely reaches it: below it, reused words are paraphrase."""


@dataclass(frozen=True)
class Run:
    """A claim stretch copied verbatim: claim word indices [start, start + length), source positions."""

    start: int
    length: int
    positions: tuple[int, ...]  # empty when the word is not in the source


@dataclass(frozen=True)
class SourceWords:
    """Source words as runs are matched (hyphens and decimals split), each with its Token and sentence."""

    text: str
    words: list[str]
    tokens: list[Token]
    sent: list[int]
    positions: dict[str, list[int]]
    sent_start: frozenset[int]
    sent_end: frozenset[int]  # one past the last word of each sentence


@dataclass(frozen=True)
class Copy:
    """A claim as matched against a source: its words, the Token each came from, and its runs."""

    source: SourceWords
    words: list[str]
    tokens: list[Token]
    runs: list[Run]

    def copied_share(self, min_length: int = LONG_RUN) -> float:
        long = sum(r.length for r in self.runs if r.positions and r.length >= min_length)
        return long / len(self.words) if self.words else 0.0

    def is_copy(self) -> bool:
        """Copied mostly in long runs, so the places where they meet are worth checking."""
        return self.copied_share() >= MIN_COPIED

    def text(self, run: Run, most: int = 0) -> str:
        """The run's words; with ``most``, only its last (negative) or first (positive) ``most`` words."""
        words = self.words[run.start : run.start + run.length]
        if most and len(words) > abs(most):
            return " ".join(words[most:]) if most < 0 else " ".join(words[:most])
        return " ".join(words)


_SPLIT = re.compile(r"-|(?<=\d)\.(?=\d)")


def split_words(toks: list[Token]) -> tuple[list[str], list[Token]]:
    """Lower-cased words with hyphenated words and decimals split ("36-year-old" = "36 - year - old")."""
    words: list[str] = []
    owners: list[Token] = []
    for t in toks:
        for part in _SPLIT.split(t.lower):
            if part:
                words.append(part)
                owners.append(t)
    return words, owners


@lru_cache(maxsize=64)
def source_words(text: str) -> SourceWords:
    src = index_source(text)
    words: list[str] = []
    owners: list[Token] = []
    sent: list[int] = []
    starts: set[int] = set()
    ends: set[int] = set()
    for i, toks in enumerate(src.sent_tokens):
        w, o = split_words(toks)
        starts.add(len(words))
        words += w
        owners += o
        sent += [i] * len(w)
        ends.add(len(words))
    positions: dict[str, list[int]] = {}
    for p, word in enumerate(words):
        positions.setdefault(word, []).append(p)
    return SourceWords(text, words, owners, sent, positions, frozenset(starts), frozenset(ends))


def match(source_text: str, claim_tokens: list[Token]) -> Copy:
    """Greedy longest-first cover of the claim by source runs; uncopied words are runs with no positions."""
    source = source_words(source_text)
    claim, owners = split_words(claim_tokens)
    out: list[Run] = []
    words = source.words
    i = 0
    while i < len(claim):
        best = 0
        for j in source.positions.get(claim[i], ()):
            k = 0
            while i + k < len(claim) and j + k < len(words) and words[j + k] == claim[i + k]:
                k += 1
            best = max(best, k)
        if not best:
            out.append(Run(i, 1, ()))
            i += 1
            continue
        seq = claim[i : i + best]
        at = tuple(j for j in source.positions[claim[i]] if words[j : j + best] == seq)
        out.append(Run(i, best, at))
        i += best
    return Copy(source, claim, owners, out)
