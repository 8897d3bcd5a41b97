"""Score predicted story spans with the shared reference scorer (``score.py seg``), for every segmentation
benchmark: gold rows and predictions go to temporary JSONL files, the four numbers come back as text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from briefing.split import Segment

_NUMBERS = re.compile(r"Pk ([\d.]+)\s+WindowDiff ([\d.]+)\s+boundaryF1 ([\d.]+).*exact-count ([\d.]+)%")


def score(score_py: Path, gold: Sequence[dict[str, Any]], pred: Mapping[str, Sequence[Segment]]) -> list[str]:
    """Pk, WindowDiff, boundary F1 and exact story count (percent) of ``pred`` against ``gold`` rows
    (``{"id", "text", "stories": [{"start", "end"}]}``), as the scorer prints them."""
    with tempfile.TemporaryDirectory() as tmp_name:
        gold_path, pred_path = Path(tmp_name) / "gold.jsonl", Path(tmp_name) / "pred.jsonl"
        with gold_path.open("w", encoding="utf-8") as g, pred_path.open("w", encoding="utf-8") as p:
            for row in gold:
                g.write(json.dumps(row) + "\n")
                stories = [{"start": s.start, "end": s.end} for s in pred[row["id"]]]
                p.write(json.dumps({"id": row["id"], "stories": stories}) + "\n")
        out = subprocess.run(
            [sys.executable, str(score_py), "seg", str(gold_path), str(pred_path)],
            check=True, capture_output=True, text=True,
        ).stdout
    m = _NUMBERS.search(out)
    if not m:
        raise SystemExit(f"unexpected scorer output: {out!r}")
    return list(m.groups())
