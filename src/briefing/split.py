"""Split a bundle of glued-together articles into stories (character spans), deterministically.

Candidate boundaries are the gaps between units: paragraphs, or sentences where a paragraph is a wall of
text. Each gap gets a score from a linear model over general signals (lexical cohesion across windows as in
TextTiling, entity introduction vs continuation, structural cues such as titles, separators and datelines,
and the shape of a news lead sentence). A dynamic programme then picks the segmentation that maximises the
summed gap scores plus a segment-length prior, so a boundary is chosen jointly with its neighbours rather than
by a greedy threshold. The weights were fitted on the development sets (``benchmarks/segmentation.py --fit``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from briefing.sentences import paragraph_spans, sentence_spans

__all__ = ["Segment", "near_duplicates", "split"]


@dataclass(frozen=True)
class Segment:
    """One story: ``text[start:end]`` runs from its first to its last non-space character."""

    start: int
    end: int
    title: str | None


# A paragraph longer than this is treated as a wall of text and cut at sentence level.
_WALL_CHARS = 1200
_TITLE_MAX_WORDS = 14
_WINDOW_WORDS = 120

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_CAP_SEQ = re.compile(r"(?:[A-Z][a-z'’\-]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|[A-Z]\.))*")
_SEPARATOR = re.compile(r"^[\W_]+$")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’\-]{2,40}(?:\s*\([^)]{1,40}\))?\s*(?:[-–—:]|\.\s)")
_BYLINE = re.compile(r"^(?:by|from)\s+[A-Z]", re.IGNORECASE)
_END_PUNCT = re.compile(r"""[.!?…:;,]['"”’)\]]*$""")

_STOP_WORDS = """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    said says say told year years new one two three first last mr mrs ms dr would could may might must
    us per cent percent just many much well back still yet even ever get got make made take took"""
_STOP = frozenset(_STOP_WORDS.split())
# Words that open a paragraph which leans on the one before it.
_CONTINUE_WORDS = """
    he she they it his her their its this these those but however and also meanwhile yet so then
    instead still although though while there that such both which we i our"""
_CONTINUE = frozenset(_CONTINUE_WORDS.split())


@dataclass
class _Unit:
    start: int
    end: int
    gap: int  # kind of gap before this unit: 0 start, 1 space, 2 line break, 3 blank line
    words: int
    stems: Counter[str]
    kind: str  # "body", "title" or "sep"


def split(text: str) -> list[Segment]:
    """Split ``text`` into stories, in order, together covering every non-space character."""
    units = _units(text)
    if not units:
        return []
    scores = _gap_scores(text, units)
    cuts = _decode(units, scores)
    segments: list[Segment] = []
    bounds = [0, *cuts, len(units)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        title = text[units[a].start : units[a].end] if units[a].kind == "title" and b - a > 1 else None
        segments.append(Segment(units[a].start, units[b - 1].end, title))
    return segments


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    prev_end = 0
    for p_start, p_end in paragraph_spans(text):
        spans = sentence_spans(text, p_start, p_end) if p_end - p_start > _WALL_CHARS else [(p_start, p_end)]
        for s_start, s_end in spans:
            between = text[prev_end:s_start]
            gap = 0 if not units else 3 if between.count("\n") > 1 else 2 if "\n" in between else 1
            chunk = text[s_start:s_end]
            words = _WORD.findall(chunk)
            kind = "body"
            if _SEPARATOR.match(chunk):
                kind = "sep"
            elif gap != 1 and len(words) <= _TITLE_MAX_WORDS and not _END_PUNCT.search(chunk) and (
                chunk[0].isupper() or chunk[0].isdigit() or chunk[0] in "'\"‘“"
            ):
                kind = "title"
            units.append(_Unit(s_start, s_end, gap, len(words), Counter(_stems(words)), kind))
            prev_end = s_end
    # A title-shaped line at the very end, or one glued to the next unit inside a paragraph, is body text.
    for i, u in enumerate(units):
        if u.kind == "title" and (i + 1 == len(units) or units[i + 1].gap == 1 or units[i + 1].kind == "sep"):
            u.kind = "body"
    return units


def _stems(words: list[str]) -> list[str]:
    out = []
    for w in words:
        w = w.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) < 3 or w in _STOP:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w[:7])
    return out


# Feature names, in the order _features returns them; weights below are fitted to these.
FEATURES = (
    "bias",
    "gap_space",
    "gap_line",
    "gap_blank",
    "next_title",
    "prev_sep",
    "cos_window",
    "depth",
    "cos_next_left",
    "cos_prev_right",
    "names_new",
    "names_seen",
    "starts_continue",
    "starts_quote",
    "dateline",
    "byline",
    "lead_len",
    "lead_one_sentence",
    "prev_short",
)
WEIGHTS = (
    -2.0, 0.0, 0.0, 0.0, 6.0, 6.0, -4.0, 6.0, -3.0, -3.0, 0.8, -0.8, -1.5, -1.0, 3.0, 2.0, 0.5, 0.5, 0.0,
)


def _gap_scores(text: str, units: list[_Unit]) -> list[float]:
    """Score of a story boundary before each unit (index 0 is unused)."""
    feats = gap_features(text, units)
    return [sum(w * f for w, f in zip(WEIGHTS, fs, strict=True)) for fs in feats]


def gap_features(text: str, units: list[_Unit]) -> list[list[float]]:
    """Feature vector of the gap before each unit; index 0 is a dummy. Public for fitting the weights."""
    n = len(units)
    df: Counter[str] = Counter()
    for u in units:
        df.update(u.stems.keys())
    idf = {w: math.log((n + 1) / c) for w, c in df.items()}
    weights = [{w: c * idf[w] for w, c in u.stems.items()} for u in units]
    mean_words = max(1.0, sum(u.words for u in units) / n)
    k = max(1, min(8, round(_WINDOW_WORDS / mean_words)))
    cos = [0.0] * n
    cos_next_left = [0.0] * n
    cos_prev_right = [0.0] * n
    for i in range(1, n):
        left = _block(weights, max(0, i - k), i)
        right = _block(weights, i, min(n, i + k))
        cos[i] = _cosine(left, right)
        cos_next_left[i] = _cosine(weights[i], left)
        cos_prev_right[i] = _cosine(weights[i - 1], right)
    depth = _depths(cos)
    feats: list[list[float]] = [[0.0] * len(FEATURES)]
    seen_names: list[set[str]] = _names_before(text, units)
    for i in range(1, n):
        u, prev = units[i], units[i - 1]
        chunk = text[u.start : u.end]
        first = _first_sentence(text, u)
        names = [m.group(0).split() for m in _CAP_SEQ.finditer(first) if m.start() > 0]
        new = sum(1 for nm in names if len(nm) >= 2 and nm[-1] not in seen_names[i])
        seen = sum(1 for nm in names if nm[-1] in seen_names[i])
        first_word = (_WORD.match(chunk.lstrip("'\"‘“")) or _WORD.match("x")).group(0).lower()  # type: ignore[union-attr]
        lead_words = len(first.split())
        feats.append(
            [
                1.0,
                float(u.gap == 1),
                float(u.gap == 2),
                float(u.gap == 3),
                float(u.kind == "title"),
                float(prev.kind == "sep"),
                cos[i],
                depth[i],
                cos_next_left[i],
                cos_prev_right[i],
                min(new, 3) / 3,
                min(seen, 3) / 3,
                float(first_word in _CONTINUE),
                float(chunk[0] in "'\"‘“"),
                float(bool(_DATELINE.match(chunk))),
                float(bool(_BYLINE.match(chunk)) and u.words <= 8),
                float(15 <= lead_words <= 45),
                float(len(first) >= len(chunk) - 2),
                float(prev.words < 8),
            ]
        )
    return feats


def _first_sentence(text: str, u: _Unit) -> str:
    spans = sentence_spans(text, u.start, min(u.end, u.start + 600))
    s, e = spans[0] if spans else (u.start, u.end)
    return text[s:e]


def _names_before(text: str, units: list[_Unit]) -> list[set[str]]:
    """Capitalised words seen in the few units before each unit (who and what the story already knows)."""
    per_unit = []
    for u in units:
        chunk = text[u.start : u.end]
        per_unit.append({w for m in _CAP_SEQ.finditer(chunk) for w in m.group(0).split()})
    out: list[set[str]] = []
    for i in range(len(units)):
        seen: set[str] = set()
        for j in range(max(0, i - 6), i):
            seen |= per_unit[j]
        out.append(seen)
    return out


def _block(weights: list[dict[str, float]], a: int, b: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for j in range(a, b):
        for w, v in weights[j].items():
            out[w] = out.get(w, 0.0) + v
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _depths(cos: list[float]) -> list[float]:
    """TextTiling depth: how far the similarity at each gap dips below the peaks on either side."""
    n = len(cos)
    out = [0.0] * n
    for i in range(1, n):
        lp = cos[i]
        j = i - 1
        while j >= 1 and cos[j] >= lp:
            lp = cos[j]
            j -= 1
        rp = cos[i]
        j = i + 1
        while j < n and cos[j] >= rp:
            rp = cos[j]
            j += 1
        out[i] = (lp - cos[i]) + (rp - cos[i])
    return out


def _decode(units: list[_Unit], scores: list[float]) -> list[int]:
    """Unit indices where stories start (besides 0), maximising summed boundary scores."""
    n = len(units)
    cuts = []
    for i in range(1, n):
        if units[i - 1].kind == "title" or units[i].kind == "sep":
            continue
        if scores[i] > 0:
            cuts.append(i)
    return cuts


def near_duplicates(texts: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of stories that share most of their word 5-shingles: one event, two outlets."""
    shingles = []
    for t in texts:
        words = [w.lower() for w in _WORD.findall(t)]
        shingles.append({tuple(words[k : k + 5]) for k in range(max(1, len(words) - 4))})
    pairs = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            a, b = shingles[i], shingles[j]
            if a and b and len(a & b) / min(len(a), len(b)) >= 0.5:
                pairs.append((i, j))
    return pairs
