"""Big input: time and peak memory of `briefing split` and `briefing summarize --engine extractive` on a
large bundle made by repeating the repo's own sample bundles (default 50 MB).

    .venv/bin/python benchmarks/big_input.py [--mb 50]

Prints seconds, MB/s and peak RSS per command, and writes them to benchmarks/results/big_input.txt.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "src/briefing/samples/sample-bundle.txt", ROOT / "tests/fixtures/cli-three-stories.txt"]


def make_bundle(path: Path, megabytes: float) -> int:
    pieces = [p.read_text(encoding="utf-8").strip() + "\n" for p in SAMPLES]
    target = int(megabytes * 1_000_000)
    written = n = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            # vary the numbers a little so stories are not byte-identical
            chunk = pieces[n % len(pieces)].replace("131", str(100 + n % 900))
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            n += 1
    return written


def measure(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS MiB, exit code) of one briefing command in a fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode:
        print(err.decode()[-500:], file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0)
    options = parser.parse_args()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "big.txt"
        size = make_bundle(bundle, options.mb)
        mb = size / 1e6
        lines.append(f"bundle {mb:.1f} MB (repeated sample bundles)")
        runs = {
            "split --format json": ["split", str(bundle), "--format", "json"],
            "summarize extractive json": [
                "summarize",
                str(bundle),
                "--engine",
                "extractive",
                "--format",
                "json",
                "--out",
                str(Path(tmp) / "out.json"),
                "--quiet",
            ],
        }
        for name, args in runs.items():
            seconds, peak, rc = measure(args)
            lines.append(
                f"{name:28s} {seconds:7.1f} s  {mb / seconds:5.2f} MB/s  peak RSS {peak:7.0f} MiB  exit {rc}"
            )
            print(lines[-1], flush=True)
    (ROOT / "benchmarks/results").mkdir(exist_ok=True)
    (ROOT / "benchmarks/results/big_input.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
