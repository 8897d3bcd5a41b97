"""Sentence and paragraph boundaries as character spans: shared by the splitter, extractor and verifier.

Deterministic and linear-time. News text is the target: abbreviations (``Mr``, ``Sept.``, ``U.S.``),
decimals (``1.5bn``), initials (``J. K. Rowling``) and sentences that end inside quotes (``he said."``).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sir st mt rev gen gov sen rep col lt capt sgt cpl maj adm cmdr
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs v etc inc ltd co corp plc bros dept est approx fig al jr sr univ ave rd blvd
    u.s u.k u.n e.g i.e a.m p.m""".split()  # noqa: SIM905 (a word list reads better as words)
)

# A sentence ends at . ! ? (or an ellipsis), optionally followed by closing quotes/brackets, then space.
_END = re.compile(r"""(?:\.\.\.|…|[.!?])['"”’)\]]*(?=\s+|$)""")
_PARA = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")
# Where a story was filed, opening its first sentence: "LONDON (Reuters) -", "Hong Kong (CNN)", and the US
# style "AUSTELL, Ga., March 3 —" / "DENVERTON, Colo. (Wire) —". The splitter reads it as a story start;
# the verifier knows its words are no part of what the sentence says. (Caption labels such as "VERDICT:"
# are no datelines.)
DATELINE = re.compile(
    r"[A-Z][\w .,'’-]{0,40}?\((?:CNN|AP|AFP|Reuters)\)"
    r"|[A-Z][A-Z .,'’\-]{2,40}(?:,\s*[A-Z][a-z]{1,5}\.?)*(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{1,40}\)\s*[-–—:]|\s+[-–—]\s|\s*[–—]|\.\s)"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines/paragraphs of ``text`` (each line break starts a new one), stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        _append_stripped(text, pos, m.start(), spans)
        pos = m.end()
    _append_stripped(text, pos, len(text), spans)
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]`` (offsets into ``text``), whitespace stripped.

    Line breaks always end a sentence too, so a title line never merges with the paragraph below it.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text[start:end]):
        _split_paragraph(text, start + p_start, start + p_end, spans)
    return spans


def first_sentence_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``sentence_spans(text, start, end)[0]`` (None where there is none), without splitting the rest: the
    splitter reads only a unit's first sentence."""
    paragraphs = paragraph_spans(text[start:end])
    if not paragraphs:
        return None
    p_start, p_end = start + paragraphs[0][0], start + paragraphs[0][1]
    spans: list[tuple[int, int]] = []
    for m in _END.finditer(text, p_start, p_end):
        if _is_boundary(text, m.start(), m.end(), p_end):
            _append_stripped(text, p_start, m.end(), spans)
            break
    else:
        _append_stripped(text, p_start, p_end, spans)
    return spans[0]


def _split_paragraph(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    pos = start
    for m in _END.finditer(text, start, end):
        if not _is_boundary(text, m.start(), m.end(), end):
            continue
        _append_stripped(text, pos, m.end(), out)
        pos = m.end()
    _append_stripped(text, pos, end, out)


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    """Is the punctuation at ``dot`` a real sentence end? Looks at the word before and the text after."""
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt >= end:
        return True
    following = text[nxt]
    if text[dot] != ".":
        # "?" or "!" inside a quote followed by a lower-case word ("Why?" she asked) is not an end.
        return not following.islower()
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'“‘":
        word_start -= 1
    word = text[word_start:dot].lower().rstrip(".")
    if following.islower() or following.isdigit() and word in {"no", "nos", "fig"}:
        return False
    if following in "(—–" and text[word_start].isupper() and len(word) <= 6:
        # A US dateline's state ("DENVERTON, Colo. (Wire) —", "Calif. —") is no sentence end.
        return False
    if word in ABBREVIATIONS:
        # "Mr Smith" never ends; "Sept. 5" never ends; "in the U.S. The" usually does.
        return word in {"u.s", "u.k", "u.n", "etc", "inc", "ltd", "co", "corp", "plc"} and following.isupper()
    # A single capital initial ("J. K. Rowling") is not a sentence end.
    return not (len(word) == 1 and word.isalpha() and text[dot - 1].isupper())


def _append_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
