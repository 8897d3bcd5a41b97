"""Held-out check of the story splitter on bundles in styles the BBC dev set never shows.

The splitter was tuned on BBC bundles; the issue is judged on other outlets. This builds ~60 bundles from
our own fictional stories (tests/fixtures/heldout/: US wire copy, web-page pastes with boilerplate, press
releases, features with subheads, live blogs, interviews that drift into an announcement, teasers) in the
dev set's variants plus ``web``, with gold spans known by construction, and scores ``briefing.split`` on
them with the shared reference scorer, per variant and overall, next to the dev numbers.

Run from the repo root: ``.venv/bin/python benchmarks/heldout_split.py [--eval-dir DIR] [--misses]``
(eval dir defaults to ../shared/eval; ``--misses`` lists every missed and added boundary;
``--write-gold FILE`` writes the bundles as gold JSONL, to run the CLI on them:
``briefing split --input-format jsonl FILE > PRED`` then ``python3 score.py seg FILE PRED``).
Writes the table to benchmarks/results/heldout_split.txt. ``build_bundles()`` needs no eval data (the
tests use it); only scoring reads score.py from the eval dir.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seg_score import score

from briefing.split import Segment, split

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "heldout"
RESULTS = ROOT / "benchmarks" / "results"
SEED = 20261125
PER_VARIANT = 10
VARIANTS = ("lines", "blank", "flat", "teaser", "same-topic", "web")
TOL_WORDS = 5  # score.py's boundary tolerance, reused for teaser recall
# Lines a web page puts around an article; they belong to the article they sit in, and only the ``web``
# variant keeps them (the others are what a careful paste would look like).
BOILERPLATE = re.compile(
    r"^(?:Advertisement|Share this article|(?:Published|Updated) .* ago|(?:Photo|Related|Read more): .+)$"
)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Story:
    """One fixture file: ``<topic>--<slug>.txt``, a headline line then blank-line paragraphs."""

    name: str
    topic: str
    headline: str
    paragraphs: tuple[str, ...]

    @property
    def teaser(self) -> bool:
        return self.topic == "teaser"

    def body(self, web: bool = False) -> list[str]:
        return [p for p in self.paragraphs if web or not BOILERPLATE.match(p)]


@dataclass(frozen=True)
class Bundle:
    """A built bundle: ``text[start:end]`` of each span is one story, from first to last non-space char."""

    id: str
    variant: str
    text: str
    spans: tuple[tuple[int, int], ...]
    sources: tuple[str, ...]
    teasers: tuple[bool, ...]

    def gold_row(self) -> dict[str, Any]:
        stories = [
            {"start": a, "end": b, "source": s, "teaser": t}
            for (a, b), s, t in zip(self.spans, self.sources, self.teasers, strict=True)
        ]
        return {"id": self.id, "variant": self.variant, "text": self.text, "stories": stories}


def load_stories(directory: Path = FIXTURES) -> list[Story]:
    stories = []
    for path in sorted(directory.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        topic = path.stem.split("--")[0]
        stories.append(Story(path.stem, topic, blocks[0], tuple(blocks[1:])))
    return stories


def _render(story: Story, variant: str, line_sep: str) -> str:
    if variant == "flat":
        return " ".join(story.body())
    if variant in ("blank", "web"):
        return line_sep.join([story.headline, *story.body(web=variant == "web")])
    return "\n".join(story.body())  # lines, teaser, same-topic: one paragraph per line, no headline


def assemble(bundle_id: str, variant: str, stories: list[Story], line_sep: str = "\n\n") -> Bundle:
    """Glue stories in the variant's layout; gold spans fall out of the offsets."""
    sep = " " if variant == "flat" else line_sep if variant in ("blank", "web") else "\n"
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for story in stories:
        rendered = _render(story, variant, line_sep)
        if parts:
            pos += len(sep)
        spans.append((pos, pos + len(rendered)))
        parts.append(rendered)
        pos += len(rendered)
    return Bundle(
        bundle_id, variant, sep.join(parts), tuple(spans),
        tuple(s.name for s in stories), tuple(s.teaser for s in stories),
    )


def _distinct_topics(rng: random.Random, articles: list[Story], k: int) -> list[Story]:
    by_topic: dict[str, list[Story]] = {}
    for s in articles:
        by_topic.setdefault(s.topic, []).append(s)
    return [rng.choice(by_topic[t]) for t in rng.sample(sorted(by_topic), k)]


def build_bundles(seed: int = SEED, per_variant: int = PER_VARIANT) -> list[Bundle]:
    """The held-out bundles, the same on every run for a given seed."""
    rng = random.Random(seed)
    stories = load_stories()
    articles = [s for s in stories if not s.teaser]
    teasers = [s for s in stories if s.teaser]
    topics = sorted({s.topic for s in articles})
    web_pages = [s for s in articles if s.name.endswith("-web")]
    bundles = []
    for variant in VARIANTS:
        for n in range(per_variant):
            bid = f"heldout-{variant}-{n:02d}"
            if variant == "same-topic":
                cluster = [s for s in articles if s.topic == topics[n % len(topics)]]
                picked = rng.sample(cluster, rng.randint(2, len(cluster)))
            elif variant == "teaser":
                picked = _distinct_topics(rng, articles, rng.randint(2, 4))
                gaps = rng.sample(range(1, len(picked)), rng.randint(1, min(2, len(picked) - 1)))
                extra = iter(rng.sample(teasers, len(gaps)))
                for g in sorted(gaps, reverse=True):
                    picked.insert(g, next(extra))
            elif variant == "web":
                picked = _distinct_topics(rng, articles, rng.randint(2, 4))
                if not any(s in web_pages for s in picked):
                    page = rng.choice(web_pages)
                    picked = [page, *(s for s in picked if s.topic != page.topic)]
                    rng.shuffle(picked)
            else:
                picked = _distinct_topics(rng, articles, rng.randint(2, 5))
            # Half the web pastes keep blank lines, half lose them (copy from a browser does both).
            line_sep = "\n" if variant == "web" and n % 2 else "\n\n"
            bundles.append(assemble(bid, variant, picked, line_sep))
    return bundles


def teaser_recall(bundles: list[Bundle], pred: dict[str, list[Segment]]) -> tuple[int, int]:
    """Teasers whose start and end a predicted story matches within TOL_WORDS words."""
    found = total = 0
    for b in bundles:
        starts = [m.start() for m in _WORD.finditer(b.text)]

        def word_at(offset: int, starts: list[int] = starts) -> int:
            return sum(1 for s in starts if s < offset)

        segs = [(word_at(s.start), word_at(s.end)) for s in pred[b.id]]
        for (a, z), is_teaser in zip(b.spans, b.teasers, strict=True):
            if is_teaser:
                total += 1
                found += any(abs(word_at(a) - x) <= TOL_WORDS and abs(word_at(z) - y) <= TOL_WORDS
                             for x, y in segs)
    return found, total


def misses(bundles: list[Bundle], pred: dict[str, list[Segment]]) -> list[str]:
    """Boundaries missed (gold start not predicted) and added (predicted start not gold), by bundle."""
    out = []
    for b in bundles:
        gold = {a for a, _ in b.spans[1:]}
        got = {s.start for s in pred[b.id][1:]}
        for kind, offsets in (("missed", gold - got), ("added", got - gold)):
            for o in sorted(offsets):
                out.append(f"{b.id} {kind:<6} {b.text[o:o + 70]!r}")
    return out


def table_row(eval_dir: Path, label: str, group: list[Bundle], pred: dict[str, list[Segment]]) -> str:
    """One row of a split table: Pk, WD, F1, exact count (score.py) and teaser recall for ``group``."""
    found, total = teaser_recall(group, pred)
    recall = f"{found}/{total} = {100 * found / total:.1f}%" if total else "-"
    cells = " ".join(f"{c:>6}" for c in score(eval_dir / "score.py", [b.gold_row() for b in group], pred))
    return f"{label:<22} {cells}  {recall}"


def _splitter_hash() -> str:
    return hashlib.sha1((ROOT / "src" / "briefing" / "split.py").read_bytes()).hexdigest()[:10]


def _dev_rows() -> list[str]:
    path = RESULTS / "segmentation.txt"
    if not path.exists():
        return ["(no benchmarks/results/segmentation.txt)"]
    keep = ("set", "bbc-bundles", "  lines", "  blank", "  flat", "  teaser", "  same-topic")
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(keep)]


def run(eval_dir: Path, show_misses: bool = False) -> tuple[str, str]:
    """The score table, and (if asked) the list of missed and added boundaries."""
    bundles = build_bundles()
    pred = {b.id: split(b.text) for b in bundles}
    header = f"{'set':<22} {'Pk':>6} {'WD':>6} {'F1':>6} {'exact':>6}  teaser-recall"
    lines = [
        f"held out: {len(bundles)} bundles of self-written fictional stories (fixtures/heldout, seed {SEED})",
        f"splitter: src/briefing/split.py sha1 {_splitter_hash()} (working tree)",
        header,
    ]
    groups = [("heldout", bundles)] + [(f"  {v}", [b for b in bundles if b.variant == v]) for v in VARIANTS]
    lines += [table_row(eval_dir, label, group, pred) for label, group in groups]
    no_web = [b.gold_row() for b in bundles if b.variant != "web"]
    cells = " ".join(f"{c:>6}" for c in score(eval_dir / "score.py", no_web, pred))
    lines.append(f"{'  all but web':<22} {cells}  (the dev set's variants only)")
    lines += ["", "dev (from benchmarks/results/segmentation.txt, not re-run):", *_dev_rows()]
    extra = ["", "boundary misses:", *misses(bundles, pred)] if show_misses else []
    return "\n".join(lines) + "\n", "\n".join(extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--misses", action="store_true", help="also list every missed and added boundary")
    parser.add_argument(
        "--write-gold", type=Path, metavar="JSONL",
        help="only write the bundles as gold rows (for `briefing split --input-format jsonl`)",
    )
    args = parser.parse_args()
    if args.write_gold:
        with args.write_gold.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(b.gold_row()) + "\n" for b in build_bundles())
        return
    table, miss_list = run(args.eval_dir, args.misses)
    print(table + miss_list)
    (RESULTS / "heldout_split.txt").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
