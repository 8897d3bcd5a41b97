"""Numbers in a claim must be numbers in the source, about the same thing.

Reading numbers (``£20m`` = ``20 million pounds``, ``twenty-eight`` = ``28``, dates, ranges) is
``briefing.numbers``' job; this module decides what counts as a mismatch. A number is *attached to another
quantity* only on contrary evidence: the source has the claim's counted thing ("accounts") with a different
number, and never with this one; paraphrase that swaps the noun ("stores" for "shops") is not an error.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from briefing.numbers import MONTHS, NumberMatch, find_numbers, same_quantity
from briefing.verify.names import CALENDAR
from briefing.verify.source import SourceIndex, common_word, index_source, sentence_at
from briefing.verify.text import Token, is_content, lemma, tokens

# Slash dates and scores ("7/7", "9/11", "24/7") are not read by briefing.numbers; compared as written.
_SLASH = re.compile(r"(?<![\w/])\d{1,4}/\d{1,4}(?:/\d{2,4})?(?![\w/])")


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# Tokenised corpora split digit groups ("1, 600", "53, 193, 914", "31. 8 million") and hyphenated words
# ("then - 16 - year - old"); rejoin them, keeping offsets: the removed spaces go after the number
# and its scale word.
_SPLIT_GROUP = re.compile(
    r"(?<![\d.,])(?:\d{1,3}(?:, \d{3}\b)+|\d+\. \d{1,3}\b)"
    r"(?P<scale> (?:million|billion|thousand|trillion|m|bn|k)\b)?",
    re.I,
)
_SPLIT_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def _rejoin(m: re.Match[str]) -> str:
    scale = m.group("scale") or ""
    digits = m.group()[: len(m.group()) - len(scale)].replace(" ", "")
    return (digits + scale).ljust(len(m.group()))


_SPANS = {
    "a fortnight": "2 weeks", "a decade": "10 years", "two decades": "20 years", "a century": "100 years",
    "an hour and a half": "90 minutes", "half an hour": "30 minutes", "half of the year": "6 months",
    "half a year": "6 months", "three decades": "30 years", "fortnight": "2 weeks",
}
_SPAN_WORDS = re.compile(r"\b(?:" + "|".join(_SPANS) + r")\b", re.IGNORECASE)


def _spans_in_figures(text: str) -> list[NumberMatch]:
    """"a fortnight" read as "2 weeks" too (at its own offsets), for a claim that says so."""
    return [
        replace(n, start=m.start(), end=m.end(), text=m.group())
        for m in _SPAN_WORDS.finditer(text)
        for n in find_numbers(_SPANS[m.group().lower()])
    ]


_HOURS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_CLOCK = re.compile(
    r"\b(?P<part>half past|quarter past|quarter to)\s+(?P<hour>" + "|".join(_HOURS) + r"|1[0-2]|[1-9])\b",
    re.IGNORECASE,
)
_PAST = {"half past": 30, "quarter past": 15, "quarter to": 45}


_CLOCK24 = re.compile(r"(?<![\d.:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])")
_NOON = re.compile(r"\b(?:12\s+)?(?P<noon>noon|midday)\b", re.IGNORECASE)


def _clock_told(source: str, m: re.Match[str]) -> bool:
    """"half past nine" where the source has "9.30pm", "9:30" or the same words; "21:00" where it has
    "9pm"; "12 noon" where it has "midday"."""
    if re.search(re.escape(m.group()), source, re.IGNORECASE):
        return True
    groups = m.groupdict()
    if groups.get("noon"):
        return re.search(r"\b(?:noon|midday|12\s?pm|12[.:]00)\b", source, re.IGNORECASE) is not None
    if groups.get("h24") is not None:
        hour, minute = int(m.group("h24")), m.group("m24")
        twelve = hour % 12 or 12
        pm = r"\s?(?:pm|p\.m\.)" if hour >= 12 else r"\s?(?:am|a\.m\.)"
        forms = [rf"\b{twelve}[.:]{minute}{pm}"] + ([rf"\b{twelve}{pm}"] if minute == "00" else [])
        return any(re.search(f, source, re.IGNORECASE) for f in forms)
    word = m.group("hour").lower()
    hour = int(word) if word.isdigit() else _HOURS.index(word) + 1
    part = m.group("part").lower()
    if part == "quarter to":
        hour = hour - 1 or 12
    return re.search(rf"(?<![\d.]){hour}[.:]{_PAST[part]}(?!\d)", source) is not None


def _with_spans(claim: str) -> list[NumberMatch]:
    """A claim's figures, with "two decades" read as "20 years" and "a fortnight" as "2 weeks" (as the
    source's are, above; same_quantity compares spans of time in one unit)."""
    spans = _spans_in_figures(claim)
    found = [n for n in find_numbers(claim) if not any(m.start <= n.start < m.end for m in spans)]
    return sorted(found + spans, key=lambda n: n.start)


@lru_cache(maxsize=64)
def _figures_by_sentence(text: str) -> dict[int, list[NumberMatch]]:
    """The source's figures with a single value (no range), by sentence: what a worked-out figure
    ("net debt rose by £300m" from "£1.9bn, up from £1.6bn") is worked out from. Read once per source."""
    src = index_source(text)
    out: dict[int, list[NumberMatch]] = {}
    for m in _source_numbers(text)[1]:
        if m.value is not None and m.range_high is None and (i := sentence_at(src, m.start)) is not None:
            out.setdefault(i, []).append(m)
    return out


@lru_cache(maxsize=64)
def _source_numbers(text: str) -> tuple[str, list[NumberMatch], frozenset[str]]:
    text = _SPLIT_GROUP.sub(_rejoin, text)
    text = _SPLIT_HYPHEN.sub(lambda m: "-  ", text)
    found = sorted(find_numbers(text) + _spans_in_figures(text), key=lambda n: n.start)
    return text, found, frozenset(_SLASH.findall(text))


def check_numbers(src: SourceIndex, claim: str, claim_tokens: list[Token]) -> list[str]:
    """Issues for claim numbers that the source lacks or attaches to something else."""
    src_text, src_numbers, src_slashes = _source_numbers(src.text)
    issues: list[str] = []
    for s, e in _slash_spans(claim):
        if claim[s:e] not in src_slashes and claim[s:e].replace("/", "-") not in src_text:  # "2021-22"
            issues.append(f"number '{claim[s:e]}' not in source")
    slashes = _slash_spans(claim)
    times = [*_CLOCK.finditer(claim), *_CLOCK24.finditer(claim), *_NOON.finditer(claim)]
    issues += [f"time '{m.group()}' not in source" for m in times if not _clock_told(src_text, m)]
    slashes += [m.span() for m in times]  # the hour of "half past nine" is no count of nine
    claim_numbers = [n for n in _with_spans(claim) if not any(s <= n.start < e for s, e in slashes)]
    read = [(n.start, n.end) for n in claim_numbers] + slashes
    # Digits the reader skips ("5th", "1980s", "MI5", "7E14") must still be written so in the source.
    for t in claim_tokens:
        if (
            any(c.isdigit() for c in t.text)
            and not any(s <= t.start < e for s, e in read)
            and t.lower not in _hyphenated(src_text)
            and not _SLASH.fullmatch(t.text)
            and not all(_written(src, src_text, part) for part in t.lower.split("-") if _has_digit(part))
        ):
            issues.append(f"number '{t.text}' not in source")
    issues += _ordinal_and_calendar_issues(src, claim_tokens)
    issues += _swapped_pairs(src, claim, claim_numbers, src_numbers)
    for n in claim_numbers:
        if (other := _other_sport(src, n)) is not None:
            issues.append(f"number '{_phrase(claim, n)}' counts {n.noun}, but the source counts {other}")
            continue
        if n.unit == "score" and not any(same_quantity(n, s) for s in src_numbers):
            issues.append(f"score '{n.text}' not in source")
            continue
        # A label ("No 8", "Year 6") counts nothing: it tells no count of the claim's.
        matches = [s for s in src_numbers if same_quantity(n, s) and (s.unit != "label" or n.kind != "count")]
        if (
            not matches
            and not _digits_in(src_text, n, src_numbers)
            and not _ordinal_in(src_text, n, claim)
            and not _single(src_text, n)
            and not _derived(src, n)
            and not _part_of(src, n)
            and not _multiple_told(src_text, n, claim)
            and not _approximated(src, claim, n, claim_numbers, src_numbers)
        ):
            issues.append(f"number '{_phrase(claim, n)}' not in source")
        elif matches and _start_for_end(claim, src_text, n, matches):
            issues.append(f"number '{_phrase(claim, n)}' is where the source says it changed from")
        elif matches and (
            _attached_elsewhere(src, n, claim_numbers, matches, src_numbers, claim_tokens)
            or _told_of_another(src, n, claim_numbers, matches, src_numbers, claim_tokens)
        ):
            issues.append(f"number '{_phrase(claim, n)}' is about something else in source")
    return issues


DERIVED = 0.01  # relative tolerance of a difference or sum ("some 145,000 tonnes" from 410,000 - 265,000)


def _derived(src: SourceIndex, n: NumberMatch) -> bool:
    """A figure worked out from two of one source sentence ("net debt rose by £300m" where it "rose to
    £1.9bn from £1.6bn"): their difference or sum, in the same kind and unit."""
    if n.value is None or n.kind not in ("money", "quantity", "count", "percent") or n.range_high is not None:
        return False
    # "down 12.8 percentage points" from "fell to 18.4%, down from 31.2%": percentage points are a
    # difference of two percentages.
    if n.kind == "percent" and n.unit != "pp":
        return False
    unit = "%" if n.unit == "pp" else n.unit
    for figures in _figures_by_sentence(src.text).values():
        ms = [m for m in figures if m.kind == n.kind and m.unit == unit]
        for a in range(len(ms)):
            for b in range(a + 1, len(ms)):
                x, y = ms[a].value or 0.0, ms[b].value or 0.0
                if any(abs(v - n.value) <= DERIVED * max(abs(v), 1.0) for v in (abs(x - y), x + y) if v):
                    return True
    return False


_QUALIFIERS = (
    (r"more\s+than|over|above|in\s+excess\s+of|at\s+least|just\s+over|a\s+little\s+over", 1.0, 1.1),
    (r"almost|nearly|just\s+under|just\s+shy\s+of|close\s+to|slightly\s+less\s+than", 0.95, 1.0),
    (r"under|less\s+than|fewer\s+than|below|up\s+to", 0.9, 1.0),
    (r"about|around|roughly|approximately|some|an\s+estimated", 0.95, 1.05),
)
_QUALIFIED = [(re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE), lo, hi) for words, lo, hi in _QUALIFIERS]


def _interval(claim: str, n: NumberMatch) -> tuple[float, float, bool] | None:
    """The values a rounded figure stands for, and whether a word says it is rounded: "more than seven"
    7 to 7.7, "nearly 250" 237.5 to 250, "about 60" 57 to 63; a bare percentage its rounding ("6%" is 5.5
    to 6.5). None for other figures."""
    if n.value is None or n.range_high is not None:
        return None
    before = claim[max(0, n.start - 30) : n.start]
    for pattern, lo, hi in _QUALIFIED:
        if pattern.search(before):
            return n.value * lo, n.value * hi, True
    if n.kind != "percent":
        return None
    digits = re.search(r"\d+(?:\.(\d+))?", n.text)
    half = 0.5 * 10 ** -len(digits.group(1) or "") if digits else 0.0
    return n.value - half, n.value + half, False


def _significant(value: float) -> int:
    """Significant digits: 60 has one, 63.1 three. A rounded figure has fewer than what it rounds."""
    return len(f"{abs(value):.6f}".replace(".", "").strip("0"))


def _approximated(
    src: SourceIndex,
    claim: str,
    n: NumberMatch,
    claim_numbers: list[NumberMatch],
    src_numbers: list[NumberMatch],
) -> bool:
    """A rounded figure the source bears out: "more than 200 people" for 214 of them, "up more than
    seven percentage points" for "from 86.1% to 93.4%", "profit fell just over 6%" for "£84.3m, down from
    £89.9m" (a change worked out from two figures of one sentence). The source's figure must be nearby
    and more precise than the claim's, as a rounded one is."""
    span = _interval(claim, n)
    if span is None or n.value is None:
        return False
    lo, hi, qualified = span
    digits = _significant(n.value)

    def rounds(v: float) -> bool:
        return lo <= v <= hi and _significant(v) > digits

    if qualified and any(
        m.kind == n.kind and m.unit == n.unit and m.value is not None and rounds(m.value) for m in src_numbers
    ):
        return True
    # A change worked out from two figures of one sentence, one of which the claim gives too.
    given = [o for o in claim_numbers if o is not n]
    for ms in _figures_by_sentence(src.text).values():
        for a, b in ((a, b) for k, a in enumerate(ms) for b in ms[k + 1 :]):
            x, y = a.value or 0.0, b.value or 0.0
            if a.kind != b.kind or a.unit != b.unit or not x or not y:
                continue
            if not any(same_quantity(o, m) for o in given for m in (a, b)):
                continue
            if n.unit == "pp" and a.unit == "%" and rounds(round(abs(x - y), 6)):
                return True  # a change in percentage points, from two percentages
            changes = (round(100 * abs(x - y) / x, 6), round(100 * abs(x - y) / y, 6))
            if n.unit == "%" and a.kind in ("money", "count", "quantity") and any(rounds(c) for c in changes):
                return True  # a change in per cent, from two amounts ("down from £89.9m")
    return False


_TO = re.compile(r"\b(?:to|at)\s+$")
_FROM = re.compile(r"\bfrom\s+$")


def _start_for_end(claim: str, src_text: str, n: NumberMatch, matches: list[NumberMatch]) -> bool:
    """"Profit fell 6% to £89.9m" where the source has it "down from £89.9m": the claim's end point is
    the figure the source says it changed from (and never where it went)."""
    if not _TO.search(claim, max(0, n.start - 6), n.start):
        return False
    return all(_FROM.search(src_text, max(0, m.start - 8), m.start) for m in matches)


_MULTIPLES = {
    2.0: r"double[ds]?|doubling|twice|two-?fold", 3.0: r"triple[ds]?|tripling|treble[ds]?|three-?fold",
    4.0: r"quadruple[ds]?|four-?fold", 5.0: r"five-?fold", 10.0: r"ten-?fold",
}
_TIMES = re.compile(r"[\s-]*(?:times|fold)\b", re.IGNORECASE)


def _multiple_told(source: str, n: NumberMatch, claim: str) -> bool:
    """"more than three times" for "more than triple", "ten times over" for "tenfold"."""
    words = _MULTIPLES.get(n.value or 0.0)
    if words is None or not _TIMES.match(claim, n.end):
        return False
    return re.search(rf"\b(?:{words})\b", source, re.IGNORECASE) is not None


def _part_of(src: SourceIndex, n: NumberMatch) -> bool:
    """"About 300 of the 900 staff" for "a third of the 900 staff": a fraction of a figure of one
    sentence."""
    if n.value is None or n.kind not in ("number", "count", "money", "quantity"):
        return False
    for figures in _figures_by_sentence(src.text).values():
        wholes = [m for m in figures if m.unit != "fraction" and m.kind != "percent"]
        for f in (m for m in figures if m.unit == "fraction" and m.value):
            for m in wholes:
                fits = abs((f.value or 0.0) * (m.value or 0.0) - n.value) <= DERIVED * max(n.value, 1.0)
                if fits and (m.kind == n.kind or n.kind == "number"):
                    return True
    return False


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _written(src: SourceIndex, src_text: str, word: str) -> bool:
    """A word with digits is in the source as written, or an ordinal the source writes another way.
    Each part of a hyphenated word counts alone: "an 88th-minute header" for "in the 88th minute"."""
    if word in src.lower_positions:
        return True
    if _ORDINAL.fullmatch(word) and _ordinal_written(src, src_text, word):
        return True
    period = _QUARTER.fullmatch(word)  # "Q3" for "the third quarter", "H1" for "the first half"
    if period is None:
        return False
    nth = ("first", "second", "third", "fourth")[int(period.group(2)) - 1]
    part = "quarter" if period.group(1) == "q" else "half"
    return re.search(rf"\b{nth}[\s-]{part}", src_text, re.IGNORECASE) is not None


_QUARTER = re.compile(r"([qh])([1-4])")


@lru_cache(maxsize=64)
def _hyphenated(text: str) -> frozenset[str]:
    """Hyphenated words with digits as the rejoined source writes them ("then-16-year-old")."""
    words = re.findall(r"\w+(?:-\s*\w+)+", text)
    return frozenset(re.sub(r"\s", "", w).lower() for w in words if any(c.isdigit() for c in w))


def _slash_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SLASH.finditer(text)]


def _digits_in(source: str, n: NumberMatch, src_numbers: list[NumberMatch]) -> bool:
    """Fallback for forms the reader misses ("£1.9million", "the 4 and 5 June", range ends): the claim's
    digits stand in the source as a whole number that was not read as something else (for a date, near
    the same month name)."""
    digits = re.findall(r"\d+(?:[.,]\d+)*", n.text)
    if not digits:
        # A number in words ("Five out of six") the reader skipped in the source: the same word.
        return re.search(rf"(?<![\w-]){re.escape(n.text)}(?![\w-])", source, re.IGNORECASE) is not None
    # An ordinal ("the 14th hole") is no count of 14 (a date's day may be one: "the 5th" for "5 May"). Not
    # "st": tabloids weigh people so ("down to 12st").
    ordinal = "" if n.kind == "date" else r"|(?:nd|rd|th)\b"
    pattern = r"(?<![\d.,])" + re.escape(digits[0]) + r"(?!\d|[.,]\d" + ordinal + ")"
    # A date's day may be read as a plain number ("the 4 and 5 June"), and its year is a year; other
    # digits must be unread: a date's day ("adjourned until 19 July") is no count of 19.
    unread = n.kind in ("date", "year")
    read = [(m.start, m.end) for m in src_numbers if not unread and m.range_high is None]
    found = [m for m in re.finditer(pattern, source) if not any(s <= m.start() < e for s, e in read)]
    if n.kind != "date":
        return bool(found)
    month = re.search(r"[A-Za-z]{3,}", n.text)
    return month is not None and any(
        re.search(re.escape(month.group()[:3]), source[max(0, m.start() - 20) : m.end() + 20], re.I)
        for m in found
    )


_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth",
]  # fmt: skip


def _ordinal_written(src: SourceIndex, source: str, ordinal: str) -> bool:
    """"6th" in the source as "sixth", or as a date's day ("the 5th" for "5 May")."""
    k = int(ordinal[:-2])
    if _ordinal_told(src, k):
        return True
    day = rf"(?<![\d.,]){k}(?!\d)"
    date = rf"{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}|{_MONTH_WORD}\s+{day}"
    return re.search(date, source) is not None


_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"


def _ordinal_and_calendar_issues(src: SourceIndex, toks: list[Token]) -> list[str]:
    """An ordinal word ("sixth"; not "first"; digits are checked as written) or a day or month name the
    source never writes, in any form ("6th", "Sept."): a "fifth stage" or a "Wednesday" the story does
    not have."""
    issues = []
    for k, t in enumerate(toks):
        word = t.lower.rstrip(".")
        rank = _ORDINALS.index(word) + 1 if word in _ORDINALS else 0
        nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
        if k and toks[k - 1].lower in ("a", "one", "two", "three") or nxt in ("of", "half", "quarter"):
            rank = 0  # "a fifth of drivers", "the second half": a fraction or a period, no rank
        if rank > 1 and not _ordinal_told(src, rank):
            issues.append(f"ordinal '{t.text}' not in source")
        elif k > 0 and t.text[:1].isupper() and word in CALENDAR and not _calendar_told(src, word):
            issues.append(f"date '{t.text}' not in source")
    return issues


def _ordinal_told(src: SourceIndex, k: int) -> bool:
    """The k-th in digits or words, alone or in a hyphenated word ("sixth-placed", "88th-minute")."""
    words = [f"{k}{suffix}" for suffix in ("st", "nd", "rd", "th")]
    if k <= len(_ORDINALS):
        words.append(_ORDINALS[k - 1])
    if any(w in src.lower_positions for w in words):
        return True
    return re.search(rf"\b(?:{'|'.join(words)})\b", src.text, re.IGNORECASE) is not None


def _calendar_told(src: SourceIndex, word: str) -> bool:
    """The day or month in full or abbreviated ("Sept.", "Wed"; "Sept." for "September")."""
    month = MONTHS.get(word)
    forms = {word, word[:3], word[:4]} | {w for w, n in MONTHS.items() if month and n == month}
    return any(f in src.lower_positions for w in forms for f in (w, w + ".", w + "'s", w + "’s"))


_SCORING = {"goal": "goals", "try": "tries", "run": "runs", "wicket": "wickets", "touchdown": "touchdowns",
            "birdie": "birdies", "frame": "frames", "basket": "baskets"}
"""What a sport counts: "two goals" in a rugby report, where tries are scored, is a wrong count."""


def _other_sport(src: SourceIndex, n: NumberMatch) -> str | None:
    """The scoring unit the source counts when the claim counts another one it never mentions."""
    if n.kind != "count" or n.unit not in _SCORING:
        return None
    def told(unit: str) -> bool:  # "47 runs", "a 47-run win"
        return re.search(rf"\b(?:{unit}|{_SCORING[unit]})\b", src.text, re.IGNORECASE) is not None

    if told(n.unit):
        return None
    return next((_SCORING[unit] for unit in _SCORING if told(unit)), None)


def _swapped_pairs(
    src: SourceIndex, claim: str, claim_numbers: list[NumberMatch], src_numbers: list[NumberMatch]
) -> list[str]:
    """Two figures of one source sentence exchanged: "£1.5m from the council and £3m from donors" told
    as "£3m from the council and £1.5m from donors". Each figure of the claim stands after the word
    the source puts before the other figure (and not before its own), which says which is which."""
    valued = [n for n in claim_numbers if n.value is not None]
    told = [(n, [m for m in src_numbers if same_quantity(n, m)]) for n in valued]
    for (a, in_a), (b, in_b) in ((x, y) for i, x in enumerate(told) for y in told[i + 1 :]):
        if not _swappable(a, b) or same_quantity(a, b):
            continue
        for ma in in_a:
            for mb in in_b:
                if sentence_at(src, ma.start) != sentence_at(src, mb.start):
                    continue
                for word in (_word_before, _word_after):
                    wa, wb = word(claim, a), word(claim, b)
                    sa, sb = word(src.text, ma), word(src.text, mb)
                    if wa and wb and sa != sb and wa == sb and wb == sa:
                        return [f"numbers '{a.text}' and '{b.text}' are swapped in the source"]
    return []


def _swappable(a: NumberMatch, b: NumberMatch) -> bool:
    """Figures of one kind: sums of money, percentages, or amounts in one unit ("212kg", "18kg")."""
    if _kind_class(a) is not None:
        return _kind_class(a) == _kind_class(b)
    return a.kind == b.kind == "quantity" and a.unit == b.unit and a.unit is not None


def _word_before(text: str, n: NumberMatch) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, n.start - 25) : n.start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, n: NumberMatch) -> str:
    """What a figure is of: "212kg of cannabis", "£3m from donors"."""
    m = re.match(r"\W*(?:(?:of|in|from|for|on)\s+)?([A-Za-z]+)", text[n.end : n.end + 30])
    return m.group(1).lower() if m else ""


def _ordinal_in(source: str, n: NumberMatch, claim: str) -> bool:
    """"After 8 rounds" is told as "in the eighth round", "stage five" as "the fifth stage": the ordinal
    of a count before the same noun, or of a bare number after it."""
    if n.value is None or not n.value.is_integer() or not 0 < n.value <= len(_ORDINALS):
        return False
    if n.kind == "count" and n.noun:
        noun = n.unit or ""
    elif n.kind == "number" and n.unit in (None, "label"):
        before = re.search(r"([A-Za-z]+)\s+$", claim[max(0, n.start - 20) : n.start])
        if before is None:
            return False
        noun = before.group(1)
    else:
        return False
    k = int(n.value)
    pattern = rf"\b(?:{_ORDINALS[k - 1]}|{k}(?:st|nd|rd|th))\s+{re.escape(noun)}"
    return re.search(pattern, source, re.IGNORECASE) is not None


def _single(source: str, n: NumberMatch) -> bool:
    """"One nurse" is told as "a single nurse" (or a lone, a sole one)."""
    if n.kind != "count" or n.value != 1 or not n.noun:
        return False
    pattern = rf"\ban?\s+(?:single|lone|sole)\s+{re.escape(n.noun)}\b"
    return re.search(pattern, source, re.IGNORECASE) is not None


def _attached_elsewhere(
    src: SourceIndex,
    n: NumberMatch,
    claim_numbers: list[NumberMatch],
    matches: list[NumberMatch],
    src_numbers: list[NumberMatch],
    claim_tokens: list[Token],
) -> bool:
    """Contrary evidence that the claim's number belongs to something else in the source."""
    if n.kind == "count" and n.unit and n.value != 1:  # "one" is too common to be told apart
        # No mention of this number counts the claim's noun, and the source counts that noun differently:
        # then every mention counting something else, or the claim's other words standing around the
        # different count rather than around any mention of this number, says which is meant.
        noun = {t.stem for t in tokens(n.noun or "")}
        stems = {t.stem for t in claim_tokens if is_content(t) and not t.text[:1].isdigit()} - noun
        same = [
            m for m in matches
            if m.kind == "count"
            and (m.unit == n.unit or _counts_next(src, m, noun) or _members_of(src, m, noun))
        ]
        if same:
            # "on the pitch for only four minutes": the source counts four minutes of something else, and
            # six where it tells the rest of the claim. Counts the claim gives too say nothing against it.
            given = [o for o in claim_numbers if o is not n]
            other = [
                m for m in src_numbers
                if m.kind == "count" and m.unit == n.unit and m not in matches
                and not any(same_quantity(o, m) for o in given)
            ]
            told = max(_overlap(src, m, stems) for m in same)
            return bool(other) and max(_overlap(src, m, stems) for m in other) > RETOLD * told
        contrary = [m for m in src_numbers if m.kind == "count" and m.unit == n.unit]
        if not contrary:
            return False
        unsure = [m for m in matches if m.kind != "count"]  # counts of other nouns are other quantities
        if not unsure:
            return True
        return max(_overlap(src, m, stems) for m in contrary) > max(_overlap(src, m, stems) for m in unsure)
    if n.kind not in _TEMPORAL:
        return False
    # A year or date: the sentence that states the claim's other figures gives a different time
    # ("131 accounts in March", claimed "in 2021") and never this one.
    anchors = {
        sentence_at(src, m.start)
        for o in claim_numbers
        if o is not n and o.kind not in _TEMPORAL
        for m in src_numbers
        if same_quantity(o, m)
    }
    anchors.discard(None)
    # The next sentence may go on with the time ("... stretches 14 metres. It was covered in the 1950s").
    beside = {a + 1 for a in anchors if a is not None} | anchors
    if not anchors or any(sentence_at(src, m.start) in beside for m in matches):
        return False
    given = [o for o in claim_numbers if o is not n]  # "since its founding in 2021": the claim's own year
    return any(
        m.kind in _TEMPORAL and not same_quantity(m, n) and sentence_at(src, m.start) in anchors
        and not any(same_quantity(o, m) for o in given)
        for m in src_numbers
    )


def _counts_next(src: SourceIndex, m: NumberMatch, noun: set[str]) -> bool:
    """"1,850 rural routes": the claim's noun two words after the source's count (the reader counted the
    adjective)."""
    i = sentence_at(src, m.start)
    if i is None:
        return False
    after = [t for t in src.sent_tokens[i] if t.start >= m.end][:3]
    return bool(noun & {t.stem for t in after})


def _members_of(src: SourceIndex, m: NumberMatch, noun: set[str]) -> bool:
    """"1,240 nurses" for "1,240 members balloted by the Allied Nursing Union": members of a body named
    for the claim's noun."""
    i = sentence_at(src, m.start)
    if i is None or m.unit != "member":
        return False
    return any(t.stem in noun and t.text[:1].isupper() for t in src.sent_tokens[i] if t.start > m.end)


_TEMPORAL = frozenset({"date", "year"})
RETOLD = 2.0
"""How many times more of the claim's words the sentence of another count of the same noun must hold than
any sentence with the claim's count, for the claim's count to be about something else."""


BESIDE = 4  # content words either side of a number that say what it is about
_KIND_CLASS = {"money": "money", "percent": "percent"}


def _told_of_another(
    src: SourceIndex,
    n: NumberMatch,
    claim_numbers: list[NumberMatch],
    matches: list[NumberMatch],
    src_numbers: list[NumberMatch],
    claim_tokens: list[Token],
) -> bool:
    """"Millbrook faced a £2.4m funding gap" where the source's £2.4m are savings and its funding gap is
    £6.2m: the words beside the claim's number stand beside another figure of the same kind in the source
    (RETOLD times more of them, two at least) and hardly beside any mention of this one. A figure the
    claim also gives accuses only by a swap: each figure's words stand beside the other in the source."""
    kind = _kind_class(n)
    if kind is None:
        return False
    # The words of the claim's other figures ("5.5 percentage points") say nothing of what this one counts.
    others = [(o.start, o.end) for o in claim_numbers if o is not n]
    claim_tokens = [t for t in claim_tokens if not any(a <= t.start < b for a, b in others)]
    beside = _beside(claim_tokens, n.start, n.end)
    first = claim_tokens[0] if claim_tokens else None
    if first is not None and first.text[:1].isupper() and _a_name(src, first.lower.removesuffix("'s")):
        beside.discard(lemma(first.lower))  # "Wairangi's population": a name, though it opens the claim
    if len(beside) < 2:
        return False
    told = max(_told_overlap(src, m, beside, src_numbers) for m in matches)
    floor = 2 * min(src.idf(s) for s in beside)
    for m in src_numbers:
        if _kind_class(m) != kind or m in matches or same_quantity(n, m):
            continue
        if any(_same_measure(src, x, m, n) for x in matches):
            continue
        other = _beside_overlap(src, m, beside)
        if other < floor or other <= RETOLD * told:
            continue
        given = [o for o in claim_numbers if o is not n and same_quantity(o, m)]
        if not given:
            return True
        # The claim gives m too: a swap only if m's own words in the claim stand beside n in the source.
        o_beside = _beside(claim_tokens, given[0].start, given[0].end)
        if max(_beside_overlap(src, x, o_beside) for x in matches) > _beside_overlap(src, m, o_beside):
            return True
    return False


_FROM_TO = re.compile(r"\bto\b")
_NEW_CLAUSE = re.compile(r"\b(?:and|but|while|whereas)\b|;")


def _same_measure(src: SourceIndex, match: NumberMatch, other: NumberMatch, n: NumberMatch) -> bool:
    """Two figures of one measure, whose words are each other's: "fallen from 7.8 per cent to 7.3 per
    cent" (a level before and after), or "from 11.5% to 14%, an increase of 2.5 percentage points" (a
    change and a level it is worked out from)."""
    i = sentence_at(src, match.start)
    if i is None or sentence_at(src, other.start) != i:
        return False
    lo, hi = sorted((match, other), key=lambda m: m.start)
    between = src.text[lo.end : hi.start]
    if len(between) <= 40 and _FROM_TO.search(between) and not _NEW_CLAUSE.search(between):
        return True
    if n.unit != "pp" or n.value is None or other.value is None:
        return False
    return any(
        m.kind == other.kind and m.unit == other.unit and m is not other
        and abs(abs((m.value or 0.0) - other.value) - n.value) <= DERIVED * n.value
        for m in _figures_by_sentence(src.text).get(i, [])
    )


def _a_name(src: SourceIndex, word: str) -> bool:
    """Does the source write ``word`` capitalised in mid-sentence, and never in lower case?"""
    starts = set(src.sentence_starts)
    mid = [src.words[p] for p in src.lower_positions.get(word, ()) if src.words[p].start not in starts]
    return bool(mid) and not common_word(src, word)


def _kind_class(n: NumberMatch) -> str | None:
    """Figures that can be swapped for one another: sums of money, percentages, fractions ("a third")."""
    if n.kind == "count" and n.unit == "point":
        return "percent"  # "climbed 17.5 points" tells percentage points
    return "fraction" if n.kind == "number" and n.unit == "fraction" else _KIND_CLASS.get(n.kind)


def _beside(toks: list[Token], start: int, end: int) -> set[str]:
    """The common words around a figure: what it counts ("funding gap"), not who is named near it."""
    # A sentence's first word is capitalised but may be what the figure counts ("Turnout was 31.4%").
    words = [
        t for t in toks
        if is_content(t) and not _has_digit(t.text) and (t is toks[0] or not t.text[:1].isupper())
    ]
    before = [t for t in words if t.end <= start][-BESIDE:]
    after = [t for t in words if t.start >= end][:BESIDE]
    return {lemma(t.lower) for t in before + after}  # "fell" beside a figure is the claim's "fall"


def _told_overlap(src: SourceIndex, m: NumberMatch, stems: set[str], src_numbers: list[NumberMatch]) -> float:
    """The claim's words told of source mention ``m``: those beside it, or any of its sentence when no
    other figure of its kind is there ("Like-for-like sales, which strip out ..., were up 1.8%")."""
    i = sentence_at(src, m.start)
    kind = _kind_class(m)
    alone = i is not None and not any(
        o is not m and _kind_class(o) == kind and sentence_at(src, o.start) == i for o in src_numbers
    )
    if not alone or i is None:
        return _beside_overlap(src, m, stems)
    return sum(src.idf(s) for s in stems & {lemma(t.lower) for t in src.sent_tokens[i] if is_content(t)})


def _beside_overlap(src: SourceIndex, m: NumberMatch, stems: set[str]) -> float:
    """IDF-weighted ``stems`` among the content words beside source mention ``m`` in its sentence."""
    i = sentence_at(src, m.start)
    if i is None:
        return 0.0
    near = _beside(src.sent_tokens[i], m.start, m.end)
    return sum(src.idf(s) for s in stems & near)


def _overlap(src: SourceIndex, m: NumberMatch, stems: set[str]) -> float:
    """IDF-weighted claim words in the source sentence of mention ``m``."""
    i = sentence_at(src, m.start)
    if i is None:
        return 0.0
    return sum(src.idf(s) for s in stems & {t.stem for t in src.sent_tokens[i]})



def _phrase(claim: str, n: NumberMatch) -> str:
    """The number with the word it counts, for a readable issue: "131 accounts"."""
    if n.noun:
        m = re.compile(r"\s*(?:\w+\s+){0,2}?" + re.escape(n.noun)).match(claim, n.end)
        if m:
            return claim[n.start : m.end()]
    return n.text
