"""Benchmark the story splitter on the segmentation dev sets, scored by the shared reference scorer.

Run from the repo root: ``.venv/bin/python benchmarks/segmentation.py [--eval-dir ../shared/eval]``.
Prints one row per set and per BBC variant (Pk, WindowDiff, boundary F1, exact story count, teaser recall)
plus the splitter's throughput, and writes the table to benchmarks/results/segmentation.txt.
``--fit`` instead refits the gap weights of briefing.split on the dev sets (needs numpy) and prints them;
``--cv`` adds held-out rows (leave one section out, see ``_fold``): how the fit carries to unseen text.
A row marked * is derived from the dev sets (see _one_sentence_per_line, _teasers_in_sentence_lines,
_two_sentence_teasers, _paired_lines, _mixed_lines, _roster_lines, _speaker_turns, _same_topic_lines) to
stress one document shape.
The eval text is read by path and never copied into the repo.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seg_score import score

from briefing import split as splitter
from briefing.sentences import sentence_spans

SETS = ("bbc-bundles", "choi-dev")
VARIANTS = ("lines", "blank", "flat", "teaser", "same-topic")
TOL_WORDS = 5  # same tolerance as score.py's boundary F1
_WORD = re.compile(r"\S+")
# Hand-set, not fitted: cues the dev sets never show (separators, datelines, bylines) or show in one variant
# only (titles: a fit would make them absolute), or too rarely for a fit to weigh (a line-up, a table row, a
# bullet item, an author note or a subhead in capitals is no story start, but a fit over thousands of gaps
# sees a handful). No feature looks at letter case at a story start: Choi lower-cases the first word of each
# segment, an artefact a fit would happily learn.
FIXED = frozenset(
    {"next_title", "next_title_line", "prev_sep", "dateline", "byline", "unmarked_in_marked", "next_listy",
     "starts_bullet", "next_author_note", "next_caps_title",
     "starts_new_item"}
)


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


Preds = dict[str, list[splitter.Segment]]
Predictor = Callable[[str, list[dict[str, Any]]], Preds]  # (set name, rows) -> segments by row id


def _teaser_recall(gold: list[dict[str, Any]], pred: dict[str, list[splitter.Segment]]) -> tuple[int, int]:
    """Gold teaser stories whose start and end a predicted story matches within TOL_WORDS words."""
    found = total = 0
    for row in gold:
        starts = [m.start() for m in _WORD.finditer(row["text"])]

        def word_at(offset: int, starts: list[int] = starts) -> int:
            return sum(1 for s in starts if s < offset)

        segs = [(word_at(s.start), word_at(s.end)) for s in pred[row["id"]]]
        for story in row["stories"]:
            if not story.get("teaser"):
                continue
            total += 1
            a, b = word_at(story["start"]), word_at(story["end"])
            found += any(abs(a - x) <= TOL_WORDS and abs(b - y) <= TOL_WORDS for x, y in segs)
    return found, total


def _cells(score_py: Path, gold: list[dict[str, Any]], pred: Preds) -> str:
    return "{:>6} {:>6} {:>6} {:>6}".format(*score(score_py, gold, pred))


def _table(eval_dir: Path, predict: Predictor, label: str = "") -> list[str]:
    """Score rows per set and per BBC variant; ``predict(set_name, rows)`` gives each row's segments."""
    lines = []
    for name in SETS:
        rows = _load(eval_dir / "segmentation" / f"{name}.jsonl")
        pred = predict(name, rows)
        groups = [(label + name, rows)]
        if name == "bbc-bundles":
            groups += [(f"  {label}{v}", [r for r in rows if r.get("variant") == v]) for v in VARIANTS]
            if label:  # the one derived row the held-out predictions cover (see cross_validate)
                groups += [(f"  {label}same-topic-lines*", _same_topic_lines(rows))]
            else:  # a stress test of the shape alone, not a dev set: in-sample rows only
                derived = _one_sentence_per_line(rows)
                teasers = _teasers_in_sentence_lines(rows)
                pred = pred | {r["id"]: splitter.split(r["text"]) for r in derived + teasers}
                pairs, paired, mixed = _two_sentence_teasers(rows), _paired_lines(rows), _mixed_lines(rows)
                roster, turns, topic = _roster_lines(rows), _speaker_turns(rows), _same_topic_lines(rows)
                derived_rows = pairs + paired + mixed + roster + turns + topic
                pred |= {r["id"]: splitter.split(r["text"]) for r in derived_rows}
                groups += [("  sentence-lines*", derived), ("  teaser-lines*", teasers)]
                groups += [("  teaser-pairs*", pairs), ("  paired-lines*", paired), ("  mixed-lines*", mixed)]
                groups += [("  roster-lines*", roster), ("  speaker-turns*", turns)]
                groups += [("  same-topic-lines*", topic)]
        for row_label, group in groups:
            found, total = _teaser_recall(group, pred)
            recall = f"{found}/{total} = {100 * found / total:.1f}%" if total else "-"
            lines.append(f"{row_label:<22} {_cells(eval_dir / 'score.py', group, pred)}  {recall}")
    return lines


def _repasted(
    rows: list[dict[str, Any]], variant: str, suffix: str, sizes: tuple[int, ...], whole_teasers: bool = False
) -> list[dict[str, Any]]:
    """The ``variant`` bundles with each story's sentences re-paragraphed ``sizes[0]``, ``sizes[1]``, ...
    at a time in turn, one paragraph per line (a teaser kept whole on a line of its own if asked): how
    other outlets paste the same stories."""
    out = []
    for row in rows:
        if row.get("variant") != variant:
            continue
        text, stories = "", []
        for story in row["stories"]:
            spans = sentence_spans(row["text"], story["start"], story["end"])
            if whole_teasers and story.get("teaser"):
                spans = [(story["start"], story["end"])]
            paragraphs = _pasted([" ".join(row["text"][a:b].split()) for a, b in spans], sizes)
            start = len(text)
            text += "\n".join(paragraphs) + "\n"
            flag = {"teaser": story.get("teaser", False)} if whole_teasers else {}
            stories.append({"start": start, "end": len(text) - 1, **flag})
        out.append({"id": row["id"] + "/" + suffix, "text": text, "stories": stories})
    return out


def _pasted(sents: list[str], sizes: tuple[int, ...]) -> list[str]:
    """``sents`` as paragraphs of ``sizes[0]``, ``sizes[1]``, ... sentences in turn."""
    paragraphs: list[str] = []
    k = 0
    while k < len(sents):
        size = sizes[len(paragraphs) % len(sizes)]
        paragraphs.append(" ".join(sents[k : k + size]))
        k += size
    return paragraphs


def _one_sentence_per_line(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``lines`` bundles re-pasted one sentence per line, as outlets that write one-sentence paragraphs
    paste: every line is then a sentence, as in Choi's texts, though the stories are news."""
    return _repasted(rows, "lines", "sentence-lines", (1,))


def _teasers_in_sentence_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``teaser`` bundles with their articles re-pasted one sentence per line and each teaser on a line
    of its own: a one-paragraph item among outlets' one-sentence paragraphs."""
    return _repasted(rows, "teaser", "teaser-lines", (1,), whole_teasers=True)


def _two_sentence_teasers(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``teaser`` bundles with each teaser replaced by the first two sentences of an article (the
    ``lines`` bundles' stories, each used once, in order) on one line: a two-sentence teaser or brief."""
    leads = []
    for row in rows:
        if row.get("variant") != "lines":
            continue
        for story in row["stories"]:
            spans = sentence_spans(row["text"], story["start"], story["end"])[:2]
            if len(spans) == 2:
                leads.append(" ".join(" ".join(row["text"][a:b].split()) for a, b in spans))
    out, used = [], 0
    for row in rows:
        if row.get("variant") != "teaser":
            continue
        text, stories = "", []
        for story in row["stories"]:
            if story.get("teaser"):
                body, used = leads[used % len(leads)], used + 1
            else:
                body = row["text"][story["start"] : story["end"]]
            start = len(text)
            text += body + "\n"
            stories.append({"start": start, "end": len(text) - 1, "teaser": story.get("teaser", False)})
        out.append({"id": row["id"] + "/teaser-pairs", "text": text, "stories": stories})
    return out


def _paired_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``lines`` bundles with each article's sentences re-paragraphed two by two: every paragraph a
    short two-sentence item, as in round-ups and match reports, where no story starts."""
    return _repasted(rows, "lines", "paired-lines", (2,))


def _mixed_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``lines`` bundles with each article's sentences re-paragraphed two, one, two, three at a time:
    two-sentence paragraphs inside articles among shorter and longer ones, where no story starts (a brief
    of two sentences must still stand out from such paragraphs to count as one)."""
    return _repasted(rows, "lines", "mixed-lines", (2, 1, 2, 3))


def _same_topic_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``same-topic`` bundles with each article's sentences re-paragraphed one, two, one, three at a
    time (a lead on its own line, then short paragraphs), one paragraph per line, no headlines and no blank
    lines: how other outlets paste stories of one section, where topic words don't separate the stories and
    short paragraphs give the gap cues little text to read."""
    return _repasted(rows, "same-topic", "same-topic-lines", (1, 2, 1, 3))


# A story that keeps naming new people (a match report, a round-up, a chart or an awards list): at least
# _ROSTER_SENTENCES sentences, and a name of two or more words new to the story in _ROSTER_SHARE of them.
_ROSTER_SENTENCES = 10
_ROSTER_SHARE = 0.5


def _new_name_share(sents: list[str]) -> float:
    """The share of ``sents`` whose names (less a capitalised opener) hold one of two or more words whose
    last word the sentences before never named."""
    seen: set[str] = set()
    new = 0
    for sent in sents:
        names = [nm for _, nm in splitter._lead_names(sent, splitter._names(sent))]
        new += any(len(nm) > 1 and nm[-1] not in seen for nm in names)
        seen |= {w for nm in names for w in nm}
    return new / len(sents)


def _roster_lines(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``lines`` bundles with a story that keeps naming new people (the dev set's distinct stories, in
    order of first use, each used once, none the bundle holds) put in as its second story, pasted one and
    two sentences a line in turn: its short paragraphs open on new names as leads do, and tie little to
    one another, but no story starts there (tabloids and live reports paste so)."""
    rosters, seen = [], set()
    for row in rows:
        for story in row["stories"]:
            if story.get("teaser") or story["source"] in seen:
                continue
            seen.add(story["source"])
            spans = sentence_spans(row["text"], story["start"], story["end"])
            sents = [" ".join(row["text"][a:b].split()) for a, b in spans]
            if len(sents) >= _ROSTER_SENTENCES and _new_name_share(sents) >= _ROSTER_SHARE:
                rosters.append((story["source"], "\n".join(_pasted(sents, (1, 2)))))
    out, used = [], 0
    for row in rows:
        if row.get("variant") != "lines":
            continue
        own = {story["source"] for story in row["stories"]}
        while rosters[used % len(rosters)][0] in own:
            used += 1
        bodies = [row["text"][story["start"] : story["end"]] for story in row["stories"]]
        bodies.insert(1, rosters[used % len(rosters)][1])
        used += 1
        text, stories = "", []
        for body in bodies:
            start = len(text)
            text += body + "\n"
            stories.append({"start": start, "end": len(text) - 1})
        out.append({"id": row["id"] + "/roster-lines", "text": text, "stories": stories})
    return out


# Reader comments or a transcript pasted under an article: turns "Firstname Surname: ..." of one or two
# sentences. The speakers are the dev set's people (a first name and surname before "said", "says" or
# "told", the surname also after an honorific somewhere, so that it is a person's), in order of first use.
_SPEAKER = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+) (?:said|says|told)\b")
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr) ([A-Z][a-z]+)")
_TITLE_WORDS = "Mr Mrs Ms Miss Dr Sir Lord Lady Prof President Prince Chancellor Minister Secretary Judge"
_TITLES = frozenset(_TITLE_WORDS.split())
_TURNS = (1, 2, 1, 2)  # sentences a turn, in turn
_TURN_WORDS = (8, 45)  # words of a sentence a turn may quote


def _speakers(rows: list[dict[str, Any]]) -> list[str]:
    honoured = {m.group(1) for row in rows for m in _HONORIFIC.finditer(row["text"])}
    out: list[str] = []
    for row in rows:
        for m in _SPEAKER.finditer(row["text"]):
            first, last = m.groups()
            name = f"{first} {last}"
            if first.lower() not in splitter._NOT_NAMES and first not in _TITLES and last in honoured:
                out += [name] if name not in out else []
    return out


def _own_words(sents: list[str]) -> list[float]:
    """Each sentence's share of content stems that no other of ``sents`` has: a reader's comment or a
    speaker's turn talks about the article in words of its own."""
    bags = [splitter.stems(s.split()) for s in sents]
    counts = Counter(st for bag in bags for st in set(bag))
    return [sum(counts[st] == 1 for st in bag) / max(1, len(bag)) for bag in bags]


def _speaker_turns(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``lines`` bundles with each article followed by four turns, one per line, "Firstname Surname:"
    and one or two sentences of the article (_TURN_WORDS long, not its first two), those with most words
    of their own first: readers' comments on the article or a transcript, part of its story. Behind the
    name no word leans on what precedes, the name is new, as in a brief's lead, and the turn ties little
    to its neighbours, but no story starts there."""
    speakers = _speakers(rows)
    low, high = _TURN_WORDS
    out, used = [], 0
    for row in rows:
        if row.get("variant") != "lines":
            continue
        text, stories = "", []
        for story in row["stories"]:
            spans = sentence_spans(row["text"], story["start"], story["end"])
            sents = [" ".join(row["text"][a:b].split()) for a, b in spans]
            own = _own_words(sents)
            fits = [k for k in range(2, len(sents)) if low <= len(sents[k].split()) <= high]
            picks = sorted(fits, key=lambda k: -own[k])
            turns, k = [], 0
            for size in _TURNS:
                if k + size > len(picks):
                    break
                said = " ".join(sents[i] for i in picks[k : k + size])
                turns.append(f"{speakers[used % len(speakers)]}: {said}")
                used, k = used + 1, k + size
            start = len(text)
            text += "\n".join([row["text"][story["start"] : story["end"]], *turns]) + "\n"
            stories.append({"start": start, "end": len(text) - 1})
        out.append({"id": row["id"] + "/speaker-turns", "text": text, "stories": stories})
    return out


def run(eval_dir: Path, with_cv: bool = False) -> str:
    lines = [f"{'set':<22} {'Pk':>6} {'WD':>6} {'F1':>6} {'exact':>6}  teaser-recall"]
    total_chars = 0
    total_secs = 0.0

    def timed(name: str, rows: list[dict[str, Any]]) -> Preds:
        nonlocal total_chars, total_secs
        pred: Preds = {}
        # CPU time, best of three: the machine is shared, and wall time would measure the neighbours.
        secs = []
        for _ in range(3):
            t0 = time.process_time()
            for row in rows:
                pred[row["id"]] = splitter.split(row["text"])
            secs.append(time.process_time() - t0)
        total_secs += min(secs)
        total_chars += sum(len(r["text"].encode("utf-8")) for r in rows)
        return pred

    lines += _table(eval_dir, timed)
    if with_cv:
        lines.append(f"held out ({FOLDS}-fold, gap weights refitted without the fold; see cross_validate):")
        lines += _table(eval_dir, cross_validate(eval_dir), "cv ")
    mb = total_chars / 1e6
    lines.append(f"speed {mb / total_secs:.2f} MB/s on one core ({mb:.1f} MB in {total_secs:.2f} s CPU)")
    return "\n".join(lines)


# One training example per open gap: (features, is a gold story start).
_Gaps = list[tuple[list[float], float]]


def _gaps(row: dict[str, Any]) -> _Gaps:
    units = splitter._units(row["text"])
    feats = splitter.gap_features(row["text"], units)
    gold = {s["start"] for s in row["stories"]}
    return [
        (feats[i], float(units[i].start in gold))
        for i in range(1, len(units))
        if units[i - 1].kind != "title" and units[i].kind != "sep"
    ]


def _fit_weights(per_set: list[list[_Gaps]]) -> dict[str, float]:
    """L2 logistic regression over gap features, each set weighing the same however many gaps it has."""
    import numpy as np

    xs: list[list[float]] = []
    ys: list[float] = []
    sample_weights: list[float] = []
    for rows in per_set:
        gaps = [g for row in rows for g in row]
        xs += [f for f, _ in gaps]
        ys += [y for _, y in gaps]
        sample_weights += [1.0 / len(gaps)] * len(gaps)
    x, y, sw = np.array(xs), np.array(ys), np.array(sample_weights) / len(per_set)
    # FIXED cues enter as a constant offset.
    fixed = np.array([name in FIXED for name in splitter.FEATURES])
    offset = x[:, fixed] @ np.array(list(splitter.WEIGHTS.values()))[fixed]
    x = x[:, ~fixed]
    w = np.zeros(x.shape[1])
    ridge = 1e-3 * np.eye(x.shape[1])
    for _ in range(30):  # Newton steps on the weighted, L2-regularised log-loss
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        grad = x.T @ ((p - y) * sw) + ridge @ w
        hess = (x * (sw * p * (1 - p))[:, None]).T @ x + ridge
        w -= np.linalg.solve(hess, grad)
    fitted = iter(w)
    weights = splitter.WEIGHTS.items()
    return {name: v if name in FIXED else round(float(next(fitted)), 2) for name, v in weights}


def fit(eval_dir: Path) -> None:
    """Refit WEIGHTS on the dev sets and print them; boundaries are gold story starts."""
    per_set = [[_gaps(row) for row in _load(eval_dir / "segmentation" / f"{name}.jsonl")] for name in SETS]
    print(f"{sum(len(r) for rows in per_set for r in rows)} gaps")
    print("WEIGHTS: dict[str, float] = {")
    for name, v in _fit_weights(per_set).items():
        print(f'    "{name}": {v:.2f},')
    print("}")


FOLDS = 5


def _fold(name: str, index: int, row: dict[str, Any]) -> int:
    """Leave one section out: a BBC bundle's fold is the section (topic) of its first story, so each fold
    tests on bundles that open with a section the fit saw less of (bundles mix sections, so no split keeps
    sections wholly apart). Choi rows have no sections: every FOLDS-th row."""
    if name == "bbc-bundles":
        return SECTIONS.index(row["stories"][0]["topic"])
    return index % FOLDS


SECTIONS = ("business", "entertainment", "politics", "sport", "tech")


def cross_validate(eval_dir: Path) -> Predictor:
    """Predictions where each row is split with weights fitted without its fold (on both sets' other folds).
    Only the gap weights are refitted: the decoding constants stay as tuned on all the dev data. The
    same-topic bundles re-pasted as other outlets paste (_same_topic_lines) are split with their source
    bundle's fold: the shape the issue's other-outlet rows show, with weights that never saw the section."""
    data = {name: _load(eval_dir / "segmentation" / f"{name}.jsonl") for name in SETS}
    folds = {name: [_fold(name, i, row) for i, row in enumerate(rows)] for name, rows in data.items()}
    gaps = {name: [_gaps(row) for row in rows] for name, rows in data.items()}
    pred: dict[str, Preds] = {name: {} for name in SETS}
    saved = splitter.WEIGHTS
    try:
        for k in range(FOLDS):
            splitter.WEIGHTS = _fit_weights(
                [[g for g, f in zip(gaps[name], folds[name], strict=True) if f != k] for name in SETS]
            )
            for name, rows in data.items():
                for row, f in zip(rows, folds[name], strict=True):
                    if f == k:
                        pred[name][row["id"]] = splitter.split(row["text"])
                        for derived in _same_topic_lines([row]) if name == "bbc-bundles" else []:
                            pred[name][derived["id"]] = splitter.split(derived["text"])
    finally:
        splitter.WEIGHTS = saved
    return lambda name, rows: pred[name]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--fit", action="store_true", help="refit the gap weights instead of benchmarking")
    ap.add_argument("--cv", action="store_true", help="add held-out rows: weights refitted without each fold")
    args = ap.parse_args()
    if args.fit:
        fit(args.eval_dir)
        return
    table = run(args.eval_dir, args.cv)
    print(table)
    out = Path(__file__).parent / "results" / "segmentation.txt"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
