"""Near-duplicate stories are reported once, with both sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.dedupe import duplicate_of, near_duplicates
from briefing.model import Bundle
from briefing.pipeline import build_briefing
from briefing.settings import load_settings
from briefing.split import split

WIRE = (
    "Engineers at the fictional Lindqvist Rail company have finished testing a battery train that can run "
    "for 140 kilometres without overhead wires, the company said on Thursday. The train will carry "
    "passengers on the Skarholm branch line from next spring, replacing two ageing diesel units."
)
OTHER = (
    "A bakery chain in the fictional city of Marrow has raised the price of its best-selling loaf for the "
    "third time this year, blaming the cost of flour and energy. Customers said they were switching to "
    "supermarket bread as a result of the increases."
)


def test_same_wire_copy_with_an_edited_lead_is_a_duplicate() -> None:
    edited = "BRIEF: " + WIRE.replace("on Thursday", "this week")
    assert near_duplicates([WIRE, OTHER, edited]) == [(0, 2)]
    assert duplicate_of([WIRE, OTHER, edited, WIRE]) == {2: 0, 3: 0}


def test_different_stories_are_not_duplicates() -> None:
    assert near_duplicates([WIRE, OTHER]) == []


def test_briefing_shows_a_duplicate_once_with_both_sources() -> None:
    bundles = [Bundle(text=WIRE, source="outlet-a.txt"), Bundle(text=WIRE, source="outlet-b.txt")]
    settings = load_settings({"engine": "extractive"}, env={})
    briefing = build_briefing(bundles, settings, title="t", date=dt.date(2026, 1, 2))
    assert len(briefing.items) == 1
    assert briefing.items[0].story.source == "outlet-a.txt"
    assert briefing.items[0].also_in == [f"outlet-b.txt [0-{len(WIRE)}]"]


def _wire_story() -> list[str]:
    return [
        WIRE,
        "Lindqvist Rail said the batteries recharge in ten minutes at each end of the line, using a short "
        "stretch of overhead wire installed at the terminus stations.",
        "The regional transport authority has ordered six of the trains, at a cost of about 48m crowns, and "
        "expects to cut the branch line's fuel bill by two thirds.",
    ]


def test_the_same_copy_pasted_twice_in_a_row_is_two_stories_shown_once() -> None:
    # Two outlets ran one wire story and both were pasted, back to back, with no separator.
    first = "\n".join(_wire_story())
    second = "\n".join(p.replace("on Thursday", "this week") for p in _wire_story())
    text = "\n".join([first, second, OTHER])
    assert [s.start for s in split(text)] == [0, len(first) + 1, len(first) + 1 + len(second) + 1]
    settings = load_settings({"engine": "extractive"}, env={})
    bundle = Bundle(text=text, source="pasted.txt")
    briefing = build_briefing([bundle], settings, title="t", date=dt.date(2026, 1, 2))
    assert len(briefing.items) == 2
    start = len(first) + 1
    assert briefing.items[0].also_in == [f"pasted.txt [{start}-{start + len(second)}]"]


def test_a_lead_repeated_inside_its_article_is_no_second_copy() -> None:
    # Tabloid copy opens with a summary line that the story's lead then repeats: one story, not two copies.
    fixture = Path(__file__).parent / "fixtures" / "long-drifting-article.txt"
    article = fixture.read_text(encoding="utf-8").strip()
    text = article.split("\n")[0] + "\n" + article
    assert len(split(text)) == 1
