"""Shared by the ``test_verify_*_forms.py`` batteries: rows of (source, paraphrase, edit)."""

from __future__ import annotations

import pytest

Row = tuple[str, str, str]


def marked(rows: list[Row], column: int, known: dict[str, str] | None = None) -> list[object]:
    """(source, claim) pairs of one column (1: paraphrases, 2: edits); a claim in ``known`` is a strict
    xfail with its reason, so fixing the gap shows."""
    known = known or {}
    return [
        pytest.param(r[0], r[column], marks=pytest.mark.xfail(strict=True, reason=known[r[column]]))
        if r[column] in known
        else (r[0], r[column])
        for r in rows
    ]
