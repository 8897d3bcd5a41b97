"""Negation, modality and direction forms a summary may use, each with an edit that flips the meaning.

Every row: a source sentence, a paraphrase that says the same in other words (must pass), and an edit that
says the opposite (must be flagged). Known gaps are strict xfails, so fixing one shows.
"""

from __future__ import annotations

import pytest
from forms import marked

from briefing.verify import check_claim

FORMS = [
    (
        "The council has yet to decide whether to close the library.",
        "The council has not decided whether to close the library.",
        "The council has decided to close the library.",
    ),
    (
        "The minister denied that the scheme had failed.",
        "The minister rejected claims the scheme had failed.",
        "The minister admitted the scheme had failed.",
    ),
    (
        "Talks may resume next week, the union said.",
        "The union said talks could resume next week.",
        "The union said talks will resume next week.",
    ),
    (
        "The firm no longer sells diesel cars in Europe.",
        "The firm has stopped selling diesel cars in Europe.",
        "The firm still sells diesel cars in Europe.",
    ),
    (
        "Police ruled out foul play.",
        "Police said there was no sign of foul play.",
        "Police suspect foul play.",
    ),
    (
        "The board refused to increase the offer.",
        "The board declined to raise the offer.",
        "The board agreed to raise the offer.",
    ),
    (
        "The bridge will not reopen until March.",
        "The bridge stays shut until March.",
        "The bridge reopens this week.",
    ),
    (
        "The striker failed to score in his first five games.",
        "The striker did not score in his first five games.",
        "The striker scored in his first five games.",
    ),
    (
        "Few residents attended the meeting.",
        "Only a few residents attended the meeting.",
        "Most residents attended the meeting.",
    ),
    (
        "Exports fell 4% in May, while imports rose 2%.",
        "Exports dropped 4% in May as imports climbed 2%.",
        "Exports rose 4% in May as imports climbed 2%.",
    ),
    (
        "The judge acquitted Mr Dale of all charges.",
        "Mr Dale was cleared of all charges.",
        "Mr Dale was convicted of all charges.",
    ),
    ("Shares closed higher on Friday.", "Shares ended Friday up.", "Shares closed lower on Friday."),
    (
        "The company said it was unlikely to meet its target.",
        "The company said it would probably miss its target.",
        "The company said it was likely to meet its target.",
    ),
    (
        "Nobody was injured in the fire.",
        "No one was hurt in the fire.",
        "Two people were injured in the fire.",
    ),
    (
        "The plan was approved by councillors.",
        "Councillors backed the plan.",
        "Councillors rejected the plan.",
    ),
    # "failed" as an outcome negates no verb; "ordered to pay" is "must pay".
    (
        "Its first launch, in May, ended when an engine valve stuck 80 seconds into flight.",
        "The first launch failed when an engine valve stuck 80 seconds into flight.",
        "The first launch succeeded despite an engine valve sticking 80 seconds into flight.",
    ),
    (
        "The judge ordered the council to pay £20,000 towards the family's costs.",
        "The council must pay £20,000 towards the family's costs, the judge ruled.",
        "The council may pay £20,000 towards the family's costs, the judge ruled.",
    ),
    # Written blind by a helper in session 8 (opposites the lexicon then lacked).
    (
        "The Kellsworth school board approved the new uniform policy by a vote of 5 to 2.",
        "A majority of the Kellsworth school board voted for the new uniform policy.",
        "A majority of the Kellsworth school board voted against the new uniform policy.",
    ),
    (
        "Senator Imogen Vale opposed the highway expansion bill, casting one of only three votes against it.",
        "Senator Imogen Vale voted against the highway expansion bill.",
        "Senator Imogen Vale voted for the highway expansion bill.",
    ),
    (
        "The Ardent Bay regional assembly is expected to vote on the fishing quota bill next week.",
        "The Ardent Bay regional assembly will probably vote on the fishing quota bill next week.",
        "The Ardent Bay regional assembly has already voted on the fishing quota bill.",
    ),
    (
        "Goalkeeper Tomas Ekholm refused a contract extension offered by Veldt United, his agent said.",
        "Tomas Ekholm turned down Veldt United's offer of a contract extension, according to his agent.",
        "Tomas Ekholm accepted Veldt United's offer of a contract extension, according to his agent.",
    ),
    (
        "Incumbent mayor Greta Holm lost the Sandvik mayoral election to challenger Pieter Laas by 400 "
        "votes.",
        "Mayor Greta Holm was beaten by challenger Pieter Laas in the Sandvik mayoral election.",
        "Mayor Greta Holm beat challenger Pieter Laas in the Sandvik mayoral election.",
    ),
    (
        "The Wendle Valley charity run raised 38,000 crowns, missing its target of 50,000.",
        "The Wendle Valley charity run fell short of its 50,000-crown fundraising goal.",
        "The Wendle Valley charity run exceeded its 50,000-crown fundraising goal.",
    ),
    (
        "Rescuers found the missing hiker, 27-year-old Lena Morrow, alive but dehydrated on Mount Tabren "
        "on Wednesday.",
        "Lena Morrow, the hiker who had gone missing, was found alive on Mount Tabren on Wednesday.",
        "Lena Morrow, the hiker who had gone missing, was found dead on Mount Tabren on Wednesday.",
    ),
    (
        "The Lowmere council voted to prohibit e-scooters on the seafront promenade from June.",
        "From June, e-scooters will be banned from Lowmere's seafront promenade after a council vote.",
        "From June, e-scooters will be allowed on Lowmere's seafront promenade after a council vote.",
    ),
    # One verb said of one object and denied of another: the claim keeps each with its own.
    (
        "The trust repairs the roads, but it does not repair the footpaths, a spokesman said.",
        "The trust repairs the roads while neglecting the footpaths, a spokesman said.",
        "A spokesman said the trust repairs the roads and the footpaths.",
    ),
    # Opposite adjectives from WordNet (alive/dead, wettest/driest, effective/ineffective).
    (
        "The missing climber was found alive on Sunday morning, police said.",
        "Police said the missing climber was found alive on Sunday.",
        "Police said the missing climber was found dead on Sunday.",
    ),
    (
        "August was the wettest month on record in the county.",
        "The county had its wettest August on record.",
        "The county had its driest August on record.",
    ),
    (
        "Inspectors judged the school's safeguarding to be effective.",
        "The school's safeguarding was rated effective by inspectors.",
        "Inspectors found the school's safeguarding ineffective.",
    ),
    (
        "The grant is open to primary schools in the district.",
        "Primary schools in the district can apply for the grant.",
        "Secondary schools in the district can apply for the grant.",
    ),
    (
        "Rescue teams searched the northern slopes of the ridge overnight.",
        "Overnight, rescue teams searched the ridge's northern slopes.",
        "Overnight, rescue teams searched the ridge's southern slopes.",
    ),
    (
        "Nobody had staged the opera in fifty years.",
        "The opera had gone unstaged for fifty years.",
        "The opera had been staged every year for fifty years.",
    ),
]

KNOWN_FALSE_ALARMS = {"Police said there was no sign of foul play.": "'ruled out' is not read as a negation"}
KNOWN_MISSES = {
    "The first launch succeeded despite an engine valve sticking 80 seconds into flight.": (
        "'succeeded' is not set against 'ended when'"
    ),
    "The council may pay £20,000 towards the family's costs, the judge ruled.": "a weakened modal",
    "Police suspect foul play.": "'suspect' is not set against 'ruled out'",
    "The bridge reopens this week.": "'will not reopen until March' is not set against 'this week'",
    "Most residents attended the meeting.": "'most' is not set against 'few'",
}


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 1, KNOWN_FALSE_ALARMS))
def test_the_same_meaning_in_other_words_passes(source: str, claim: str) -> None:
    result = check_claim(source, claim)
    assert result.supported, result.issues


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 2, KNOWN_MISSES))
def test_the_opposite_meaning_is_flagged(source: str, claim: str) -> None:
    assert not check_claim(source, claim).supported
