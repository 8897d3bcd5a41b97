"""The claim checker on two forms batteries a helper wrote blind in session 8 (our own fictional text):
each row a source, a paraphrase that must pass and an edit that must be caught. 40 number rows and 40
negation rows (`tests/fixtures/forms-blind/`). They were read after being measured once, so they are no
longer untouched; the rows that the checker still gets wrong list the gaps left.

Run from the repo root: ``.venv/bin/python benchmarks/forms_blind.py [--rows]``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefing.verify import check_claim

ROOT = Path(__file__).resolve().parents[1]
BATTERIES = ROOT / "tests" / "fixtures" / "forms-blind"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", action="store_true", help="list the rows still judged wrong")
    args = parser.parse_args()
    for path in sorted(BATTERIES.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        passed = caught = 0
        wrong = []
        for i, row in enumerate(rows):
            ok = check_claim(row["source"], row["paraphrase"]).supported
            flagged = not check_claim(row["source"], row["edit"]).supported
            passed += ok
            caught += flagged
            if not ok:
                wrong.append(f"  {i} false alarm: {row['paraphrase']}")
            if not flagged:
                wrong.append(f"  {i} missed: {row['edit']}")
        print(f"{path.stem}: {len(rows)} rows; paraphrases passing {passed}; edits caught {caught}")
        if args.rows:
            print("\n".join(wrong))


if __name__ == "__main__":
    main()
