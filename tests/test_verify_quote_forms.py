"""Quotation and attribution forms a summary may use, each with an edit of the words or the speaker.

Every row: source text, a paraphrase that quotes the source's words and gives them to their speaker another
way (must pass), and an edit (must be flagged): another speaker, other words, or words that drop the
source's "not" in front of them.
"""

from __future__ import annotations

import pytest
from forms import marked

from briefing.verify import check_claim

FORMS = [
    (
        '"We will rebuild," said Mayor Ana Kovac. "It will take years."',
        'Mayor Ana Kovac said "it will take years".',
        'Councillor Ben Ito said "it will take years".',
    ),
    (
        'Ana Kovac, the mayor, said: "We will rebuild."',
        'The mayor, Ana Kovac, vowed: "We will rebuild."',
        'The deputy mayor, Ben Ito, vowed: "We will rebuild."',
    ),
    (
        '"The figures are encouraging," according to Dr Lena Frost, who led the study.',
        'Dr Lena Frost called the figures "encouraging".',
        'Dr Omar Said called the figures "encouraging".',
    ),
    (
        'Coach Sam Reid praised his side. "We were brilliant," he said. "The fans carried us."',
        'Sam Reid said the fans "carried us".',
        'Captain Joe Hale said the fans "carried us".',
    ),
    (
        'In a statement, Halden Water said it "deeply regrets" the leak.',
        'Halden Water said it "deeply regrets" the leak.',
        'Halden Council said it "deeply regrets" the leak.',
    ),
    (
        'Priya Nair told the BBC: "Nobody warned us." Her neighbour, Tom Bell, agreed.',
        'Priya Nair told the BBC "nobody warned us".',
        'Tom Bell told the BBC "nobody warned us".',
    ),
    (
        '"This is a scandal," Labour MP Rosa Lin told the Commons.',
        'Labour MP Rosa Lin called it "a scandal".',
        'Tory MP Rosa Lin called it "a scandal".',
    ),
    (
        'Professor Ken Abe said the results were "a genuine surprise". '
        "His colleague, Dr Mia Roth, was more cautious.",
        'Ken Abe described the results as "a genuine surprise".',
        'Mia Roth described the results as "a genuine surprise".',
    ),
    (
        '"I never doubted her," said her mother, Jane Cole. "She always knew."',
        'Jane Cole said she "never doubted" her daughter.',
        'Jane Cole said she "always doubted" her daughter.',
    ),
    (
        'The chief executive, Omar Haddad, said the firm was "in good shape".\n\n'
        '"We have no plans to cut jobs," he added.',
        'Omar Haddad said the firm had "no plans to cut jobs".',
        'Omar Haddad said the firm had "no plans to hire".',
    ),
    (
        'Det Supt Ruth Kane said: "We are keeping an open mind."',
        'Det Supt Ruth Kane said police were "keeping an open mind".',
        'Det Supt Ruth Kane said police were "keeping all options open".',
    ),
    (
        'Asked about the delay, Ms Ogun replied: "It is regrettable, but it is not a disaster."',
        'Ms Ogun called the delay "regrettable" but "not a disaster".',
        'Ms Ogun called the delay "a disaster".',
    ),
]


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 1))
def test_the_same_quote_told_another_way_passes(source: str, claim: str) -> None:
    result = check_claim(source, claim)
    assert result.supported, result.issues


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 2))
def test_another_speaker_or_other_words_are_flagged(source: str, claim: str) -> None:
    assert not check_claim(source, claim).supported
