"""The ``briefing check`` JSONL contract: rows ``{"id","source","claim"}`` in, one verdict row out each."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from briefing.errors import InputError
from briefing.verify.claims import CheckResult, check_claim


def parse_rows(lines: Iterable[str]) -> Iterator[tuple[Any, str, str]]:
    """``(id, source, claim)`` of each non-blank row; InputError (naming the line) on a malformed one."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            source, claim = row["source"], row["claim"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"line {n}: expected a JSON object with 'source' and 'claim' ({exc})") from exc
        if not isinstance(source, str) or not isinstance(claim, str):
            raise InputError(f"line {n}: 'source' and 'claim' must be strings")
        yield row.get("id"), source, claim


def result_row(row_id: Any, result: CheckResult) -> str:
    out = {"id": row_id, "supported": result.supported, "score": result.score, "issues": result.issues}
    return json.dumps(out, ensure_ascii=False)


def check_jsonl(lines: Iterable[str]) -> Iterator[str]:
    """One JSON result row per non-blank input row, in order. Raises InputError on a malformed row."""
    for row_id, source, claim in parse_rows(lines):
        yield result_row(row_id, check_claim(source, claim))
