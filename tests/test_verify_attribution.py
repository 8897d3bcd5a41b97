"""Who is told of where: acronyms and their full names, a speaker's words over several sentences, and
paraphrase that keeps a fact (basis points, a reworded noun, a hedge) against edits that change it."""

from __future__ import annotations

import pytest

from briefing.verify import check_claim

SOURCE = """Ferrow bank trims rates for the first time in two years

MARLSTEAD - The Central Bank of Ferrowland (CBF) cut its main interest rate by a quarter of a percentage \
point to 3.75% on Tuesday, its first reduction in two years.

Governor Helena Dorsey said the decision was "a careful first step".

The bank now expects inflation to reach its 2% target in early 2027, three months earlier than it \
forecast in March.

The Ferrowland Growers' Union (FGU) said farmers would gain little. The FGU has warned that a tractor \
protest could follow in May if fuel duty is not cut, but said no date had been set.

Detective Sergeant Amy Rusk said: "The two men ran towards the canal.

"We believe they may have been waiting in a grey van nearby, and we want to hear from anyone with \
dashcam footage from Quarry Lane between 9pm and 10pm."

Speaking at the meeting, Ann Pike, chair of campaign group Keep Marl Green, said the plan would leave the \
town "hemmed in by concrete". Keep Marl Green said it would consider an appeal.

Ferrow Air chief executive Lars Holm called the strike "reckless". He said the airline would not return \
to talks until the walkout had ended.

Finance minister Piet Janssen welcomed the move.

The tour opens in Leeds on 3 June and ends with two nights in Cardiff on 1 and 2 July.
"""


def supported(claim: str) -> bool:
    return check_claim(SOURCE, claim).supported


def issues(claim: str) -> list[str]:
    return check_claim(SOURCE, claim).issues


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    assert supported("The CBF cut its main rate by 25 basis points to 3.75% on Tuesday.")
    assert not supported("The CBF cut its main rate by 50 basis points to 3.75% on Tuesday.")


def test_an_acronym_stands_where_its_full_name_or_head_noun_does() -> None:
    assert supported("The CBF now expects inflation to reach its 2% target in early 2027.")
    assert supported(
        "The Ferrowland Growers' Union has threatened a tractor protest in May if fuel duty is not cut."
    )


def test_sooner_is_earlier_and_later_is_its_opposite() -> None:
    assert supported("The bank expects inflation to hit 2% in early 2027, three months sooner than forecast.")
    assert "'later' where the source says 'earlier'" in issues(
        "The bank expects inflation to hit 2% in early 2027, three months later than forecast."
    )


def test_a_quote_reported_after_said_belongs_to_its_speaker() -> None:
    assert supported('Governor Helena Dorsey said the move was "a careful first step".')
    assert "quote 'a careful first step' is not attributed to Piet Janssen in source" in issues(
        'Finance minister Piet Janssen said the move was "a careful first step".'
    )


def test_a_speaker_owns_the_quote_paragraphs_that_follow_her_name() -> None:
    assert supported(
        "Detective Sergeant Amy Rusk said the men may have been waiting in a van nearby and appealed for "
        "dashcam footage from Quarry Lane between 9pm and 10pm."
    )


def test_certainty_the_source_does_not_have_is_flagged() -> None:
    claim = "Detective Sergeant Amy Rusk said the men had definitely been waiting in a grey van nearby."
    assert any("'definitely'" in i for i in issues(claim))


def test_a_claim_telling_both_ends_of_a_tour_flips_neither() -> None:
    assert supported("The tour opens in Leeds on 3 June and closes with two nights in Cardiff.")
    assert "'closes' where the source says 'opens'" in issues("The tour closes in Leeds on 3 June.")


def test_a_speaker_is_found_before_a_relative_clause() -> None:
    claim = (
        "Ann Pike, who chairs campaign group Keep Marl Green, said the plan would leave the town "
        '"hemmed in by concrete".'
    )
    assert supported(claim)
    swapped = issues(claim.replace("Ann Pike", "Piet Janssen"))
    assert any("not attributed to Piet Janssen" in i for i in swapped)


def test_a_negated_modal_told_in_other_words_is_the_source_s() -> None:
    assert supported(
        'Lars Holm called the strike "reckless" and said the airline would not go back to the negotiating '
        "table until the walkout had ended."
    )
    assert not supported('Lars Holm called the strike "reckless" and said the airline would return to talks.')


STORM = """Storm Ilse: thousands without power in the hills

More than 12,000 homes were left without power on Monday after Storm Ilse brought gusts of up to 88mph.

Grid operator Hollin Energy said it had restored supply to 4,000 homes by Monday evening but warned that \
some customers might not be reconnected until Thursday. "In some valleys our crews simply cannot get \
through," said operations director Mira Vance.

Researchers at the University of Penmarsh followed 900 households for six weeks after the storm.

The mural, painted in 1931, stretches 11 metres along the hall. It was covered over in the late 1960s.

Kelda, the Penmarsh-based drone start-up, said on Monday it had raised $12m. Its chief executive, Rhys \
Amon, said the firm had thought about flying supplies to cut-off farms. "People don't need speeches. \
They need batteries," he said. He said the firm had decided against it because of the weather. The \
appeal was funded by £2m raised from local donors.
"""


def test_summary_paraphrase_of_a_storm_story_passes() -> None:
    for claim in [
        "Storm Ilse cut power to more than 12,000 homes, with gusts of up to 88mph.",
        "Hollin Energy had reconnected 4,000 homes by Monday evening but warned some could wait until "
        "Thursday.",
        'Operations director Mira Vance said that in some valleys "our crews simply cannot get through".',
        "The University of Penmarsh study followed 900 households for six weeks.",
        "The 11-metre mural was covered over in the late 1960s.",
        "The start-up raised $12m, Kelda said on Monday.",
        'Chief executive Rhys Amon said people "need batteries".',
        "Amon said flying supplies to cut-off farms was considered but rejected because of the weather.",
        "The appeal was funded by £2m from local donors.",
    ]:
        assert check_claim(STORM, claim).supported, (claim, check_claim(STORM, claim).issues)


def test_edits_of_the_storm_story_are_caught() -> None:
    for claim in [
        "More than 12,000 homes were left with power on Monday after Storm Ilse.",
        "The 11-metre mural was covered over in the late 1950s.",
        'Operations director Mira Vance said that in some valleys "our crews simply can get through".',
    ]:
        assert not check_claim(STORM, claim).supported, claim


def test_the_attribution_after_a_quote_decides_its_speaker() -> None:
    claim = 'Rhys Amon said that in some valleys "our crews simply cannot get through".'
    assert any("not attributed to Rhys Amon" in i for i in issues_of(STORM, claim))


def test_a_pronoun_stands_for_the_person_the_article_is_about() -> None:
    obituary = (
        "Mara Quell, the potter who revived Tollan glazes, has died aged 88. Quell grew up in Fenby. "
        "In 1961, while digging near the old kilns, she found shards of a lost Tollan glaze. "
        "Quell later taught at the Fenby school of art."
    )
    claim = "In 1961 Quell found shards of a lost Tollan glaze near the old kilns."
    assert check_claim(obituary, claim).supported


def issues_of(source: str, claim: str) -> list[str]:
    return check_claim(source, claim).issues


def test_proof_the_source_never_claims_is_flagged() -> None:
    study = "The trial suggests that the drug may lower the risk of a second stroke, the authors said."
    assert check_claim(study, "The trial suggests the drug may lower the risk of a second stroke.").supported
    assert not check_claim(study, "The trial proved the drug lowers the risk of a second stroke.").supported


def test_a_description_subject_a_refusal_and_a_number_word_run_pass() -> None:
    source = (
        "The probe, called Wren, reached the asteroid in August after a 14-month journey. It cost about "
        "$28 million to build. The council denied that the outlet had contributed to the fish kill. "
        "The union said it would seek guarantees on jobs beyond the three-year period agreed with Dunsford "
        "for at least three years."
    )
    for claim in [
        "The $28 million spacecraft reached the asteroid in August after a 14-month journey.",
        "The council denies the outlet contributed to the fish kill",
        "The union wants guarantees on jobs beyond three years.",
    ]:
        assert check_claim(source, claim).supported, (claim, check_claim(source, claim).issues)
    assert not check_claim(source, "The council admits the outlet contributed to the fish kill").supported


EARNINGS = """Corrin Systems beats forecasts

Corrin Systems said revenue in the third quarter rose 12% to $2.1 billion. The company raised its \
full-year guidance to between $8.4 billion and $8.6 billion, from a previous range of $8.0 billion to \
$8.3 billion. Chief financial officer Tove Ringdal said the firm would consider selling its printer unit.

Producer Amir Castell has worked with the band since 2004. "Amir made me sing it again," the singer said.

Detective Sergeant Lena Broom of Wexley Police said the two men were known to the force. Prosecutors \
said he and two associates took £40,000. The company has not closed either plant.
"""


def test_an_earnings_story_told_in_other_words_passes() -> None:
    for claim in [
        "Corrin Systems' Q3 revenue rose 12% to $2.1 billion.",
        "Corrin raised its guidance to $8.4bn–$8.6bn from $8.0bn–$8.3bn.",
        "CFO Tove Ringdal said the firm would consider a sale of its printer unit.",
        "Castell made the singer sing it again.",
        "Wexley Police's DS Lena Broom said the two men were known to the force.",
        "Neither plant has been closed by the company.",
    ]:
        assert check_claim(EARNINGS, claim).supported, (claim, check_claim(EARNINGS, claim).issues)


def test_edits_of_the_earnings_story_are_caught() -> None:
    for claim in [
        "Corrin Systems' Q4 revenue rose 12% to $2.1 billion.",
        "Corrin raised its guidance to $8.4bn–$8.6bn from $7.0bn–$8.3bn.",
        "Harlow Police's DS Lena Broom said the two men were known to the force.",
    ]:
        assert not check_claim(EARNINGS, claim).supported, claim


def test_units_spelled_out_an_apposition_and_a_comma_in_an_attribution() -> None:
    source = (
        'NALLUR - Tavi Mills Ltd, the yarn maker based in Vellam, on Tuesday reported a 12 per cent rise in '
        'annual profit. "We expect gusts of up to 60 kilometres an hour," said the fire service\'s '
        "incident controller, Rosa Penn."
    )
    for claim in [
        "Tavi Mills' annual profit rose 12 per cent.",
        'Incident controller Rosa Penn said: "We expect gusts of up to 60 kilometres an hour."',
        "Gusts of up to 60km/h are expected, Rosa Penn said.",
    ]:
        assert check_claim(source, claim).supported, (claim, check_claim(source, claim).issues)
    assert not check_claim(source, "Gusts of up to 80km/h are expected, Rosa Penn said.").supported


def test_a_participle_of_being_somewhere_may_be_left_out() -> None:
    source = "The agency has put about $1 million toward research happening in other states this year."
    claim = "The agency has put about $1 million toward research in other states."
    assert check_claim(source, claim).supported


UNION = """Porters at Dunmere Infirmary vote for walkout

Porters at Dunmere Infirmary have voted to strike over pay, their union said on Friday.

Of the 640 members balloted by the Hospital Porters' Union (HPU), 64 per cent took part. The Dunmere \
Tenants' Forum (DTF) said it had yet to decide whether to back the strike. The infirmary said it would \
hire 25 extra porters next year.

Chief executive Moira Quane said she was saddened by the vote but remained open to talks. She denied that \
the service was understaffed.

The HPU said the walkout would start on 3 March unless the trust made a new offer. On some shifts a single \
porter covers four wards.

Marlow Rail no longer runs trains to Eskby. It expects to carry 4 million passengers this year. It said it \
had no plans to raise fares.

Union organiser Jo Penhale said: "We have been patient for two years.

"Now we are seeing porters, cleaners and cooks queueing at food banks," she said.

Dunmere won the second round of the county cup in March.
"""


def test_abstractive_bullets_of_a_strike_story_pass() -> None:
    for claim in [
        "Of 640 porters balloted by the HPU at Dunmere Infirmary, 64 per cent took part.",
        "The DTF has yet to decide whether to back the strike.",
        "Chief executive Moira Quane said she remained open to talks.",
        "On some shifts one porter covers four wards, the HPU said.",
        "Marlow Rail has no plans to raise fares and no longer runs trains to Eskby.",
        "Penhale said porters, cleaners and cooks were queueing at food banks.",
        "Dunmere won round two of the county cup in March.",
    ]:
        assert check_claim(UNION, claim).supported, (claim, check_claim(UNION, claim).issues)


def test_edits_of_the_strike_story_are_caught() -> None:
    for claim in [
        "The DTF has decided to back the strike.",
        "Marlow Rail has no plans to raise fares and still runs trains to Eskby.",
        "The infirmary has yet to hire 25 extra porters.",
        "Of 640 porters balloted by the HPU, 46 per cent took part.",
        "On some shifts two porters cover four wards, the HPU said.",
        "Dunmere won round three of the county cup in March.",
    ]:
        assert not check_claim(UNION, claim).supported, claim


INTERVIEW = """Orla Brannock runs 900 acres of barley near Kilcarn. After a wet August she spoke to the \
Kilcarn Herald about the harvest.

Q: How far along are you?

A: We're about 60 percent done. Yields are running near 6 tonnes a hectare, down from 7.5 last year.

Q: Will you take the state storage loan?

A: We haven't decided. It's a loan, not a grant. My husband, Declan, thinks we should. I'm not convinced.

Q: Any good news?

A: The malting barley is better than I feared.
"""


def test_a_q_and_a_interview_gives_its_answers_to_the_interviewee() -> None:
    for claim in [
        'Orla Brannock said the malting barley was "better than I feared".',
        "The Brannocks have yet to decide on the storage loan: Declan favours it, while Orla is unconvinced.",
        "Brannock said yields were running near 6 tonnes a hectare.",
    ]:
        assert check_claim(INTERVIEW, claim).supported, (claim, check_claim(INTERVIEW, claim).issues)
    for claim in [
        "Brannock said yields were running near 8 tonnes a hectare.",
    ]:
        assert not check_claim(INTERVIEW, claim).supported, claim


POLL = """Turnout was 28.6%, down from 33.1% in 2021. The Liberal share rose by 9.2 percentage points, while \
Labour's fell by 4.4 points. Reservoir storage has fallen to 22.5%, down from 35.0% a year ago.

The Harrowgate Tenants' Union (HTU) brought the case on behalf of carer Dana Quill, who lost £300 of her \
deposit. Landlord Brackfield did not say whether it would appeal to the Supreme Court.

Brackfield's former finance director, Idris Monk, said the figures were wrong. Jenna Soames won the Kilcarn \
Open on Sunday. She has yet to win a major.
"""


def test_percentage_points_worked_out_hedged_openings_and_open_questions_pass() -> None:
    for claim in [
        "Turnout fell 4.5 percentage points to 28.6%.",
        "Reservoir storage is 12.5 percentage points lower than a year ago.",
        "The Liberal share climbed 9.2 points.",
        "The HTU brought the case on behalf of carer Dana Quill, who lost £300 of her deposit.",
        "Brackfield has not said whether it will try to take the case to the Supreme Court.",
        "Monk, Brackfield's former finance director, said the figures were wrong.",
        "The win puts Soames in contention, though she has still not won a major.",
    ]:
        assert check_claim(POLL, claim).supported, (claim, check_claim(POLL, claim).issues)
    for claim in [
        "Turnout fell 5.5 percentage points to 28.6%.",
        "Soames has won a major.",
    ]:
        assert not check_claim(POLL, claim).supported, claim


PRIZE = """The Ash Door by Nell Corrie, 51, a former nurse from Halby, was named the winner on Tuesday. \
Corrie receives £25,000, while each of the four other shortlisted authors receives £1,000.

The shortlist included Tom Reyes's Low Tide and Ada Brun's Glass Hours; Reyes won the prize in 2019.

Mr Justice Pell said the paper had failed to prove that Ms Corrie copied the book. The High Court in \
Leeds ruled that the claim was false. The publisher was ordered to pay costs of £90,000.

Unseeded Mia Strand beat the top seed on Sunday. The 22-year-old saved two set points in the second set. \
The match lasted three hours, the longest of the week. Chief Executive Lena Harwick said orders would \
recover. First-time buyers priced out of houses were pouring into flats, Harwick said.
"""


def test_bullets_of_a_prize_and_court_story_pass() -> None:
    for claim in [
        "Mr Justice Pell ruled that the paper had failed to prove that Ms Corrie copied the book.",
        "The publisher must pay costs of £90,000.",
        "Strand saved two set points in the second set, in a match that lasted three hours, the longest of "
        "the week.",
        "CEO Lena Harwick said orders would recover.",
        "Harwick said first-time buyers were pouring into flats.",
    ]:
        assert check_claim(PRIZE, claim).supported, (claim, check_claim(PRIZE, claim).issues)
    for claim in [
        "Mr Justice Pell ruled that the paper had proved that Ms Corrie copied the book.",
        "Strand saved two set points in the second set, in a match that lasted three hours, the shortest of "
        "the week.",
    ]:
        assert not check_claim(PRIZE, claim).supported, claim


@pytest.mark.xfail(strict=True, reason="the swap check weighs one source sentence against the one where "
                   "'Reyes won the' is copied; a bullet merging the two sentences about the winner outweighs "
                   "neither, and widening to a passage cost two real catches on the held-out sets")
def test_a_bullet_merging_two_sentences_about_the_winner_passes() -> None:
    claim = (
        "Former nurse Nell Corrie won the £25,000 prize with The Ash Door, while the four other shortlisted "
        "authors receive £1,000 each."
    )
    assert check_claim(PRIZE, claim).supported


def test_mps_are_the_commons_and_a_figure_s_verb_is_read_by_its_lemma() -> None:
    source = (
        "Ferry group Tarn Line profit falls 18% as fares ease\n\n"
        "Transport Secretary Ada Marsh told the Commons on Wednesday that the ferry grant would continue. "
        "Shares in Tarn Line fell 7.3 percent to 212 crowns, while the index was down 0.4 percent."
    )
    for claim in [
        "Transport Secretary Ada Marsh told MPs on Wednesday that the ferry grant would continue.",
        "Shares fall 7.3%",
    ]:
        assert check_claim(source, claim).supported, (claim, check_claim(source, claim).issues)
    assert not check_claim(source, "Shares fall 9.3%").supported


PARK = """Director Ines Varley ran the Harrow Rep for a decade. Varley has said the theatre may cancel its \
tour.

Speaking after the show, she said:

"I would rather fail at that than succeed at something safe."

Martha Quill was more cautious. "Ask me in a month," she said.

The coastguard body has yet to decide whether to open a full inquiry. Senator Ray Dunn would not say \
whether he would stand again.

Timber body chief Rob Feeney said the state had "not offered a cent" to mill workers. The state disputed \
that. It will spend $86.5 million over four years establishing the park, including $31 million on tracks.
Residents aged 65 and over now make up 21.4 per cent of the town, up from 17.9 per cent.
"""


def test_quote_turns_open_questions_referents_and_groups_pass() -> None:
    for claim in [
        'Varley said she would "rather fail at that than succeed at something safe".',
        "The coastguard body has yet to decide whether a full inquiry will be opened.",
        "Dunn would not say whether he would stand again.",
        "The state disputed Feeney's claim.",
        "The state will spend $86.5 million over four years, including $31 million on tracks.",
        "People aged 65 and over make up 21.4 per cent of the town.",
    ]:
        assert check_claim(PARK, claim).supported, (claim, check_claim(PARK, claim).issues)
    for claim in [
        'Quill said she would "rather fail at that than succeed at something safe".',
        "The coastguard body has decided that a full inquiry will be opened.",
        "The state will spend $86.5 million over five years, including $31 million on tracks.",
    ]:
        assert not check_claim(PARK, claim).supported, claim


def test_a_former_role_told_as_current_is_flagged() -> None:
    source = (
        "Parents' group Class Voice, led by former headteacher Dora Reid, said families were worried. "
        "Joel Cade, formerly of Brass Lamps, played for an hour. Ms Reid said pupils sitting exams in May "
        "would suffer. Josh Swale was released after serving two months."
    )
    for claim in [
        "Serving headteacher Dora Reid, who leads Class Voice, said families were worried.",
        "Joel Cade, still fronting Brass Lamps, played for an hour.",
    ]:
        assert not check_claim(source, claim).supported, claim
    for claim in [
        "Class Voice is led by former headteacher Dora Reid.",
        "Former headteacher Dora Reid, who leads Class Voice, said families were worried.",
        "Josh Swale was released after serving two months.",
    ]:
        assert check_claim(source, claim).supported, (claim, check_claim(source, claim).issues)


def test_a_chief_officer_title_must_be_the_one_the_source_gives() -> None:
    source = "Chief Technology Officer Naomi Reyes said the update cut capacity by 80 percent."
    assert check_claim(source, "CTO Naomi Reyes said the update cut capacity by 80 percent.").supported
    issues = check_claim(source, "CEO Naomi Reyes said the update cut capacity by 80 percent.").issues
    assert issues == ["title 'CEO' for 'Naomi Reyes', whom the source calls CTO"]


def test_a_fresh_bundle_s_true_bullets_pass_and_a_wrong_subject_is_flagged() -> None:
    """Items the local model wrote for a bundle it had not seen (session 6), judged true by hand."""
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "audit_bundle_s6.txt").read_text(encoding="utf-8")
    court = text[text.index("Director fined") : text.index("Teenagers who use")]
    sleep = text[text.index("Teenagers who use") :]
    assert check_claim(court, "Director denied two breaches of Work at Height Regulations").supported
    assert check_claim(sleep, "38% regularly use phones after midnight").supported
    assert not check_claim(court, "Worker denied two breaches of Work at Height Regulations").supported
    assert not check_claim(sleep, "Teens who use phones after midnight get less deep sleep").supported


def test_reporting_verbs_and_names_before_said_attribute_quotes() -> None:
    source = (
        "Pell went into the last round half a point behind Grandmaster Ivo Brandt, the defending champion. "
        '"I didn\'t think the sacrifice was sound, but we were both short on time," Pell said.\n\n'
        "Festival director Ana Roe admitted the site had struggled after heavy rain. Queues stretched to two "
        'hours. "We got the drainage wrong and we\'ll fix it," she said.'
    )
    wrong = 'Brandt admitted he "didn\'t think the sacrifice was sound" but said both were short on time.'
    assert not check_claim(source, wrong).supported
    assert check_claim(source, 'Pell admitted she "didn\'t think the sacrifice was sound".').supported
    assert check_claim(source, 'Director Ana Roe admitted organisers "got the drainage wrong".').supported


def test_swapped_amounts_of_one_unit_and_a_count_read_past_a_place() -> None:
    source = (
        "Customs officers found 212kg of cannabis and 18kg of cocaine in the pallets. Corvex is recalling "
        "about 412,000 SUVs in the U.S. Another 38,000 vehicles are being recalled in Canada. The target "
        'of 1,000 new officers a year "may have to be revisited", the minister said.'
    )
    assert check_claim(source, "Officers found 212kg of cannabis and 18kg of cocaine.").supported
    assert not check_claim(source, "Officers found 18kg of cannabis and 212kg of cocaine.").supported
    assert check_claim(source, "Corvex recalls about 412,000 U.S. SUVs.").supported
    assert not check_claim(source, "Corvex recalls about 38,000 U.S. SUVs.").supported
    assert not check_claim(source, "The target of 1,000 officers a year will have to be revisited.").supported
