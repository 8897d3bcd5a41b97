"""Benchmark the claim verifier on the shared verification sets and write the table to results/.

Run from the repo root: ``.venv/bin/python benchmarks/verification.py [--eval-dir ../shared/eval]``.
The eval text is read by path and never copied; scoring is the shared ``score.py ver``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.verify import check_jsonl

SETS = ("writer-perturbed", "bbc-perturbed", "qags-cnndm")
RESULTS = Path(__file__).parent / "results" / "verification.txt"


def run_set(eval_dir: Path, name: str) -> str:
    gold = eval_dir / "verification" / f"{name}.jsonl"
    lines = gold.read_text(encoding="utf-8").splitlines()
    started = time.perf_counter()
    preds = list(check_jsonl(lines))
    ms = 1000 * (time.perf_counter() - started) / max(1, len(preds))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("\n".join(preds) + "\n")
        pred_path = f.name
    scored = subprocess.run(
        [sys.executable, str(eval_dir / "score.py"), "ver", str(gold), pred_path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(pred_path).unlink()
    return f"## {name}\n{scored.rstrip()}\nms per claim: {ms:.2f}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    args = parser.parse_args()
    report = "\n".join(run_set(args.eval_dir, name) for name in args.sets)
    print(report)
    if list(args.sets) == list(SETS):
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
