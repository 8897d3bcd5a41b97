"""verify_summary: check every item of a StorySummary against its story and record the verdicts.

Prose (headline, bullets) goes through ``check_claim``; key figures must be the source text at their span
and any number in their label must be in the story; quotes must be the source text at their span, from
the speaker the extractor found. Nothing is rewritten here: repairing or dropping is the pipeline's
policy, so ``repaired``/``dropped`` count only what arrived already marked so.
"""

from __future__ import annotations

import re

from briefing.model import (
    Claim,
    Evidence,
    KeyFigure,
    Span,
    Story,
    StorySummary,
    SummaryQuote,
    VerificationReport,
)
from briefing.numbers import find_numbers, same_quantity
from briefing.verify.claims import check_claim
from briefing.verify.numbers_check import check_numbers
from briefing.verify.source import index_source
from briefing.verify.text import normalise_quote_text, stem, tokens


def verify_summary(
    story: Story, evidence: Evidence, summary: StorySummary, bundle_text_offset: int = 0
) -> tuple[StorySummary, VerificationReport]:
    """Check ``summary`` against ``story.text``; return the summary with statuses and evidence set.

    Evidence spans are bundle offsets: ``bundle_text_offset + story.start + local offset`` (the extra
    offset is for callers whose bundle text is itself a slice of a larger text; usually 0).
    """
    base = bundle_text_offset + story.start
    issues: list[str] = []
    passed = 0

    def claim(item: Claim, label: str) -> Claim:
        nonlocal passed
        text = sentence_case(item.text, story.text) if label == "headline" else item.text
        result = check_claim(story.text, text)
        spans = [Span(start=base + s, end=base + e) for s, e in result.evidence]
        issues.extend(f"{label}: {issue}" for issue in result.issues)
        passed += result.supported
        if item.status in ("grounded", "repaired", "dropped"):
            return item.model_copy(update={"evidence": spans, "issues": result.issues})
        status = "supported" if result.supported else "unsupported"
        return item.model_copy(update={"status": status, "evidence": spans, "issues": result.issues})

    headline = claim(summary.headline, "headline")
    bullets = [claim(b, f"bullet {i}") for i, b in enumerate(summary.bullets, 1)]
    figures = []
    for figure in summary.key_figures:
        found = _figure_issues(story, figure, base)
        issues.extend(f"figure {figure.figure_id}: {issue}" for issue in found)
        passed += not found
        figures.append(figure.model_copy(update={"status": "unsupported"}) if found else figure)
    quotes = []
    for quote in summary.quotes:
        found = _quote_issues(story, evidence, quote, base)
        issues.extend(f"quote {quote.quote_id}: {issue}" for issue in found)
        passed += not found
        quotes.append(quote.model_copy(update={"status": "unsupported"}) if found else quote)

    statuses = [summary.headline.status, *(b.status for b in summary.bullets)]
    statuses += [f.status for f in summary.key_figures] + [q.status for q in summary.quotes]
    report = VerificationReport(
        story_id=story.id,
        checked=len(statuses),
        passed=passed,
        repaired=statuses.count("repaired"),
        dropped=statuses.count("dropped"),
        issues=issues,
    )
    updated = summary.model_copy(
        update={"headline": headline, "bullets": bullets, "key_figures": figures, "quotes": quotes}
    )
    return updated, report


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def sentence_case(headline: str, source: str) -> str:
    """A Title Case Headline in sentence case, keeping words the source capitalises mid-sentence.

    Headline style capitalises every word, which would make every word look like a name to the checks.
    A word is lowered only when the source uses it in lower case and never capitalises it mid-sentence,
    so real names, and words the source does not have at all, are still checked as names.
    """
    words = _WORD.findall(headline)
    capitalised = [w for w in words[1:] if w[0].isupper()]
    if len(words) < 3 or len(capitalised) < 0.6 * (len(words) - 1):
        return headline
    proper = set(re.findall(r"(?<=[a-z,;] )([A-Z][\w'’-]*)", source))
    common = {stem(w) for w in re.findall(r"\b[a-z][\w'’-]*", source)}

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        keep = match.start() == 0 or word in proper or word.isupper() or stem(word.lower()) not in common
        return word if keep else word.lower()

    return _WORD.sub(fix, headline)


_NAMED = re.compile(r"\b([A-Z][\w'’-]*) $")
_MONTHS = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$|No\.?$")


def _named_by(text: str, start: int, value: str) -> str | None:
    """"Halo 2": a bare small number right after a capitalised word (not a month, nor "No") is the end
    of a name, a product or a model, which a key figure would count as an amount."""
    if not re.fullmatch(r"\d{1,3}", value) or start <= 0:
        return None
    m = _NAMED.search(text, max(0, start - 30), start)
    if m is None or _MONTHS.match(m.group(1)):
        return None
    before = text[: m.start()].rstrip()
    if not before or before[-1] in ".!?\n\"“":
        return None  # a sentence's first word: "Around 2 ..."
    return f"{m.group(1)} {value}"


def _figure_issues(story: Story, figure: KeyFigure, base: int) -> list[str]:
    issues = []
    at_span = story.text[figure.start - base : figure.end - base] if figure.start >= base else ""
    if at_span != figure.value:
        issues.append(f"value '{figure.value}' is not the source text at its span ('{at_span}')")
    src = index_source(story.text)
    if at_span == figure.value and (name := _named_by(story.text, figure.start - base, figure.value)):
        issues.append(f"value '{figure.value}' is part of the name '{name}', not a figure")
    issues += [f"label {issue}" for issue in check_numbers(src, figure.label, tokens(figure.label))]
    # "2 — 28 languages": a bare number whose label counts another number says what that one counts
    # (a money or percent value may have a label with a count of its own: "£4.5m — for 37 leaks").
    counts = [n for n in find_numbers(figure.label) if n.kind == "count"]
    values = find_numbers(figure.value)
    bare = bool(values) and all(v.kind == "number" and v.unit is None for v in values)
    if counts and bare and not any(same_quantity(c, v) for c in counts for v in values):
        issues.append(f"label '{figure.label}' gives another number than the value '{figure.value}'")
    # "eight — points" from "an eight-try thriller": a bare count whose label names what it counts must
    # count that in the source, as "eight points" in a bullet would.
    if bare and not counts and figure.label[:1].islower():
        phrase = f"{figure.value} {figure.label}"
        issues += [f"label {i}" for i in check_numbers(src, phrase, tokens(phrase)) if "something else" in i]
    return issues


def _quote_issues(story: Story, evidence: Evidence, quote: SummaryQuote, base: int) -> list[str]:
    issues = []
    at_span = story.text[quote.start - base : quote.end - base] if quote.start >= base else ""
    if normalise_quote_text(at_span) != normalise_quote_text(quote.text):
        issues.append(f"text is not the source text at its span ('{_short(at_span)}')")
    source_quote = evidence.quote(quote.quote_id)
    expected = source_quote.speaker if source_quote else None
    if quote.speaker and expected and not _same_speaker(quote.speaker, expected):
        issues.append(f"speaker '{quote.speaker}' but the source attributes it to '{expected}'")
    elif quote.speaker and not expected and quote.speaker.split()[-1] not in story.text:
        issues.append(f"speaker '{quote.speaker}' not in source")
    return issues


def _same_speaker(a: str, b: str) -> bool:
    """'Ms Phillips' is 'Jess Phillips': surnames agree (titles and first names may be dropped)."""
    return a.split()[-1].lower().strip(".,") == b.split()[-1].lower().strip(".,")


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
