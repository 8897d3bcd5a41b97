"""Names in claims: swapped into copied phrases, or used as the wrong kind of thing (person, place)."""

from __future__ import annotations

import pytest

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


def test_a_person_is_not_an_organisation() -> None:
    assert "'Tom Pryce' is a person in the source, not a thing" in issues(
        "Eastmoor band Tom Pryce played at the festival."
    )
    assert "'Dale Fenn' is a person in the source, not a thing" in issues(
        "Dale Fenn, a charity, told the paper rehearsals went well."
    )
    assert "'Mr Fenn' is a person in the source, not a thing" in check_claim(
        SOURCE + " Mr Fenn has managed Quill since 2019.", "Fans cheered the Mr Fenn act at the festival."
    ).issues


def test_the_tail_of_an_organisations_name_is_a_thing() -> None:
    source = "Officials from the Department of Road Safety visited the site. Jo Hart, a nurse, was there."
    result = check_claim(source, "A nurse, Road Safety, was at the site.")
    assert "'Road Safety' is a thing in the source, not a person" in result.issues


def test_a_sentence_opener_pasted_with_a_name() -> None:
    result = check_claim(SOURCE, "The parade was praised, When Dale Fenn told the Sunday Courier.")
    assert "name 'When Dale Fenn' is cut from another sentence ('When' opens one)" in result.issues
    assert check_claim(SOURCE, "When Dale Fenn spoke to the Sunday Courier, he praised rehearsals.").supported
    result = check_claim(SOURCE, "The festival's only other The Harbour Festival parade was in Eastmoor.")
    assert "name 'The Harbour Festival' is cut from another sentence ('The' opens one)" in result.issues


def test_a_role_the_source_gives_to_someone_else() -> None:
    source = (
        "Party leader Ann Loy thanked voters in the town hall on a cold and wet evening. "
        "Rival candidate Sid Hal said the count was slow."
    )
    assert check_claim(source, "Party leader Ann Loy thanked voters.").supported
    result = check_claim(source, "Local leader Sid Hal spoke to voters.")
    assert "'Sid Hal' is a candidate in the source, not a leader" in result.issues
    # News prose calls a coach a boss: roles of one kind are not contradictions.
    boss = "Rovers boss Tom Pryce praised the fans."
    assert check_claim(boss, "Rovers coach Tom Pryce praised the fans.").supported


def test_an_indefinite_name_is_a_kind_and_need_not_be_placed() -> None:
    source = (
        "A sports car costs about £140,000 today. "
        "The handbag, made of pink leather, was put on sale in Harbourtown for the same sum. "
        "Dealers say a Varga Roadster GT is the car most buyers want."
    )
    assert check_claim(source, "The handbag costs as much as a Varga Roadster GT.").supported


def test_a_name_set_beside_an_indefinite_description_is_not_placed() -> None:
    source = (
        "Chris and Sue Hale's son Wayne died when his motorbike was struck by a drink driver in 2010. "
        "The couple have campaigned for tougher sentences ever since. "
        "Mr Hale, 28, was killed by a car driven by Donna Reed on the ring road."
    )
    claim = "Wayne died when a drunk driver, Donna Reed, struck his motorbike in 2010."
    assert not [i for i in check_claim(source, claim).issues if "Donna Reed" in i]


def test_a_common_phrase_copied_from_another_passage_is_no_swap() -> None:
    source = (
        "In the heats, Ada Moss won the other semi-final in a fast time. "
        "The pool was full on the opening night. Tickets had sold out weeks before. "
        "Kim Lane's parents had both been ill this year. "
        "Later Kim Lane won gold. She stormed to victory in the 200m butterfly final."
    )
    claim = "Kim Lane won the 200m butterfly final although her parents had been ill."
    assert check_claim(source, claim).supported


def test_titles_in_a_name_are_its_roles() -> None:
    source = (
        "Jo Hart, 19, is accused with her boyfriend of a theft at a seaside hotel. "
        "The trial opened on Monday in a crowded court. "
        "Chief Prosecutor Ivo Brandt said the pair acted alone."
    )
    result = check_claim(source, "Jo Hart and her boyfriend Chief Prosecutor Ivo Brandt are accused.")
    issue = "'Chief Prosecutor Ivo Brandt' is a chief/prosecutor in the source, not a boyfriend"
    assert issue in result.issues


def test_a_capitalised_modal_inside_a_sentence_opens_a_name() -> None:
    source = "Guide Will Foss said the trip to the Ussuri Reserve lasts seven days."
    result = check_claim(source, "Guests take a seven-day trip to the Will Foss.")
    assert "'Will Foss' is a person in the source, not a thing" in result.issues


def test_the_word_next_to_a_name_must_be_near_it_in_the_source() -> None:
    source = (
        "Kim Lane stormed to victory in the 200m butterfly final. "
        "The pool was full on the opening night. Tickets had sold out weeks before. "
        "Ada Moss, who trains in Eastmoor, watched from the stands."
    )
    assert check_claim(source, "Kim Lane stormed to victory in the final.").supported
    result = check_claim(source, "Ada Moss stormed from the stands.")
    assert "name 'Ada Moss' is not where the source says this" in result.issues
    # A scene-setting name after a preposition is judged by two words either side.
    assert check_claim(source, "Ada Moss watched from the stands in Eastmoor.").supported


def test_hyphenated_and_title_case_forms_of_source_words() -> None:
    source = (
        "Rovers last reached the semi-finals in 1937, and the club is now in the last four again. "
        "A study found that Lumo-Kit magnet toys taught children letters."
    )
    assert check_claim(source, "A study found that Lumo Kit magnet toys taught children letters.").supported
    assert check_claim(source, "Rovers are in the Semi-Finals again, last reached in 1937.").supported


def test_a_clause_joined_from_another_sentence_is_not_an_edit() -> None:
    source = (
        "Nick Vale is lined up to ride Blue Fen in the Grand Cup at Eastmoor on April 11. "
        "The horse won twice last season. "
        "Vale will travel to Ireland to sit on Blue Fen at a stable on Friday."
    )
    claim = "Nick Vale will travel to Ireland and is lined up to ride Blue Fen in the Grand Cup at Eastmoor."
    issues = check_claim(source, claim).issues
    assert not [i for i in issues if i.startswith("modality") or "differs from the source" in i], issues
    result = check_claim(source, "Nick Vale could be lined up to ride Blue Fen in the Grand Cup at Eastmoor.")
    assert "modality 'could' added to the source sentence" in result.issues


def test_former_may_qualify_the_role_the_source_calls_former() -> None:
    source = (
        "Viewers will follow Ivo Brandt as he moves to a farm in a new series. "
        "The former Olympic gold medallist has kept the plan private until now."
    )
    claim = "Former Olympic champion Ivo Brandt is moving to a farm in a new series."
    assert check_claim(source, claim).supported
    result = check_claim(source, "Former actor Ivo Brandt is moving to a farm in a new series.")
    assert "title 'former' for 'Ivo Brandt' not in source" in result.issues


def test_a_name_given_the_of_phrase_of_another() -> None:
    source = (
        "Researchers at the University of Eastmoor built the device. "
        "Lead researcher Dr Ada Moss said it wastes little energy."
    )
    result = check_claim(source, "Dr Ada Moss of Eastmoor built the device.")
    issue = "name 'Dr Ada Moss of Eastmoor' is not where the source puts it"
    assert f"{issue}: the source says 'University of Eastmoor'" in result.issues
    assert check_claim(source, "Researchers at the University of Eastmoor built the device.").supported


def test_a_place_the_claim_calls_he_or_she() -> None:
    source = "Striker Sam Roe says he is happy to fight for his place at Castle Park and will not leave."
    result = check_claim(source, "Castle Park said he is happy to fight for his place.")
    assert "'Castle Park' is a place in the source, not a person" in result.issues
    assert check_claim(source, "Sam Roe says he is happy to fight for his place at Castle Park.").supported


def test_a_day_pasted_with_an_opener_is_flagged() -> None:
    source = "The mayor named her deputy, Ann Loy, as interim chief. On Tuesday the council agreed."
    result = check_claim(source, "The mayor named her deputy On Tuesday as interim chief.")
    assert "'On Tuesday' is cut from another sentence ('On' opens one)" in result.issues


def test_the_source_fills_the_slot_beside_the_claims_word_with_another_name() -> None:
    source = (
        "Paint was thrown at the statue of Queen Ida in Eastmoor, starting protests across Norland. "
        "The city council met on Monday. "
        "In the north, a statue of General Bo Hale was splashed with red paint."
    )
    # "protest across" is not copied word for word, but the source has "protests across Norland".
    claim = "Paint thrown at a statue started a protest across General Bo Hale."
    issue = "name 'General Bo Hale' is not where the source puts it: the source says 'Norland'"
    assert issue in check_claim(source, claim).issues
    assert check_claim(source, "Paint thrown at a statue started a protest across Norland.").supported


def test_an_indefinite_subject_called_him_is_a_person_unless_a_role_ends_its_name() -> None:
    source = (
        "Officer Sam Roe of the Eastmoor Police was charged with assault, the Daily Courier reported. "
        "A video showed him pushing a man."
    )
    result = check_claim(source, "A Daily Courier was charged with assault after a video showed him.")
    assert "'Daily Courier' is a thing in the source, not a person" in result.issues
    claim = "An Eastmoor Police Officer was charged with assault after a video showed him pushing a man."
    assert not [i for i in check_claim(source, claim).issues if "in the source, not" in i]
    assert "'Sam Roe' is a person in the source, not a thing" in check_claim(
        source, "Sam Roe, a company in Eastmoor, was charged with assault."
    ).issues


def test_a_scene_setting_place_is_not_placed() -> None:
    source = (
        "Researchers studied the microbes of a remote tribe from the Amazon. "
        "The samples were taken in 2009 and shipped abroad. The tests took years. Results were mixed. "
        "The villagers have been fighting for the return of the samples for over a decade."
    )
    claim = "In the Amazon, villagers have fought for a decade to get the samples back."
    assert not [i for i in check_claim(source, claim).issues if "Amazon" in i]


@pytest.mark.xfail(
    strict=True,
    reason="known gap: the passage-placement check that caught this also dropped correct bullets that join "
    "facts from two passages (held-out false alarms), so it was removed; a dateline-only rule raised writer "
    "false alarms (datelines are often where the events happened)",
)
def test_a_dateline_is_not_where_the_story_happens() -> None:
    source = (
        "Eastport (CNN)Six workers were hurt after a blast at a chemical plant in Norland's southern "
        "province started a large fire, officials said. The plant makes paint. "
        "Five of the workers were cut by glass."
    )
    result = check_claim(source, "Six workers were hurt by a blast at a chemical plant in Eastport.")
    assert any(issue.startswith("name 'Eastport'") for issue in result.issues)



def test_two_names_with_a_comma_between_are_in_apposition_not_a_list() -> None:
    from briefing.verify.names import _in_list, find_names
    from briefing.verify.text import tokens

    def listed(claim: str) -> list[bool]:
        names = find_names(claim, tokens(claim))
        return [_in_list(claim, n, names) for n in names]

    assert listed("The coach of Harbour Rovers, Tom Pryce, praised the fans.") == [False, False]
    assert listed("Fans of Rovers, Athletic and City came.") == [True, True, True]
    assert listed("Ann Loy and Tom Pryce came.") == [True, True]


def test_a_subject_may_name_the_source_s_name_another_way() -> None:
    source = (
        "Norland had to settle for a draw on the fifth day of the first Test against Eastmoor. "
        "Rain fell all morning. The team will travel north next week for the second Test."
    )
    claim = "The Norlandish cricket team had to settle for a draw against Eastmoor."
    assert check_claim(source, claim).supported


def test_a_bare_plural_subject_sums_up_people_told_of_in_several_places() -> None:
    source = (
        "A study of synaesthesia found that letters and colours become joined in some people. "
        "It used data from 6,000 users. The work took two years. Funding came from a charity. "
        "The researchers from Eastmoor University said more work is needed."
    )
    claim = "Researchers found that letters and colours become joined in some people."
    assert not [i for i in check_claim(source, claim).issues if i.startswith("subject")]
    storm = (
        "A tornado hit the town on Thursday. Roofs were torn off and cars overturned. "
        "Power was cut for a day. Two people died, including a retired teacher, the mayor said."
    )
    claim = "Two died after the tornado hit the town on Thursday."
    assert not [i for i in check_claim(storm, claim).issues if i.startswith("subject")]


def test_a_long_titled_name_can_be_swapped_in() -> None:
    source = (
        "Police found papers mentioning the Lantern Trust and Mosswood Council at the flat. "
        "Norland Home Secretary Ivo Brandt later spoke to reporters outside parliament."
    )
    claim = "Police found papers mentioning the Lantern Trust and Norland Home Secretary Ivo Brandt."
    issue = "name 'Norland Home Secretary Ivo Brandt' where the source says 'Mosswood Council'"
    assert issue in check_claim(source, claim).issues


def test_a_title_of_a_place_given_another_place() -> None:
    source = (
        "The Duchess of Eastmoor sells her own honey at the farm shop. "
        "Prince Ivo's honey is also rare and costly. Both sold out this week."
    )
    result = check_claim(source, "The Duchess of Prince Ivo sells honey at the farm shop.")
    issue = "name 'Duchess of Prince Ivo' is not where the source puts it"
    assert f"{issue}: the source says 'Duchess of Eastmoor'" in result.issues
    assert check_claim(source, "The Duchess of Eastmoor sells honey at the farm shop.").supported


REFERRED = (
    "Tarrow Mining said on Monday it would cut 400 jobs at its Kelby pit. "
    "Output at Tarrow Mining fell by a third last year as seams ran thin. "
    "The union's Gail Ferris called the cuts brutal. Haulage firm Dunmere Freight, which moves the "
    "pit's coal, warned of knock-on losses. Mine manager Owen Pryce, 58, has run the pit since 2011. "
    "Regulators have fined the pit twice. "
    '"We are committed to reopening the north seam if prices recover," a spokesman said. '
    "The company faced a loss of £12m, and he is expected to stay on until the closure."
)


@pytest.mark.parametrize(
    "claim",
    [
        # "we" in a spokesman's quote, and "the company", stand for the name the article is about.
        "Tarrow Mining said it was committed to reopening the north seam if prices recover.",
        "Tarrow Mining faced a loss of £12m.",
        # "brought" and "bringing" are one verb to a lemma, not to a suffix stripper.
    ],
)
def test_a_name_the_source_refers_to_by_we_or_a_description_is_placed(claim: str) -> None:
    result = check_claim(REFERRED, claim)
    assert not any("is not where the source says this" in issue for issue in result.issues), result.issues


def test_a_name_is_not_placed_by_a_description_of_another() -> None:
    # Dunmere Freight is mentioned once: "the company" is the article's subject, Tarrow Mining.
    result = check_claim(REFERRED, "Dunmere Freight faced a loss of £12m.")
    assert not result.supported


def test_an_irregular_verb_form_places_a_name() -> None:
    source = (
        "Storm Ebba: live updates\n\nStorm Ebba is moving across the islands, bringing gusts of 80 mph. "
        "Ferries are cancelled. A fallen tree brought down power lines in Askey."
    )
    assert check_claim(source, "Storm Ebba brought gusts of 80 mph.").supported


WRITTEN_OUT = (
    "The figures were published by the Westvale Transport Authority on Monday. "
    "Ferry operator Brannock Lines, founded in 2001 by former pilots Ada Quill and Tom Reyes, said it "
    "would add a route. The company made a loss last year. The transport authority said it would add 12 "
    "buses in May. Speaking in Corran, chief executive Ms Quill said fares would rise by 4% in April."
)


@pytest.mark.parametrize(
    "claim",
    [
        # A name written out in full for the sentence's title and surname, role moved before it.
        "Chief executive Ada Quill said fares would rise by 4% in April.",
        # A description the name contains, written as that name.
        "The Westvale Transport Authority said it would add 12 buses in May.",
    ],
)
def test_a_name_written_out_in_full_is_no_new_name(claim: str) -> None:
    result = check_claim(WRITTEN_OUT, claim)
    assert result.supported, result.issues


def test_another_first_name_for_the_surname_is_still_a_swap() -> None:
    claim = "Speaking in Corran, chief executive Tom Quill said fares would rise by 4% in April."
    result = check_claim(WRITTEN_OUT, claim)
    assert not result.supported


def test_a_subject_is_placed_by_its_own_clause_only() -> None:
    source = (
        "On a wet Monday in the Carra Valley, a converted bus pulls into a car park. Within minutes a queue "
        "has formed. The bus is the Carra Health Van, a mobile clinic run by the county. It visits nine "
        "villages on a two-week loop.\n\n"
        "Nurse practitioner Hana Orr sees about 20 patients a day, most of them farmers. Many have no car, "
        "and the nearest surgery is a long drive.\n\n"
        '"Half my job is spotting things early," Orr said between appointments.\n\n'
        "The van was bought with a state grant. Its running costs are shared with two charities.\n\n"
        "Ambulance call-outs from the valley's villages fell by 12% in the van's first two years, according "
        "to a county review, which put the savings at more than £1 million.\n\n"
        "By early afternoon the queue has gone. Orr restocks the cabinets, and the bus heads north."
    )
    claim = (
        "Nurse practitioner Hana Orr sees about 20 patients a day, and ambulance call-outs from the "
        "valley's villages fell 12% in the van's first two years."
    )
    assert check_claim(source, claim).supported


def test_small_name_readings() -> None:
    source = (
        "Kestrel Foods said sales in the US, its biggest market, fell 3% to $1.1bn. Kestrel Foods shares "
        "rose. The offer is a 31% premium to Halloway's closing price on Monday. Kestrel Foods said so. "
        "Ada Lund spent 34 years as an engineer on North Sea ferries before retiring in 2014."
    )
    for claim in (
        "Sales in the US, Kestrel's biggest market, fell 3% to $1.1bn.",  # "its" told as the name
        "The offer is a 31% premium to Monday's closing price.",  # a day is no name
        "Former North Sea ferry engineer Ada Lund spent 34 years on the ferries.",  # "retiring"
    ):
        result = check_claim(source, claim)
        assert not [i for i in result.issues if "name" in i or "former" in i], (claim, result.issues)


LEAD = (
    "PENSIONER'S £2M TICKET\n\n"
    "A grandad from Orton has scooped £2 million on a lottery ticket his dog picked. "
    "Walter Pim, 80, was walking his terrier Biscuit when it pawed at the ticket display. "
    '"I could not believe it," Walter said. His son Kevin, 52, checked the numbers. Walter plans a cruise. '
    "Walter has bought Biscuit a new basket, Kevin said."
)


def test_a_name_for_the_description_a_news_lead_opens_with() -> None:
    assert check_claim(LEAD, "Walter Pim scooped £2 million on a lottery ticket his dog picked.").supported
    # Someone else the article is about does not stand for the lead's "grandad".
    assert not check_claim(LEAD, "Kevin Pim scooped £2 million on a lottery ticket his dog picked.").supported


def test_a_title_case_headline_is_checked_by_its_names_only() -> None:
    source = (
        "Transport Secretary Helena Marsh told MPs on Wednesday that the rural bus grant would continue for "
        "another year. The grant, worth £310m, supports about 1,850 routes. Ms Marsh said the government "
        "would scrap plans to cut it."
    )
    assert check_claim(source, "Transport Secretary Drops Rural Bus Grant Cuts").supported
    result = check_claim(source, "Health Secretary Drops Rural Bus Grant Cuts")
    assert any(issue.startswith("name 'Health") for issue in result.issues), result.issues


def test_former_title_told_before_the_name_and_abbreviated_police_ranks() -> None:
    source = (
        "Lord Ashby, a former transport minister who chaired a 2020 review, described the plan as "
        '"overdue". Detective Inspector Nuala Byrne of the regional unit said further arrests were possible.'
    )
    assert check_claim(source, 'Former transport minister Lord Ashby called the plan "overdue".').supported
    assert not check_claim(source, 'Transport minister Lord Ashby called the plan "overdue".').supported
    assert check_claim(source, "Det Insp Nuala Byrne said further arrests were possible.").supported
    assert not check_claim(source, "Det Insp Nuala Byrne said further arrests were certain.").supported


def test_a_place_within_a_larger_place_is_no_swap() -> None:
    source = (
        "It was picked up by the Kowarra Telescope, a 2.1-metre instrument at Mount Ellery in far-western "
        "New South Wales, which tracked tiny dips in the star's brightness over 14 months."
    )
    claim = "The planet was spotted by the Kowarra Telescope at Mount Ellery, which tracked dips in light."
    assert check_claim(source, claim).supported


def test_a_possessor_inside_a_name_must_be_in_the_source_too() -> None:
    source = "Kenyan runner Peter Kiprop won the city marathon on Sunday, his third title in four years."
    told = "Kenya's Peter Kiprop won the city marathon on Sunday for his third title."
    assert check_claim(source, told).supported
    wrong = "Ethiopia's Peter Kiprop won the city marathon on Sunday for his third title."
    assert any("Ethiopia's" in issue for issue in check_claim(source, wrong).issues)
    hospital = "Dr Ana Ruiz, a cardiologist at St Mary's Hospital in Leeds, said the results were striking."
    told = "Cardiologist Dr Ana Ruiz of St Luke's Hospital said the results of the study were striking."
    assert not check_claim(hospital, told).supported


def test_a_role_set_off_by_commas_is_the_role_the_source_gives() -> None:
    source = (
        "The union's general secretary, Ravi Menon, said staff had raised concerns twice. The mine employs "
        "some 3,000 people across two shafts and a processing plant. Its chairman, Colm Doyle, said talks "
        "would resume. Anna Berg, the deputy governor, said rates would hold. Nurses in England will get a "
        "4% rise."
    )
    told = "Union general secretary Ravi Menon said staff had raised concerns twice."
    assert check_claim(source, told).supported
    wrong = "Union chairman Ravi Menon said staff had raised concerns twice."
    assert not check_claim(source, wrong).supported
    assert check_claim(source, "Deputy governor Anna Berg said rates would hold.").supported
    assert not check_claim(source, "Nurses in Wales will get a 4% rise.").supported
