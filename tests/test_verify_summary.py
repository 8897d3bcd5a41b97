"""verify_summary on a fictional story placed inside a bundle: statuses, bundle-offset evidence, report."""

from __future__ import annotations

from briefing.model import Claim, Evidence, KeyFigure, Quote, Story, StorySummary, SummaryQuote
from briefing.verify import VerificationReport, verify_summary

PREFIX = "Other story text that comes first in the bundle.\n\n"
TEXT = (
    "Millbrook water board will spend £4.5m on new pipes after 37 leaks were reported last winter. "
    'Board chair Priya Nair said: "Every household deserves water that arrives." '
    "Work begins in April."
)
BUNDLE = PREFIX + TEXT
START = len(PREFIX)
STORY = Story(id="s1", source="test", start=START, end=START + len(TEXT), text=TEXT)
QUOTE_TEXT = "Every household deserves water that arrives."
Q_START = START + TEXT.index(QUOTE_TEXT)
EVIDENCE = Evidence(
    story_id="s1",
    quotes=[
        Quote(id="q1", start=Q_START, end=Q_START + len(QUOTE_TEXT), text=QUOTE_TEXT, speaker="Priya Nair")
    ],
)
F_START = START + TEXT.index("£4.5m")


def summary(**update: object) -> StorySummary:
    base = StorySummary(
        story_id="s1",
        headline=Claim(text="Millbrook water board to spend £4.5m on new pipes"),
        bullets=[
            Claim(text="The board acted after 37 leaks were reported last winter."),
            Claim(text="The board will spend £9m on new pipes."),
            Claim(text="Work begins in April.", status="grounded"),
        ],
        key_figures=[
            KeyFigure(figure_id="f1", value="£4.5m", label="for 37 leaks", start=F_START, end=F_START + 5)
        ],
        quotes=[
            SummaryQuote(
                quote_id="q1",
                text=QUOTE_TEXT,
                speaker="Ms Nair",
                start=Q_START,
                end=Q_START + len(QUOTE_TEXT),
            )
        ],
        engine="test",
    )
    return base.model_copy(update=update)


def test_statuses_evidence_and_report() -> None:
    checked, report = verify_summary(STORY, EVIDENCE, summary())
    assert checked.headline.status == "supported"
    first, wrong, grounded = checked.bullets
    assert first.status == "supported" and first.issues == []
    assert wrong.status == "unsupported"
    assert any("£9m" in issue for issue in wrong.issues)
    # Grounded items stay grounded but still get their evidence.
    assert grounded.status == "grounded" and grounded.evidence
    # Evidence spans are bundle offsets.
    span = first.evidence[0]
    assert "37 leaks" in BUNDLE[span.start : span.end]
    assert checked.key_figures[0].status == "grounded"
    assert checked.quotes[0].status == "grounded"
    assert isinstance(report, VerificationReport)
    assert (report.story_id, report.checked, report.passed) == ("s1", 6, 5)
    assert report.issues and report.issues[0].startswith("bullet 2: number '£9m")


def test_figure_label_number_and_wrong_span_are_flagged() -> None:
    bad = KeyFigure(figure_id="f1", value="£4.5m", label="for 73 leaks", start=F_START + 1, end=F_START + 6)
    checked, report = verify_summary(STORY, EVIDENCE, summary(key_figures=[bad]))
    assert checked.key_figures[0].status == "unsupported"
    assert any("not the source text at its span" in i for i in report.issues)
    assert any("label number '73" in i for i in report.issues)


def test_quote_text_and_speaker_are_checked() -> None:
    altered = SummaryQuote(
        quote_id="q1", text="Every home deserves water.", speaker="Tom Hale", start=Q_START, end=Q_START + 44
    )
    checked, report = verify_summary(STORY, EVIDENCE, summary(quotes=[altered]))
    assert checked.quotes[0].status == "unsupported"
    assert any("not the source text" in i for i in report.issues)
    assert any("speaker 'Tom Hale'" in i for i in report.issues)


def test_original_summary_is_not_mutated() -> None:
    original = summary()
    verify_summary(STORY, EVIDENCE, original)
    assert original.headline.status == "unverified"


def test_a_bare_value_whose_label_counts_another_number_is_flagged() -> None:
    text = "Lumen unveiled the Parla 2 earbuds, which translate between 28 languages."
    story = Story(id="s2", source="test", start=0, end=len(text), text=text)
    at = text.index("2 earbuds")
    figures = [
        KeyFigure(figure_id="f1", value="2", label="28 languages", start=at, end=at + 1),
        KeyFigure(
            figure_id="f2", value="28", label="languages", start=text.index("28"), end=text.index("28") + 2
        ),
    ]
    plain = summary(story_id="s2", headline=Claim(text="Lumen unveils earbuds"), bullets=[], quotes=[])
    checked, report = verify_summary(
        story, Evidence(story_id="s2"), plain.model_copy(update={"key_figures": figures})
    )
    assert [f.status for f in checked.key_figures] == ["unsupported", "grounded"]
    assert any("gives another number than the value" in i for i in report.issues)


def test_a_number_from_a_name_or_one_counting_something_else_is_no_figure() -> None:
    text = (
        "Orrin unveiled the Halo 2 glasses in May 2026, cutting the price by $200. "
        "Hawks won an eight-try thriller 31-28, with Ben Ashworth scoring 11 points."
    )
    story = Story(id="s3", source="test", start=0, end=len(text), text=text)

    def figure(fid: str, value: str, label: str, at: int) -> KeyFigure:
        return KeyFigure(figure_id=fid, value=value, label=label, start=at, end=at + len(value))

    figures = [
        figure("f1", "2", "price cut", text.index("2 glasses")),
        figure("f2", "eight", "points", text.index("eight")),
        figure("f3", "eight", "tries", text.index("eight")),
        figure("f4", "11", "points", text.index("11")),
        figure("f5", "2026", "launch year", text.index("2026")),
    ]
    plain = summary(story_id="s3", headline=Claim(text="Orrin unveils Halo 2"), bullets=[], quotes=[])
    checked, report = verify_summary(
        story, Evidence(story_id="s3"), plain.model_copy(update={"key_figures": figures})
    )
    assert [f.status for f in checked.key_figures] == [
        "unsupported", "unsupported", "grounded", "grounded", "grounded"
    ], report.issues
