"""Direction flips ("rose" for "fell") are caught; faithful wording and unrelated opposites are not."""

from __future__ import annotations

import pytest

from briefing.verify import check_claim

SOURCE = (
    "Shares in Veltro Foods fell 8% in after-hours trading after the company cut its forecast. "
    "The city council approved the harbour budget by nine votes to four, and Ms Ortiz's amendment failed. "
    "Kessock Rovers lost 2-1 to Millbrook on Saturday. "
    "By noon the number of homes without power had risen to 112,000. "
    "The town's last fish processing plant closed in January. "
    "A new visitor centre opened in March, a month after the old one closed."
)


@pytest.mark.parametrize(
    ("claim", "flipped"),
    [
        ("Shares in Veltro Foods rose 8% after hours.", "rose"),
        ("The city council rejected the harbour budget.", "rejected"),
        ("Ms Ortiz's amendment passed.", "passed"),
        ("Kessock Rovers won 2-1 against Millbrook on Saturday.", "won"),
        ("The town's last fish processing plant reopened in January.", "reopened"),
        ("The number of homes without power had fallen to 112,000.", "fallen"),  # "without" negates no verb
    ],
)
def test_opposite_words_are_caught(claim: str, flipped: str) -> None:
    result = check_claim(SOURCE, claim)
    assert not result.supported
    said = [issue for issue in result.issues if issue.startswith(f"'{flipped}' where the source says")]
    assert said, result.issues


@pytest.mark.parametrize(
    "claim",
    [
        "Shares in Veltro Foods fell 8% in after-hours trading.",
        "The council approved the harbour budget, but Ms Ortiz's amendment failed.",
        "Kessock Rovers did not win on Saturday, losing 2-1 to Millbrook.",  # negated: left to polarity
        "A new visitor centre opened in March.",  # its sentence has both words: the claim's is there
    ],
)
def test_faithful_wording_passes(claim: str) -> None:
    result = check_claim(SOURCE, claim)
    assert not any("where the source says" in issue for issue in result.issues), result.issues


TWO_FACTS = (
    "Ostrava Mills cut its full-year sales forecast to 2.1 billion crowns on Tuesday. "
    "The mill operator blamed weak demand from carmakers. "
    "Its shares dropped 6% in early trading, and a second defendant in the price-fixing case, "
    "former sales chief Pavel Dusek, was cleared by a Brno court."
)


@pytest.mark.parametrize(
    ("claim", "flipped"),
    [
        # The flip is in the second fact of the claim, told by another sentence than its evidence.
        ("Ostrava Mills cut its sales forecast to 2.1 billion crowns, and its shares rose 6%.", "rose"),
        ("Former sales chief Pavel Dusek was convicted by a Brno court.", "convicted"),
    ],
)
def test_a_flip_in_a_joined_fact_is_caught(claim: str, flipped: str) -> None:
    result = check_claim(TWO_FACTS, claim)
    said = [issue for issue in result.issues if issue.startswith(f"'{flipped}' where the source says")]
    assert said, result.issues


def test_a_joined_fact_told_faithfully_passes() -> None:
    claim = "Ostrava Mills cut its sales forecast to 2.1 billion crowns, and its shares fell 6%."
    assert check_claim(TWO_FACTS, claim).supported


_OPPOSITES = [
    ("The firm's margin widened by two points to 16%.", "narrowed", "widened"),
    ("Mr Tarn denied that the fee had been cut.", "admitted", "denied"),
    ("The mark strengthened 1.2% against the dollar.", "weakened", "strengthened"),
    ("The new model is 40% lighter than the old one.", "heavier", "lighter"),
]


@pytest.mark.parametrize(("source", "flipped", "said"), _OPPOSITES)
def test_more_opposites_a_flip_may_use(source: str, flipped: str, said: str) -> None:
    claim = source.replace(said, flipped)
    assert any(f"where the source says '{said}'" in i for i in check_claim(source, claim).issues)
    assert check_claim(source, source).supported


HEDGED = """The tenants' union may bring claims against two more agents, its secretary said. A detour via \
Route 9 could add 25 minutes to journeys. The council said it would publish a timetable. Growth in home \
values is slowing. The minister had yet to meet the council. No one was injured in the derailment, and \
none of the crew was critical. Chief executive Sam Reyes apologised. The rate review was not yet finished, \
and she said she "would not rule out changes"."""


def test_a_dropped_hedge_or_negation_and_a_reversed_trend_are_flagged() -> None:
    for claim in [
        "The tenants' union will bring claims against two more agents.",
        "A detour via Route 9 will add 25 minutes to journeys.",
        "Growth in home values is accelerating.",
        "The minister has already met the council.",
        "Several people were injured in the derailment.",
        "Chief executive Sam Reyes declined to apologise.",
        'The rate review was finished, and she said she "would not rule out changes".',
    ]:
        assert not check_claim(HEDGED, claim).supported, claim
    for claim in [
        "The tenants' union may bring claims against two more agents.",
        "The council will publish a timetable.",
        "The minister has yet to meet the council.",
        "No one was injured in the derailment.",
        "Chief executive Sam Reyes apologised.",
    ]:
        assert check_claim(HEDGED, claim).supported, (claim, check_claim(HEDGED, claim).issues)


def test_a_relative_the_story_does_not_have_is_flagged() -> None:
    source = "Dot Lamb, 91, was stunned when her grandson Kieran pulled the ring from her old allotment."
    assert check_claim(source, "Dot Lamb's grandson found her ring on her old allotment.").supported
    issues = check_claim(source, "Granddaughter finds gran's lost ring on allotment").issues
    assert "'Granddaughter' where the source says 'grandson'" in issues


def test_a_place_name_is_no_direction_word() -> None:
    source = "The bike scheme in Kelby Falls recorded 1.2 million trips last year, up 30 per cent."
    assert check_claim(source, "Trips rose 30 per cent to 1.2 million.").supported
    flipped = "Kelby Falls trips fell 30 per cent."
    assert not check_claim("Trips in Kelby Falls rose 30 per cent last year.", flipped).supported
