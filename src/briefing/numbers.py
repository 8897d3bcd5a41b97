"""Find numbers in news text as they are written, and read them into comparable values.

Shared by the evidence extractor (which shows figures by span) and the verifier (which checks that a
number in generated prose is one the source states). One forward scan with compiled patterns: linear.

What counts as a number, and what does not:

- money (``£426,000``, ``£20m``, ``$1.2bn``, ``1.2 billion euros``, ``50p``), percentages (``76%``,
  ``76 per cent``, ``3 percentage points``), ranges (``10-15%``, ``between 5 and 7``), dates (``Sept. 5``,
  ``5 May``, ``August 2022``), years (``2021``, ``2020-21``, ``1990s``), counts (``eight regulations``),
  quantities with a unit of measure (``40 km``), and plain numbers, in digits or words (``twenty-five``,
  ``a million``, ``two and a half million``, ``half of``);
- not numbers: digits glued to letters (``G8``, ``4G``, ``COVID-19``, ``MP3``), digit runs with a leading
  zero (``050505``: ids, phone numbers), times (``10:30``, ``9am``, ``1300 GMT``), ordinals (``5th``,
  except in dates),
  vague plurals (``hundreds of``), and a lone ``one``/``a`` that counts nothing (``one of the``).

A score (``won 2-1``, ``a 19-5 lead``: a dash between two whole numbers, the second not larger) is one
``number`` mention with unit ``score`` and the first number as its value.

A bare ``5m`` is read as five million (news style), not five metres.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefing.model import FigureKind

DateParts = tuple[int | None, int | None, int | None]
"""(year, month, day); a part the text does not state is None."""


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One numeric mention: where it is, what it says, and its normalised reading.

    ``text`` is exactly the source text at ``[start, end)``. ``value`` is the number with its scale applied
    (``£20m`` -> 20000000.0; ``50p`` -> 0.5 GBP). For counts the span covers the number only and ``unit``
    is the counted noun's lemma (``eight regulations`` -> 8.0, 'regulation'); ``noun`` is that noun as
    written. ``range_high`` is the upper end of a range; ``date`` the parts of a date. A score or tally
    has unit ``score``, its first number as ``value`` and the other as ``against``; a label ("Year 6",
    "Platform 4") has unit ``label`` and counts nothing.
    """

    start: int
    end: int
    text: str
    kind: FigureKind
    value: float | None
    unit: str | None = None
    range_high: float | None = None
    scale: float = 1.0
    date: DateParts | None = None
    noun: str | None = None
    against: float | None = None  # a score's or vote tally's other side ("2-1", "23 votes to 21": 1, 21)


MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR4 = r"(?:1[6-9]\d\d|20\d\d|2100)"

_UNITS = {
    "ones": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    },
    "tens": {
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    },
}  # fmt: skip
_ONES = _UNITS["ones"]
_TENS = _UNITS["tens"]
_SCALES = {
    "hundred": 100.0, "thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "million": 1e6, "crore": 1e7,
    "crores": 1e7, "billion": 1e9, "trillion": 1e12,
}  # lakh and crore: Indian English (a lakh is 100,000, a crore 10 million)
_ABBREV_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
_FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25, "fifth": 0.2,
    "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip

_CURRENCY_SYMBOLS = {
    "£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "US$": "USD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "RM": "MYR",
    "RS": "INR", "RS.": "INR", "R": "ZAR",
}  # fmt: skip
_ISO = tuple(sorted(_wordset("USD GBP EUR JPY CHF CNY AUD CAD INR HKD NZD SEK NOK DKK RUB MYR ZAR SGD")))
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "euro": "EUR",
    "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "pence": "GBP", "p": "GBP", "cents": "USD", "cent": "USD", "rand": "ZAR", "ringgit": "MYR",
}  # fmt: skip
_SUBUNITS = {"pence", "p", "cents", "cent"}

_MEASURES = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mile", "mile": "mile", "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg",
    "tonnes": "tonne", "tonne": "tonne", "tons": "ton", "ton": "ton", "litres": "litre", "liters": "litre",
    "litre": "litre", "gallons": "gallon", "gallon": "gallon", "barrels": "barrel", "barrel": "barrel",
    "mph": "mph", "km/h": "km/h", "kph": "km/h", "°c": "°C", "°f": "°F", "degrees": "degree",
    "degree": "degree", "acres": "acre", "acre": "acre", "hectares": "hectare", "hectare": "hectare",
    "metres": "metre", "meters": "metre", "metre": "metre", "meter": "metre", "feet": "foot", "ft": "foot",
    "cm": "cm", "mm": "mm", "inches": "inch", "inch": "inch", "gb": "GB", "mb": "MB", "tb": "TB",
    "gw": "GW", "mw": "MW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "bpd": "bpd",
    "megawatts": "MW", "gigawatts": "GW", "square miles": "sq mile", "square metres": "sq metre",
    "square feet": "sq foot", "sq ft": "sq foot", "square kilometres": "sq km",
    "kilometres an hour": "km/h", "kilometres per hour": "km/h", "kilometers an hour": "km/h",
    "kilometers per hour": "km/h", "miles an hour": "mph", "miles per hour": "mph",
    "degrees fahrenheit": "°F", "degrees celsius": "°C", "degrees centigrade": "°C",
    "grams": "g", "gram": "g", "grammes": "g",  # not a bare "g": "3G" is a mobile network
}  # fmt: skip



# Words that follow a number but are not the thing it counts.
_NOT_NOUNS = _wordset(
    """a an the of to in on at by for from with and or but nor as than that this these those which who whom
    whose what when where why how is are was were be been being am has have had do does did will would shall
    should can could may might must said says say told per cent percent each apiece more less fewer
    over under about around after before since until into onto out up down off times time's so if its it
    their his her our your my they he she we you i them him us me there here then also just only still yet
    all both either neither not no nor ago later earlier now today yesterday tomorrow against among between
    through during without within while because whether such like via plus minus versus vs back another
    away ahead apart again behind"""
)
# Adjectives skipped between a number and the noun it counts ("eight new regulations").
_COUNT_ADJECTIVES = _wordset(
    """new more other additional extra further major large small big key full separate different former
    young old local senior junior top leading main existing remaining consecutive straight successive
    previous recent free unpaid paid permanent temporary part-time full-time"""
)
_IRREGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "staff": "staff", "series": "series", "species": "species",
    "police": "police", "data": "data", "news": "news",
}  # fmt: skip

_NUM_WORD = "|".join(sorted([*_ONES, *_TENS], key=len, reverse=True))
_SCALE_WORD = "hundred|thousand|lakhs?|million|crores?|billion|trillion"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_ISO_RE = r"(?-i:" + "|".join(_ISO) + r")"
# Letter prefixes glued to digits: ringgit "RM2.1bn", rupees "Rs 500", rand "R350,000".
_LETTER_CUR = r"(?-i:RM|Rs\.?\s?|R)(?=\d)"
_CUR_PREFIX = rf"US\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|R\$|[£$€¥₹]|{_ISO_RE}\s?|\b{_LETTER_CUR}"

_A_NUMBER = rf"an?(?=\s+(?:{_SCALE_WORD}|dozen|third|quarter|fifth|tenth)\b)"  # "a million", "a third"

# The scan pattern: the first token of every mention. The code then extends it to scale, unit and range.
_START = re.compile(
    rf"""
    (?P<date_md>\b{_MONTH}\s+(?P<md_day>{_DAY})(?![\d\w])(?:,?\s+(?P<md_year>{_YEAR4})(?!\d))?)
  | (?P<date_dm>(?<![\w.,:/])(?P<dm_day>{_DAY})\s+(?:of\s+)?(?P<dm_month>{_MONTH})(?!\w)
        (?:,?\s+(?P<dm_year>{_YEAR4})(?!\d))?)
  | (?P<date_my>\b(?P<my_month>{_MONTH})\s+(?P<my_year>{_YEAR4})(?!\d))
  | (?P<cur>{_CUR_PREFIX})?(?P<digits>(?:(?<=\bR)|(?<=\bRM)|(?<=\bRs\.)|(?<![\w.,:/]))(?:{_DIGITS}))
  | (?P<words>\b(?:(?:{_NUM_WORD})(?:-(?:{_NUM_WORD}))?|{_A_NUMBER}|half)\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*_ONES, *_TENS, "half"]}))
_ANCHOR_SCANS = (
    re.compile(r"[\d£$€¥₹]"),
    re.compile(rf"\b(?=[{_FIRST_LETTERS}])(?:{_NUM_WORD}|half)\b", re.IGNORECASE),
    re.compile(rf"\b[Aa]n?\s+(?=(?:{_SCALE_WORD}|dozen|third|quarter|fifth|tenth)\b)"),
    re.compile(rf"\b(?=[ADFJMNOS][a-z])(?:{_MONTH})"),
    re.compile(rf"\b(?=[A-Z][A-Z$])(?:(?:US|AU|A|CA|C|NZ|HK|S|R)\$|{_ISO_RE})"),
    re.compile(rf"\b{_LETTER_CUR}"),
)
_WORD_TOKEN = re.compile(
    rf"(?:\s+and\s+|\s+|-)(?P<w>(?:{_NUM_WORD})(?:-(?:{_NUM_WORD}))?|{_SCALE_WORD}|dozen|a\s+half|half)\b",
    re.IGNORECASE,
)
_GLUED_SCALE = re.compile(r"(million|billion|trillion|bn|mn|mln|trn|tn|[kmb])(?!\w)", re.IGNORECASE)
_SPACED_SCALE = re.compile(rf"[\s-]?({_SCALE_WORD})\b|\s(bn|mn|mln|tn)\b", re.IGNORECASE)  # "$312-million"
_FRACTION = re.compile(r"[-\s](thirds?|quarters?|fifths?|tenths?)\b", re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_COMPARED = re.compile(r"\s+(?:fewer|more|less|lower|higher|smaller|bigger|larger|cheaper)\b", re.IGNORECASE)
_RATIO = re.compile(rf"\s+(?:in|out\s+of)\s+(\d{{1,3}}|{_NUM_WORD})\b(?![.,]\d)", re.IGNORECASE)
_NO_ONE = re.compile(r"\b(?:no|any|every|some)\s+$", re.IGNORECASE)
_HALF_OF = re.compile(r"\s+(?:of|the|their|its|his|her|our|all)\b", re.IGNORECASE)
_HALF_AFTER = re.compile(r"(?:first|second|a|an)\s+$", re.IGNORECASE)
_HALF_OF_SCALE = re.compile(rf"\s+an?\s+({_SCALE_WORD}|dozen)\b", re.IGNORECASE)
_PERCENT = re.compile(
    # "an 11-percentage-point rise", "a 2.5-per-cent rise" as well as "11 percentage points"
    r"\s?%|(?:\s+|-)(?:per[\s-]?cent|percent|pct)\b|(?:\s+|-)(?P<pp>percentage[\s-]points?)\b"
    r"|\s+(?P<bp>basis\s+points?)\b",
    re.IGNORECASE,
)
_CUR_SUFFIX = re.compile(
    rf"(?P<attached>p)(?!\w)|\s*(?P<iso>{_ISO_RE})\b|\s+(?:US\s+)?(?P<word>"
    + "|".join(sorted((w for w in _CURRENCY_WORDS if w != "p"), key=len, reverse=True))
    + r")\b(?!-)",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"(?P<deg>(?-i:[CF]))(?!\w)|\s?(?P<u>°[CF]|km/h|"
    + "|".join(sorted((k for k in _MEASURES if k[0] != "°" and k != "km/h"), key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(r"\s?(?:-|–|—)\s?|\s+to\s+")
_CUR_AT = re.compile(_CUR_PREFIX)
_DIGITS_AT = re.compile(rf"(?:{_DIGITS})(?![\d:/])")
# "won 2-1." and "9-4," but not "2-1.5"; tokenised text spaces the dash ("28 - 24")
_SCORE = re.compile(r" ?[-–] {0,2}(\d{1,3})(?![\d:/%\w]|[.,]\d)")
_TRACK_WORDS = _wordset(
    """sprint sprinter race hurdles freestyle butterfly breaststroke backstroke relay medley final finals
    heat heats champion medallist medalist record title dash gold silver bronze world olympic runner"""
)
_TRACK_BEFORE = re.compile(r"\b(?:men's|women's|men’s|women’s)\s+$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CHANGE = re.compile(
    r"\b(?:from|rose|rise|rising|risen|fell|fall|falling|fallen|up|down|increased?|decreased?|cut|raised?"
    r"|climbed?|jumped?|dropped?|grew|grow|slipped?|slid|soared?|plunged?|lifted|lowered)\b[^.;]*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s+and\s+")
_RANGE_OF = re.compile(r"\b(?:range|band)\s+of\s+$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(?:\s+|-)([A-Za-z][a-z'’-]*)")
_BAD_AFTER = re.compile(
    r"\s?(?:[ap]\.m\.|[ap]m\b)|[:/]\d|(?:st|nd|rd|th)\b|\s?(?-i:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|hrs)\b",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"[-–/](\d{4}|\d{2})(?!\d)")
_GLUED_WORD = re.compile(r"[A-Za-z]+")


def find_numbers(text: str, offset: int = 0) -> list[NumberMatch]:
    """Every numeric mention in ``text``, in order, not overlapping; spans are shifted by ``offset``.

    >>> [(m.text, m.kind, m.value, m.unit) for m in find_numbers("Profits rose 76% to £20m.")]
    [('76%', 'percent', 76.0, '%'), ('£20m', 'money', 20000000.0, 'GBP')]
    """
    out: list[NumberMatch] = []
    pos = 0
    for at in _anchors(text):
        if at < pos or (m := _START.match(text, at)) is None:
            continue
        found = _read(text, m)
        if found is None:
            continue
        start, end, kind, value, extra = found
        out.append(NumberMatch(start + offset, end + offset, text[start:end], kind, value, **extra))
        pos = end
    return _join_durations(text, out, offset)


_YEARS_AND = re.compile(r"\s+years?\s+and\s+", re.IGNORECASE)


def _join_durations(text: str, found: list[NumberMatch], offset: int) -> list[NumberMatch]:
    """"five years and six months" is one duration, 5.5 years (as "five and a half years" says)."""
    out: list[NumberMatch] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == m.kind == "count"
            and prev.unit == "year"
            and m.unit == "month"
            and prev.value is not None
            and m.value is not None
            and prev.range_high is None
            and m.range_high is None
            and _YEARS_AND.fullmatch(text, prev.end - offset, m.start - offset)
        ):
            value = prev.value + m.value / 12
            out[-1] = NumberMatch(
                prev.start, m.end, text[prev.start - offset : m.end - offset], "count", value, "year",
                noun=prev.noun,
            )
            continue
        out.append(m)
    return out


def _anchors(text: str) -> Iterator[int]:
    """Every position where a mention may start, in order. Several simple scans run far faster in ``re``
    than one search for ``_START`` (a wide alternation is tried at every character)."""
    scans = (p.finditer(text) for p in _ANCHOR_SCANS)
    return heapq.merge(*((m.start() for m in scan) for scan in scans))


_Extra = dict[str, Any]
_Read = tuple[int, int, FigureKind, float | None, _Extra]


def _read(text: str, m: re.Match[str]) -> _Read | None:
    if m.group("date_md") or m.group("date_dm") or m.group("date_my"):
        return _read_date(m)
    if m.group("digits") is not None:
        currency = _currency_symbol(m.group("cur"))
        return _read_digits(text, m.start(), m.start("digits"), m.end("digits"), currency)
    return _read_words(text, m.start(), m.end(), m.group("words").lower())


def _read_date(m: re.Match[str]) -> _Read:
    if m.group("date_md"):
        month_text, day, year = m.group("date_md"), m.group("md_day"), m.group("md_year")
    elif m.group("date_dm"):
        month_text, day, year = m.group("dm_month"), m.group("dm_day"), m.group("dm_year")
    else:
        month_text, day, year = m.group("my_month"), None, m.group("my_year")
    month = MONTHS[_GLUED_WORD.match(month_text).group(0).lower()]  # type: ignore[union-attr]
    parts: DateParts = (int(year) if year else None, month, int(re.sub(r"\D", "", day)) if day else None)
    return m.start(), m.end(), "date", None, {"unit": "date", "date": parts}


def _number(token: str) -> float:
    return float(token.replace(",", ""))


def _read_digits(text: str, start: int, dstart: int, dend: int, currency: str | None) -> _Read | None:
    digits = text[dstart:dend]
    if _bad_digits(text, dstart, dend, digits):
        return None
    value = _number(digits)
    if currency is None and len(digits) == 4 and digits.isdigit() and 1600 <= value <= 2100:
        year = _read_year(text, start, dend, value)
        if year is not None:
            return year
    elif text[dend : dend + 1] in {"s", "S"}:
        return None  # "in their 20s": an age band, not a figure
    if currency is None and (ratio := _ratio(text, dend, value)) is not None:
        return start, ratio[0], "number", ratio[1], {"unit": "fraction"}
    if currency is None and _LABEL.search(text, max(0, start - 12), start):
        return start, dend, "number", value, {"unit": "label"}  # "Year 6 pupils": a name, not six pupils
    return _extend(text, start, dend, value, currency)


_LABEL = re.compile(
    r"\b(?:Year|Grade|Stage|Level|Tier|Band|Phase|Platform|Gate|Terminal|Section|Article|Clause|Chapter|No\.?)\s+$"
)


_TALLY = re.compile(
    r"(\s+votes?)?\s+to\s+(\d{1,4}|[a-z]+(?:-[a-z]+)?)\b(?![\d.,]\d|\s*(?:%|per\s?cent)|-year)"
)  # not "won by 212 votes to 29-year-old Priya Castellano"
_VOTED = re.compile(r"\b(?:vot(?:ed|es?|ing)\s+(?:by\s+)?|(?:majority|margin)\s+of\s+)$", re.IGNORECASE)


def _tally(text: str, start: int, end: int) -> tuple[int, float] | None:
    """A vote tally: "by 23 votes to 21", "seven votes to four", "voted 23 to 21", "a majority of four to
    one" (end, other side)."""
    m = _TALLY.match(text, end)
    if m is None or not (m.group(1) or _VOTED.search(text, max(0, start - 16), start)):
        return None
    word = m.group(2).lower()
    if word in ("nil", "none"):
        return m.end(), 0.0
    if word.isdigit():
        return m.end(), float(word)
    parts = word.split("-")
    if not all(p in _ONES or p in _TENS for p in parts):
        return None
    return m.end(), float(sum(_ONES.get(p, _TENS.get(p, 0)) for p in parts))


def _bad_digits(text: str, start: int, end: int, digits: str) -> bool:
    """Digits that are part of a word, an id, a time or an ordinal are not figures."""
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return True
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        # COVID-19, MH-17 are names; "mid-2021" and "pre-2020" are years.
        word = re.search(r"[A-Za-z]+$", text[max(0, start - 12) : start - 1])
        if not (word and word.group(0).islower() and len(digits) == 4):
            return True
    if _BAD_AFTER.match(text, end):
        return True
    glued = _GLUED_WORD.match(text, end)
    if glued is None:
        return False
    suffix = glued.group(0).lower()
    # Allowed glued suffixes: scale (20m, 1.2bn, 5k), pence (50p), units (40km), decades (1990s).
    if glued.group(0) in {"C", "F"}:
        return False  # "35C": degrees
    return not (suffix in _ABBREV_SCALES or suffix in _SCALES or suffix in _MEASURES or suffix in {"p", "s"})


def _currency_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    symbol = symbol.strip()
    return _CURRENCY_SYMBOLS.get(symbol.upper(), symbol if symbol in _ISO else None)


def _read_year(text: str, start: int, end: int, value: float) -> _Read | None:
    """A four-digit number that reads as a year ('in 2021', '2020-21', '1990s') unless it counts a noun."""
    if text[end : end + 1] == "s" and not text[end + 1 : end + 2].isalnum():
        return start, end + 1, "year", value, {"unit": "decade"}
    rng = _YEAR_RANGE.match(text, end)
    if rng:
        high_text = rng.group(1)
        high = float(high_text) if len(high_text) == 4 else float(int(value) // 100 * 100 + int(high_text))
        if value < high <= value + 20:
            return start, rng.end(), "year", value, {"range_high": high}
    if _PERCENT.match(text, end) or _SPACED_SCALE.match(text, end) or _CUR_SUFFIX.match(text, end):
        return None
    if _GLUED_WORD.match(text, end):
        return None  # "2000km"
    nxt = _NEXT_WORD.match(text, end)
    if nxt and text[end].isspace():
        word = nxt.group(1)
        if word.islower() and word not in _NOT_NOUNS and word.endswith("s") and not word.endswith("ss"):
            return None  # "2000 jobs": a count, read by the generic path
    return start, end, "year", value, {}


def _read_words(text: str, start: int, end: int, first: str) -> _Read | None:
    if first == "half":
        return _read_half(text, start, end)
    tokens = [first]
    while (t := _WORD_TOKEN.match(text, end)) is not None:
        word = t.group("w").lower()
        if not _continues(tokens[-1], word, "and" in t.group(0).lower()):
            break
        tokens.append(word)
        end = t.end()
    total = current = 0.0
    for tok in tokens:
        if tok in {"a", "an"}:
            current = 1.0
        elif tok == "dozen":
            current = (current or 1.0) * 12
        elif tok.endswith("half"):
            current += 0.5
        elif tok == "hundred":
            current = (current or 1.0) * 100
        elif tok in _SCALES:
            total += (current or 1.0) * _SCALES[tok]
            current = 0.0
        else:
            current += sum(_ONES.get(p, _TENS.get(p, 0)) for p in tok.split("-"))
    frac = _FRACTION.match(text, end)
    if frac is not None and (points := _POINT_OF.match(text, frac.end())):
        # "a quarter of a percentage point" is 0.25 points (25 basis points)
        per = _FRACTIONS[frac.group(1).lower()]
        return start, points.end(), "percent", (total + current) * per, {"unit": "pp"}
    if frac is not None and (
        tokens[0] not in {"a", "an"} or _OF.match(text, frac.end()) or _COMPARED.match(text, frac.end())
    ):
        # "two-thirds", "a third of voters", "a quarter fewer engineers"
        per = _FRACTIONS[frac.group(1).lower()]
        return start, frac.end(), "number", (total + current) * per, {"unit": "fraction"}
    if tokens == ["a"] or tokens == ["an"]:
        return None  # "a third term": an ordinal, no figure
    if (ratio := _ratio(text, end, total + current)) is not None:
        return start, ratio[0], "number", ratio[1], {"unit": "fraction"}
    lone = len(tokens) == 1 and tokens[0] in {"one", "a", "an"}
    if lone and _NO_ONE.search(text, max(0, start - 6), start):
        return None  # "no one", "any one": a pronoun
    return _extend(text, start, end, total + current, None, lone_one=lone)


def _continues(prev: str, nxt: str, with_and: bool) -> bool:
    """Can word-number ``nxt`` follow ``prev`` in one number ('five hundred' yes, 'five six' no)?"""
    if nxt.endswith("half"):
        return with_and and nxt != "half" and prev not in {"a", "an"}
    if with_and:
        return prev in _SCALES and nxt not in _SCALES
    if nxt in _SCALES or nxt == "dozen":
        return prev not in {"hundred", "dozen"} or nxt != "hundred"
    return False


def _ratio(text: str, end: int, value: float) -> tuple[int, float] | None:
    """'one in five', '3 out of 10': a share, read as a fraction (so it matches '20%')."""
    m = _RATIO.match(text, end)
    if m is None:
        return None
    word = m.group(1).lower()
    whole = float(word) if word.isdigit() else float(_ONES.get(word, _TENS.get(word, 0)))
    return (m.end(), value / whole) if 0 < value < whole <= 100 else None


_POINT = re.compile(r"\s+an?\s+(?:(?P<pp>percentage[\s-]points?)|per\s?cent|percent)\b", re.IGNORECASE)
_POINT_OF = re.compile(r"\s+of\s+an?\s+percentage[\s-]points?\b", re.IGNORECASE)


def _read_half(text: str, start: int, end: int) -> _Read | None:
    """'half a million' is 500,000; 'half of', 'half the' is 0.5; 'first half' is no figure."""
    if points := _POINT.match(text, end):
        # "half a percentage point", "half a per cent"
        return start, points.end(), "percent", 0.5, {"unit": "pp" if points.group("pp") else "%"}
    big = _HALF_OF_SCALE.match(text, end)
    if big:
        word = big.group(1).lower()
        return _extend(text, start, big.end(), 0.5 * (12 if word == "dozen" else _SCALES[word]), None)
    if _HALF_OF.match(text, end) and not _HALF_AFTER.search(text, max(0, start - 8), start):
        return start, end, "number", 0.5, {"unit": "fraction"}
    return None


def _scale_at(text: str, pos: int) -> tuple[float, int] | None:
    """A scale word after a number: glued ('20m', '1.2bn') or spaced ('1.2 billion', '5 bn')."""
    s = _GLUED_SCALE.match(text, pos) if text[pos : pos + 1].isalpha() else _SPACED_SCALE.match(text, pos)
    if s is None:
        return None
    word = (s.group(1) or s.group(2)).lower()
    return _SCALES.get(word) or _ABBREV_SCALES[word], s.end()


def _extend(
    text: str, start: int, end: int, value: float, currency: str | None, lone_one: bool = False
) -> _Read | None:
    """Read what follows a number: scale, range, currency, percent, unit of measure or counted noun."""
    scale = 1.0
    if (sc := _scale_at(text, end)) is not None:
        if currency is None and text[end : end + 1] in "mM" and _is_metres(text, start, sc[1]):
            return start, sc[1], "quantity", value, {"unit": "metre"}  # "the 100m final"
        scale, end = sc
    extra: _Extra = {}
    if scale == 1.0 and currency is None and (tally := _tally(text, start, end)) is not None:
        return start, tally[0], "number", value, {"unit": "score", "against": tally[1]}
    rng = _range(text, start, end, value, scale, currency)
    score = _SCORE.match(text, end) if rng is None and scale == 1.0 and currency is None else None
    if score is not None and value.is_integer() and value < 1000 and float(score.group(1)) <= value:
        # "won 2-1", "a 19-5 lead"
        return start, score.end(), "number", value, {"unit": "score", "against": float(score.group(1))}
    if rng is not None:
        start, end, high, scale = rng
        extra["range_high"] = high
    value *= scale
    if scale != 1.0:
        extra["scale"] = scale
    kind: FigureKind = "number"
    unit: str | None = None
    cur = _CUR_SUFFIX.match(text, end) if currency is None else None
    if cur is not None and not (cur.group("attached") and (scale != 1.0 or rng is not None)):
        word = (cur.group("attached") or cur.group("word") or "").lower()
        currency = _CURRENCY_WORDS.get(word) or (cur.group("iso") or "").upper()
        if word in _SUBUNITS:
            value /= 100
            if rng is not None:
                extra["range_high"] = rng[2] / 100
        end = cur.end()
    if currency:
        kind, unit = "money", currency
    elif (p := _PERCENT.match(text, end)) is not None:
        kind, unit, end = "percent", "pp" if p.group("pp") else "bp" if p.group("bp") else "%", p.end()
    elif (q := _MEASURE.match(text, end)) is not None:
        written = q.group("u") or "°" + q.group("deg")
        kind, unit, end = "quantity", _MEASURES.get(written.lower(), written), q.end()
    elif (noun := _counted_noun(text, end)) is not None:
        kind, unit = "count", _lemma(noun.lower())
        extra["noun"] = noun
    elif lone_one and scale == 1.0:
        return None
    extra["unit"] = unit
    return start, end, kind, value, extra


def _is_metres(text: str, start: int, end: int) -> bool:
    """A bare '100m' in sport is metres, not million: 'women's 100m', 'the 400m hurdles'."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and nxt.group(1).lower() in _TRACK_WORDS:
        return True
    return bool(_TRACK_BEFORE.search(text, max(0, start - 12), start))


def _range(
    text: str, start: int, end: int, low: float, scale: float, currency: str | None
) -> tuple[int, int, float, float] | None:
    """A range '10-15', '10 to 15', 'between 10 and 15', '£5m-£7m', '5-7 million': (start, end, high, scale).

    The span takes in a leading 'between'; the returned scale applies to both ends ("5-7 million").
    """
    between = _BETWEEN.search(text, max(0, start - 10), start)
    sep = _AND.match(text, end) if between else None
    if sep is None:
        sep = _RANGE_SEP.match(text, end)
        if sep is None:
            return None
    pos = sep.end()
    cur = _CUR_AT.match(text, pos)
    change = cur or _CHANGE.search(text, max(0, start - 30), start)
    stated = _RANGE_OF.search(text, max(0, start - 12), start)  # "a range of $16.0bn to $16.3bn"
    if sep.group(0).strip() == "to" and change and not stated:
        return None  # "rose from 5 to 7", "up $2.80 to $51.15": a change, not a range
    if cur is not None:
        if currency is None or _currency_symbol(cur.group(0)) != currency:
            return None
        pos = cur.end()
    num = _DIGITS_AT.match(text, pos)
    if num is None:
        return None
    high, hend = _number(num.group(0)), num.end()
    high_scale = scale
    if (sc := _scale_at(text, hend)) is not None:
        high_scale, hend = sc
        if scale == 1.0:
            scale = high_scale
    elif _GLUED_WORD.match(text, hend) and not _MEASURE.match(text, hend):
        return None
    if high * high_scale <= low * scale:
        return None  # "won 2-1" is a score, not a range
    return (between.start() if between else start), hend, high * high_scale, scale


def _counted_noun(text: str, end: int) -> str | None:
    """The noun a number counts: 'eight regulations' -> 'regulations'; 'eight new jobs' -> 'jobs'."""
    if place := _PLACE_BEFORE_NOUN.match(text, end):
        end = place.end()  # "38,000 U.S. SUVs" counts SUVs
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return None
    word = nxt.group(1)
    if word.lower() in _COUNT_ADJECTIVES:
        after = _NEXT_WORD.match(text, nxt.end())
        if after is not None and after.group(1).islower() and after.group(1) not in _NOT_NOUNS:
            word = after.group(1)
    if acronym := _ACRONYM_PLURAL.match(text, nxt.start(1)):
        return acronym.group()  # "20 MPs" counts MPs
    if not word.islower() or word in _NOT_NOUNS or len(word) < 2 or word.endswith("ed"):
        return None
    if word in _AGE_SPANS and (old := _NEXT_WORD.match(text, nxt.end())) and old.group(1) == "old":
        return word + "-old"  # "an 11 year old" is an age, like "11-year-old", not a span of years
    return word.rstrip("'’-")


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,4}s\b")
_PLACE_BEFORE_NOUN = re.compile(r"\s+(?:U\.S\.|U\.K\.|US|UK|EU)(?=\s+[A-Za-z])")
_AGE_SPANS = _wordset("year years month months week weeks day days")


def _lemma(noun: str) -> str:
    # An age counts the same noun however it is hyphenated ("6,000-year-old" is "6,000 year old"), but
    # is not a span ("six years"): an 11-year-old is not someone six years at a club.
    if noun.endswith("-old"):
        return _lemma(noun.removesuffix("-old")) + "-old"
    noun = noun.removesuffix("-long")
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses", "zes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def same_quantity(a: NumberMatch, b: NumberMatch, *, match_nouns: bool = False) -> bool:
    """Do two mentions state the same amount, however written?

    ``£20m`` == ``20 million pounds`` == ``£20,000,000``; ``1.2bn`` == ``1,200 million``; ``half`` ==
    ``50%``. Currencies, percent vs percentage points, and units of measure must agree when both sides
    state them; a side without a unit matches any (``20 million`` == ``£20m``). Counted nouns are ignored
    unless ``match_nouns`` (paraphrase swaps 'workers' for 'staff'). Dates match when every part both
    state agrees (``5 May`` == ``May 5, 2021``).
    """
    if a.kind == "date" or b.kind == "date":
        if a.date is None or b.date is None:
            return False
        shared = [(x, y) for x, y in zip(a.date, b.date, strict=True) if x is not None and y is not None]
        return bool(shared) and all(x == y for x, y in shared) and a.date[1:] != (None, None)
    if a.value is None or b.value is None:
        return False
    fa, fb = a.unit == "fraction", b.unit == "fraction"
    if fa != fb:
        frac, other = (a, b) if fa else (b, a)
        return other.unit == "%" and frac.value is not None and other.value is not None and (
            abs(frac.value * 100 - other.value) < 0.5 and other.range_high is None
        )
    if a.unit == "score" or b.unit == "score":
        return a.unit == b.unit and {a.value, a.against} == {b.value, b.against}
    a, b = _in_points(a), _in_points(b)
    if a.unit != b.unit and a.unit in _METRIC and b.unit in _METRIC and _base(a) == _base(b):
        a, b = _in_base(a), _in_base(b)  # "2.78km" for "2,780 metres", "a fortnight" for "14 days"
    if {a.unit, b.unit} == {"pp", "point"}:  # "rose 17.5 points" for "rose by 17.5 percentage points"
        a, b = (dataclasses.replace(m, kind="percent", unit="pp") for m in (a, b))
    if not _units_agree(a, b, match_nouns):
        return False
    if a.value is None or b.value is None or not _close(a.value, b.value):
        return False
    if a.range_high is None or b.range_high is None:
        return a.range_high is None and b.range_high is None
    return _close(a.range_high, b.range_high)


_STRICT_KINDS = frozenset({"money", "percent", "quantity"})


# Metric units of one measure, and spans of time, in a base unit: a claim may state the source's figure in
# another ("2.78km" for "2,780 metres", "a fortnight" for "14 days").
_METRIC = {"km": ("metre", 1e3), "metre": ("metre", 1.0), "cm": ("metre", 1e-2), "mm": ("metre", 1e-3),
           "tonne": ("kg", 1e3), "kg": ("kg", 1.0), "g": ("kg", 1e-3),
           "minute": ("minute", 1.0), "hour": ("minute", 60.0), "day": ("minute", 1440.0),
           "week": ("minute", 10080.0), "month": ("month", 1.0), "year": ("month", 12.0)}  # fmt: skip


def _base(m: NumberMatch) -> str:
    return _METRIC[m.unit or ""][0]


def _in_base(m: NumberMatch) -> NumberMatch:
    unit, factor = _METRIC[m.unit or ""]
    value = None if m.value is None else m.value * factor
    high = None if m.range_high is None else m.range_high * factor
    return dataclasses.replace(m, unit=unit, value=value, range_high=high)


def _in_points(m: NumberMatch) -> NumberMatch:
    """Basis points as percentage points: "25 basis points" is "a quarter of a percentage point"."""
    if m.unit != "bp" or m.value is None:
        return m
    high = None if m.range_high is None else m.range_high / 100
    return dataclasses.replace(m, value=m.value / 100, unit="pp", range_high=high)


def _units_agree(a: NumberMatch, b: NumberMatch, match_nouns: bool) -> bool:
    if a.kind == "percent" or b.kind == "percent":
        return a.kind == b.kind and a.unit == b.unit
    if a.kind in _STRICT_KINDS and b.kind in _STRICT_KINDS:
        if a.kind == b.kind == "quantity" and {a.unit, b.unit} in ({"degree", "°C"}, {"degree", "°F"}):
            return True  # "46.2 degrees" for "46.2C": the scale is the story's
        return a.kind == b.kind and a.unit == b.unit
    if a.kind == "count" and b.kind == "count" and match_nouns:
        return a.unit == b.unit
    return True


def _close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)
