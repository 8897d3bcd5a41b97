"""Copied claims: runs joined where the source does not join them, and words left out of a copied clause."""

from __future__ import annotations

import pytest

from briefing.verify import check_claim
from briefing.verify.fragments import match
from briefing.verify.omissions import omission_issues
from briefing.verify.stitches import stitch_issues
from briefing.verify.text import tokens

HALE = (
    "Broadcaster Nina Hale apologised after calling striker Tom Reeve a show-off for celebrating a goal "
    "with a dance. Hale had tweeted about the match on Sunday night. Reeve later said the dance was for his "
    "niece, who is deaf."
)


def _stitches(source: str, claim: str) -> list[str]:
    return stitch_issues(match(source, tokens(claim)), claim)


def _omissions(source: str, claim: str) -> list[str]:
    return omission_issues(match(source, tokens(claim)))


def test_runs_cover_a_claim_by_its_longest_copied_stretches() -> None:
    copy = match(HALE, tokens("Nina Hale tweeted striker Tom Reeve a show-off."))
    assert [copy.text(r) for r in copy.runs] == ["nina hale", "tweeted", "striker tom reeve a show off"]
    assert copy.runs[1].positions and copy.copied_share() == 6 / 9


def test_a_copied_object_joined_to_another_verb_is_flagged_with_the_source_words() -> None:
    claim = "Nina Hale tweeted striker Tom Reeve a show-off for celebrating a goal with a dance."
    (issue,) = _stitches(HALE, claim)
    assert issue == (
        "joined 'nina hale' to 'striker tom reeve a show off' with 'tweeted': "
        "the source says 'hale apologised after calling striker tom reeve a show off'"
    )
    assert not check_claim(HALE, claim).supported


def test_a_copied_subject_put_before_what_the_source_says_of_someone_else_is_flagged() -> None:
    source = (
        "Coach Ana Ruiz praised her young side after the cup win. Defender Joe Park scored twice against "
        "the league leaders on Saturday. The club will play its next match in May."
    )
    assert _stitches(source, "Coach Ana Ruiz scored twice against the league leaders on Saturday.")
    # The same subject with what the source does say about her passes.
    assert not _stitches(source, "Coach Ana Ruiz praised her young side after the cup win.")


def test_joins_the_source_backs_pass() -> None:
    # A name for the pronoun the source uses, a clause cut short, two source sentences run together.
    source = (
        "Maria Lund, 34, runs a bakery in the old town. She opened the shop after losing her office job in "
        "2019. The bakery now employs six people."
    )
    for claim in (
        "Maria Lund opened the shop after losing her office job in 2019.",
        "Maria Lund, 34, runs a bakery in the old town and the bakery now employs six people.",
        "She opened the shop after losing her office job.",
    ):
        assert not _stitches(source, claim), claim
        assert check_claim(source, claim).supported, claim


def test_paraphrase_is_not_examined() -> None:
    claim = "Tom Reeve's goal dance, meant for a deaf relative, drew an apology from broadcaster Nina Hale."
    assert not _stitches(HALE, claim) and not _omissions(HALE, claim)


def test_a_qualifier_left_out_of_a_copied_clause_is_flagged() -> None:
    source = "Police said the driver allegedly ran a red light before the crash on Friday. Two were hurt."
    (issue,) = _omissions(source, "The driver ran a red light before the crash on Friday.")
    assert issue == "omitted 'allegedly': the source says 'the driver allegedly ran a red'"
    assert not check_claim(source, "The driver ran a red light before the crash on Friday.").supported


def test_a_verb_left_out_of_a_copied_clause_is_flagged_but_not_a_modifier_or_an_aside() -> None:
    source = (
        "The toddler was filmed emptying out the contents of the kitchen cupboards at home. The mayor, "
        "speaking on Tuesday, opened the new bridge over the river. Producers unveiled a trailer for the "
        "upcoming film on Monday. The council admitted it could lose the vote next week."
    )
    (issue,) = _omissions(source, "The toddler was filmed out the contents of the kitchen cupboards at home.")
    assert issue == "omitted 'emptying': the source says 'toddler was filmed emptying out the contents'"
    for claim in (
        "The mayor opened the new bridge over the river.",
        "Producers unveiled a trailer for the film on Monday.",
        "The council could lose the vote next week.",
    ):
        assert not _omissions(source, claim), claim
        assert check_claim(source, claim).supported, claim


def test_a_clause_whose_source_sentence_opens_it_also_continues_the_subject() -> None:
    source = (
        "The union says drivers have received a 2% rise over three years while the cost of living has risen "
        "far faster. It also wants guaranteed breaks on routes longer than four hours."
    )
    claim = (
        "The union says drivers have received a 2% rise over three years and wants guaranteed breaks on "
        "routes longer than four hours."
    )
    assert not [i for i in check_claim(source, claim).issues if i.startswith("joined")]


@pytest.mark.parametrize(
    "claim",
    [
        # The name the article is about, put for the sentence's "the authority".
        "Council leader Ruth Vane said Dunmore faced a £4.1m funding gap in the coming year.",
        # A word the second run's own sentence gives it, moved before it.
        "The hall will close in May and become a not-for-profit music school for children.",
    ],
)
def test_words_the_source_gives_the_second_run_elsewhere_back_the_join(claim: str) -> None:
    source = (
        "Dunmore Council approved its budget on Monday. Council leader Ruth Vane said the vote was hard. "
        "Ms Vane said the authority faced a £4.1m funding gap in the coming year. Dunmore will also cut "
        "grants to Dunmore clubs. The hall will close in May. Its owners plan to turn the building into a "
        "music school for children from the area, run as a not-for-profit."
    )
    assert not [i for i in check_claim(source, claim).issues if i.startswith("joined")]
