"""The verification policy: what happens to items that fail their checks, so none reaches a reader unmarked.

- with an LLM engine, a story whose items failed is asked about once more with the failures listed
  (:func:`failures`); what the new answer gets right replaces or adds to the failed items, marked
  ``repaired`` (:func:`merge_revision`). What still fails goes on to:
- an unsupported headline is replaced by the extractive (grounded) headline and marked ``repaired``;
- unsupported bullets, figures and quotes are marked ``dropped``: kept in the JSON for the record, never
  rendered elsewhere;
- a story left with no bullet gets the extractive bullets (grounded), counted as repaired.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from briefing.engines.extractive import ExtractiveEngine
from briefing.model import Claim, Evidence, KeyFigure, Story, StorySummary, SummaryQuote, VerificationReport
from briefing.verify.summary import verify_summary


def verify_and_enforce(
    story: Story, evidence: Evidence, summary: StorySummary
) -> tuple[StorySummary, VerificationReport]:
    """Check ``summary`` against ``story`` and apply the policy; the report counts what was changed."""
    return enforce(story, evidence, *verify_summary(story, evidence, summary))


MAX_BULLETS = 4


def failures(checked: StorySummary) -> list[str]:
    """The failed items of a checked summary, each with what its checks found, for the LLM re-ask."""
    out = []
    items = [("headline", checked.headline), *((f"bullet {n}", b) for n, b in enumerate(checked.bullets, 1))]
    for label, claim in items:
        if claim.status == "unsupported":
            out.append(f"{label} \"{claim.text}\": {'; '.join(claim.issues) or 'not supported'}")
    for figure in checked.key_figures:
        if figure.status == "unsupported":
            out.append(f"figure {figure.figure_id} label \"{figure.label}\": a number not in the story")
    for quote in checked.quotes:
        if quote.status == "unsupported":
            out.append(f"quote {quote.quote_id}: not the story's words or not its speaker")
    return out


def merge_revision(
    checked: StorySummary, report: VerificationReport, revised: StorySummary
) -> tuple[StorySummary, VerificationReport]:
    """Keep what passed in ``checked``; take from the checked ``revised`` answer what now passes.

    A failed headline is replaced by a supported revised one; supported revised bullets that are new are
    added (up to MAX_BULLETS shown); a failed figure or quote is replaced by its revised version when that
    passes. Each replacement is marked ``repaired`` and keeps the original's issues, so a reader of the
    JSON sees why. Failed originals stay ``unsupported`` for :func:`enforce` to drop.
    """
    repaired = 0
    headline = checked.headline
    if headline.status == "unsupported" and revised.headline.status == "supported":
        headline = revised.headline.model_copy(update={"status": "repaired", "issues": headline.issues})
        repaired += 1
    bullets = list(checked.bullets)
    shown = {_key(b.text) for b in bullets} | {_key(headline.text)}
    room = MAX_BULLETS - sum(b.status == "supported" for b in bullets)
    if room > 0 and any(b.status == "unsupported" for b in bullets):
        for bullet in revised.bullets:
            if bullet.status == "supported" and _key(bullet.text) not in shown and room > 0:
                bullets.append(bullet.model_copy(update={"status": "repaired"}))
                shown.add(_key(bullet.text))
                room -= 1
                repaired += 1
    figures = _replace_failed(checked.key_figures, revised.key_figures, lambda f: f.figure_id)
    quotes = _replace_failed(checked.quotes, revised.quotes, lambda q: q.quote_id)
    repaired += sum(f.status == "repaired" for f in figures) + sum(q.status == "repaired" for q in quotes)
    merged = checked.model_copy(
        update={"headline": headline, "bullets": bullets, "key_figures": figures, "quotes": quotes}
    )
    return merged, report.model_copy(update={"repaired": report.repaired + repaired})


ItemT = TypeVar("ItemT", KeyFigure, SummaryQuote)


def _replace_failed(old: list[ItemT], new: list[ItemT], ident: Callable[[ItemT], str]) -> list[ItemT]:
    """``old`` with each failed item replaced by the grounded ``new`` item of the same id, marked repaired."""
    grounded = {ident(item): item for item in new if item.status == "grounded"}
    return [
        grounded[ident(item)].model_copy(update={"status": "repaired"})
        if item.status == "unsupported" and ident(item) in grounded
        else item
        for item in old
    ]


def _key(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


def enforce(
    story: Story, evidence: Evidence, checked: StorySummary, report: VerificationReport
) -> tuple[StorySummary, VerificationReport]:
    """Apply the policy to a checked summary (statuses set by ``verify_summary``, perhaps the judge too)."""
    claims = [checked.headline, *checked.bullets]
    unsupported = [c for c in claims if c.status == "unsupported"]
    judged = [f"judge: {c.text[:60]}" for c in unsupported if any(i.startswith("judge:") for i in c.issues)]
    if judged:
        report = report.model_copy(
            update={"passed": report.passed - len(judged), "issues": [*report.issues, *judged]}
        )
    failed = [c for c in [checked.headline, *checked.bullets] if c.status == "unsupported"]
    failed_figures = [f for f in checked.key_figures if f.status == "unsupported"]
    failed_quotes = [q for q in checked.quotes if q.status == "unsupported"]
    if not (failed or failed_figures or failed_quotes):
        return checked, report

    grounded: StorySummary | None = None

    def extractive() -> StorySummary:
        nonlocal grounded
        if grounded is None:
            grounded = ExtractiveEngine().summarize_sync(story, evidence)
        return grounded

    repaired = dropped = 0
    headline = checked.headline
    if headline.status == "unsupported":
        headline = extractive().headline.model_copy(update={"status": "repaired", "issues": headline.issues})
        repaired += 1
    bullets: list[Claim] = []
    for bullet in checked.bullets:
        if bullet.status == "unsupported":
            bullet = bullet.model_copy(update={"status": "dropped"})
            dropped += 1
        bullets.append(bullet)
    if all(b.status == "dropped" for b in bullets):
        bullets += extractive().bullets
        repaired += 1
    figures = [
        f.model_copy(update={"status": "dropped"}) if f.status == "unsupported" else f
        for f in checked.key_figures
    ]
    quotes = [
        q.model_copy(update={"status": "dropped"}) if q.status == "unsupported" else q for q in checked.quotes
    ]
    dropped += len(failed_figures) + len(failed_quotes)
    enforced = checked.model_copy(
        update={"headline": headline, "bullets": bullets, "key_figures": figures, "quotes": quotes}
    )
    return enforced, report.model_copy(
        update={"repaired": report.repaired + repaired, "dropped": report.dropped + dropped}
    )
