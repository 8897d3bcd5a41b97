"""The verification policy: planted errors are repaired or dropped, never shown unmarked."""

from __future__ import annotations

from briefing.engines.extractive import ExtractiveEngine
from briefing.evidence import extract_evidence
from briefing.model import Claim, Story, StorySummary
from briefing.verify.policy import verify_and_enforce

TEXT = (
    "The harbour board of the fictional town of Port Ellis has approved a £12m plan to rebuild its "
    "north pier, which was damaged in storms last winter. Board chair Amira Haddad said work would "
    "start in March and take about 18 months. The pier, built in 1896, carries 40,000 visitors a year."
)
STORY = Story(id="s1", source="t.txt", start=100, end=100 + len(TEXT), text=TEXT)


def summary(headline: str, *bullets: str) -> StorySummary:
    return StorySummary(
        story_id="s1",
        headline=Claim(text=headline),
        bullets=[Claim(text=b) for b in bullets],
        engine="openai",
    )


def test_supported_llm_prose_is_marked_supported_with_bundle_evidence_spans() -> None:
    evidence = extract_evidence(STORY)
    out, report = verify_and_enforce(
        STORY, evidence, summary("Port Ellis approves £12m pier rebuild", "Work starts in March.")
    )
    assert [c.status for c in [out.headline, *out.bullets]] == ["supported", "supported"]
    span = out.headline.evidence[0]
    assert span.start >= STORY.start and span.end <= STORY.end
    assert report.checked == report.passed == 2 and not report.issues


def test_planted_number_and_name_are_dropped_and_headline_repaired() -> None:
    evidence = extract_evidence(STORY)
    planted = summary(
        "Port Ellis approves £15m pier rebuild",  # wrong number
        "Work starts in March and takes about 18 months.",
        "The pier carries 60,000 visitors a year.",  # wrong number
        "Mayor John Briggs opposed the plan.",  # name not in source
    )
    out, report = verify_and_enforce(STORY, evidence, planted)
    assert out.headline.status == "repaired" and "£15m" not in out.headline.text
    assert out.headline.text == ExtractiveEngine().summarize_sync(STORY, evidence).headline.text
    assert [b.status for b in out.bullets] == ["supported", "dropped", "dropped"]
    assert report.repaired == 1 and report.dropped == 2 and len(report.issues) >= 3


def test_story_with_every_bullet_dropped_gets_grounded_bullets() -> None:
    evidence = extract_evidence(STORY)
    out, report = verify_and_enforce(
        STORY, evidence, summary("Port Ellis approves £12m pier rebuild", "The pier was built in 1921.")
    )
    visible = [b for b in out.bullets if b.status != "dropped"]
    assert visible and all(b.status == "grounded" for b in visible)
    assert all(TEXT.find(b.text) >= 0 for b in visible)
    assert report.repaired == 1


def test_title_case_headlines_are_checked_as_sentences() -> None:
    evidence = extract_evidence(STORY)
    good, _ = verify_and_enforce(STORY, evidence, summary("Port Ellis Approves £12m Plan To Rebuild Pier"))
    assert good.headline.status == "supported"
    bad, _ = verify_and_enforce(STORY, evidence, summary("Mayor Tom Briggs Approves £12m Pier Plan"))
    assert bad.headline.status == "repaired"
