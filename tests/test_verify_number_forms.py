"""Number forms a summary may use for the source's figure, each with an edit that changes the figure.

Every row: a source sentence, a paraphrase that states the same figure another way (must pass), and an
edit of that paraphrase (must be flagged). Known gaps are strict xfails, so fixing one shows.
"""

from __future__ import annotations

import pytest
from forms import marked

from briefing.verify import check_claim

FORMS = [
    (
        "The council approved £4.2m for the scheme.",
        "The council approved £4.2 million for the scheme.",
        "The council approved £2.4 million for the scheme.",
    ),
    (
        "The council approved £4.2m for the scheme.",
        "The council approved 4.2 million pounds for the scheme.",
        "The council approved 4.2 million euros for the scheme.",
    ),
    ("The deal is worth $1.5bn.", "The deal is worth $1,500 million.", "The deal is worth $1,800 million."),
    (
        "A third of the 900 staff will go.",
        "About 300 of the 900 staff will go.",
        "About 450 of the 900 staff will go.",
    ),
    (
        "Two-thirds of members voted for the deal.",
        "About 67% of members voted for the deal.",
        "About 76% of members voted for the deal.",
    ),
    (
        "Half of the 40 schools closed.",
        "Twenty of the 40 schools closed.",
        "Thirty of the 40 schools closed.",
    ),
    (
        "One in five adults smokes, the survey found.",
        "The survey found 20% of adults smoke.",
        "The survey found 25% of adults smoke.",
    ),
    (
        "Prices doubled to £10 over the year.",
        "Prices rose 100% to £10 over the year.",
        "Prices rose 50% to £10 over the year.",
    ),
    (
        "The firm employs 1.2 million people worldwide.",
        "The firm employs 1,200,000 people worldwide.",
        "The firm employs 120,000 people worldwide.",
    ),
    (
        "Declan Furlong (46), a haulier, was jailed.",
        "Haulier Declan Furlong, 46, was jailed.",
        "Haulier Declan Furlong, 64, was jailed.",
    ),
    (
        "Declan Furlong, 46, a haulier, was jailed.",
        "The 46-year-old haulier Declan Furlong was jailed.",
        "The 56-year-old haulier Declan Furlong was jailed.",
    ),
    (
        "The hearing is set for Sept. 5.",
        "The hearing is set for 5 September.",
        "The hearing is set for 15 September.",
    ),
    (
        "The works will take a fortnight.",
        "The works will take two weeks.",
        "The works will take three weeks.",
    ),
    (
        "The project has run for a decade.",
        "The project has run for 10 years.",
        "The project has run for 12 years.",
    ),
    (
        "Sales rose 12 per cent to 4,100 units.",
        "Sales rose 12% to 4,100 units.",
        "Sales rose 21% to 4,100 units.",
    ),
    ("The budget is €92.6 billion.", "The budget is €92.6bn.", "The budget is €96.2bn."),
    ("The scheme costs ₹500 crore.", "The scheme costs ₹5 billion.", "The scheme costs ₹50 billion."),
    (
        "The airline carried 3.5 lakh passengers.",
        "The airline carried 350,000 passengers.",
        "The airline carried 35,000 passengers.",
    ),
    ("The sale raised RM2.1 billion.", "The sale raised RM2,100 million.", "The sale raised RM1.2 billion."),
    ("It paid S$350,000 in fines.", "It paid S$0.35 million in fines.", "It paid S$0.53 million in fines."),
    (
        "The exam pass rate rose from 40.5% to 42.8%.",
        "The pass rate rose 2.3 percentage points to 42.8%.",
        "The pass rate rose 2.3% to 42.8%.",
    ),
    (
        "Output grew tenfold in five years.",
        "Output grew ten times over in five years.",
        "Output grew five times over in five years.",
    ),
    ("A dozen climbers were rescued.", "Twelve climbers were rescued.", "Eleven climbers were rescued."),
    ("The 2021-22 season ended early.", "The 2021/22 season ended early.", "The 2020/21 season ended early."),
    (
        "Unemployment fell to 4.1%, its lowest since the 1990s.",
        "Unemployment fell to 4.1 per cent, its lowest since the 1990s.",
        "Unemployment fell to 4.1 per cent, its lowest since the 1980s.",
    ),
    (
        "The fund lost a quarter of its value.",
        "The fund lost 25% of its value.",
        "The fund lost 40% of its value.",
    ),
    (
        "About 14,000 residents were told to leave.",
        "Some 14,000 residents were told to leave.",
        "Some 41,000 residents were told to leave.",
    ),
    ("Shares fell 3.2% to 7.84 euros.", "Shares fell 3.2% to €7.84.", "Shares fell 3.2% to €8.74."),
    (
        "The plant will create 350 jobs by 2027.",
        "The plant will create 350 jobs by 2027.",
        "The plant will create 530 jobs by 2027.",
    ),
    (
        "Wages rose by a quarter of a percentage point.",
        "Wages rose by 0.25 percentage points.",
        "Wages rose by 0.5 percentage points.",
    ),
    (
        "The rate was cut by 25 basis points to 4.25%.",
        "The rate was cut by a quarter point to 4.25%.",
        "The rate was cut by half a point to 4.25%.",
    ),
    (
        "The bid values the company at $12.4 billion, a 41% premium.",
        "The $12.4bn bid is a 41% premium.",
        "The $12.4bn bid is a 14% premium.",
    ),
    (
        "Temperatures hit 46.2C on Saturday.",
        "Temperatures reached 46.2 degrees on Saturday.",
        "Temperatures reached 42.6 degrees on Saturday.",
    ),
    (
        "The ferry carried 212 passengers and 31 crew.",
        "The ferry had 243 people on board.",
        "The ferry had 253 people on board.",
    ),
    (
        "The train was travelling at 65 mph.",
        "The train was travelling at 65mph.",
        "The train was travelling at 56mph.",
    ),
    (
        "He served three terms as mayor.",
        "He served as mayor for three terms.",
        "He served as mayor for four terms.",
    ),
    (
        "The second round of talks begins on Monday.",
        "A second round of talks starts Monday.",
        "A third round of talks starts Monday.",
    ),
    (
        "Inflation was 2.7% in September.",
        "Inflation stood at 2.7 percent in September.",
        "Inflation stood at 2.7 percent in October.",
    ),
    ("The firm was fined £1.25m.", "The firm was fined £1,250,000.", "The firm was fined £1,520,000."),
    ("Nearly 2,000 homes lost power.", "Almost 2,000 homes lost power.", "Almost 3,000 homes lost power."),
    (
        "Half a million people signed the petition.",
        "500,000 people signed the petition.",
        "50,000 people signed the petition.",
    ),
    ("A quarter of a million homes lost power.", "250,000 homes lost power.", "25,000 homes lost power."),
    (
        "One in three adults is overweight, the study found.",
        "A third of adults are overweight, the study found.",
        "A quarter of adults are overweight, the study found.",
    ),
    (
        "Nine out of 10 voters backed the plan.",
        "90% of voters backed the plan.",
        "80% of voters backed the plan.",
    ),
    (
        "Three in 10 firms expect to cut jobs.",
        "30% of firms expect to cut jobs.",
        "40% of firms expect to cut jobs.",
    ),
    ("The subsidy is $2.40 per trip.", "The subsidy is $2.40 a trip.", "The subsidy is $4.20 a trip."),
    ("The delay lasted an hour and a half.", "The delay lasted 90 minutes.", "The delay lasted 60 minutes."),
    (
        "The works took 18 months.",
        "The works took a year and a half.",
        "The works took two and a half years.",
    ),
    (
        "He served two and a half years in prison.",
        "He served 2.5 years in prison.",
        "He served 3.5 years in prison.",
    ),
    (
        "Temperatures reached 40C.",
        "Temperatures reached 40 degrees Celsius.",
        "Temperatures reached 45 degrees Celsius.",
    ),
    ("The route is 5km long.", "The route is five kilometres long.", "The route is six kilometres long."),
    (
        "A crowd of 10,000 marched through the city.",
        "A 10,000-strong crowd marched through the city.",
        "A 20,000-strong crowd marched through the city.",
    ),
    ("Profit rose in the third quarter.", "Profit rose in Q3.", "Profit rose in Q2."),
    (
        "The plant will close in the first half of 2027.",
        "The plant will close in H1 2027.",
        "The plant will close in H2 2027.",
    ),
    (
        "The group has 3.2 billion pounds of debt.",
        "The group has £3.2bn of debt.",
        "The group has £2.3bn of debt.",
    ),
    ("The EU pledged €1bn.", "The EU pledged one billion euros.", "The EU pledged two billion euros."),
    (
        "The vote was held on 5 May 2024.",
        "The vote was held on May 5, 2024.",
        "The vote was held on May 15, 2024.",
    ),
    (
        "She was 34 when she won her first title.",
        "She won her first title at 34.",
        "She won her first title at 43.",
    ),
    (
        "The 71-year-old man remains in hospital.",
        "A man aged 71 remains in hospital.",
        "A man aged 17 remains in hospital.",
    ),
    ("Rovers won 3-1 at home.", "Rovers won their home game 3-1.", "Rovers won their home game 3-2."),
    ("Turnout was 31.4 per cent.", "Turnout was 31.4%.", "Turnout was 34.1%."),
    ("The firm sold 1.46 million bikes.", "The firm sold 1,460,000 bikes.", "The firm sold 1,640,000 bikes."),
    ("Shares rose 12p to 184p.", "Shares rose 12 pence to 184 pence.", "Shares rose 21 pence to 184 pence."),
    ("The bill is £28.9 billion.", "The bill is nearly £29bn.", "The bill is nearly £32bn."),
    (
        "The rescue involved 212 volunteers.",
        "More than 200 volunteers took part in the rescue.",
        "More than 300 volunteers took part in the rescue.",
    ),
    (
        "Officers seized 38kg of cocaine.",
        "Officers seized 38 kilograms of cocaine.",
        "Officers seized 83 kilograms of cocaine.",
    ),
    (
        "Wages rose 4.5% while prices rose 3%.",
        "Wages outpaced prices, rising 4.5% against 3%.",
        "Wages outpaced prices, rising 5.4% against 3%.",
    ),
    (
        "The company cut 1,200 jobs, a tenth of its workforce.",
        "The company cut 1,200 jobs, 10% of its workforce.",
        "The company cut 1,200 jobs, 20% of its workforce.",
    ),
    (
        "The match drew 41,000 fans, a record.",
        "A record 41,000 fans attended the match.",
        "A record 14,000 fans attended the match.",
    ),
    # Metric units, spans of years, clock times and possessive days written another way.
    (
        "The plan would extend the runway by 450 metres to 2,950 metres.",
        "The runway would be extended by 450 metres, to 2.95km.",
        "The runway would be extended by 450 metres, to 2.59km.",
    ),
    (
        "The cubs are the first born at the zoo in more than 30 years.",
        "The cubs are the zoo's first in over three decades.",
        "The cubs are the zoo's first in over two decades.",
    ),
    (
        "The economy grew by 4.1 per cent in the first half of the year.",
        "The economy expanded 4.1% in the first six months of the year.",
        "The economy expanded 4.1% in the first nine months of the year.",
    ),
    (
        "Doors closed at 10.30pm, and Saturday's set ran late.",
        "Doors closed at half past ten, and the Saturday set ran late.",
        "Doors closed at half past eleven, and the Saturday set ran late.",
    ),
    (
        "Online orders make up 32% of sales, up from 27% a year ago.",
        "Online orders now make up 32% of sales, up from 27% a year earlier.",
        "Online orders now make up 32% of sales, down from 27% a year earlier.",
    ),
    # Written blind by a helper in session 8 (forms the checker then missed: units, clock words, dates).
    (
        "The Halbrook Folk Festival will open on 5 September and run for four days, organisers announced.",
        "Organisers said the Halbrook Folk Festival will begin Sept. 5 and last four days.",
        "Organisers said the Halbrook Folk Festival will begin Sept. 15 and last four days.",
    ),
    (
        "The new Rillbrook cycle path, which opened on Saturday, is 3.5km long and links the town centre "
        "to the railway station.",
        "The 3,500-metre Rillbrook cycle path connecting the town centre and the railway station opened on "
        "Saturday.",
        "The 350-metre Rillbrook cycle path connecting the town centre and the railway station opened on "
        "Saturday.",
    ),
    (
        "Customs officers at Portlow seized 2.4kg of cocaine hidden inside a shipment of tinned pineapple, "
        "the Border Agency said.",
        "Border officers at Portlow found 2,400 grams of cocaine concealed in a shipment of tinned "
        "pineapple.",
        "Border officers at Portlow found 240 grams of cocaine concealed in a shipment of tinned pineapple.",
    ),
    (
        "Temperatures in Norwick reached 34C on Monday, the hottest day of the year so far.",
        "Norwick hit 34 degrees Celsius on Monday, the year's hottest day so far.",
        "Norwick hit 34 degrees Fahrenheit on Monday, the year's hottest day so far.",
    ),
    (
        "Delays of up to 30 minutes are expected on the A419 near Crestwick while the bridge is repaired.",
        "Drivers on the A419 near Crestwick face delays of up to half an hour during bridge repairs.",
        "Drivers on the A419 near Crestwick face delays of up to an hour and a half during bridge repairs.",
    ),
    (
        "A minute's silence will be held at midday on Friday in Lathbury to remember the victims of the "
        "Coldharbour mine collapse.",
        "Lathbury will hold a minute's silence at 12 noon on Friday for the victims of the Coldharbour "
        "mine collapse.",
        "Lathbury will hold a minute's silence at 12 midnight on Friday for the victims of the Coldharbour "
        "mine collapse.",
    ),
    # The claim's count is in the source only as a date's day or an ordinal: no count of it.
    (
        "The victim was stabbed nine times. Sentencing was adjourned until 19 July.",
        "The victim was stabbed nine times, and sentencing was put off to 19 July.",
        "The victim was stabbed 19 times, and sentencing was put off to 19 July.",
    ),
    (
        "He dropped shots at the 14th and 16th holes before a 40-foot putt at the 15th.",
        "A 40-foot putt at the 15th followed dropped shots at the 14th and 16th.",
        "A 14-foot putt at the 15th followed dropped shots at the 14th and 16th.",
    ),
    # Two figures exchanged: each is in the source sentence, beside the other's words.
    (
        "The firm reported debts of $610 million against assets of $390 million.",
        "The firm had $390 million in assets and $610 million in debts.",
        "The firm reported debts of $390 million against assets of $610 million.",
    ),
    (
        "Among the youngest drivers the crash rate was 7.4 per cent, "
        "compared with 2.1 per cent among the oldest.",
        "The crash rate was 2.1% among the oldest drivers and 7.4% among the youngest.",
        "The crash rate was 7.4% among the oldest drivers, compared with 2.1% among the youngest.",
    ),
]

KNOWN_FALSE_ALARMS = {
    "Prices rose 100% to £10 over the year.": "a doubling is not read as a 100% rise",
    "The ferry had 243 people on board.": "a sum of two counts of different nouns is not worked out",
}
KNOWN_MISSES = {
    "Output grew five times over in five years.": "multiples are not read",
    "The rate was cut by half a point to 4.25%.": "'half a point' is not read as 50 basis points",
    "A third round of talks starts Monday.": "an ordinal the source lacks is checked in some contexts only",
}


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 1, KNOWN_FALSE_ALARMS))
def test_the_same_figure_written_another_way_passes(source: str, claim: str) -> None:
    result = check_claim(source, claim)
    assert result.supported, result.issues


@pytest.mark.parametrize(("source", "claim"), marked(FORMS, 2, KNOWN_MISSES))
def test_a_changed_figure_is_flagged(source: str, claim: str) -> None:
    assert not check_claim(source, claim).supported


def test_letter_currency_prefixes_are_sums_not_names() -> None:
    source = "The High Court upheld the R4.5 million fine. The sale raised RM2.1 billion for the group."
    assert check_claim(source, "The court upheld the R4.5m fine.").supported
    assert not check_claim(source, "The court upheld the R5.4m fine.").supported
    assert not check_claim(source, "The court overturned the R4.5m fine.").supported
    assert check_claim(source, "The sale raised RM2,100 million.").supported
