"""The verification policy: what happens to items that fail their checks, so none reaches a reader unmarked.

- an unsupported headline is replaced by the extractive (grounded) headline and marked ``repaired``;
- unsupported bullets, figures and quotes are marked ``dropped``: kept in the JSON for the record, never
  rendered elsewhere;
- a story left with no bullet gets the extractive bullets (grounded), counted as repaired.
"""

from __future__ import annotations

from briefing.engines.extractive import ExtractiveEngine
from briefing.model import Claim, Evidence, Story, StorySummary, VerificationReport
from briefing.verify.summary import verify_summary


def verify_and_enforce(
    story: Story, evidence: Evidence, summary: StorySummary
) -> tuple[StorySummary, VerificationReport]:
    """Check ``summary`` against ``story`` and apply the policy; the report counts what was changed."""
    return enforce(story, evidence, *verify_summary(story, evidence, summary))


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
