"""Evidence from fictional stories: spans are bundle offsets, and quotes go to the people who said them."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.evidence import extract_evidence
from briefing.model import Evidence, Story

FIXTURES = Path(__file__).parent / "fixtures"
PREFIX = "An unrelated story comes first in the bundle.\n\n"


def story_from(name: str, title: bool = True) -> tuple[str, Story]:
    """The fixture placed after other text, so bundle offsets differ from story offsets."""
    text = (FIXTURES / f"evidence_{name}.txt").read_text(encoding="utf-8")
    bundle = PREFIX + text
    first_line = text.split("\n", 1)[0]
    title_text = first_line if title else None
    story = Story(id="s1", source="t", start=len(PREFIX), end=len(bundle), text=text, title=title_text)
    return bundle, story


def evidence_of(name: str) -> tuple[str, Evidence]:
    bundle, story = story_from(name)
    return bundle, extract_evidence(story)


def speakers(ev: Evidence) -> dict[str, str | None]:
    return {q.text: q.speaker for q in ev.quotes}


@pytest.mark.parametrize("name", ["council", "markets", "sport", "teaser"])
def test_every_span_is_the_bundle_text(name: str) -> None:
    bundle, ev = evidence_of(name)
    assert ev.story_id == "s1"
    assert [f.id for f in ev.figures] == [f"f{i}" for i in range(1, len(ev.figures) + 1)]
    assert [q.id for q in ev.quotes] == [f"q{i}" for i in range(1, len(ev.quotes) + 1)]
    for f in ev.figures:
        assert bundle[f.start : f.end] == f.text
        assert f.text in f.context
    for q in ev.quotes:
        assert bundle[q.start : q.end] == q.text
        assert q.text[0] not in "\"“”" and q.text[-1] not in "\"“”,"
        if q.speaker is not None:
            assert q.speaker_start is not None and q.speaker_end is not None
            assert bundle[q.speaker_start : q.speaker_end] == q.speaker


def test_council_figures() -> None:
    _, ev = evidence_of("council")
    found = [(f.text, f.kind, f.unit) for f in ev.figures]
    assert ("£35bn", "money", "GBP") in found
    assert ("eight", "count", "regulation") in found
    assert ("76%", "percent", "%") in found
    assert ("August 2022", "date", "date") in found
    assert ("3 percentage points", "percent", "pp") in found
    assert ("£426,000", "money", "GBP") in found
    assert ("between 5 and 7 million pounds", "money", "GBP") in found
    eight = next(f for f in ev.figures if f.text == "eight")
    assert eight.context.startswith("The Harrowgate regional council on Tuesday approved")


def test_council_quotes_and_speakers() -> None:
    _, ev = evidence_of("council")
    said = speakers(ev)
    # 'Council leader Jane Phillips said the vote ... was "..."': attribution before the quote.
    assert said["the biggest decision this chamber has taken in a generation"] == "Jane Phillips"
    # '"...," Ms Phillips said.': the titled surname becomes the full name introduced earlier.
    assert said["We have waited twenty years for a plan like this, and we are not going to waste it"] == (
        "Jane Phillips"
    )
    # A second quote in the same paragraph keeps the speaker.
    assert said["Every town on the coast will feel the difference by 2028."] == "Jane Phillips"
    # 'Tom Okafor said: "..."' and then '"...," he added.'
    assert said[
        "This is a plan that the region cannot afford, and the people who pay for it will be small firms."
    ] == "Tom Okafor"
    assert said[
        "The figures do not add up. Nobody has explained where the missing £426,000 a year will come from"
    ] == "Tom Okafor"
    # '"...," said Raman.' and the two-paragraph quote that follows it.
    assert said["We checked every line of this budget twice and we stand by it"] == "Priya Raman"
    assert said["The levy will raise between 5 and 7 million pounds in its first year."] == "Priya Raman"
    assert said["After that it pays for itself, according to every model we ran."] == "Priya Raman"


def test_scare_quotes_are_not_quotes() -> None:
    _, ev = evidence_of("council")
    assert all(q.text != "unwise" for q in ev.quotes)
    assert all(len(q.text.split()) >= 4 for q in ev.quotes)


def test_speaker_span_is_the_nearest_mention() -> None:
    bundle, ev = evidence_of("council")
    q = next(q for q in ev.quotes if q.text.startswith("We have waited"))
    assert q.speaker_start is not None
    # The nearest "Jane Phillips" before the quote (the one in the paragraph above), not the attribution
    # "Ms Phillips", which is not the speaker's full name.
    assert bundle.rfind("Jane Phillips", 0, q.start) == q.speaker_start


def test_curly_quotes_roles_appositives_and_pronouns() -> None:
    _, ev = evidence_of("markets")
    said = speakers(ev)
    # '“...,” chief executive Marta Lindqvist told analysts'
    assert said["We are taking hard decisions now so that the bank is stronger in 2026"] == "Marta Lindqvist"
    # 'According to Hal Brennan, an analyst at Greyfield Securities, “...”'
    assert said["the market had priced in a bad quarter, but not this bad"] == "Hal Brennan"
    # 'She added: “...”' after a sentence about Lindqvist: the latest named person, not the last speaker.
    assert said["Our customers' deposits are safe, and I want to say that as clearly as I can."] == (
        "Marta Lindqvist"
    )


def test_markets_figures() -> None:
    _, ev = evidence_of("markets")
    found = {f.text: (f.kind, f.value, f.unit) for f in ev.figures}
    assert found["1,200 million euros"] == ("money", 1.2e9, "EUR")
    assert found["Sept. 5"][0] == "date"
    assert found["14.2 per cent"] == ("percent", 14.2, "%")
    assert found["1,500"] == ("count", 1500, "job")
    assert found["2008"][0] == "year"


def test_inverted_attribution_with_a_role() -> None:
    text = (
        'Output fell again in March. "We expect a slow recovery through the rest of the year," '
        "said Dunmore Bank economist Ines Carvalho."
    )
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    assert [q.speaker for q in ev.quotes] == ["Ines Carvalho"]


def test_descriptions_and_unattributed_quotes() -> None:
    text = (
        'A Home Office spokesman said: "We do not comment on individual cases at all."\n\n'
        '"Nobody told us anything about the closure of the depot," one worker wrote on a forum.\n\n'
        'The sign read "No entry for all vehicles after dark" for years.'
    )
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    said = speakers(ev)
    assert said["We do not comment on individual cases at all."] == "A Home Office spokesman"
    assert said["Nobody told us anything about the closure of the depot"] == "one worker"
    assert said["No entry for all vehicles after dark"] is None


def test_pronoun_after_a_titled_speaker_keeps_the_span_exact() -> None:
    text = (
        'Sir Ian said the talks had failed. "We have tried everything we can think of," Sir Ian said. '
        'Later he returned. "There is nothing more that we can do now," he added.'
    )
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    assert [q.speaker for q in ev.quotes] == ["Sir Ian", "Sir Ian"]
    for q in ev.quotes:
        assert q.speaker_start is not None and q.speaker_end is not None
        assert text[q.speaker_start : q.speaker_end] == q.speaker


def test_he_said_follows_the_last_speaker_not_the_last_name() -> None:
    text = (
        "Coach Luis Ortega was fined for his remarks about striker Tomas Reyes. "
        '"The fine is unjustified and I will appeal against it," said Ortega. '
        'Reyes did not comment. "I have never been treated like this in my career," he said.'
    )
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    assert [q.speaker for q in ev.quotes] == ["Luis Ortega", "Luis Ortega"]


def test_a_colon_binds_the_quote_to_what_comes_before() -> None:
    text = (
        "Trevor Okoye made the case for shortlists, and Mr Okoye was blunt. "
        'But he argued: "We need shortlists in every region, starting now." '
        "Labour MP Dina Abbot, who backs the plan, said she agreed."
    )
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    assert [q.speaker for q in ev.quotes] == ["Trevor Okoye"]


def test_a_stray_quote_mark_does_not_swallow_the_story() -> None:
    text = 'He measured 6" of rain. Later, Smith said: "The river has never been this high in my life."'
    ev = extract_evidence(Story(id="x", source="t", start=0, end=len(text), text=text))
    assert [(q.text, q.speaker) for q in ev.quotes] == [
        ("The river has never been this high in my life.", "Smith")
    ]


def test_empty_story() -> None:
    ev = extract_evidence(Story(id="x", source="t", start=5, end=5, text=""))
    assert ev.figures == [] and ev.quotes == []


def test_role_words_before_a_name_attribute_to_the_person_not_the_role() -> None:
    text = (
        'Police seized 37 computers. "These people were stealing from every household," said agency '
        "director Tomas Varga."
    )
    evidence = extract_evidence(Story(id="s1", source="t", start=0, end=len(text), text=text))
    assert [q.speaker for q in evidence.quotes] == ["Tomas Varga"]


def test_a_first_name_that_speaks_is_the_person_named_in_full_and_a_quote_s_words_are_no_name() -> None:
    text = (
        "Dot Pembury, 91, was stunned when her grandson found the ring.\n\n"
        '"I cried my eyes out that day. I honestly thought I\'d never see it again," said Dot.\n\n'
        'Jeweller Martin Okonedo valued it at £450 but added: "To Dot, it\'s priceless."\n\n'
        "Dot said she will not be wearing the ring in the garden again.\n\n"
        '"It\'s going on a chain round my neck, and it\'s staying there," she said.'
    )
    story = Story(id="s", source="test", start=0, end=len(text), text=text)
    said = speakers(extract_evidence(story))
    assert said["I cried my eyes out that day. I honestly thought I'd never see it again"] == "Dot"
    assert said["It's going on a chain round my neck, and it's staying there"] == "Dot Pembury"
    assert "To Dot" not in said.values()


def test_she_said_colon_paragraphs_and_a_paragraph_s_opening_subject_give_the_speaker() -> None:
    text = (
        "Rovers claimed their first home win of the season on Saturday.\n\n"
        "Councillor Maureen Oldcastle said the council would pay £1.6m, with the rest from Skylark "
        "Holdings. She said:\n\n"
        '"We have listened carefully to residents in Thornby, and noise controls will be written in."\n\n'
        "Millhaven manager Steve Corrigan was frustrated by his side's finishing. "
        '"We had 61% of the ball and 14 shots, and we have come away with nothing," he said.'
    )
    story = Story(id="s", source="test", start=0, end=len(text), text=text)
    said = speakers(extract_evidence(story))
    listened = "We have listened carefully to residents in Thornby, and noise controls will be written in."
    assert said[listened] == "Maureen Oldcastle"
    assert said["We had 61% of the ball and 14 shots, and we have come away with nothing"] == "Steve Corrigan"
    grieves = (
        "Castlebridge Rovers beat Millhaven on Saturday.\n\nRovers manager Paula Grieves praised her side. "
        'She said:\n\n"We made it hard for ourselves with the sending-off, but the lads dug in."'
    )
    story = Story(id="t", source="test", start=0, end=len(grieves), text=grieves)
    assert speakers(extract_evidence(story)) == {
        "We made it hard for ourselves with the sending-off, but the lads dug in.": "Paula Grieves"
    }


def test_abbreviated_titles_do_not_cut_the_speaker_s_name() -> None:
    text = (
        '"We are not cutting anything that members already have," said provost Dr. Irene Coulter. '
        '"But nothing stays the same for ever."\n\n'
        '"They want the next generation to pay for it," Prof. Dev Rana said.'
    )
    quotes = extract_evidence(Story(id="s", source="x", start=0, end=len(text), text=text)).quotes
    assert [q.speaker for q in quotes] == ["Irene Coulter", "Irene Coulter", "Dev Rana"]
