"""Exchanged figures and names: each is in the source sentence, but beside the other's words."""

from __future__ import annotations

from briefing.verify.exchanges import exchange_issues
from briefing.verify.source import index_source
from briefing.verify.text import tokens

SOURCE = (
    "A Harbour Polling survey of 800 voters put Mayor Joan Tull on 44% and Ken Marsh on 39%. "
    "Turnout was 61% in Eastgate and 52% in Millbrook."
)


def issues(claim: str) -> list[str]:
    return exchange_issues(index_source(SOURCE), claim, tokens(claim))


def test_two_figures_exchanged_between_two_names_are_flagged() -> None:
    assert issues("The survey put Tull on 39% and Marsh on 44%.") == [
        "exchanged '39' and '44': the source has each where the other is"
    ]


def test_the_same_pairs_in_another_order_or_other_words_pass() -> None:
    assert issues("Marsh was on 39% and Tull on 44% in the survey.") == []
    assert issues("Tull led with 44%, ahead of Marsh's 39%.") == []


def test_a_sentence_opening_word_is_no_name_to_exchange() -> None:
    found = issues("Turnout was 52% in Eastgate and 61% in Millbrook.")
    assert found == ["exchanged '52' and '61': the source has each where the other is"]


def test_figures_written_twice_in_the_source_sentence_are_not_judged() -> None:
    source = index_source("Sales rose 5% in May and 5% in June, after 3% in April.")
    claim = "Sales rose 3% in May and 5% in April."
    assert exchange_issues(source, claim, tokens(claim)) == []


def test_a_hyphenated_figure_is_its_number() -> None:
    source = index_source("Waits are up from 30 weeks a year ago, and far beyond the target of 18 weeks.")
    claim = "Waits rose from 18 weeks a year earlier, far beyond the 30-week target."
    assert exchange_issues(source, claim, tokens(claim)) == [
        "exchanged '18' and '30': the source has each where the other is"
    ]
