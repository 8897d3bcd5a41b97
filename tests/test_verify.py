"""check_claim and check_jsonl on fictional source/claim pairs, one per kind of error the verifier catches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.verify import check_claim, check_jsonl

SOURCE = (
    "Harbourtown council has approved a £20m plan to rebuild the Eastgate bridge, which closed in "
    "August 2022 after inspectors found cracks in two of its eight supports. "
    "Council leader Jess Phillips said the work would start on Sept. 5 and take 18 months. "
    '"We cannot leave a town cut in half," Ms Phillips told reporters. '
    "The Cyberspace Administration of China (CAC) was not involved. "
    "Opposition councillor Tom Reyes denied that the plan had been rushed, "
    "but said costs had risen 12% since March. "
    "The council closed 131 accounts in March after an audit found irregularities. "
    "A former mayor, Ann Loy, warned that traffic would get worse during the works."
)


def supported(claim: str) -> bool:
    return check_claim(SOURCE, claim).supported


@pytest.mark.parametrize(
    "claim",
    [
        "Harbourtown council approved a £20m plan to rebuild the Eastgate bridge.",
        # Paraphrase: numbers written differently, words reordered, a name by its alias.
        "The council backed a 20 million pounds scheme to rebuild the bridge, closed since August 2022.",
        "Work on the Eastgate bridge will start on Sept. 5 and last 18 months, Ms Phillips said.",
        "Inspectors found cracks in two of the bridge's eight supports.",
        "The CAC was not involved.",
        "Tom Reyes denied that the plan had been rushed.",
    ],
)
def test_supported_claims_pass(claim: str) -> None:
    result = check_claim(SOURCE, claim)
    assert result.supported, result.issues
    assert result.issues == []
    assert 0.5 < result.score <= 1.0
    assert result.evidence, "a supported claim must point at the source sentences that back it"


def test_evidence_spans_are_source_sentences() -> None:
    result = check_claim(SOURCE, "Inspectors found cracks in two of the bridge's eight supports.")
    assert any("cracks" in SOURCE[s:e] for s, e in result.evidence)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Harbourtown council approved a £25m plan to rebuild the Eastgate bridge.", "number '£25m"),
        ("Work on the bridge will start on Sept. 5 and take 24 months.", "number '24 months"),
        ("The Eastgate bridge closed in August 2021 after inspectors found cracks.", "number 'August 2021"),
        (
            "Costs have risen 12 percentage points since March, according to Tom Reyes.",
            "number '12 percentage",
        ),
        # The counted thing: 131 is in the source, but as accounts closed in March, not in 2021.
        ("The council closed 131 accounts in 2021 after an audit.", "number '2021"),
    ],
)
def test_changed_numbers_are_caught(claim: str, expected: str) -> None:
    result = check_claim(SOURCE, claim)
    assert not result.supported
    assert any(issue.startswith(expected) for issue in result.issues), result.issues


def test_number_in_source_but_counting_something_else() -> None:
    source = "The club sold 40 season tickets on Monday. It has 300 members and 12 coaches."
    result = check_claim(source, "The club has 40 coaches.")
    assert not result.supported
    assert any("about something else" in issue for issue in result.issues), result.issues
    assert check_claim(source, "The club has 12 coaches.").supported
    # Tokenised sources split digit groups and hyphenated words apart.
    source = "They won $ 53, 193, 914 . Cases may hit 31. 8 million . Her then - 16 - year - old son saw it ."
    assert check_claim(source, "They won $ 53,193,914.").supported
    assert check_claim(source, "Cases may hit 31.8 million.").supported
    assert check_claim(source, "Her then-16-year-old son saw it.").supported
    assert not check_claim(source, "Cases may hit 8 million.").supported
    # An age counts years however it is hyphenated.
    source = "A 6,000-year-old home was found near the village, and 12 years of digging lie ahead."
    assert check_claim(source, "A 6,000 year old home was found near the village.").supported


def test_name_not_in_source() -> None:
    result = check_claim(SOURCE, "Council leader John Smith said the work would start on Sept. 5.")
    assert not result.supported
    assert "name 'John Smith' not in source" in result.issues


def test_former_must_agree() -> None:
    assert supported("Former mayor Ann Loy warned of worse traffic during the works.")
    result = check_claim(SOURCE, "Former councillor Tom Reyes denied that the plan had been rushed.")
    assert not result.supported
    assert "title 'former' for 'Tom Reyes' not in source" in result.issues


def test_entity_swapped_within_copied_sentence() -> None:
    result = check_claim(SOURCE, "Opposition councillor Ann Loy denied that the plan had been rushed.")
    assert not result.supported
    assert any(issue.startswith("name 'Ann Loy'") for issue in result.issues), result.issues


@pytest.mark.parametrize(
    "claim",
    [
        "Harbourtown council has not approved a £20m plan to rebuild the Eastgate bridge.",
        "The Cyberspace Administration of China (CAC) was not not involved.",
        "Inspectors never found cracks in the supports of the Eastgate bridge.",
    ],
)
def test_negation_flips_are_caught(claim: str) -> None:
    result = check_claim(SOURCE, claim)
    assert not result.supported
    assert any(issue.startswith("negation") for issue in result.issues), result.issues


def test_negation_the_source_makes_is_fine() -> None:
    assert supported("Tom Reyes denied the plan had been rushed.")
    assert supported("The CAC played no part and was not involved.")


def test_modality_added_to_a_copied_sentence() -> None:
    claim = "The council could close 131 accounts in March after an audit found irregularities."
    result = check_claim(SOURCE, claim)
    assert not result.supported
    assert any(issue.startswith("modality 'could'") for issue in result.issues), result.issues


def test_a_plan_the_source_tells_may_be_told_with_will() -> None:
    source = "After the flood, the Quarry Players group is preparing to reopen its hall in Vantry in May."
    assert check_claim(source, "The Quarry Players group will reopen its hall in Vantry in May.").supported
    hedged = check_claim(source, "The Quarry Players group could reopen its hall in Vantry in May.")
    assert any(issue.startswith("modality 'could'") for issue in hedged.issues), hedged.issues


def test_quote_verbatim_passes_and_altered_quote_fails() -> None:
    assert supported('"We cannot leave a town cut in half," Ms Phillips said.')
    # Typographic quotes and an ellipsis are not changes.
    assert supported("Ms Phillips said: “We cannot leave a town … in half.”")
    altered = check_claim(SOURCE, '"We must not leave the town cut in half," Ms Phillips said.')
    assert not altered.supported
    assert any(issue.startswith("quote") for issue in altered.issues), altered.issues


def test_treebank_quote_marks_are_quotes() -> None:
    # Tokenised corpora write "..." as `` ... ''.
    assert supported("`` We cannot leave a town cut in half,'' Ms Phillips said.")
    altered = check_claim(SOURCE, "`` We must not leave the town cut in half,'' Ms Phillips said.")
    assert any(issue.startswith("quote") for issue in altered.issues), altered.issues


def test_quote_attributed_to_the_wrong_speaker() -> None:
    result = check_claim(SOURCE, '"We cannot leave a town cut in half," said Tom Reyes.')
    assert not result.supported
    assert any("not attributed to Tom Reyes" in issue for issue in result.issues), result.issues


def test_unsupported_addition_lowers_coverage() -> None:
    result = check_claim(SOURCE, "Volcanic eruptions threaten tourism across remote islands.")
    assert not result.supported
    assert result.score < 0.5


def test_check_jsonl_rows_in_order() -> None:
    rows = [
        json.dumps({"id": "a", "source": SOURCE, "claim": "The CAC was not involved."}),
        "",
        json.dumps({"id": "b", "source": SOURCE, "claim": "The CAC was deeply involved in 2019."}),
    ]
    out = [json.loads(line) for line in check_jsonl(rows)]
    assert [row["id"] for row in out] == ["a", "b"]
    assert out[0]["supported"] is True and out[1]["supported"] is False
    assert set(out[0]) == {"id", "supported", "score", "issues"}
    assert out[1]["issues"]


def test_check_jsonl_rejects_malformed_rows() -> None:
    with pytest.raises(InputError, match="line 1"):
        list(check_jsonl(['{"id": "x", "claim": "no source"}']))


PLACES = (
    "Mayor Ann Loy opened the new Riverside library on Monday. "
    "The building cost £3m and holds 40,000 books. "
    "Children from four schools sang at the ceremony. "
    "The cafe on the ground floor will open in May. "
    "Separately, police chief Omar Reed warned about bicycle thefts in the town centre. "
    "He said 120 bikes were stolen last year."
)


def test_name_swapped_for_another_name_in_the_source() -> None:
    result = check_claim(PLACES, "Omar Reed opened the new Riverside library, which cost £3m.")
    assert not result.supported
    assert "name 'Omar Reed' where the source says 'Ann Loy'" in result.issues
    # The right name, and a pronoun resolved from the sentence before, are fine.
    assert check_claim(PLACES, "Ann Loy opened the new Riverside library, which cost £3m.").supported
    assert check_claim(PLACES, "Police chief Omar Reed said 120 bikes were stolen last year.").supported


def test_name_swapped_into_a_copied_phrase() -> None:
    source = (
        "Judges voted to uphold the Clean Harbour Act, which funds dredging for 40 ports. "
        "The ruling was welcomed by Mayor Ida Brant. Critics led by Paul Ames said it was too costly."
    )
    swapped = check_claim(source, "Judges voted to uphold the Paul Ames, which funds dredging for 40 ports.")
    assert "name 'Paul Ames' where the source says 'Clean Harbour Act'" in swapped.issues
    assert check_claim(source, "Judges upheld the Clean Harbour Act, which funds dredging.").supported
    # A describing word in the copied place ("the Algerian student Sid Hal") is not a swap.
    source = "Police said the Algerian student Sid Hal was preparing to attack a church."
    assert check_claim(source, "Police said Sid Hal was preparing to attack a church.").supported


def test_person_and_thing_are_not_interchanged() -> None:
    source = (
        "Peers debated the Safe Streets Bill on Monday. Critics said the Safe Streets Bill went too far. "
        "Mr Dale Fenn, a retired judge, said the bill was rushed."
    )
    # A bill with a role, and a person that is rejected like a bill.
    person = check_claim(source, "Safe Streets Bill, the chairman, told reporters it was rushed.")
    assert "'Safe Streets Bill' is a thing in the source, not a person" in person.issues
    thing = check_claim(source, "Lawmakers rejected the Dale Fenn.")
    assert "'Dale Fenn' is a person in the source, not a thing" in thing.issues
    assert check_claim(source, "Dale Fenn told reporters the bill was rushed.").supported
    assert check_claim(source, "Lawmakers rejected the Safe Streets Bill.").supported
    # Organisations speak too: a speech verb alone does not make a name a person.
    office = "Peers debated the bill. In a statement, the Home Office defended the Safe Streets Bill."
    assert check_claim(office, "The Home Office told peers it defended the Safe Streets Bill.").supported


def test_names_in_a_list_are_not_placed_one_by_one() -> None:
    source = "Guests included Ann Loy, Omar Reed and Tim Holt. The dinner raised £5,000 for the hospice."
    assert check_claim(source, "Ann Loy, Omar Reed and Tim Holt attended a dinner for the hospice.").supported
    assert check_claim(source, "Ann Loy, Omar Reed and the kind Tim Holt dined for the hospice.").supported


def test_subject_of_a_copied_sentence_taken_from_elsewhere() -> None:
    # Lower-cased names have no capitals to be found by: the subject is placed instead.
    source = (
        "The city council approved the new budget on tuesday after a long debate. "
        "Roads will get most of the money. "
        "Schools will get the rest. "
        "In other news, local baker tim holt won the regional pie contest."
    )
    result = check_claim(source, "Tim holt approved the new budget on tuesday after a long debate.")
    assert not result.supported
    assert any(issue.startswith("subject 'Tim holt'") for issue in result.issues), result.issues
    assert check_claim(source, "The city council approved the new budget on tuesday.").supported


def test_claim_of_several_sentences_is_compared_sentence_by_sentence() -> None:
    claim = (
        "Harbourtown council has approved a £20m plan to rebuild the Eastgate bridge."
        "The Cyberspace Administration of China (CAC) was not not involved."
    )
    result = check_claim(SOURCE, claim)
    assert not result.supported
    assert any(issue.startswith("negation") for issue in result.issues), result.issues


def test_a_bare_not_frames_a_clause_rather_than_flipping_it() -> None:
    source = "Another vote is the last thing the public wants, but the parties are getting ready for it."
    claim = "Although not what voters want, the parties are getting ready for a vote."
    assert check_claim(source, claim).supported
    flipped = check_claim(source, "The parties are not getting ready for a vote next year.")
    assert "negation 'not ready' not in source" in flipped.issues


def test_a_contracted_negation_is_judged_only_on_words_the_source_states() -> None:
    source = "The coach said the squad had trained hard all week and the players felt ready for the final."
    # The writer's own wording: "convinced" is not in the source, so there is nothing to contradict.
    assert check_claim(source, "The squad trained hard, though some players aren't convinced.").supported
    flipped = check_claim(source, "The squad hadn't trained hard all week, the coach said.")
    assert not flipped.supported


def test_a_few_is_an_amount_not_a_negation() -> None:
    source = "The last gibbons are now limited to a few isolated patches of forest in the south."
    assert check_claim(source, "The gibbons are now isolated to small patches of forest.").supported
    result = check_claim(source, "The gibbons are not isolated to small patches of forest.")
    assert "negation 'not isolated' not in source" in result.issues


def test_a_negation_the_claim_shares_with_the_source_excuses_no_other_flip() -> None:
    source = "An inquest into the crash has been delayed because there is no coroner to hear it."
    assert check_claim(source, "With no coroner to hear it, the inquest has been delayed.").supported
    result = check_claim(source, "With no coroner to hear it, the inquest has not been delayed.")
    assert "negation 'not delayed' not in source" in result.issues


def test_no_before_a_number_ranks_rather_than_negates() -> None:
    source = "The keeper says he will fight to keep the number one shirt he first wore as a teenager."
    claim = "The keeper says he will fight to keep the No 1 shirt he first wore as a teenager."
    assert not [i for i in check_claim(source, claim).issues if "negation" in i]


MATCH = (
    "KESSOCK (Wire) — Tobi Ward headed in a corner in the 88th minute and Kessock Rovers beat Millbrook "
    "Athletic 2-1 on Saturday to move three points clear at the top of the table. "
    "The club said the win would help it sell more season tickets. "
    "Kessock Rovers have now won five games in a row, and the Kessock Rovers manager, Ian Dale, praised his "
    "players' fitness."
)


@pytest.mark.parametrize(
    ("claim", "ok"),
    [
        ("Tobi Ward's 88th-minute header gave Kessock Rovers a 2-1 win.", True),  # ordinal in a compound
        ("Tobi Ward's 89th-minute header gave Kessock Rovers a 2-1 win.", False),
        ("Kessock Rovers beat Millbrook Athletic 3-1 on Saturday.", False),  # a score is not its first number
        # "The club" told by its name in an otherwise copied sentence: a faithful paraphrase.
        ("Kessock Rovers said the win would help it sell more season tickets.", True),
        ("The Kessock Rovers club said the win would help it sell more season tickets.", True),
        pytest.param(
            "Millbrook Athletic said the win would help it sell more season tickets.", False,
            marks=pytest.mark.xfail(strict=True, reason="known gap: the copied window takes in the sentence "
                                    "before, which names Millbrook, so the wrong referent reads as copied"),
        ),
    ],
)
def test_scores_ordinals_and_named_descriptions(claim: str, ok: bool) -> None:
    assert check_claim(MATCH, claim).supported is ok, check_claim(MATCH, claim).issues


def test_a_role_written_before_the_name_it_follows_in_the_source() -> None:
    source = (
        "Dr Samir Haddad, the hospital's medical director, said the ward was full every single day. "
        "Nurses said they had not been consulted."
    )
    claim = "Medical director Dr Samir Haddad said the ward was full every single day."
    assert check_claim(source, claim).supported


def test_a_dateline_is_no_name_and_a_long_apposition_may_be_left_out() -> None:
    source = (
        "Crypto lender Bitcrest files for bankruptcy\n\n"
        "HARBORVIEW, Calif. (Wire) — Bitcrest Holdings, a cryptocurrency lender that promised savers "
        "yields of up to 11% a year, filed for Chapter 11 bankruptcy protection on Tuesday."
    )
    claim = "Crypto lender Bitcrest Holdings filed for Chapter 11 bankruptcy protection on Tuesday."
    assert check_claim(source, claim).supported, check_claim(source, claim).issues
    assert not check_claim(source, claim.replace("Bitcrest Holdings", "Ostrava Capital")).supported


def _heldout_story(name: str) -> str:
    return (Path(__file__).parent / "fixtures" / "heldout" / name).read_text(encoding="utf-8")


def test_a_claim_joining_two_facts_places_each_name_in_its_own_clause() -> None:
    source = _heldout_story("football--kestrel-rovers-wire.txt")
    claim = (
        "Millbrook went ahead through a curled Dario Vance free kick in the 23rd minute, but Marcus Bell "
        "equalised just after halftime."
    )
    assert check_claim(source, claim).supported, check_claim(source, claim).issues


def test_an_owner_named_elsewhere_in_the_article() -> None:
    source = _heldout_story("energy--saltmarsh-wind-feature.txt")
    claim = "Tidewell Energy's 62-turbine Grayledge wind farm cost $1.9 billion."
    assert check_claim(source, claim).supported, check_claim(source, claim).issues
    assert not check_claim(source, claim.replace("$1.9 billion", "$2.9 billion")).supported


def test_a_count_the_source_gives_for_something_else() -> None:
    source = (
        "Two goals in four minutes from Reilly brought City level. "
        "Ferreira, on the pitch for only six minutes, then volleyed in from a knockdown to rescue a point."
    )
    claim = "Ferreira, on the pitch for only six minutes, volleyed in to rescue a point."
    assert check_claim(source, claim).supported
    result = check_claim(source, claim.replace("six", "four"))
    assert not result.supported and "about something else" in result.issues[0], result.issues


DROPPED = (
    "Harlow Grid says its crews cannot safely climb poles until the wind drops below 50 mph. "
    "Bellmont Foods boss Ravi Sen said the group had no plans to close its two bakeries in Tenby. "
    "The merger is not yet approved by regulators. "
    '"We will pay every saver back," chief executive Lena Roy said in a statement. '
    "She did not take questions."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Harlow Grid says its crews can safely climb poles before the wind drops below 50 mph.",
        "Ravi Sen said Bellmont Foods had plans to close its two bakeries in Tenby.",
        # The negation is in the sentence after the evidence, and "took" is a form of "take".
        'Lena Roy said "we will pay every saver back" and then took questions.',
    ],
)
def test_a_negation_the_claim_leaves_out_is_caught(claim: str) -> None:
    result = check_claim(DROPPED, claim)
    assert any(issue.startswith("negation dropped") for issue in result.issues), result.issues


@pytest.mark.parametrize(
    "claim",
    [
        "Harlow Grid's crews cannot climb poles safely until the wind drops below 50 mph.",
        "Ravi Sen said Bellmont Foods would not close its two bakeries in Tenby.",  # the negation moved
        "Ravi Sen ruled out closing the two Tenby bakeries.",
    ],
)
def test_a_negation_the_claim_keeps_or_rewords_passes(claim: str) -> None:
    result = check_claim(DROPPED, claim)
    assert not any(issue.startswith("negation dropped") for issue in result.issues), result.issues


def test_not_yet_states_a_negation() -> None:
    source = "The merger has been approved by regulators in Brussels and London."
    result = check_claim(source, "The merger is not yet approved by regulators.")
    assert any(issue.startswith("negation 'not approved'") for issue in result.issues), result.issues


def test_a_negation_reworded_in_the_claim_is_no_drop() -> None:
    source = (
        "Chief executive Ian Moir said the distiller had held its nerve on pricing and would not chase "
        "volume by discounting its best whiskies. The cause of the blaze has not been determined, and "
        "lightning had not been recorded in the area in the days before."
    )
    for claim in (
        "Ian Moir said the distiller held its nerve on pricing rather than discounting its best whiskies to "
        "chase volume.",
        "The cause of the blaze has not been determined, and no lightning had been recorded in the area "
        "in the days before.",
    ):
        result = check_claim(source, claim)
        assert not [i for i in result.issues if "negation" in i or "omitted" in i], (claim, result.issues)


REAL_BULLETS = (
    "Orrin Mining agreed on Tuesday to buy Delta Copper for 2 billion Canadian dollars ($1.5 billion), "
    "betting that demand for copper will stay high. Orrin Mining expects yearly savings of $90 million at "
    "Delta Copper's mines by 2028.\n\n"
    "The 120 homes will be built by Kelby Homes Partnership, a joint venture with the council. It is "
    "expected to cost £40m.\n\n"
    "Tom Hale, 52, admitted fraud at Kelby Crown Court. Prosecutor Ann Vey said Hale disguised the "
    "payments as invoices from suppliers that did not exist."
)


@pytest.mark.parametrize(
    "claim",
    [
        "Orrin Mining Buys Delta Copper for $1.5B",  # names near another dollar figure say nothing of it
        "The homes will be built by Kelby Homes Partnership and cost £40m.",  # "It is expected to cost"
        # The attribution left out, the surname written in full.
        "Tom Hale disguised the payments as invoices from suppliers that did not exist.",
    ],
)
def test_correct_bullets_a_small_model_wrote_pass(claim: str) -> None:
    result = check_claim(REAL_BULLETS, claim)
    assert result.supported, result.issues


def test_for_nothing_means_free_not_a_negation() -> None:
    source = "Jeweller Sam Orr cleaned the ring free of charge and valued it at about £450."
    claim = "Jeweller Sam Orr cleaned the ring for nothing and valued it at about £450."
    assert check_claim(source, claim).supported


def test_refused_and_lost_told_in_other_words_are_no_added_negation() -> None:
    source = (
        "The union said it had offered to raise member contributions by one percentage point, an offer "
        "the board refused. The grid operator said it had avoided blackouts, although about 9,000 homes "
        "lost power for two hours after a fault."
    )
    assert check_claim(source, "The board refused an offer to raise member contributions.").supported
    told = "The operator avoided blackouts, although a fault left 9,000 homes without power for two hours."
    assert check_claim(source, told).supported
    flipped = "The operator did not avoid blackouts, and a fault left about 9,000 homes without power."
    assert not check_claim(source, flipped).supported


def test_a_quotation_joined_to_another_sentence_s_clause_is_no_stitch() -> None:
    source = (
        "Harbour chief Ada Lowe said the spill had been contained by noon, but warned the clean-up could "
        'take two weeks. "This is not the worst case, but it is serious," Ms Lowe said.'
    )
    told = 'Ada Lowe called the spill "not the worst case" but warned the clean-up could take two weeks.'
    assert check_claim(source, told).supported


def test_not_yet_known_is_the_source_s_we_don_t_know_yet() -> None:
    source = (
        'Lead author Dr Ana Kirk said the planet was a "prime target" for studies of its atmosphere. '
        '"We don\'t know yet whether it has an atmosphere, let alone water," Dr Kirk said.'
    )
    claim = "Dr Ana Kirk said it was not yet known whether the planet has an atmosphere, let alone water."
    assert check_claim(source, claim).supported


def test_set_15_shapes_affiliation_at_no_point_and_a_noun_in_ing() -> None:
    source = (
        "Prices rose by 6.1% in the year to March, according to the Central Statistics Office (CSO). "
        "Senior statistician Aoife Rann said the annual rate had now slowed for three months.\n\n"
        '"The market is still growing, but at a gentler pace," Ms Rann said.\n\n'
        '"At no point was anyone\'s water at risk," Kowal said.\n\n'
        "Sandra Okoye, who is expected to be confirmed as council leader at the annual meeting on 24 May, "
        "said residents had voted for change."
    )
    told = 'CSO senior statistician Aoife Rann said the market is "still growing, but at a gentler pace".'
    assert check_claim(source, told).supported
    assert check_claim(source, "Kowal insisted the water was never at risk.").supported
    told = "Sandra Okoye, expected to be confirmed as council leader on 24 May, said residents had voted."
    assert check_claim(source, told).supported


def test_set_16_shapes_multiples_converse_kin_honorifics_and_interviews() -> None:
    source = (
        "Ledgerly has raised $140 million at a valuation of $1.3 billion, more than triple its valuation "
        "of about $400 million in 2023. Ms Oke said Ledgerly, founded in 2021, had no plans to go public "
        "before 2027. He was reported missing by his wife, Sinead, when he failed to return home. The "
        "depot had been working with about a quarter fewer engineers than planned. Dr Ravi Pen, her former "
        "doctoral student, said she \"had no patience for hand-waving\"."
    )
    for claim in (
        "The new valuation is more than three times the roughly $400 million it was worth in 2023.",
        "Ledgerly, founded in 2021, has no plans to go public before 2027.",
        "Sinead, who reported her husband missing, said she never gave up.",
        "The depot was working with about 25% fewer engineers than planned.",
        'Dr Ravi Pen, her former doctoral student, said she "had no patience for hand-waving".',
    ):
        assert check_claim(source, claim).supported, claim
    assert not check_claim(source, "The new valuation is more than five times its 2023 value.").supported


def test_the_interviewee_is_whom_the_intro_says_was_interviewed() -> None:
    source = (
        "The deal, brokered by the Workplace Mediation Service (WMS), gives 730 workers a rise. We spoke to "
        "Bríd Hanley, the union's organiser, who led the talks.\n\n"
        "Q: Are you happy with the deal?\n\nA: It's a good deal, not a perfect one.\n\n"
        "Q: Any regrets?\n\nA: I don't regret standing up for the workers on the quays."
    )
    assert check_claim(source, 'Bríd Hanley called it "a good deal, not a perfect one".').supported
    wrong = 'WMS chief Tom Reilly called it "a good deal, not a perfect one".'
    assert not check_claim(source, wrong).supported
