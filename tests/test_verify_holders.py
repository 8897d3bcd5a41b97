"""A copied sentence end under another name than the one its sentence opens with (verify.holders), and
claims that stop mid-clause (verify.unfinished)."""

from __future__ import annotations

from briefing.verify import check_claim

SOURCE = (
    "Coach Idris Penhale has urged winger Tomas Albery to stay at Harrowgate and keep learning. "
    "Albery said on Tuesday that he was not ready to sign a new three-year deal at Harrowgate. "
    "Penhale praised the winger as a fine player but said he needed to play every week. "
    "The club's chairman, Dawn Rusholme, said the matter would be settled by June. "
    "Rusholme said talks with the player's agent would resume after the cup final."
)


def test_a_copied_sentence_end_given_to_another_name() -> None:
    result = check_claim(SOURCE, "Penhale says he is not ready to sign a new three-year deal at Harrowgate.")
    assert not result.supported
    assert any(i.startswith("subject 'Penhale' is not who the source says this of") for i in result.issues)


def test_the_sentence_s_own_name_or_a_description_passes() -> None:
    tail = "not ready to sign a new three-year deal at Harrowgate."
    assert check_claim(SOURCE, f"Albery says he is {tail}").supported
    assert check_claim(SOURCE, f"The winger said he was {tail}").supported


def test_a_first_name_the_source_writes_beside_the_surname_is_the_same_person() -> None:
    result = check_claim(SOURCE, "Dawn said talks with the player's agent would resume after the cup final.")
    assert not any("is not who the source says this of" in i for i in result.issues)


def test_a_claim_stopping_mid_clause_is_unsupported() -> None:
    result = check_claim(SOURCE, "Albery said he was not ready to sign a new deal at Harrowgate and")
    assert not result.supported
    assert "claim stops mid-clause at 'and'" in result.issues
    cut = "Rusholme said talks would resume after the cup final, and the deal is"
    assert not check_claim(SOURCE, cut).supported


def test_a_single_word_is_no_statement_but_a_closing_particle_is_fine() -> None:
    assert not check_claim(SOURCE, "Albery.").supported
    assert check_claim(SOURCE, "Penhale has urged Albery to stay at Harrowgate and keep learning.").supported
    asked = "Ferguson said he would see how far on he is."
    assert check_claim(asked, asked).supported


def test_a_left_out_preposition_ending_in_ing_is_no_dropped_verb() -> None:
    source = (
        "The visit was to be the prince's first trip abroad since he took the throne in 2019 following "
        "his mother's abdication. Officials in Velm said the trip had been called off."
    )
    told = "The visit was to be the prince's first trip abroad since his mother's abdication."
    assert not any(i.startswith("omitted") for i in check_claim(source, told).issues)
    dropped = "The officials were filmed emptying the boxes of the archive onto the street in Velm."
    held = "The officials were filmed the boxes of the archive onto the street in Velm."
    assert any(i.startswith("omitted 'emptying'") for i in check_claim(dropped, held).issues)
