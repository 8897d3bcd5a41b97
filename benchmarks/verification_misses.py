"""Print what the claim verifier gets wrong on one verification set, for fixing it by category.

Run from the repo root: ``.venv/bin/python benchmarks/verification_misses.py [SET] [--kinds entity number]``.
For each missed edit it prints the edited claim with the words that differ from its original (rows share
an id up to the last "-N"; "-0" is the original); for each supported claim marked unsupported, the claim and
the issues that fired. Eval text is printed to the terminal only, never written into the repo.
"""

from __future__ import annotations

import argparse
import json
from difflib import SequenceMatcher
from pathlib import Path

from briefing.verify import check_claim


def diff(original: str, edited: str) -> str:
    a, b = original.split(), edited.split()
    out = []
    for op, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"[{' '.join(a[a1:a2])} -> {' '.join(b[b1:b2])}]")
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("set", nargs="?", default="writer-perturbed")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--kinds", nargs="*", default=["entity", "number", "original"])
    parser.add_argument("--source", action="store_true", help="also print each row's source")
    args = parser.parse_args()
    path = args.eval_dir / "verification" / f"{args.set}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    originals = {r["id"].rsplit("-", 1)[0]: r["claim"] for r in rows if r["label"] == 1}
    counts: dict[str, int] = {}
    for row in rows:
        if row["kind"] not in args.kinds:
            continue
        result = check_claim(row["source"], row["claim"])
        wrong = result.supported != (row["label"] == 1)
        if not wrong:
            continue
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
        print(f"=== {row['kind']} {row['id']}")
        print(f"claim: {row['claim']}")
        if row["label"] == 0:
            print(f"edit:  {diff(originals.get(row['id'].rsplit('-', 1)[0], ''), row['claim'])}")
        for issue in result.issues:
            print(f"  - {issue}")
        if args.source:
            print(f"source: {row['source']}")
    print(counts)


if __name__ == "__main__":
    main()
