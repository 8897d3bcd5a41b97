"""When a claim copies a source sentence, what it changed is exactly what it adds.

Extractive and lightly edited summaries copy most of a sentence; a name, number or negation that differs
inside an otherwise copied stretch is then a substitution, not a paraphrase. Claims that copy little are
left to the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from briefing.verify.source import SourceIndex
from briefing.verify.text import NEGATIONS, Token, is_content

NEAR_COPY = 0.75
"""Share of the claim's words copied, in order, from one or two adjacent source sentences."""


@dataclass(frozen=True)
class Edits:
    copy_ratio: float  # share of claim words copied in order from the best window
    window: tuple[int, int]  # source sentence indices [first, last] of that window
    changed: list[list[Token]]  # claim word runs inserted or substituted relative to the window


def find_edits(src: SourceIndex, toks: list[Token], candidates: list[int]) -> Edits | None:
    """Compare the claim with each candidate sentence (and it joined with the next one)."""
    if not toks or not candidates:
        return None
    claim = [t.lower for t in toks]
    best: tuple[float, int, int, list[tuple[str, int, int, int, int]]] | None = None
    for i in dict.fromkeys(candidates):
        for lo, hi in ((i, i), (i - 1, i), (i, i + 1)):
            if lo < 0 or hi >= len(src.sentences):
                continue
            window = [t.lower for j in range(lo, hi + 1) for t in src.sent_tokens[j]]
            sm = SequenceMatcher(None, window, claim, autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            ratio = matched / len(claim)
            if best is None or ratio > best[0] + 1e-9:
                best = (ratio, lo, hi, [(op, a1, a2, b1, b2) for op, a1, a2, b1, b2 in sm.get_opcodes()])
    if best is None:
        return None
    ratio, lo, hi, ops = best
    changed = [toks[b1:b2] for op, _a1, _a2, b1, b2 in ops if op in ("replace", "insert")]
    return Edits(ratio, (lo, hi), changed)


def edit_issues(src: SourceIndex, edits: Edits, claim_tokens: list[Token]) -> list[str]:
    """Issues for names and negations that a near-copy changed or added. Words moved within the copied
    sentences are not changes; a negation is added when the claim has more than the copied sentences."""
    if edits.copy_ratio < NEAR_COPY:
        return []
    lo, hi = edits.window
    window = [t for i in range(lo, hi + 1) for t in src.sent_tokens[i]]
    near = {t.stem for t in window}
    extra_negations = _negations(claim_tokens) > _negations(window)
    issues: list[str] = []
    for run in edits.changed:
        if extra_negations and any(t.lower in NEGATIONS for t in run):
            issues.append(f"negation '{' '.join(t.text for t in run)}' added to the source sentence")
            continue
        new = [t for t in run if t.stem not in near]
        if any(t.start > 0 and t.text[:1].isupper() and is_content(t) for t in new):
            issues.append(f"name '{' '.join(t.text for t in new)}' differs from the source sentence")
    return issues


def _negations(toks: list[Token]) -> int:
    return sum(t.lower in NEGATIONS for t in toks)
