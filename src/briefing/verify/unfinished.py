"""A claim that stops mid-clause ("He said the attack on the teenager is") states nothing checkable.

Extractive and truncated model output sometimes ends where no sentence can end: on an article, a linking
verb, a conjunction or "of". Whatever it was going to say is not in the claim, so it cannot be supported.
A lone word ("Gov.") is no statement either. Words that may close a sentence as particles ("in", "up",
"on", "out") are not counted: "when the net was pulled in" is complete.
"""

from __future__ import annotations

from briefing.verify.text import Token

DANGLING = frozenset(
    ["a", "an", "the", "of", "and", "or", "but", "nor", "his", "their", "its", "my", "our", "your", "whose"]
)
"""Words no sentence ends on."""
LINKING = frozenset(["is", "are", "was", "were", "been", "being", "has", "have", "had"])
"""Words a sentence ends on only as an answer ("how far on he is."): counted when nothing closes the claim."""


def unfinished_issues(claim: str, claim_tokens: list[Token]) -> list[str]:
    """An issue when the claim is a single word or ends on a word no sentence ends on."""
    if not claim_tokens:
        return []
    if len(claim_tokens) == 1:
        return [f"claim '{claim.strip()}' is a single word, not a statement"]
    last = claim_tokens[-1]
    after = claim[last.end :].strip()
    dangling = last.lower in DANGLING and last.text != "A"  # "at least one A": a grade, not an article
    if dangling and after in ("", ".") or last.lower in LINKING and not after:
        return [f"claim stops mid-clause at '{last.text}'"]
    return []
