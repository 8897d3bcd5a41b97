"""Near-duplicate stories are reported once, with both sources."""

from __future__ import annotations

import datetime as dt

from briefing.dedupe import duplicate_of, near_duplicates
from briefing.model import Bundle
from briefing.pipeline import build_briefing
from briefing.settings import load_settings

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
