"""Writing a briefing's renderings to a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.deliver.files import OUTPUT_FILES, atomic_write, write_outputs
from briefing.errors import DeliveryError
from briefing.model import Briefing


def test_writes_every_format_and_nothing_else(sample_briefing: Briefing, tmp_path: Path) -> None:
    out = tmp_path / "2026-11-23"
    paths = write_outputs(sample_briefing, out)
    assert sorted(p.name for p in paths) == sorted(OUTPUT_FILES)
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)  # no temp files left behind
    assert Briefing.model_validate_json((out / "briefing.json").read_text()) == sample_briefing
    assert isinstance(json.loads((out / "slack.json").read_text()), list)
    assert "<style" in (out / "digest.html").read_text()


def test_atomic_write_replaces_and_reports_failure(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write(target, "one")
    atomic_write(target, b"two")
    assert target.read_text() == "two"
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(DeliveryError, match="cannot write"):
        atomic_write(tmp_path / "blocker" / "x.txt", "x")
