"""The ``briefing check`` JSONL contract: rows ``{"id","source","claim"}`` in, one verdict row out each."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from briefing.errors import InputError
from briefing.verify.claims import check_claim


def check_jsonl(lines: Iterable[str]) -> Iterator[str]:
    """One JSON result row per non-blank input row, in order. Raises InputError on a malformed row."""
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
        result = check_claim(source, claim)
        out = {"id": row.get("id"), "supported": result.supported, "score": result.score}
        yield json.dumps(out | {"issues": result.issues}, ensure_ascii=False)
