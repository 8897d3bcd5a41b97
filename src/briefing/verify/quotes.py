"""Quoted words in a claim must be the source's words, from the speaker the source gives them to.

Compared after normalising quote marks, whitespace and case; an ellipsis in the claim may stand for any
omitted stretch. Words in quote marks that the source does not contain are a paraphrase presented as a
quotation, which is an error even when the meaning is right.
"""

from __future__ import annotations

import re

from briefing.verify.source import SourceIndex
from briefing.verify.text import normalise_quote_text

# Double quotes of any style, or single quotes that open after a space and close before a non-letter.
_QUOTED = re.compile(r"""["“”]([^"“”]{2,}?)["“”]|(?:(?<=\s)|^)['‘`]([^'‘’`]{2,}?)['’](?![a-z])""")
_SPEAKER_VERB = re.compile(r"(?i)\b(?:said|says|told|added|adds|insisted|warned|claimed|according to)\b")


def quoted_spans(claim: str) -> list[tuple[int, int]]:
    """Spans (without the marks) of the quotations in ``claim``."""
    out = []
    for m in _QUOTED.finditer(claim):
        g = 1 if m.group(1) is not None else 2
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
    return issues


def speaker_near(src: SourceIndex, quote: str, speaker: str, window: int = 1) -> bool:
    """Does the source name ``speaker`` in the sentence(s) around where it has ``quote``?"""
    norm = normalise_quote_text(src.text)
    part = normalise_quote_text(quote).split("...")[0].strip(" ,.;:'\"")
    # Normalising only collapses whitespace runs, so map back by searching the original text loosely.
    idx = norm.find(part)
    if idx < 0:
        return False
    ratio = idx / max(1, len(norm))
    approx = int(ratio * len(src.text))
    sent = min(range(len(src.sentences)), key=lambda i: _distance(src.sentences[i], approx))
    lo = max(0, sent - window)
    hi = min(len(src.sentences), sent + window + 1)
    text = " ".join(src.text[src.sentences[i][0] : src.sentences[i][1]] for i in range(lo, hi)).lower()
    surname = speaker.split()[-1].lower()
    return surname in text


def _distance(span: tuple[int, int], pos: int) -> int:
    return 0 if span[0] <= pos < span[1] else abs(span[0] - pos)


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


__all__ = ["check_quotes", "quote_in_source", "quoted_spans", "speaker_near", "_SPEAKER_VERB"]
