"""Quoted words in a claim must be the source's words, from the speaker the source gives them to.

Compared after normalising quote marks, whitespace and case; an ellipsis in the claim may stand for any
omitted stretch. Words in quote marks that the source does not contain are a paraphrase presented as a
quotation, which is an error even when the meaning is right.
"""

from __future__ import annotations

import re

from briefing.evidence import ABBREVIATED_TITLE
from briefing.verify.source import SourceIndex
from briefing.verify.speakers import speaker_sentences
from briefing.verify.text import normalise_quote_text, stem

# Double quotes of any style, or single quotes that open after a space and close before a non-letter.
# Tokenised corpora write double quotes as `` and '' (Penn Treebank style): read those as quotes too.
_QUOTED = re.compile(
    r"""``\s*(.{2,}?)\s*''|["“”]([^"“”]{2,}?)["“”]|(?:(?<=\s)|^)['‘`]([^'‘’`]{2,}?)['’](?![a-z])"""
)


def quoted_spans(claim: str) -> list[tuple[int, int]]:
    """Spans (without the marks) of the quotations in ``claim``."""
    out = []
    for m in _QUOTED.finditer(claim):
        g = next(k for k in (1, 2, 3) if m.group(k) is not None)
        out.append((m.start(g), m.end(g)))
    return out


def quote_in_source(src_norm: str, quote: str) -> bool:
    """Is ``quote`` verbatim in the (normalised) source, allowing ellipses for omissions?"""
    parts = [p.strip(" ,.;:'\"") for p in normalise_quote_text(quote).split("...")]
    pos = 0
    for part in parts:
        if not part:
            continue
        found = src_norm.find(part, pos)
        if found < 0:
            return False
        pos = found + len(part)
    return True


def check_quotes(src: SourceIndex, claim: str) -> list[str]:
    """Issues for quotations that are not verbatim in the source."""
    spans = quoted_spans(claim)
    if not spans:
        return []
    src_norm = normalise_quote_text(src.text)
    issues = []
    for s, e in spans:
        quote = claim[s:e]
        if len(quote.split()) < 2 and quote.lower() in src_norm:
            continue
        if not quote_in_source(src_norm, quote):
            issues.append(f"quote '{_short(quote)}' not verbatim in source")
            continue
        if (negation := _negation_cut(src_norm, quote, claim[:s])) is not None:
            issues.append(f"quote '{_short(quote)}' leaves out the source's '{negation}' before it")
            continue
        speaker = _speaker(claim, s, e)
        if speaker and not speaker_near(src, quote, speaker):
            issues.append(f"quote '{_short(quote)}' is not attributed to {speaker} in source")
    return issues


_NAME = r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
_SAYS = (
    r"(?:said|says|added|insisted|warned|claimed|admitted|admits|argued|conceded|stressed|noted|vowed"
    r"|acknowledged|recalled|explained)"
)
_AFTER = re.compile(r"""^[\s"”'’,]*(?:""" + _SAYS + r"""|told\s+\w+)\s+""" + _NAME)
_AFTER_INV = re.compile(r"""^[\s"”'’,]*""" + _NAME + r"\s+" + _SAYS + r"\b")
_BEFORE = re.compile(_NAME + r"\s+(?:" + _SAYS + r"|told\s+\w+)\s*:?\s*[\"“'‘]?$")
# "Marquand said the move was "not the start ..."": a few lower-case words between the verb and the quote.
_BEFORE_REPORTED = re.compile(
    _NAME + r"\s+(?:" + _SAYS + r"|called|branded|described)\s+(?:[\w'’-]+\s+){1,6}[\"“]$"
)
_ACCORDING = re.compile(r"^[\s\"”'’,]*according to\s+" + _NAME)


_RELATIVE = re.compile(r",\s+(?:who|whose)\s[^,\"“]*,(?=\s)")


def _speaker(claim: str, start: int, end: int) -> str | None:
    """Who the claim says spoke the quote at ``[start, end)``: "…," said X / X said: "…" / according to X."""
    tail = claim[end : end + 80]
    for pattern in (_AFTER, _ACCORDING, _AFTER_INV):
        m = pattern.match(tail)
        if m:
            return m.group(1)
    # "Sue Harrington, who chairs Save Brampton Fields, said": the speaker is before the relative clause.
    before = _RELATIVE.sub("", claim[max(0, start - 160) : start])[-80:]
    m = _BEFORE.search(before) or _BEFORE_REPORTED.search(before)
    return m.group(1) if m else None


def placed_speakers(src: SourceIndex, claim: str) -> set[str]:
    """Surnames (lower-cased) of the speakers the claim gives verbatim quotes to, where the source names
    them beside those quotes: such a name is where the source says what the claim has it say."""
    src_norm = normalise_quote_text(src.text)
    out = set()
    for s, e in quoted_spans(claim):
        quote, speaker = claim[s:e], _speaker(claim, s, e)
        if speaker and quote_in_source(src_norm, quote) and speaker_near(src, quote, speaker):
            out.add(speaker.split()[-1].lower())
    return out


def speaker_near(src: SourceIndex, quote: str, speaker: str, window: int = 1) -> bool:
    """Does the source name ``speaker`` (by surname) in the sentences around where it has ``quote``?"""
    longest = max(re.split(r"\.\.\.|…", quote), key=len)
    words = re.findall(r"\w+", longest)[:8]
    if not words:
        return False
    m = re.search(r"\W+".join(map(re.escape, words)), src.text, re.IGNORECASE)
    if m is None:
        return False
    sent = min(range(len(src.sentences)), key=lambda i: _distance(src.sentences[i], m.start()))
    lo = max(0, sent - window)
    hi = min(len(src.sentences), sent + window + 1)
    # A name in the next paragraph ("Quillan was more cautious.") opens another speaker's turn.
    end = src.text.find("\n", src.sentences[sent][1])
    while hi - 1 > sent and end >= 0 and src.sentences[hi - 1][0] > end:
        hi -= 1
    text = src.text[src.sentences[lo][0] : src.sentences[hi - 1][1]].lower()
    surname = speaker.split()[-1].lower()
    given = _attribution(src.text[m.end() : src.sentences[sent][1]])
    if given and surname not in given.lower():
        return False  # '"This is a great British company," said Tom Velasquez': the sentence says who
    opener = _OPENING_SPEAKER.match(src.text, src.sentences[sent][0], m.start())
    if given is None and opener and surname not in opener.group(1).lower():
        return False  # 'Professor Ken Abe said the results were "a genuine surprise".': he said it
    # Or the quote runs on from a sentence naming the speaker ('Ferro said ... "People don't stop ...').
    return surname in text or sent in speaker_sentences(src, {stem(surname)})


_SAID_BY = re.compile(
    rf"[\s\"”'’,]*(?:said|says|added)\s+(?:{ABBREVIATED_TITLE}\s+|[\w'’-]+,?\s+){{0,6}}"
    r"[A-Z][\w'’-]+"  # "said provost Dr. Marguerite Lacasse"
)


_NAME_SAID = re.compile(r"[\"”'’]?,?[\"”'’]?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:said|says|added)\b")
"""'..." Marchetti said.': the speaker named before the verb (a capitalised run, so not "he said")."""


_OPENING_SPEAKER = re.compile(
    r"\s*(?!(?:He|She|They|It|We|I|You)\b)((?:[A-Z][\w'’.-]+\s+){1,4})"
    r"(?:said|says|told|added|described|called|insisted|warned)\b[^\"“”]*[\"“]\s*$"
)
"""A sentence that opens with its speaker and reports the quote that ends it."""


def _attribution(rest: str) -> str | None:
    """Who the source sentence says spoke, right after the quotation closes ('..." said Tom Velasquez')."""
    close = min((i for i in (rest.find("\""), rest.find("”")) if i >= 0), default=-1)
    if close < 0:
        return None
    m = _SAID_BY.match(rest, close) or _NAME_SAID.match(rest, close)
    return m.group(0) if m else None


_NEGATION_BEFORE = re.compile(r"\b(not|never|no|n't)\s*$")
_NEGATED_CLAIM = re.compile(r"\b(?:not|never|no|n't|nothing|without)\b[^\"“”]{0,40}$", re.IGNORECASE)


def _negation_cut(src_norm: str, quote: str, claim_before: str) -> str | None:
    """'Called the delay "a disaster"' where the source has "it is not a disaster": quoted words that
    are verbatim only without the negation the source puts right before them, which the claim lacks."""
    part = normalise_quote_text(quote).split("...")[0].strip(" ,.;:'\"")
    found = [m.start() for m in re.finditer(re.escape(part), src_norm)] if part else []
    if not found or _NEGATED_CLAIM.search(claim_before[-60:].rstrip(" \"“'‘`")):
        return None
    cuts = [_NEGATION_BEFORE.search(src_norm, max(0, at - 12), at) for at in found]
    return cuts[0].group(1) if all(cuts) and cuts[0] is not None else None


def _distance(span: tuple[int, int], pos: int) -> int:
    return 0 if span[0] <= pos < span[1] else abs(span[0] - pos)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["check_quotes", "placed_speakers", "quote_in_source", "quoted_spans", "speaker_near"]
