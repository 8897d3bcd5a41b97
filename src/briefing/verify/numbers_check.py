"""Numbers in a claim must be numbers in the source, about the same thing.

A number matches when its normalised value and unit match a source mention (``£20m`` = ``20 million
pounds``, ``twenty-eight`` = ``28``); it is *attached to another quantity* when every matching source
mention sits among words that share nothing with the words around the claim's number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content, tokens

_SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
    "tn": 1e12, "trillion": 1e12,
}
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "us$": "USD", "pounds": "GBP", "pound": "GBP",
             "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR"}
_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

_NUM = re.compile(
    r"""(?ix)
    (?P<cur>us\$|[£$€])?\s?
    (?:
      (?P<frac>\d{1,4}/\d{1,4}(?:/\d{2,4})?)
    | (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    | (?P<word>(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
                  (?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)
        |two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen
        |seventeen|eighteen|nineteen|dozen)
    )
    (?P<scale>\s?(?:k|m|mn|bn|tn|thousand|million|billion|trillion)\b)?
    (?P<pct>\s?(?:%|per\s?cent\b|percent\b))?
    (?P<pp>\s?percentage\spoints?\b)?
    (?P<cur2>\s(?:pounds?|dollars?|euros?)\b)?
    """
)


@dataclass(frozen=True)
class NumberMatch:
    """A number found in text: offsets, surface text, kind, normalised value and unit."""

    start: int
    end: int
    text: str
    kind: str
    value: float | str
    unit: str | None


def find_numbers(text: str, offset: int = 0) -> list[NumberMatch]:
    """Numbers written in digits or words, with currency, scale and percent read into value/unit."""
    out: list[NumberMatch] = []
    for m in _NUM.finditer(text):
        if not (m.group("frac") or m.group("num") or m.group("word")):
            continue
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        # Words inside other words ("often" has "ten") and digits inside codes ("B2B", "G7") are not numbers.
        core = next(m.start(g) for g in ("frac", "num", "word") if m.group(g))
        if core > 0 and text[core - 1].isalnum():
            continue
        if end < len(text) and text[end].isalpha() and not (text[end] == "s" and m.group("num")):
            continue
        unit: str | None = None
        value: float | str
        if m.group("frac"):
            value, kind = m.group("frac"), "date"
        elif m.group("num"):
            value, kind = float(m.group("num").replace(",", "")), "number"
        else:
            value, kind = _word_value(m.group("word").lower()), "number"
        if isinstance(value, float):
            if m.group("scale"):
                value *= _SCALES[m.group("scale").strip().lower()]
            cur = m.group("cur") or (m.group("cur2") or "").strip()
            if cur:
                unit, kind = _CURRENCY[cur.lower()], "money"
            elif m.group("pct"):
                unit, kind = "%", "percent"
            elif m.group("pp"):
                unit, kind = "pp", "percent"
        out.append(NumberMatch(start + offset, end + offset, text[start:end], kind, value, unit))
    return out


def _word_value(word: str) -> float:
    parts = re.split(r"[-\s]", word)
    return float(sum(_WORDS.get(p, _SMALL.get(p, 0)) for p in parts))


_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def same_quantity(a: NumberMatch, b: NumberMatch) -> bool:
    """Same value, and no conflicting unit (a bare ``20`` may stand for ``£20`` but not for ``20%``)."""
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if (a.unit in ("%", "pp")) != (b.unit in ("%", "pp")) and a.unit and b.unit:
        return False
    return abs(a.value - b.value) <= 1e-9 * max(1.0, abs(a.value))


def check_numbers(src: SourceIndex, claim: str, claim_tokens: list[Token]) -> list[str]:
    """Issues for claim numbers that the source lacks or attaches to something else."""
    src_numbers = _source_numbers(src.text)
    issues: list[str] = []
    for n in find_numbers(claim):
        matches = [s for s in src_numbers if same_quantity(n, s)]
        if not matches:
            issues.append(f"number '{_phrase(claim, n, claim_tokens)}' not in source")
            continue
        context = _context_stems(claim_tokens, n.start, n.end)
        if context and not any(_context_overlap(src, s, context) for s in matches):
            issues.append(f"number '{_phrase(claim, n, claim_tokens)}' is about something else in source")
    return issues


@dataclass(frozen=True)
class _Cached:
    text: str
    numbers: list[NumberMatch]


_cache: dict[int, _Cached] = {}


def _source_numbers(text: str) -> list[NumberMatch]:
    key = hash(text)
    hit = _cache.get(key)
    if hit is None or hit.text != text:
        if len(_cache) > 64:
            _cache.clear()
        hit = _cache[key] = _Cached(text, find_numbers(text))
    return hit.numbers


def _context_stems(toks: list[Token], start: int, end: int, width: int = 2) -> set[str]:
    """Content stems just after (the counted thing) and just before the number."""
    after = [t for t in toks if t.start >= end and is_content(t) and not t.text[0].isdigit()][:width]
    before = [t for t in toks if t.end <= start and is_content(t) and not t.text[0].isdigit()][-width:]
    return {t.stem for t in after + before}


def _context_overlap(src: SourceIndex, mention: NumberMatch, context: set[str]) -> bool:
    sent = next((i for i, (s, e) in enumerate(src.sentences) if s <= mention.start < e), None)
    if sent is None:
        return True
    near = set()
    for j in range(max(0, sent - 1), min(len(src.sentences), sent + 2)):
        near |= {t.stem for t in src.sent_tokens[j]}
    return bool(context & near)


def _phrase(claim: str, n: NumberMatch, toks: list[Token]) -> str:
    """The number with the word it counts, for a readable issue: "131 accounts"."""
    nxt = next((t for t in toks if t.start >= n.end), None)
    if nxt is not None and is_content(nxt) and nxt.start - n.end <= 1:
        return claim[n.start : nxt.end]
    return n.text


__all__ = ["NumberMatch", "check_numbers", "find_numbers", "same_quantity", "tokens"]
