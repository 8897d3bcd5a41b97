"""The verification policy: planted errors are repaired or dropped, never shown unmarked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from faultserver import FaultServer

from briefing.engines.extractive import ExtractiveEngine
from briefing.evidence import extract_evidence
from briefing.model import Bundle, Claim, Story, StorySummary
from briefing.pipeline import build_briefing
from briefing.render import render
from briefing.settings import load_settings
from briefing.verify.policy import verify_and_enforce

TEXT = (
    "The harbour board of the fictional town of Port Ellis has approved a £12m plan to rebuild its "
    "north pier, which was damaged in storms last winter. Board chair Amira Haddad said work would "
    "start in March and take about 18 months. The pier, built in 1896, carries 40,000 visitors a year."
)
FIXTURES = Path(__file__).parent / "fixtures"
THREE = FIXTURES / "cli-three-stories.txt"
DAY = dt.date(2026, 11, 25)
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


def test_llm_is_asked_once_more_with_the_failures_and_what_it_fixes_is_repaired(tmp_path: Path) -> None:
    """Over loopback: the first answer has a wrong number; the re-ask lists it; the corrected bullet is
    shown marked repaired, the wrong one is dropped, and the re-ask is one more call."""
    text = "\n".join(THREE.read_text(encoding="utf-8").splitlines()[:4]) + "\n"
    recorded = json.loads((FIXTURES / "cli-three-stories.llm-answers.json").read_text(encoding="utf-8"))
    first = next(answer for key, answer in recorded.items() if text.startswith(key))
    kept = "The raids were carried out across six towns."
    arrests = "Police arrested {} people in raids on a cryptocurrency mining network."
    wrong = {**first, "bullets": [arrests.format(41), kept]}
    fixed = {**first, "bullets": [arrests.format(14), kept]}
    replies = {"Checked against the story": json.dumps(fixed), text[:60]: json.dumps(wrong)}
    with FaultServer(replies=replies) as server:
        flags = {"base_url": server.base_url, "model": "m", "engine": "openai", "cache_dir": tmp_path}
        settings = load_settings({**flags, "use_cache": False}, env={})
        briefing = build_briefing([Bundle(source="crypto.txt", text=text)], settings, title="t", date=DAY)
    assert server.served["reply"] == 2 and not server.served["canned"]
    [item] = briefing.items
    bullets = [(b.text, b.status) for b in item.summary.bullets]
    assert bullets == [(arrests.format(41), "dropped"), (kept, "supported"), (arrests.format(14), "repaired")]
    assert briefing.stats.revisions == 1 and briefing.stats.llm_calls == 2
    reask = server.requests[-1][2]["messages"]
    assert reask[-2]["role"] == "assistant" and "41 people" in reask[-2]["content"]
    assert "bullet 1" in reask[-1]["content"] and "41" in reask[-1]["content"]
    rendered = render(briefing, "md")
    assert "41 people" not in rendered and "14 people" in rendered


def test_judge_shares_the_run_engine_and_its_rejection_is_dropped(tmp_path: Path) -> None:
    """--judge over loopback: the judge's calls go through the summariser's engine (one client, one model,
    counted in the run stats), and a bullet it rejects is dropped with its reason."""
    text = "\n".join(THREE.read_text(encoding="utf-8").splitlines()[:4]) + "\n"
    recorded = json.loads((FIXTURES / "cli-three-stories.llm-answers.json").read_text(encoding="utf-8"))
    answer = next(answer for key, answer in recorded.items() if text.startswith(key))
    kept, doubted = "The raids were carried out across six towns.", "Police arrested 14 people in the raids."
    rejection = {"sentence_ids": [1], "supported": False, "reason": "the source says officials, not police"}
    replies = {
        f"<claim>\n{doubted}": json.dumps(rejection),
        "<claim>": json.dumps({"sentence_ids": [1], "supported": True, "reason": "stated"}),
        text[:60]: json.dumps({**answer, "bullets": [kept, doubted]}),
    }
    with FaultServer(replies=replies) as server:
        flags = {"base_url": server.base_url, "model": "m", "engine": "openai", "cache_dir": tmp_path}
        settings = load_settings({**flags, "use_cache": False, "judge": True}, env={})
        briefing = build_briefing([Bundle(source="crypto.txt", text=text)], settings, title="t", date=DAY)
    assert not server.served["canned"]
    [item] = briefing.items
    statuses = {b.text: b.status for b in item.summary.bullets}
    assert statuses[kept] == "supported" and statuses[doubted] == "dropped"
    [dropped] = [b for b in item.summary.bullets if b.text == doubted]
    assert any("officials, not police" in issue for issue in dropped.issues)
    judged = sum(1 for _, _, body in server.requests if "<claim>" in str(body.get("messages")))
    assert judged >= 2 and briefing.stats.llm_calls == 1 + judged


def test_merge_revision_replaces_a_failed_figure_by_its_grounded_revision() -> None:
    from briefing.model import KeyFigure, Status, VerificationReport
    from briefing.verify.policy import merge_revision

    def fig(label: str, status: Status) -> KeyFigure:
        return KeyFigure(figure_id="f1", value="£12m", label=label, start=0, end=4, status=status)

    checked = summary("Port Ellis approves £12m pier rebuild", "Work starts in March.").model_copy(
        update={"key_figures": [fig("15 million pound plan", "unsupported")]}
    )
    revised = checked.model_copy(update={"key_figures": [fig("cost of the pier plan", "grounded")]})
    report = VerificationReport(story_id="s1", checked=3, passed=2)
    merged, merged_report = merge_revision(checked, report, revised)
    assert [(f.label, f.status) for f in merged.key_figures] == [("cost of the pier plan", "repaired")]
    assert merged_report.repaired == 1
