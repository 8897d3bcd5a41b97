"""A fixed, fictional Briefing for renderer tests, built from the real model with spans into a real bundle.

Every span is found in ``BUNDLE_TEXT`` rather than typed, so ``bundle.text[start:end]`` always equals what
the item shows. One story is an extractive fallback, one bullet is unverified, one is dropped, one is
repaired, and one story carries hostile text (HTML, Slack mentions and links, ampersands) that every renderer
must neutralise. Each story has the verification report its statuses imply.
"""

from __future__ import annotations

import datetime as dt

from briefing.model import (
    Briefing,
    BriefingItem,
    Bundle,
    Claim,
    KeyFigure,
    RunStats,
    Span,
    Status,
    Story,
    StorySummary,
    SummaryQuote,
    VerificationReport,
)

SOURCE = "bundles/monday.txt"

HARBOUR = (
    "Harbour council approves £20m flood barrier\n\n"
    "PORT ELLIS — The Port Ellis harbour council on Monday approved a £20m tidal barrier meant to protect "
    "3,400 homes on the low-lying east bank. The vote was 9 to 2. Construction is due to start in March 2027 "
    'and take 30 months. "We have waited four winters for this," said Mayor Elin Castell after the vote. '
    "Opponents said the cost could rise by 15% once steel prices are known.\n"
)
PORTAL = (
    "Tallow & Finch finds script flaw in city portal\n\n"
    "Security firm Tallow & Finch said on Tuesday that the city's permit portal ran any comment as code. "
    "In a demonstration, a comment reading <script>alert(1)</script> opened a pop-up for every visitor. "
    "A bot account also posted <!channel> and <@U123> alongside a link written as <http://evil|click>. "
    '"Anything between < and > went straight to the page," said researcher Ines Marr. '
    "The city said 212 accounts were reset.\n"
)
LIBRARY = (
    "Library extends weekend hours\n\n"
    "The Port Ellis central library will open on Sundays from 6 December, the library board said. "
    "Opening hours rise to 58 a week from 50. The change costs £140,000 a year, paid from a parking levy. "
    "Visitor numbers fell 12% last year.\n"
)
BUNDLE_TEXT = "\n".join([HARBOUR, PORTAL, LIBRARY])


def sample_bundle() -> Bundle:
    return Bundle(text=BUNDLE_TEXT, source=SOURCE)


def _span(needle: str, after: int = 0) -> Span:
    start = BUNDLE_TEXT.index(needle, after)
    return Span(start=start, end=start + len(needle))


def _story(story_id: str, article: str) -> Story:
    start = BUNDLE_TEXT.index(article)
    return Story(
        id=story_id,
        source=SOURCE,
        start=start,
        end=start + len(article),
        text=article,
        title=article.split("\n", 1)[0],
    )


def _claim(text: str, status: Status, *support: str, issues: list[str] | None = None) -> Claim:
    return Claim(text=text, status=status, evidence=[_span(s) for s in support], issues=issues or [])


def _figure(figure_id: str, value: str, label: str, after: int = 0) -> KeyFigure:
    span = _span(value, after)
    return KeyFigure(figure_id=figure_id, value=value, label=label, start=span.start, end=span.end)


def _quote(quote_id: str, text: str, speaker: str) -> SummaryQuote:
    span = _span(text)
    return SummaryQuote(quote_id=quote_id, text=text, speaker=speaker, start=span.start, end=span.end)


def _harbour() -> BriefingItem:
    story = _story("s1", HARBOUR)
    body = story.start + len(story.title or "")  # figures are in the body, not the title
    summary = StorySummary(
        story_id=story.id,
        headline=_claim(
            "Port Ellis approves £20m flood barrier for east bank", "supported", "approved a £20m"
        ),
        bullets=[
            _claim(
                "The harbour council voted 9 to 2 for a tidal barrier protecting 3,400 homes.",
                "supported",
                "protect 3,400 homes",
                "The vote was 9 to 2.",
            ),
            _claim("Work starts in March 2027 and is due to take 30 months.", "supported", "March 2027"),
            _claim("Opponents warn steel prices could push the cost up 15%.", "unverified"),
            _claim(
                "The barrier will be the largest in the region.",
                "dropped",
                issues=["no source span supports 'largest in the region'"],
            ),
        ],
        key_figures=[
            _figure("s1-f1", "£20m", "approved cost of the tidal barrier", body),
            _figure("s1-f2", "3,400", "homes protected on the east bank", body),
            _figure("s1-f3", "15%", "possible cost rise once steel is priced", body),
        ],
        quotes=[_quote("s1-q1", "We have waited four winters for this", "Mayor Elin Castell")],
        topic="local",
        engine="openai",
    )
    report = VerificationReport(
        story_id=story.id, checked=9, passed=7, dropped=1, issues=["bullet 4: no source span supports it"]
    )
    return BriefingItem(story=story, summary=summary, verification=report, also_in=["bundles/gazette.txt"])


def _portal() -> BriefingItem:
    story = _story("s2", PORTAL)
    summary = StorySummary(
        story_id=story.id,
        headline=_claim(
            "Tallow & Finch shows <script> flaw in city permit portal", "supported", "Tallow & Finch said"
        ),
        bullets=[
            _claim(
                "A comment reading <script>alert(1)</script> ran for every visitor.",
                "supported",
                "<script>alert(1)</script>",
            ),
            _claim(
                "A bot posted <!channel> and <@U123> with a link <http://evil|click>.",
                "supported",
                "<!channel> and <@U123>",
            ),
            _claim("The city reset 212 accounts & told users by email.", "repaired", "212 accounts"),
        ],
        key_figures=[_figure("s2-f1", "212", "accounts reset after the flaw & the bot posts")],
        quotes=[_quote("s2-q1", "Anything between < and > went straight to the page", "Ines Marr")],
        topic="technology",
        engine="openai",
    )
    report = VerificationReport(
        story_id=story.id, checked=6, passed=5, repaired=1, issues=["bullet 3: '5,000 users' not in source"]
    )
    return BriefingItem(story=story, summary=summary, verification=report)


def _library() -> BriefingItem:
    story = _story("s3", LIBRARY)
    first = "The Port Ellis central library will open on Sundays from 6 December, the library board said."
    summary = StorySummary(
        story_id=story.id,
        headline=_claim(first, "grounded", first),
        bullets=[
            _claim(
                "Opening hours rise to 58 a week from 50.",
                "grounded",
                "Opening hours rise to 58 a week from 50.",
            ),
            _claim(
                "The change costs £140,000 a year, paid from a parking levy.",
                "grounded",
                "The change costs £140,000 a year, paid from a parking levy.",
            ),
        ],
        key_figures=[
            _figure("s3-f1", "£140,000", "yearly cost, paid from a parking levy"),
            _figure("s3-f2", "12%", "fall in visitor numbers last year"),
        ],
        topic="local",
        engine="extractive",
        fallback=True,
        fallback_reason="LLM timed out after 4 attempts",
    )
    return BriefingItem(
        story=story, summary=summary, verification=VerificationReport(story_id=story.id, checked=5, passed=5)
    )


def sample_briefing() -> Briefing:
    """The fixed three-story briefing every golden file is rendered from."""
    return Briefing(
        title="Port Ellis morning briefing",
        date=dt.date(2026, 11, 23),
        sources=[SOURCE],
        items=[_harbour(), _portal(), _library()],
        stats=RunStats(
            engine="openai",
            engine_reason="--engine openai",
            model="qwen2.5-coder-1.5b-instruct",
            stories=3,
            llm_calls=3,
            cache_hits=1,
            fallbacks=1,
            prompt_tokens=2412,
            completion_tokens=388,
            cost_usd=0.0031,
            seconds=4.3,
        ),
    )


def big_briefing(stories: int = 80, long_story: int = 7) -> Briefing:
    """Many stories (story ``long_story`` has 60 bullets, more than one Slack section holds) to test packing.

    Spans here point into a generated bundle; only renderers read this briefing.
    """
    items: list[BriefingItem] = []
    pos = 0
    for n in range(1, stories + 1):
        sentence = f"Story {n} & its <b>details</b>: the county counted {n * 11} new cases this week. "
        text = sentence * 6
        story = Story(id=f"b{n}", source="bundles/big.txt", start=pos, end=pos + len(text), text=text)
        pos += len(text) + 1
        bullet_count = 60 if n == long_story else 4
        bullets = [
            Claim(text=f"Story {n}, point {k}: {sentence.strip()} (<!here> check)", status="grounded")
            for k in range(1, bullet_count + 1)
        ]
        summary = StorySummary(
            story_id=story.id,
            headline=Claim(text=f"Headline of story {n}", status="grounded"),
            bullets=bullets,
            engine="extractive",
        )
        items.append(BriefingItem(story=story, summary=summary))
    return Briefing(
        title="Big briefing",
        date=dt.date(2026, 11, 23),
        sources=["bundles/big.txt"],
        items=items,
        stats=RunStats(engine="extractive", stories=stories),
    )
