"""The story splitter on bundles of real articles from outside its dev set, in the dev set's variants.

The splitter was tuned on BBC bundles from one year (2004-05). The issue is judged on bundles from other
outlets. ``../shared/eval/verification/writer-perturbed.jsonl`` holds 109 source articles nobody tuned the
splitter on (a decade later; Daily Mail and CNN copy beside BBC copy), one paragraph per line. This builds
bundles from them, read by path and never copied, with gold spans known by construction:

- ``lines``: one paragraph per line; ``blank``: blank-line paragraphs (no headlines: the sources have none);
- ``flat``: no line breaks; ``sentence-lines``: one sentence per line (tabloid and CNN pastes);
- ``teaser``: an article's first paragraph between two other articles, as the dev ``teaser`` variant does;
- ``same-topic``: each bundle drawn from one article's ten nearest by TF-IDF (a section's worth), so topic
  words don't separate them.

Run from the repo root: ``.venv/bin/python benchmarks/other_outlets_split.py [--eval-dir DIR] [--misses]``.
Writes the table to benchmarks/results/other_outlets_split.txt.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import Counter
from pathlib import Path

from heldout_split import Bundle, misses, table_row

from briefing.sentences import sentence_spans
from briefing.split import split

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
SEED = 20261207
PER_VARIANT = 30
VARIANTS = ("lines", "blank", "flat", "sentence-lines", "teaser", "same-topic")
_WORD = re.compile(r"[a-z]+")


def load_articles(eval_dir: Path) -> list[list[str]]:
    """Each distinct source article of writer-perturbed as its paragraphs."""
    path = eval_dir / "verification" / "writer-perturbed.jsonl"
    sources = sorted({json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()})
    return [[p.strip() for p in s.split("\n") if p.strip()] for s in sources]


def _sentences(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        out += [p[a:b].strip() for a, b in sentence_spans(p) if p[a:b].strip()]
    return out


def _render(paragraphs: list[str], variant: str) -> str:
    if variant == "flat":
        return " ".join(paragraphs)
    if variant == "blank":
        return "\n\n".join(paragraphs)
    if variant == "sentence-lines":
        return "\n".join(_sentences(paragraphs))
    return "\n".join(paragraphs)


def assemble(bundle_id: str, variant: str, stories: list[tuple[str, list[str], bool]]) -> Bundle:
    """Glue ``(name, paragraphs, is_teaser)`` stories in the variant's layout; spans fall out of offsets."""
    sep = {"flat": " ", "blank": "\n\n"}.get(variant, "\n")
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for _, paragraphs, _ in stories:
        rendered = _render(paragraphs, variant)
        if parts:
            pos += len(sep)
        spans.append((pos, pos + len(rendered)))
        parts.append(rendered)
        pos += len(rendered)
    return Bundle(
        bundle_id, variant, sep.join(parts), tuple(spans),
        tuple(s[0] for s in stories), tuple(s[2] for s in stories),
    )


def _neighbours(articles: list[list[str]]) -> list[list[int]]:
    """For each article, the others ordered by TF-IDF cosine, most similar first."""
    bags = [Counter(_WORD.findall(" ".join(a).lower())) for a in articles]
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    vecs = []
    for bag in bags:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in bag.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})

    def cos(i: int, j: int) -> float:
        return sum(x * vecs[j].get(w, 0.0) for w, x in vecs[i].items())

    return [sorted((j for j in range(n) if j != i), key=lambda j: -cos(i, j)) for i in range(n)]


def build_bundles(
    articles: list[list[str]], seed: int = SEED, per_variant: int = PER_VARIANT
) -> list[Bundle]:
    """Bundles of the variants from ``articles`` (paragraph lists), the same for a given seed."""
    rng = random.Random(seed)
    multi = [i for i, a in enumerate(articles) if len(a) >= 3]
    near = _neighbours(articles)
    bundles = []
    for variant in VARIANTS:
        for n in range(per_variant):
            if variant == "same-topic":
                # Like a news section: articles among the first's ten nearest, not only the very nearest
                # (which is often the same event from another outlet: a near-duplicate, not a neighbour).
                first = rng.choice(multi)
                section = [j for j in near[first] if j in multi][:10]
                picked = [first, *rng.sample(section, rng.randint(1, 3))]
            else:
                picked = rng.sample(multi, rng.randint(2, 5))
            stories = [(f"writer/{i}", articles[i], False) for i in picked]
            if variant == "teaser":
                gaps = rng.sample(range(1, len(stories)), rng.randint(1, min(2, len(stories) - 1)))
                others = [i for i in range(len(articles)) if i not in picked]
                for g in sorted(gaps, reverse=True):
                    t = rng.choice(others)
                    stories.insert(g, (f"writer/{t}#teaser", articles[t][:1], True))
            bundles.append(assemble(f"other-{variant}-{n:02d}", variant, stories))
    return bundles


def run(eval_dir: Path, show_misses: bool = False) -> tuple[str, str]:
    articles = load_articles(eval_dir)
    bundles = build_bundles(articles)
    pred = {b.id: split(b.text) for b in bundles}
    lines = [
        f"other outlets: {len(bundles)} bundles of {len(articles)} real articles "
        f"(writer-perturbed sources, read by path; seed {SEED})",
        f"{'set':<22} {'Pk':>6} {'WD':>6} {'F1':>6} {'exact':>6}  teaser-recall",
    ]
    dev_like = [b for b in bundles if b.variant != "sentence-lines"]
    groups = [("other (dev variants)", dev_like)]
    groups += [(f"  {v}", [b for b in bundles if b.variant == v]) for v in VARIANTS]
    lines += [table_row(eval_dir, label, group, pred) for label, group in groups]
    extra = ["", "boundary misses:", *misses(bundles, pred)] if show_misses else []
    return "\n".join(lines) + "\n", "\n".join(extra)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--misses", action="store_true", help="also list every missed and added boundary")
    args = parser.parse_args()
    table, miss_list = run(args.eval_dir, args.misses)
    print(table + miss_list)
    (RESULTS / "other_outlets_split.txt").write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
