"""Names in claims: swapped into copied phrases, or used as the wrong kind of thing (person, place)."""

from __future__ import annotations

from briefing.verify import check_claim

SOURCE = (
    "Nora Quill is leading the opening parade at Saturday's Harbour Festival in Eastmoor. "
    "Organisers said 40,000 visitors were expected at Castle Meadow, the festival's main site. "
    "Quill's manager, Dale Fenn, told the Sunday Courier that rehearsals had gone well. "
    "Papers mentioning the Lantern Trust and Mosswood Council were found at the site. "
    "Veteran actor and campaigner Ivo Brandt, 80, backed the Quiet Streets Bill last year. "
    "Fans of Rovers coach Tom Pryce gathered at the gates."
)


def issues(claim: str) -> list[str]:
    return check_claim(SOURCE, claim).issues


def test_a_name_opening_the_sentence_is_the_one_a_copied_phrase_belongs_to() -> None:
    assert check_claim(SOURCE, "Nora Quill is leading the opening parade at the festival.").supported
    assert "name 'Dale Fenn' where the source says 'Nora Quill'" in issues(
        "Dale Fenn is leading the opening parade at the festival."
    )


def test_a_name_in_a_list_can_be_swapped_too() -> None:
    claim = "Papers mentioning the Lantern Trust and Mosswood Council were found."
    assert check_claim(SOURCE, claim).supported
    assert "name 'Ivo Brandt' where the source says 'Mosswood Council'" in issues(
        "Papers mentioning the Lantern Trust and Ivo Brandt were found."
    )


def test_a_person_is_not_a_place() -> None:
    assert check_claim(SOURCE, "40,000 visitors were expected at Castle Meadow.").supported
    assert "'Tom Pryce' is a person in the source, not a place" in issues(
        "The parade ends at Tom Pryce."
    )


def test_a_place_or_thing_is_not_a_person() -> None:
    assert "'Castle Meadow' is a place in the source, not a person" in issues(
        "Festival coach Castle Meadow praised the fans."
    )
    assert "'Quiet Streets Bill' is a thing in the source, not a person" in issues(
        "Quiet Streets Bill is an actor and campaigner."
    )
    # A day opens a newspaper's name; "who" after it makes a person of it.
    assert "'Sunday Courier' is a thing in the source, not a person" in issues(
        "Rehearsals went well, said Sunday Courier, who manages Quill."
    )


def test_who_after_a_place_belongs_to_the_person_before() -> None:
    claim = "Organisers said 40,000 visitors were expected at Castle Meadow who filled the site."
    assert check_claim(SOURCE, claim).supported
