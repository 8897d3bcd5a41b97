"""Name, title and role forms a summary may use, each with an edit that names someone or something else.

Every row: source text, a paraphrase that names the same people and bodies another way (must pass), and an
edit of it (must be flagged). Known gaps are strict xfails, so fixing one shows.
"""

from __future__ import annotations

import pytest
from forms import marked

from briefing.verify import check_claim

FORMS = [
    (
        "Safeguarding minister Jess Phillips told Sky News the plan was overdue. "
        "Ms Phillips said funding would follow.",
        "Jess Phillips said funding would follow.",
        "Jess Cartwright said funding would follow.",
    ),
    (
        "The Cyberspace Administration of China (CAC) issued new rules on Monday.",
        "The CAC issued new rules on Monday.",
        "The CSRC issued new rules on Monday.",
    ),
    (
        "Dr. Ana Ruiz, a cardiologist at St Mary's Hospital, led the study.",
        "Cardiologist Ana Ruiz of St Mary's Hospital led the study.",
        "Cardiologist Ana Ruiz of St Luke's Hospital led the study.",
    ),
    (
        "Prime Minister Keir Malden said the deal was fair. Mr Malden added that talks would resume.",
        "The prime minister said talks would resume.",
        "The foreign secretary said talks would resume.",
    ),
    (
        '"We are delighted," said club chairman Tom Reyes. "This is a great day for Hartley."',
        'Chairman Tom Reyes called it "a great day for Hartley".',
        'Manager Tom Reyes called it "a great day for Hartley".',
    ),
    (
        'Head coach Mia Dunne said: "We defended well." She added: "The result is what matters."',
        'Mia Dunne said "the result is what matters".',
        'Captain Lea Ford said "the result is what matters".',
    ),
    (
        "The company, based in Leeds, employs 400 people. "
        "Its chief executive, Sara Holt, said jobs were safe.",
        "Leeds-based firm's chief executive Sara Holt said jobs were safe.",
        "Leeds-based firm's chairwoman Sara Holt said jobs were safe.",
    ),
    (
        "Former England captain John Barrow said the team lacked depth.",
        "Ex-England captain John Barrow said the team lacked depth.",
        "England captain John Barrow said the team lacked depth.",
    ),
    (
        "The Federal Reserve held rates steady. The Fed said inflation was easing.",
        "The Fed held rates steady, saying inflation was easing.",
        "The ECB held rates steady, saying inflation was easing.",
    ),
    (
        "Police Scotland said the 34-year-old man was arrested in Glasgow on Friday.",
        "A 34-year-old man was arrested in Glasgow on Friday, Police Scotland said.",
        "A 34-year-old man was arrested in Edinburgh on Friday, Police Scotland said.",
    ),
    (
        "Amira Haddad, 29, won gold in the 400m. Haddad said she had trained for six years.",
        "Gold medallist Amira Haddad said she had trained for six years.",
        "Silver medallist Amira Haddad said she had trained for six years.",
    ),
    (
        "The National Health Service (NHS) in England will hire 2,000 nurses.",
        "The NHS will hire 2,000 nurses in England.",
        "The NHS will hire 2,000 nurses in Wales.",
    ),
    (
        "US President Dana Cole met Japanese Prime Minister Ken Sato in Tokyo.",
        "President Cole met Japan's prime minister in Tokyo.",
        "President Cole met China's prime minister in Tokyo.",
    ),
    (
        "Labour's Ruth Adeyemi won the seat with 14,210 votes. "
        "The Conservative candidate, Paul Greer, came second.",
        "Labour's Ruth Adeyemi won the seat, with the Conservatives' Paul Greer second.",
        "The Conservatives' Ruth Adeyemi won the seat, with Labour's Paul Greer second.",
    ),
    (
        '"It was a mistake," admitted Transport Secretary Nia Powell.',
        'Transport Secretary Nia Powell admitted "it was a mistake".',
        'Health Secretary Nia Powell admitted "it was a mistake".',
    ),
    (
        "Ms Okafor, who has led the trust since 2019, will retire in June.",
        "Okafor, the trust's leader since 2019, will retire in June.",
        "Okafor, the trust's leader since 2019, will not retire in June.",
    ),
    (
        "Kenyan runner Peter Kiprop won the marathon on Sunday, his third title.",
        "Kenya's Peter Kiprop won the marathon on Sunday for his third title.",
        "Ethiopia's Peter Kiprop won the marathon on Sunday for his third title.",
    ),
    (
        "Microsoft-backed start-up Nuvola raised $40m.",
        "Nuvola, which is backed by Microsoft, raised $40 million.",
        "Nuvola, which is backed by Google, raised $40 million.",
    ),
    (
        "Pellow Labs has unveiled new smart glasses.\n\nThe glasses go on sale in May.\n\n"
        "Pellow has never disclosed sales of the original model. Carla Ruiz, an analyst at Brightwater, "
        "estimates the company sold around 180,000 pairs.",
        "Pellow Labs has never disclosed sales of the original model. Carla Ruiz, an analyst at Brightwater, "
        "estimates the company sold around 180,000 pairs.",
        "Quillon Labs has never disclosed sales of the original model. Carla Ruiz, an analyst at "
        "Brightwater, estimates the company sold around 180,000 pairs.",
    ),
    (
        "The Coastal Arts Trust (CAT) gave £12,000 this year, about 5 per cent of the budget.",
        "The CAT's £12,000 this year was about 5% of the budget.",
        "The CAB's £12,000 this year was about 5% of the budget.",
    ),
    (
        "Greenvale High topped the table on 91 points, while Ashcombe Academy was last on 40.",
        "Ashcombe Academy finished last on 40 points, with Greenvale High top on 91.",
        "Ashcombe Academy topped the table on 91 points, while Greenvale High was last on 40.",
    ),
    (
        "Kano State recorded the highest coverage at 89 per cent, while Oyo State was lowest at 43 per cent.",
        "Oyo trailed the states at 43%, while Kano had the highest coverage at 89%.",
        "Oyo had the highest coverage at 89%, while Kano trailed at 43%.",
    ),
]

KNOWN_MISSES = {
    "The foreign secretary said talks would resume.": "a lower-case role is not compared",
    'Manager Tom Reyes called it "a great day for Hartley".': "an opening role is not compared",
    "Leeds-based firm's chairwoman Sara Holt said jobs were safe.": "the other role is near",
    "England captain John Barrow said the team lacked depth.": "former is read for titles only",
    "Silver medallist Amira Haddad said she had trained for six years.": "medal colours are not compared",
    "The Conservatives' Ruth Adeyemi won the seat, with Labour's Paul Greer second.": "names exchanged",
    "Cardiologist Ana Ruiz of St Luke's Hospital led the study.": "title case is read word by word",
}


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 1))
def test_the_same_names_written_another_way_pass(source: str, claim: str) -> None:
    result = check_claim(source, claim)
    assert result.supported, result.issues


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 2, KNOWN_MISSES))
def test_another_name_or_role_is_flagged(source: str, claim: str) -> None:
    assert not check_claim(source, claim).supported
