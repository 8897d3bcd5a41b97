"""The copied act after a claim's subject must be told of that subject (verify.agents)."""

from __future__ import annotations

from briefing.verify import check_claim

SOURCE = (
    "Councillor Mara Vell opened the new library in Pellham on Friday. "
    "The building took three years to finish and cost less than planned. "
    "Children from two schools read poems at the opening. "
    "At a later meeting, one shopkeeper demanded that the old fountain be taken out of the market square. "
    "A retired engineer said the fountain had leaked for most of the winter. "
    "Officials promised to look at the repairs. "
    "A local baker won the town's pie contest for the third year running. "
    "Olin Task, who has run the bakery since 2004, thanked his customers. "
    "Vell later told reporters that she planned to visit every school in the district."
)


def test_a_subject_put_before_an_act_the_source_tells_of_someone_else() -> None:
    result = check_claim(SOURCE, "Vell demanded that the old fountain be taken out of the market square.")
    assert not result.supported
    assert any(i.startswith("subject 'Vell' is not who the source says") for i in result.issues)


def test_a_speaker_the_source_does_not_give_the_reported_words_to() -> None:
    result = check_claim(SOURCE, "Vell said the fountain had leaked for most of the winter.")
    assert any(i.startswith("subject 'Vell' is not who the source says") for i in result.issues)


def test_a_name_for_the_pronoun_or_description_the_source_uses_is_no_swap() -> None:
    # "she planned to visit" is told of Vell; "A local baker" is named in the next sentence.
    assert check_claim(SOURCE, "Mara Vell planned to visit every school in the district.").supported
    named = check_claim(SOURCE, "Olin Task won the town's pie contest for the third year running.")
    assert not any(i.startswith("subject 'Olin Task'") for i in named.issues)


PETS = (
    "Vets in Harwick say some kitchen foods are dangerous for dogs. "
    "Grapes, raisins and currants are poisonous to dogs of every size. "
    "The clinic treated twelve dogs last year. "
    "Its head vet, Ines Mora, runs a weekly advice session. "
    "Bram Holt's sister, Lotte, adopted a greyhound from the shelter in 2019. "
    "Holt said the shelter was full. "
    "Ines Mora's first book on pet care sold well."
)


def test_an_opening_swapped_before_a_copied_run() -> None:
    # A list item and a possessor put before words the source tells of another.
    listed = check_claim(PETS, "Kitchen, raisins and currants are poisonous to dogs of every size.")
    assert any(i.startswith("opening 'Kitchen' is not what the source says") for i in listed.issues)
    possessor = check_claim(PETS, "Mora's sister, Lotte, adopted a greyhound from the shelter in 2019.")
    assert any(i.startswith("opening 'Mora's' is not what the source says") for i in possessor.issues)


def test_an_opening_the_source_tells_the_run_of_is_fine() -> None:
    assert check_claim(PETS, "Grapes, raisins and currants are poisonous to dogs of every size.").supported
    # A full name the source writes elsewhere, before a run that uses the surname alone.
    full = check_claim(PETS, "Bram Holt said the shelter was full.")
    assert not any(i.startswith("opening") for i in full.issues)


def test_a_common_word_opening_the_claim_is_no_swapped_name() -> None:
    # The source writes "delivery" in lower case: "Delivery driver" describes the man the run is of.
    source = "Van driver Stuart Hale, 38, died at the scene. A delivery firm said he worked for it."
    assert check_claim(source, "Delivery driver Stuart Hale, 38, died at the scene.").supported


CHESS = (
    "Lina Cho lost the final game of the Mersby open to Raf Dunne after a late blunder. "
    "Dunne won four games on the day. "
    "Rovers beat Hale by two points at the Rovers club hall in Mersby."
)


def test_a_subject_named_again_after_its_own_verb() -> None:
    result = check_claim(CHESS, "Raf Dunne lost the final game of the Mersby open to Raf Dunne.")
    assert any(i.startswith("subject 'Raf Dunne' is named again after its verb") for i in result.issues)


def test_a_subject_the_source_itself_names_twice_or_a_copula_is_fine() -> None:
    assert check_claim(CHESS, "Rovers beat Hale by two points at the Rovers club hall.").supported
    copula = check_claim(CHESS, "Dunne was the winner, Dunne taking four games on the day.")
    assert not any("named again" in i for i in copula.issues)


def test_an_opening_word_named_again_from_two_merged_sentences() -> None:
    source = "Rovers lead the table by four points. Hale travel to Rovers on Sunday for the derby."
    result = check_claim(source, "Rovers travel to Rovers on Sunday for the derby.")
    assert any(i.startswith("subject 'Rovers' is named again after its verb") for i in result.issues)


def test_a_whole_sentence_reported_as_the_interviewees_words_passes() -> None:
    source = (
        "Chef Ana Ruiz has run The Larder in Kelby for twenty years. The dining room seats forty. The menu "
        "changes weekly. Regulars book months ahead.\n\nThe Larder will close at the end of June, after its "
        "twentieth birthday. Ruiz plans to turn it into a cookery school."
    )
    claim = "Ruiz revealed The Larder will close at the end of June, after its twentieth birthday."
    assert not [i for i in check_claim(source, claim).issues if i.startswith("subject")]


def test_a_second_verb_of_the_opening_pronoun_is_the_named_speaker_s() -> None:
    source = (
        'Finance Minister Orla Keating has published the spending plan. "This plan protects the services '
        'people use," Ms Keating told the chamber. "Not every department will be happy."\n\n'
        "She confirmed that the pay bill would be reviewed separately, but refused to say whether the "
        "Government would meet the unions' demand for a 6 per cent rise."
    )
    told = "Keating refused to say whether the Government would meet the unions' demand for a 6% rise."
    assert check_claim(source, told).supported
