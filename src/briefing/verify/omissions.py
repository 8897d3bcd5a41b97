"""Words left out of a copied clause: a claim that copies a passage but drops a qualifier or a verb.

Compression is what summaries do, and dropping an aside between commas is harmless. Dropping words from
inside a clause is not: without "allegedly", "first" or "failed to" the clause states something else, and
without its verb ("filmed [emptying] out the cabinets") it joins words the source does not join. Only
claims copied mostly in long runs are examined, and only gaps between two runs that follow each other in
one source sentence.
"""

from __future__ import annotations

import re

from briefing.numbers import find_numbers
from briefing.verify.fragments import LONG_RUN, Copy, Run, SourceWords
from briefing.verify.text import Token, is_content

MAX_GAP = 25  # source words left out between two runs of one sentence
MIN_SIDE = 2  # words in the shorter of the two runs around a gap (single words match anywhere)
_QUALIFIERS_TEXT = """
    allegedly reportedly possible possibly formerly former alleged suspected believed apparently probably
    likely may might could would should reported claimed accused if unless whether not never no nearly
    almost planned plans expected hoping hopes attempted tried trying failed first initially
    previously once only wait want wants wanted"""
QUALIFIERS = frozenset(_QUALIFIERS_TEXT.split())
"""Words that make a clause less than a plain fact (or a first, or a wish): dropping one changes it."""
_FRAMED = frozenset(("it", "he", "she", "they", "we", "i", "you", "that"))
_VERB = re.compile(r"[a-z]{3,}(?:ing|ed)")
_ASIDE = re.compile(r"[,;:()\"'`\u2013\u2014-]")


def omission_issues(copy: Copy) -> list[str]:
    """One issue per gap inside a copied clause that leaves out a qualifier or a verb."""
    source = copy.source
    if not copy.is_copy():
        return []
    issues: list[str] = []
    for a, b in zip(copy.runs, copy.runs[1:], strict=False):
        if min(a.length, b.length) < MIN_SIDE or max(a.length, b.length) < LONG_RUN:
            continue
        gap = _gap(source, a, b)
        if gap is None or _aside(source, *gap):
            continue
        left = [source.tokens[k] for k in range(*gap)]
        if len(left) >= 2 and left[-1].lower in _COORDINATORS:
            continue  # "he [was disappointed by the result but] remained committed": a whole conjunct
        dropped = [
            t.lower for k, t in enumerate(left, gap[0])
            if t.lower in QUALIFIERS and not (t.lower in _REPORTED and _announces(source, k))
        ]
        if set(dropped) <= _NEGATIONS and _negated(copy, a):
            dropped = []  # "no lightning had been recorded" for "lightning had not been recorded"
        if set(dropped) <= _MODALS and _hedged(copy):
            dropped = []  # "threatened a walkout" for "warned that a walkout could follow"
        dropped += [
            t.lower for k, t in enumerate(left, gap[0])
            if _verb(t, source.tokens[k + 1]) and not _after_amount(source, k) and not _modifier(source, gap)
            and not _a_noun(source, k)
        ]
        if dropped:
            issues.append(_describe(source, copy, a, b, gap, dropped[0]))
    return issues


_COORDINATORS = frozenset(("but", "and", "yet"))
_NEGATIONS = frozenset(("not", "never", "no"))
_MODALS = frozenset(("could", "may", "might", "would", "possible", "possibly", "likely"))
_HEDGES = re.compile(
    r"threat\w*|warn\w*|could|may|might|would|will|possibl[ey]|potential(?:ly)?|likely|risks?"
)
"""Words by which a claim hedges (or tells the future) itself."""


def _hedged(copy: Copy) -> bool:
    """Does the claim hedge of its own ("threatened", "warned", "could"), so a dropped modal is told?"""
    return any(_HEDGES.fullmatch(t.lower) for t in copy.tokens)


def _negated(copy: Copy, a: Run) -> bool:
    """Does the claim put a negation of its own in or just before run ``a``?"""
    return any(t.lower in _NEGATIONS for t in copy.tokens[max(0, a.start - 2) : a.start + a.length])


_REPORTED = frozenset({"reported", "announced", "posted", "recorded", "revealed", "reporting", "announcing"})


def _announces(source: SourceWords, k: int) -> bool:
    """"reported an 18 per cent rise": a verb of announcement with its object, not "reported to be"."""
    nxt = source.tokens[k + 1] if k + 1 < len(source.tokens) else None
    return nxt is not None and (nxt.lower in ("a", "an", "its", "their", "the") or nxt.text[:1].isdigit())


_BEING = frozenset({"happening", "occurring", "existing", "being", "located", "based"})
"""Participles that only say something is, or is somewhere ("research [happening] in other states")."""


def _verb(t: Token, after: Token) -> bool:
    """An -ing or -ed content word followed by a function word: before a noun it would be a modifier, and
    before a pronoun it frames what follows ("admitted it could"), which a summary may leave out."""
    verb = bool(_VERB.fullmatch(t.lower)) and is_content(t)
    verb = verb and t.lower not in _BEING and t.lower not in _PREPOSITIONS
    return verb and not is_content(after) and after.lower not in _FRAMED


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})


def _a_noun(source: SourceWords, k: int) -> bool:
    """"at the annual meeting on 24 May": an -ing word after a determiner (and an adjective) is a noun."""
    determined = any(source.tokens[j].lower in _DETERMINERS for j in range(max(0, k - 2), k))
    return determined and source.tokens[k].lower.endswith("ing")


_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can"})


def _modifier(source: SourceWords, gap: tuple[int, int]) -> bool:
    """"first-home buyers [priced out of detached housing] were pouring in": a participle phrase after a
    noun, which ends where the clause's own verb begins, only narrows the noun."""
    first, before, after = source.tokens[gap[0]], source.tokens[gap[0] - 1], source.tokens[gap[1]]
    return (
        bool(_VERB.fullmatch(first.lower))
        and is_content(before)
        and not before.lower.endswith("ly")
        and after.lower in _AUXILIARIES
    )


def _after_amount(source: SourceWords, k: int) -> bool:
    """"£1.5m raised from private donors": a participle after an amount only says how it came; and
    "would consider [seeking] a review" considers the review."""
    before = source.tokens[k - 1] if k > 0 else None
    if before is None:
        return False
    if before.lower in _SPELLS and k > 1 and find_numbers(source.tokens[k - 2].text):
        return True  # "over four years [establishing] the park": a time, then what was done in it
    return any(c.isdigit() for c in before.text) or before.lower.startswith("consider")


_SPELLS = frozenset(("years", "months", "weeks", "days", "hours", "decades"))
_PREPOSITIONS = frozenset(("following", "including", "according", "regarding", "concerning", "during"))
"""-ing words that work as prepositions ("since he came to power following his father's death"): no verb."""


def _gap(source: SourceWords, a: Run, b: Run) -> tuple[int, int] | None:
    """The shortest stretch of one source sentence between an occurrence of run a and one of run b."""
    gaps = [
        (ja + a.length, jb)
        for ja in a.positions
        for jb in b.positions
        if 0 < jb - ja - a.length <= MAX_GAP and source.sent[jb] == source.sent[ja]
    ]
    return min(gaps, key=lambda g: g[1] - g[0], default=None)


def _aside(source: SourceWords, lo: int, hi: int) -> bool:
    """Is the left-out stretch set off by punctuation (an aside, a list item, a quote)?"""
    before = source.text[source.tokens[lo - 1].end : source.tokens[lo].start]
    after = source.text[source.tokens[hi - 1].end : source.tokens[hi].start]
    # "Kaveri Textiles Ltd, the yarn maker based in Vellarpuram, on Tuesday reported": a whole
    # apposition between commas inside the stretch is an aside too.
    inside = source.text[source.tokens[lo].start : source.tokens[hi - 1].end]
    return bool(_ASIDE.search(before) or _ASIDE.search(after)) or inside.count(",") >= 2


def _describe(source: SourceWords, copy: Copy, a: Run, b: Run, gap: tuple[int, int], word: str) -> str:
    said = " ".join([copy.text(a, -3), *source.words[gap[0] : gap[1]], copy.text(b, 3)])
    return f"omitted '{word}': the source says '{said}'"
