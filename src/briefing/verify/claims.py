"""check_claim: is one sentence of prose supported by a source text? Deterministic, explainable, fast.

Hard checks each produce issues that name the offending words: numbers, names (present, placed where the
source says the rest, titles), quotes (verbatim, speaker), negation flips, and for claims that copy a
source sentence, what they changed in it (a name, a negation, a modal) and whose subject they gave it.
Claims copied mostly in long runs (extractive output) are also checked where the runs meet: runs joined
where the source does not join them, and qualifiers or verbs left out of a copied clause.
The lexical alignment gives the evidence spans and a coverage score that catches unrelated claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.sentences import sentence_spans
from briefing.verify.agents import agent_issues, repeated_subject_issues
from briefing.verify.align import align
from briefing.verify.antonyms import check_antonyms
from briefing.verify.edits import edit_issues, find_edits
from briefing.verify.exchanges import exchange_issues
from briefing.verify.fragments import match
from briefing.verify.hedges import check_hedges
from briefing.verify.holders import holder_issues
from briefing.verify.names import check_names, find_names
from briefing.verify.numbers_check import check_numbers
from briefing.verify.omissions import omission_issues
from briefing.verify.placement import check_subject
from briefing.verify.polarity import check_certainty, check_dropped, check_polarity
from briefing.verify.quotes import check_quotes, placed_speakers, quoted_spans
from briefing.verify.source import index_source
from briefing.verify.stitches import stitch_issues
from briefing.verify.text import tokens
from briefing.verify.unfinished import unfinished_issues

MIN_COVERAGE = 0.1
"""Below this share of IDF-weighted content found in the aligned sentences, a claim adds too much."""


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one claim: supported or not, a 0..1 confidence, issues, and source sentence spans."""

    supported: bool
    score: float
    issues: list[str] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)


def check_claim(source: str, claim: str) -> CheckResult:
    """Check ``claim`` against ``source``. Evidence spans are offsets into ``source``."""
    src = index_source(source)
    toks = tokens(claim)
    alignment = align(src, toks)
    evidence = [src.sentences[i] for i in sorted(alignment.sentences)]
    issues: list[str] = []
    issues += check_numbers(src, claim, toks)
    issues += exchange_issues(src, claim, toks)
    speakers = frozenset(placed_speakers(src, claim))  # names the source puts beside the claim's quotes
    issues += check_names(src, claim, find_names(claim, toks), toks, speakers)
    issues += check_quotes(src, claim)
    issues += unfinished_issues(claim, toks)
    # A claim of several sentences copies several source sentences: compare them one by one.
    for start, end in _sentences(claim):
        part = [t for t in toks if start <= t.start < end]
        part_alignment = align(src, part)
        edits = find_edits(src, part, part_alignment.sentences[:2])
        if edits is not None:
            issues += [i for i in edit_issues(src, edits, part, speakers) if not _same_kind(i, issues)]
            if not _same_kind("name", issues) and not _same_kind("subject", issues):
                # Built only from source words (even reordered), the claim is extractive: place its subject.
                extractive = 1.0 if part_alignment.anywhere >= 1.0 else edits.copy_ratio
                issues += check_subject(src, claim, part, extractive)
        # Copied runs joined where the source does not join them, or with words left out of a clause.
        copy = match(source, part)
        issues += stitch_issues(copy, claim) + omission_issues(copy)
        if not _same_kind("subject", issues):
            issues += agent_issues(src, copy, claim, part)
        issues += repeated_subject_issues(src, claim, part, part_alignment.sentences[:2])
        if not _same_kind("subject", issues):
            issues += holder_issues(src, part, part_alignment.sentences[:2], claim)
    issues += check_polarity(src, toks, alignment.sentences, quoted_spans(claim))
    issues += check_certainty(src, toks, quoted_spans(claim))
    if not _same_kind("modality", issues):
        issues += check_hedges(src, toks, alignment.sentences, quoted_spans(claim))
    if not _same_kind("negation", issues):
        issues += check_dropped(src, toks, alignment.sentences, quoted_spans(claim))
    if not _same_kind("negation", issues):
        issues += check_antonyms(src, toks, alignment.sentences)
    coverage = alignment.local
    if coverage < MIN_COVERAGE:
        missing = ", ".join(dict.fromkeys(t.text for t in alignment.missing[:5]))
        issues.append(f"claim not supported by source (coverage {coverage:.2f}; new words: {missing or '-'})")
    # Above 0.5 exactly when supported; coverage orders claims within each side.
    score = 0.55 + 0.45 * coverage if not issues else 0.45 * coverage * 0.5 ** (len(issues) - 1)
    return CheckResult(not issues, round(score, 3), issues, evidence)


# Sentences glued without a space ("the MPAA.But it is") still end there.
_GLUED = re.compile(r"(?<=[A-Za-z]{2}[.!?])(?=[A-Z][a-z])")


def _sentences(claim: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in sentence_spans(claim) or [(0, len(claim))]:
        cuts = [start, *(m.start() for m in _GLUED.finditer(claim, start, end)), end]
        spans += list(zip(cuts, cuts[1:], strict=False))
    return spans


def _same_kind(issue: str, issues: list[str]) -> bool:
    kind = issue.split(" ", 1)[0]
    return any(i.startswith(kind) for i in issues)
