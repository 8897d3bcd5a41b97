"""Hedges dropped: a claim that says "will" where its supporting sentence says "may".

"The union may bring claims" told as "the union will bring claims" keeps every content word and adds no
negation, so the other checks pass it; but the claim now asserts what the source only allows. (The
reverse, "said it would" told as "will", is how summaries report plans, and is left alone.) Likewise
"has already voted" where the source says the vote "is expected": done, where the source only expects it.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content, lemma

HEDGES = frozenset({"may", "might", "could"})
_CERTAIN = frozenset({"will", "would", "shall", "expected", "set", "due", "going", "plans", "intends"})
_SKIP = frozenset({"be", "have", "to", "been", "not", "also", "then", "now", "soon", "still", "definitely"})
REACH = 3  # words after a modal in which the verb it governs stands


def check_hedges(
    src: SourceIndex, toks: list[Token], evidence: list[int], quoted: list[tuple[int, int]]
) -> list[str]:
    """An issue for a claim "will V" whose evidence sentence says "may/might/could V" and never states V
    with a certain modal, or for "already V" where it says V is still to come."""
    for cue, verb, sent, at in _told(src, toks, evidence, quoted):
        if cue.lower == "already":
            # "has already voted" for "is expected to vote": the claim reports as done what is expected.
            for q in at:
                before = {x.lower for x in sent[max(0, q - REACH - 1) : q]}
                if before & _TO_COME and not before & _DONE:
                    said = " ".join(x.text for x in sent[max(0, q - REACH - 1) : q + 1])
                    return [f"modality: 'already {verb.text}' where the source says '{said}'"]
            continue
        modals = {w.lower for q in at for w in sent[max(0, q - REACH - 1) : q]}
        if modals & HEDGES and not modals & _CERTAIN:
            hedge = next(iter(sorted(modals & HEDGES)))
            told = " ".join(x.text for x in toks[toks.index(cue) : toks.index(verb) + 1])  # "will have to be"
            return [f"modality: '{told}' where the source says '{hedge}'"]
    return []


_TO_COME = _CERTAIN - {"would"} | {"expects", "planning", "poised"}
_DONE = frozenset({"already", "has", "have", "had"})


def _told(
    src: SourceIndex, toks: list[Token], evidence: list[int], quoted: list[tuple[int, int]]
) -> Iterator[tuple[Token, Token, list[Token], list[int]]]:
    """Each claim "already" (first) and "will" outside quotes, the verb it governs, and each evidence
    sentence using that verb, with the positions of its uses there."""
    for word in ("already", "will"):
        for k, t in enumerate(toks):
            if t.lower != word or any(a <= t.start < b for a, b in quoted):
                continue
            verb = _governed(toks, k)
            if verb is None:
                continue
            key = lemma(verb.lower)
            for i in evidence:
                sent = src.sent_tokens[i]
                if at := [q for q, w in enumerate(sent) if lemma(w.lower) == key]:
                    yield t, verb, sent, at


def _governed(toks: list[Token], k: int) -> Token | None:
    """The verb a modal at ``k`` governs: the next content word past "be", "have" and adverbs."""
    for t in toks[k + 1 : k + 1 + REACH + 1]:
        if t.lower in _SKIP or t.lower.endswith("ly"):
            continue
        return t if is_content(t) else None
    return None
