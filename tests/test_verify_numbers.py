"""Numbers in claims: ages, acronym counts, ordinals, and counts the source gives to another noun."""

from __future__ import annotations

import pytest

from briefing.numbers import find_numbers
from briefing.verify import check_claim

SOURCE = (
    "The 11-year-old Milo Varga has trained with Eastmoor Rovers for six years. "
    "He trains six times a week at the club's academy in Lowbridge. "
    "Rovers expect to lose at least 20 members of staff when the academy closes, said a spokesman. "
    "The club ran a tour of 60 schools last summer. "
    "Varga's coach said the boy was knocked down in the third round of a junior boxing bout in May."
)


def test_an_age_is_not_a_span_of_years() -> None:
    (age,) = find_numbers("an 11 year old from Lowbridge")
    (hyphen,) = find_numbers("the 11-year-old from Lowbridge")
    (span,) = find_numbers("for six years at the club")
    assert age.unit == hyphen.unit == "year-old"
    assert span.unit == "year"
    assert check_claim(SOURCE, "Milo Varga is an 11 year old at Eastmoor Rovers.").supported
    result = check_claim(SOURCE, "Milo Varga is an 6 year old at Eastmoor Rovers.")
    assert not result.supported
    assert any("'6'" in issue for issue in result.issues)


def test_acronym_plurals_are_counted_nouns() -> None:
    (mps,) = find_numbers("lose 20 MPs in May")
    assert (mps.kind, mps.unit, mps.noun) == ("count", "mp", "MPs")


def test_count_of_the_claimed_noun_beside_the_claim_words_wins_over_a_bare_number() -> None:
    source = (
        "The party admitted it could lose 20 MPs at the election. "
        "Its leader visited 60 seats this month. Turnout there was 60 in every hundred."
    )
    assert check_claim(source, "The party admitted it could lose 20 MPs at the election.").supported
    result = check_claim(source, "The party admitted it could lose 60 MPs at the election.")
    assert not result.supported
    assert "number '60 MPs' is about something else in source" in result.issues


def test_a_count_told_as_an_ordinal() -> None:
    assert check_claim(SOURCE, "The boy was knocked down after 3 rounds of a junior boxing bout.").supported
    result = check_claim(SOURCE, "The boy was knocked down after 7 rounds of a junior boxing bout.")
    assert not result.supported


def test_an_ordinal_must_be_the_sources_ordinal_or_a_dates_day() -> None:
    source = (
        "The Italian broke serve in the third and eleventh games. The final is on 5 June, with 6 courts open."
    )
    assert check_claim(source, "The Italian broke serve in the 3rd and 11th games.").supported
    assert check_claim(source, "The final is on the 5th of June.").supported
    result = check_claim(source, "The Italian broke serve in the third and 6th games.")
    assert "number '6th' not in source" in result.issues


FIGURES = (
    "The town lost half its pits after 1984. About 90 people now work at the bus depot, according to "
    "its owner. Roughly a third of them are former miners who retrained at the college in Carrow. "
    "Carrow District Council voted through its budget on Tuesday. Council leader Amy Holt said the "
    "authority faced a £7.1m funding gap. The plans include £3.2 million of savings, among them the closure "
    "of two libraries. The staff union said 64% of members who took part in its poll backed the plan, "
    "on a turnout of 82%."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Amy Holt said the council faced a £3.2m funding gap.",  # the source's £3.2m are savings
        "About 90 people work at the depot, roughly half of them former miners who retrained in Carrow.",
        # The two figures swapped.
        "The staff union said 82% of members who took part in its poll backed the plan, on a 64% turnout.",
    ],
)
def test_a_figure_the_source_gives_to_something_else_is_caught(claim: str) -> None:
    result = check_claim(FIGURES, claim)
    assert any("is about something else in source" in issue for issue in result.issues), result.issues


@pytest.mark.parametrize(
    "claim",
    [
        "Amy Holt said the council faced a £7.1m funding gap and planned £3.2m of savings.",
        "About 90 people work at the depot, roughly a third of them former miners who retrained in Carrow.",
        "The staff union said 64% of members who took part in its poll backed the plan, on a 82% turnout.",
    ],
)
def test_figures_told_of_what_the_source_tells_them_of_pass(claim: str) -> None:
    assert check_claim(FIGURES, claim).supported


def test_a_difference_of_two_figures_in_one_sentence_is_supported() -> None:
    source = "Net debt rose to £2.4bn from £2.1bn. The group also sold its Belfast plant for £120m."
    assert check_claim(source, "Net debt rose by £300m to £2.4bn.").supported
    assert not check_claim(source, "Net debt rose by £350m to £2.4bn.").supported
    # Figures from two sentences are not combined.
    assert not check_claim(source, "Net debt rose by £2.22bn.").supported


def test_counts_the_claim_gives_too_do_not_accuse_another() -> None:
    source = (
        "The car park's 410 spaces will be replaced by a multi-storey with 250 spaces on Mill Street. "
        "Councillor Tom Reed said traders had not been consulted. "
        '"Losing 160 spaces will hit them hard," he said.'
    )
    claim = "The car park's 410 spaces will give way to a 250-space multi-storey, a net loss of 160 spaces."
    assert check_claim(source, claim).supported


def test_ordinals_days_months_and_indian_scales_must_be_the_source_s() -> None:
    from briefing.verify import check_claim

    source = (
        "Bird flu was confirmed on Tuesday at a farm near Selby, the second outbreak in the county this "
        "year. The company will pay ₹5 lakh to each family. Roughly a fifth of the flock had died by March, "
        "and culling continued into the second half of the week."
    )
    for claim in [
        "Bird flu was confirmed on Tuesday, the county's second outbreak this year.",
        "The company will pay ₹500,000 to each family.",
        "A fifth of the flock had died by March.",
        "Culling went on in the second half of the week.",
    ]:
        assert check_claim(source, claim).supported, (claim, check_claim(source, claim).issues)
    for claim in [
        "Bird flu was confirmed on Wednesday, the county's second outbreak this year.",
        "Bird flu was confirmed on Tuesday, the county's third outbreak this year.",
        "The company will pay ₹5 crore to each family.",
        "A fifth of the flock had died by April.",
    ]:
        assert not check_claim(source, claim).supported, claim


def test_two_figures_of_one_sentence_exchanged_are_flagged() -> None:
    from briefing.verify import check_claim

    source = "The mural was funded by £1.5m from the city council and £3m from private donors."
    assert check_claim(source, "Private donors gave £3m and the city council £1.5m.").supported
    swapped = "The mural was funded by £3m from the city council and £1.5m from private donors."
    assert not check_claim(source, swapped).supported


def test_a_count_of_another_sport_s_scores_is_flagged() -> None:
    from briefing.verify import check_claim

    source = (
        "Full-back Eli Varga scored two minutes from time as the Hawks won 31-28, their fourth try of the "
        "night."
    )
    assert check_claim(source, "Varga scored the Hawks' fourth try.").supported
    issues = check_claim(source, "Varga scores two goals as the Hawks win 31-28.").issues
    assert issues == ["number 'two goals' counts goals, but the source counts tries"]


def test_a_change_and_the_levels_it_is_worked_out_from_tell_one_measure() -> None:
    source = (
        "The board says employer contributions have risen from 9.5 per cent of salaries to 12 per cent "
        "since 2019, an increase of 2.5 percentage points. Its share of the budget fell from 6.4 per cent "
        "to 5.9 per cent, a drop of half a percentage point."
    )
    told = "Employer contributions have climbed 2.5 percentage points since 2019, to 12 per cent of salaries."
    assert check_claim(source, told).supported
    assert check_claim(source, "Its budget share is down half a percentage point to 5.9 per cent.").supported
    assert not check_claim(source, "Its budget share is down half a per cent to 5.9 per cent.").supported
    assert not check_claim(source, "Employer contributions have climbed 2.5 per cent since 2019.").supported


def test_rounded_figures_and_changes_worked_out_from_two_amounts() -> None:
    source = (
        "Attendance has risen from 86.1% to 93.4%, while the number of fixed-term exclusions fell from 212 "
        "to 64. The group made a pre-tax profit "
        "of £84.3m in the three months to 30 September, down from £89.9m a year earlier. Some 214 staff "
        "signed the letter. The board decided by a majority of four to one to grant permission."
    )
    assert check_claim(source, "Attendance climbed by more than seven percentage points, to 93.4%.").supported
    assert not check_claim(source, "Attendance dropped more than seven percentage points to 93.4%.").supported
    assert check_claim(source, "Pre-tax profit fell just over 6% year on year to £84.3 million.").supported
    issues = check_claim(source, "Pre-tax profit fell just over 6% year on year to £89.9 million.").issues
    assert issues == ["number '£89.9 million' is where the source says it changed from"]
    assert not check_claim(source, "Pre-tax profit fell 9% year on year to £84.3 million.").supported
    assert check_claim(source, "More than 200 staff signed the letter.").supported
    assert not check_claim(source, "More than 250 staff signed the letter.").supported
    assert not check_claim(source, "About 240 staff signed the letter.").supported
    assert check_claim(source, "The board granted permission by four votes to one.").supported
    assert not check_claim(source, "The board granted permission by three votes to two.").supported


def test_a_figure_alone_in_its_sentence_is_told_by_the_whole_sentence() -> None:
    source = (
        "Revenue rose 3.1% year on year to £1.92bn. Like-for-like sales, which strip out the effect of store "
        "openings and closures, were up 1.8%. Clothing and beauty sales grew 7.4%, but home sales fell 9.6%."
    )
    told = "Revenue grew 3.1% on the previous year to £1.92bn, while like-for-like sales were 1.8% higher."
    assert check_claim(source, told).supported
