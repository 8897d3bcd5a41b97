"""Numbers as news writes them: what is found, how it is read, and when two readings are the same amount."""

from __future__ import annotations

import pytest

from briefing.numbers import NumberMatch, find_numbers, same_quantity


def only(text: str) -> NumberMatch:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        ("258 million", "258 million", "number", 258e6, None),
        ("it cost £426,000.", "£426,000", "money", 426_000, "GBP"),
        ("a £20m grant", "£20m", "money", 20e6, "GBP"),
        ("raised $1.2bn", "$1.2bn", "money", 1.2e9, "USD"),
        ("a £1.9million deal", "£1.9million", "money", 1.9e6, "GBP"),
        ("worth 1.2 billion euros", "1.2 billion euros", "money", 1.2e9, "EUR"),
        ("US$5 each", "US$5", "money", 5, "USD"),
        ("GBP 20m", "GBP 20m", "money", 20e6, "GBP"),
        ("a 50p rise", "50p", "money", 0.5, "GBP"),
        ("76% of voters", "76%", "percent", 76, "%"),
        ("76 per cent of voters", "76 per cent", "percent", 76, "%"),
        ("up 3 percentage points", "3 percentage points", "percent", 3, "pp"),
        ("a 25 basis points cut", "25 basis points", "percent", 25, "bp"),
        ("eight regulations", "eight", "count", 8, "regulation"),
        ("eight new regulations", "eight", "count", 8, "regulation"),
        ("1.2 million members", "1.2 million", "count", 1.2e6, "member"),
        ("200 people", "200", "count", 200, "person"),
        ("in 2021.", "2021", "year", 2021, None),
        ("2,000 jobs", "2,000", "count", 2000, "job"),
        ("2000 jobs", "2000", "count", 2000, "job"),
        ("a 40km route", "40km", "quantity", 40, "km"),
        ("it fell 2.5 to", "2.5", "number", 2.5, None),
        ("twenty-five", "twenty-five", "number", 25, None),
        ("one hundred and twenty", "one hundred and twenty", "number", 120, None),
        ("two and a half million", "two and a half million", "number", 2.5e6, None),
        ("a million", "a million", "number", 1e6, None),
        ("half a million", "half a million", "number", 5e5, None),
        ("half of all homes", "half", "number", 0.5, "fraction"),
        ("two-thirds of MPs", "two-thirds", "number", 2 / 3, "fraction"),
        ("a fifth of staff", "a fifth", "number", 0.2, "fraction"),
        ("one in five adults", "one in five", "number", 0.2, "fraction"),
        ("3 out of 10 people", "3 out of 10", "number", 0.3, "fraction"),
        ("a 35C heatwave", "35C", "quantity", 35, "°C"),
        ("1,200 million", "1,200 million", "number", 1.2e9, None),
        ("the 1990s", "1990s", "year", 1990, "decade"),
        ("cut by a quarter of a percentage point", "a quarter of a percentage point", "percent", 0.25, "pp"),
        ("up half a percentage point", "half a percentage point", "percent", 0.5, "pp"),
        ("most Year 6 pupils", "6", "number", 6, "label"),
        ("passed by 23 votes to 21", "23 votes to 21", "number", 23, "score"),
        ("approved by seven votes to four", "seven votes to four", "number", 7, "score"),
        ("councillors voted 9 to 3", "9 to 3", "number", 9, "score"),
        ("beat them 28 - 24", "28 - 24", "number", 28, "score"),
    ],
)
def test_reads_numbers_as_written(text: str, span: str, kind: str, value: float, unit: str | None) -> None:
    m = only(text)
    assert (m.text, m.kind, m.unit) == (span, kind, unit)
    assert m.value == pytest.approx(value)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("a 10-15% rise", "10-15%", 10, 15),
        ("between 5 and 7 staff", "between 5 and 7", 5, 7),
        ("£5m-£7m", "£5m-£7m", 5e6, 7e6),
        ("5-7 million homes", "5-7 million", 5e6, 7e6),
        ("estimated at 10 to 15 jobs", "10 to 15", 10, 15),
        ("the 2020-21 season", "2020-21", 2020, 2021),
        ("a range of $16.0 billion to $16.3 billion", "$16.0 billion to $16.3 billion", 16e9, 16.3e9),
    ],
)
def test_ranges(text: str, span: str, low: float, high: float) -> None:
    m = only(text)
    assert (m.text, m.value, m.range_high) == (span, low, high)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("rose from 5 to 7", ["5", "7"]),  # a change, not a range
        ("closed up $2.80 to $51.15", ["$2.80", "$51.15"]),
        ("five, six times", ["five", "six"]),
    ],
)
def test_changes_scores_and_lists_are_separate_numbers(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == spans


@pytest.mark.parametrize(
    ("text", "span", "parts"),
    [
        ("on Sept. 5 the", "Sept. 5", (None, 9, 5)),
        ("on 5 May,", "5 May", (None, 5, 5)),
        ("August 2022", "August 2022", (2022, 8, None)),
        ("May 5, 2021", "May 5, 2021", (2021, 5, 5)),
        ("5 May 2021", "5 May 2021", (2021, 5, 5)),
        ("the 3rd of March", "3rd of March", (None, 3, 3)),
    ],
)
def test_dates(text: str, span: str, parts: tuple[int | None, int | None, int | None]) -> None:
    m = only(text)
    assert (m.text, m.kind, m.unit, m.date, m.value) == (span, "date", "date", parts, None)


@pytest.mark.parametrize(
    "text",
    [
        "the G8 summit", "a 4G mast", "COVID-19 rules", "an MP3 file", "ref 050505", "at 10:30", "at 9am",
        "kick-off 1300 GMT", "the 5th time", "in their 20s", "one of the best", "no one came",
        "the first half", "hundreds of jobs", "they may go", "a third term",
    ],
)  # fmt: skip
def test_ids_times_ordinals_and_vague_words_are_not_figures(text: str) -> None:
    assert find_numbers(text) == []


def test_scores_are_one_mention() -> None:
    m = only("won 2-1 at home")
    assert (m.text, m.unit, m.value) == ("2-1", "score", 2)
    assert only("a 19-5 half-time lead").text == "19-5"
    assert only("a 3-5 year sentence").range_high == 5  # rising: a range


def test_spans_are_offset_and_exact() -> None:
    text = "Amicus has 1.2 million members and the TGWU has 800,000; a 56-point deal was agreed in 2004."
    found = find_numbers(text, offset=100)
    assert [m.text for m in found] == ["1.2 million", "800,000", "56", "2004"]
    assert all(text[m.start - 100 : m.end - 100] == m.text for m in found)
    assert found[2].unit == "point"


def test_words_are_case_insensitive_but_months_are_not() -> None:
    assert only("Eight regulations").value == 8
    assert only("may 5").kind == "number"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("£20m", "20 million pounds"),
        ("£20m", "£20,000,000"),
        ("1.2bn", "1,200 million"),
        ("$1.2bn", "1,200 million dollars"),
        ("76%", "76 per cent"),
        ("half of", "50%"),
        ("one in five", "20%"),
        ("20 million", "£20m"),
        ("eight regulations", "8 rules"),
        ("5 May", "May 5, 2021"),
        ("10-15%", "10 to 15 per cent"),
    ],
)
def test_same_quantity(a: str, b: str) -> None:
    assert same_quantity(only(a), only(b))
    assert same_quantity(only(b), only(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("£20m", "$20m"),
        ("£20m", "£21m"),
        ("3 percentage points", "3%"),
        ("5 May", "6 May"),
        ("10-15%", "10%"),
        ("76%", "76"),
        ("half of", "48%"),
    ],
)
def test_different_quantities(a: str, b: str) -> None:
    assert not same_quantity(only(a), only(b))


def test_counted_nouns_only_matter_when_asked() -> None:
    assert not same_quantity(only("eight regulations"), only("eight years"), match_nouns=True)
    assert same_quantity(only("eight regulations"), only("8 regulations"), match_nouns=True)


def test_a_score_or_tally_before_punctuation_is_one_mention() -> None:
    for text in ("The committee voted 9-4, with one abstention.", "Spain won 1-0."):
        found = find_numbers(text)
        assert [(n.text, n.unit) for n in found if n.unit == "score"] == [(found[0].text, "score")], found
    assert all(n.unit != "score" for n in find_numbers("a 2-1.5 split"))


def test_years_and_months_are_one_duration() -> None:
    found = find_numbers("Without the plea the sentence would have been five years and six months.")
    assert [(n.value, n.unit) for n in found] == [(5.5, "year")]
    assert [(n.value, n.unit) for n in find_numbers("He served six months.")] == [(6.0, "month")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("voted 7-4 in favour", "approved by seven votes to four", True),
        ("voted 7-4 in favour", "approved by seven votes to three", False),
        ("won 2-1", "a 2-1 win", True),
        ("won 2-1", "won 2-0", False),
        ("25 basis points", "a quarter of a percentage point", True),
        ("50 basis points", "a quarter of a percentage point", False),
        ("25 basis points", "25%", False),
    ],
)
def test_tallies_both_sides_and_basis_points(a: str, b: str, same: bool) -> None:
    assert same_quantity(only(a), only(b)) is same


@pytest.mark.parametrize(
    ("text", "kind", "unit", "value"),
    [
        ("a $312-million pension deficit", "money", "USD", 312e6),
        ("an 11-percentage-point rise", "percent", "pp", 11.0),
        ("a 2.5-per-cent rise", "percent", "%", 2.5),
        ("down half a per cent", "percent", "%", 0.5),
        ("down half a percentage point", "percent", "pp", 0.5),
    ],
)
def test_hyphenated_and_half_forms_keep_their_scale_and_unit(
    text: str, kind: str, unit: str, value: float
) -> None:
    n = only(text)
    assert (n.kind, n.unit, n.value) == (kind, unit, value)
