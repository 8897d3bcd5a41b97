"""Split a bundle of glued-together articles into stories (character spans), deterministically.

Candidate boundaries are the gaps between units: paragraphs, or sentences where a paragraph is a wall of
text. Each gap gets a score from a linear model over general signals: lexical cohesion across windows at
three scales (TextTiling-style similarity and depth over 6-letter stems, relative to the document's own
level; at the middle scale also with words weighed by their rarity in general English), entity
introduction vs continuation (names seen before, names shared across the gap), discourse cues
(back-reference words such as "also" or "such", pronouns with no antecedent in their sentence),
structural cues (headlines, separators, datelines, bylines, open quotes, "Meanwhile," items; lists, bullet
items, author notes and subheads, which rarely start a story; web page furniture, which joins the unit
before it) and the shape of a news lead. A dynamic
programme then picks the cheapest segmentation under a segment model (Utiyama & Isahara 2001: each story's
words drawn from one distribution) plus the gap scores and a term for stand-alone one-paragraph items
(teasers), so boundaries are chosen jointly, not by a greedy threshold. Where every line is one sentence
(no paragraph structure to lean on) a second pass adds a story-length prior around the first pass's mean.
Last, neighbouring stories whose whole vocabularies still overlap as one article's halves do are merged
again (a long article drifting across subjects, cut where the local cues said so).
Weights are fitted on the development sets by ``benchmarks/segmentation.py --fit``; the decoding constants
were tuned there too. Linear memory; the DP's work is bounded by a cap on story length, and the window
cosines come from running sums (numpy) of the dot products of units fewer than 60 apart.
``split_gaps`` also returns every open candidate gap with its score, for a refiner (an LLM) to re-judge
the uncertain ones.
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

import numpy as np
import numpy.typing as npt

from briefing.english import word_counts
from briefing.sentences import DATELINE, first_sentence_span, paragraph_spans, sentence_spans

__all__ = ["Gap", "Segment", "shingles", "split", "split_gaps", "stems"]


@dataclass(frozen=True)
class Segment:
    """One story: ``text[start:end]`` runs from its first to its last non-space character."""

    start: int
    end: int
    title: str | None


# A paragraph longer than this is treated as a wall of text and cut at sentence level.
_WALL_CHARS = 1200
_TITLE_MAX_WORDS = 14
# Segmentation compares words cut to this many letters (stems() keeps 7, for near-duplicate detection):
# coarser stems join more of a word's family ("govern-ed", "govern-ment"), which is what cohesion needs;
# a split-half check on the dev sets preferred 6 to 7 and 5.
_SEG_STEM = 6

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")  # the _WORD matches of two or more characters
# The leading [A-Z] is factored out of the alternation so that the regex engine skips ahead to capitals.
_CAP_SEQ = re.compile(r"[A-Z](?:[a-z'’\-]+|[A-Z]+)(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|[A-Z]\.))*")
_SEPARATOR = re.compile(r"^[\W_]+$")
_DATELINE = DATELINE
# Page furniture pasted with web articles is never a headline or a story start: it joins the unit before it.
_BOILERPLATE = re.compile(
    r"^(?:Advertisement|Share this article|Image (?:caption|source)\b.*|(?:Published|Updated)\b.{0,40}\bago"
    r"|(?:Photo|Related|Read more|See also|Watch)\s*:.*|Image copyright\b.*"
    r"|Media playback is (?:not )?supported on this device"
    r"|Follow .{1,40} on (?:Twitter|Facebook|Instagram)|Follow us on (?:Twitter|Facebook|Instagram)\b.*)$",
    re.IGNORECASE,
)
# "Jo Bloggs contributed to this report.": furniture too. Its own regex, tried only where the word can
# occur: its open start backtracks over 80 characters of every unit it is tried on.
_CONTRIBUTED = re.compile(
    r"^[^.!?]{0,80}\bcontributed (?:reporting )?to this (?:report|story|article)\.?$", re.IGNORECASE
)
# A press release's closing section ("About Halvorsen Ltd") heads boilerplate, not a story.
_ABOUT_HEADING = re.compile(r"^About\s+[A-Z]")
# "Mika Brzezinski added: 'There should be more charges'": a tabloid's pull quote between paragraphs has a
# headline's shape (short, no full stop) but quotes someone the story has introduced; it heads nothing.
_PULL_QUOTE = re.compile(
    r"^[^:]{0,60}\b(?:said|says|added|adds|told [A-Za-z ]{1,30}|tweeted|wrote)\s*:\s*['\"‘“]"
)
# "Meanwhile, ..." / "In other news, ...": a bulletin moving on to its next item.
_NEW_ITEM = re.compile(r"^(?:Meanwhile|In other news|Elsewhere)\b")
_BYLINE = re.compile(r"^(?:by|from)\s+[A-Z]", re.IGNORECASE)
# "By Dana Ruiz, Staff writer": a byline with its role, which stays recognisable where line breaks are lost.
_ROLE_BYLINE = re.compile(
    r"^By\s+(?:[A-Z][\w'’.\-]*\s+){1,3}?[A-Z][\w'’\-]*,\s+(?:[A-Z]?[a-z]+\s+){0,3}"
    r"(?:writer|correspondent|reporter|editor)\b"
)
# Inside a wall of text the byline may follow a line with no full stop ("Media contact: ... 555-0148 By
# Dana Ruiz, Staff writer"): no sentence ends before it, so it is cut out of its sentence there.
_INNER_ROLE_BYLINE = re.compile(r"(?<=\s)" + _ROLE_BYLINE.pattern[1:])
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Lord|Lady)\.?\s+([A-Z][A-Za-z'’\-]+)")
# Its titles alone: a regex that opens with them (not with \b) lets the engine skip ahead to a capital.
_HONORIFIC_HINT = re.compile(r"Mr|Ms|Miss|Dr|Prof|Sir|Lord|Lady")
# A news lead often ends on its source: "..., officials said." / "..., a report says."
_ATTRIBUTION = re.compile(
    r"\b(?:says?|said|reports?|reported|suggests?|claims?|warns?|warned|believes?|announced|according to)\b"
    r"[^.!?]{0,60}[.!?]['\"”’]?$"
)
# A word every _ATTRIBUTION match contains: substring tests run far faster than the regex's alternation.
_ATTRIBUTION_HINTS = (
    "say", "said", "report", "suggest", "claim", "warn", "believe", "announced", "according to"
)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ld|id|ne|ft|lt|ght|ck)\b")
# "Jo Bloggs is technology correspondent for The World.": an author note closes its article, it opens none.
_AUTHOR_NOTE = re.compile(
    r"^(?:[A-Z][\w'’.\-]*\s+){1,3}(?:is|was)\s+(?:a|an|the)?\s*[^.!?]{0,60}\b"
    r"(?:correspondent|editor|reporter|writer|columnist|journalist|presenter|contributor|commentator)s?\b"
)
_BULLET = re.compile(r"^(?:[-•*–]\s|\d{1,2}[.)]\s)")
_INNER_END = re.compile(r"""[.!?…]['"”’)\]]*\s""")  # a possible sentence end with text after it
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
_NOT_NAMES = _STOP | _CONTINUE  # capitalised only because they open a sentence
# Words that point back to something already said ("has also", "such a move", "both sides", "the same
# day"): near the start of a paragraph they mark a continuation, wherever they sit in the sentence.
_BACK_REF_WORDS = """
    also however such both already same meanwhile instead again too similar similarly latter likewise
    nevertheless nonetheless furthermore moreover then thus since although while here added later example
    instance"""
_BACK_REF = frozenset(_BACK_REF_WORDS.split())
# Personal pronouns there refer to someone the story has introduced ("the minister ... she").
_PRONOUNS = frozenset({"he", "she", "they", "them", "we", "our"})
_BACK_REF_SPAN = 10  # words
_PUNCT = ".,;:!?'\"“”‘’()"


@dataclass
class _Unit:
    start: int
    end: int
    gap: int  # kind of gap before this unit: 0 start, 1 space, 2 line break, 3 blank line
    words: int
    stems: Counter[str]
    kind: str  # "body", "title" or "sep"


_Columns = dict[str, list[float]]  # each gap feature's values at the gaps before units 1 .. n - 1


@dataclass(frozen=True)
class _Lexicon:
    """The units' stems as word ids (numbered in order of first use) with their counts and idf, built
    once: the cohesion vectors, the decoder and the merge pass all read them."""

    ids: list[list[int]]  # each unit's distinct word ids, in its stems' order
    counts: list[list[int]]  # how often each of them occurs in the unit
    idf: list[float]  # by word id: log((units + 1) / units using it)
    background: list[float]  # by word id: its idf in general English (_background)


def _lexicon(units: list[_Unit]) -> _Lexicon:
    # A word's id is given at its first lookup (a defaultdict whose default is the next number: no Python
    # loop); its document frequency counts the units whose distinct ids hold it.
    number: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    ids = [list(map(number.__getitem__, u.stems)) for u in units]
    df = np.bincount(np.fromiter(chain.from_iterable(ids), np.int64), minlength=len(number)).tolist()
    idf = list(map(math.log, map(operator.truediv, repeat(len(units) + 1), df)))
    known, unseen = _background()
    background = list(map(known.get, number, repeat(unseen)))
    return _Lexicon(ids, [list(u.stems.values()) for u in units], idf, background)


@lru_cache(maxsize=1)
def _background() -> tuple[dict[str, float], float]:
    """Each segmentation stem's idf in general English (log of all words' count over the count of the
    words it stems), and the idf of a stem the list lacks (a name, a rare word): as rare as the rarest."""
    counts: Counter[str] = Counter()
    total = 0
    least = math.inf
    for word, count in word_counts():
        total += count
        least = min(least, count)
        stem = _stem.__wrapped__(word)[:_SEG_STEM]  # uncached: 80k one-off words would flush _stem's cache
        if stem:
            counts[stem] += count
    return {w: math.log(total / c) for w, c in counts.items()}, math.log(total / least)


def split(text: str) -> list[Segment]:
    """Split ``text`` into stories, in order, together covering every non-space character."""
    return _split(text, None)


@dataclass(frozen=True)
class Gap:
    """A candidate boundary between two units, for callers that re-judge the uncertain ones (an LLM)."""

    start: int  # end offset of the unit before the gap (bundle offset)
    end: int  # start offset of the unit after the gap
    logit: float  # the fitted gap score: 0 is undecided, > 0 leans to a story boundary
    chosen: bool  # whether the decoder put a story boundary here


def split_gaps(text: str) -> tuple[list[Segment], list[Gap]]:
    """split() plus every candidate gap with its score; ``split(text) == split_gaps(text)[0]``.

    Gaps the structure decides (after a headline, at a separator) are left out: nothing re-judges them."""
    gaps: list[Gap] = []
    return _split(text, gaps), gaps


def _split(text: str, gaps: list[Gap] | None) -> list[Segment]:
    """The stories of ``text``; appends every open gap to ``gaps`` unless it is None."""
    units = _units(text)
    if not units:
        return []
    flat = all(u.gap <= 1 for u in units)  # before sentence lines are read as a wall of text
    if _news_in_sentence_lines(text, units):
        for u in units[1:]:
            u.gap = 1  # read its line breaks as the spaces between the sentences of a wall of text
    lexicon = _lexicon(units)
    names = _unit_names(text, units)
    columns = _gap_columns(text, units, lexicon, names)
    scores = _scores(columns)
    tokens = _tokens(lexicon)
    cuts = _cuts(units, tokens, _flat_scores(scores) if flat else scores, columns)
    teasers = _teaser_shaped(text, units, columns)
    cuts = _merge_cohesive(text, units, tokens, lexicon.background, names.proper, cuts, teasers, scores)
    cuts = _merge_around_short(text, units, tokens, lexicon.background, names.proper, cuts, scores, columns)
    cuts = _join_tails(units, tokens, lexicon.background, cuts, scores, columns["next_standalone"])
    cuts = _join_lone(units, lexicon, cuts)
    cuts = _cut_repeats(text, units, cuts)
    segments: list[Segment] = []
    bounds = [0, *cuts, len(units)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        # The first line only: page furniture ("Updated 5 minutes ago") may follow it in the same unit.
        head = units[a]
        title = text[head.start : head.end].split("\n")[0] if head.kind == "title" and b - a > 1 else None
        segments.append(Segment(units[a].start, units[b - 1].end, title))
    if gaps is not None:
        chosen = set(cuts)
        gaps += [
            Gap(units[i - 1].end, units[i].start, scores[i], i in chosen)
            for i in range(1, len(units))
            if units[i - 1].kind != "title" and units[i].kind != "sep" and units[i - 1].kind != "sep"
        ]
    return segments


def _scores(columns: _Columns) -> list[float]:
    """Each gap's score (index 0 a dummy 0): the weighted sum of its features, added in FEATURES order
    (a running sum down the columns: the same additions, in the same order, as row by row). A column of
    zeros adds nothing (x + 0 is x; the sum starts at the bias, never at -0): it is left out, as many
    cues are absent from a whole text and each column costs a conversion from Python floats."""
    rows = len(columns["bias"])
    if not rows:
        return [0.0]
    used = [name for name in FEATURES if any(columns[name])]
    values = np.array(list(chain.from_iterable(map(columns.__getitem__, used))), dtype=np.float64)
    # WEIGHTS is read at each call: benchmarks/segmentation.py --cv swaps in refitted weights.
    weighted = values.reshape(len(used), rows) * np.array([WEIGHTS[name] for name in used])[:, None]
    return [0.0, *np.cumsum(weighted, axis=0)[-1].tolist()]


def _cuts(units: list[_Unit], tokens: _Tokens, scores: list[float], columns: _Columns) -> list[int]:
    """Unit indices where stories start (besides 0): one decoding pass, two where lines are sentences."""
    sentence_lines = len(units) > 1 and columns["sentence_lines"][0] > 0
    standalone = [0.0, *columns["next_standalone"]]
    if not sentence_lines:
        return _decode(units, tokens, scores, standalone, sentence_lines)
    # The first pass only has to find the typical story length: stories twice as long as the gap scores
    # alone suggest need not be tried, which bounds its work.
    n = len(units)
    guess = n / (1 + sum(s > 0 for s in scores[1:]))
    first = _length_costs(None, min(n, int(2 * guess) + 3))
    mean = n / (len(_decode(units, tokens, scores, standalone, sentence_lines, first)) + 1)
    second = _length_costs(mean, min(n, int(2 * mean) + 3))
    return _decode(units, tokens, scores, standalone, sentence_lines, second)


# Two neighbouring stories the decoder chose that still share this much of their vocabulary (tf-idf cosine
# over whole stories) are one article that changed its subject: a long feature, a politics round-up.
# Words are weighed by their rarity in general English (_background), not in the bundle: in a bundle of
# stories on one subject, the words two halves of one article share are in every story, and a bundle's own
# idf made them weigh nothing (the decoder's false cuts and true boundaries separate better so: ROC area
# 0.79 -> 0.82 on the BBC dev bundles, 0.84 -> 0.91 on the other-outlet bundles, 0.88 -> 0.90 held out).
# Two stories' cosine grows with their length (more words, more chance overlap), so the bar is lower for a
# story shorter than _MERGE_WORDS words (scaled by the square root of its length), down to _MERGE_FLOOR.
# A headline-shaped line between them (a tabloid subhead or pull quote looks like one) raises the bar by
# _TITLE_BAR; a lone teaser-shaped paragraph the decoder kept apart needs _LONE_BAR; a separator is never
# merged across. Tuned on the BBC dev bundles (and, before the background idf, on the writer articles of
# benchmarks/other_outlets_split.py).
_MERGE_COSINE = 0.12
_MERGE_WORDS = 250
_MERGE_FLOOR = 0.06
_TITLE_BAR = 1.5
_LONE_BAR = 0.2
# Discourse at the cut: a lead that names someone or something the story before it named ("Mr Johnson",
# "Clinton") continues that story: its bar is _CONTINUED of the rest. One that introduces a name of two
# or more words the story before never used ("Organisers of the Bangkok International Film Festival") is a
# new lead: _INTRODUCED. A cut whose gap score exceeds _STRONG_GAP (the local cues were sure) needs
# _STRONG_BAR times the bar. On the decoder's cuts of the BBC dev bundles, a true boundary's lead names
# something from the story before in 4% of cases, a false cut's in 35%; a gap score over 2 marks 69% of
# true boundaries and 3% of false cuts.
_CONTINUED = 0.7
_INTRODUCED = 1.5
_STRONG_GAP = 2.0
_STRONG_BAR = 2.0


def _merge_cohesive(
    text: str, units: list[_Unit], tokens: _Tokens, idf: list[float], proper: list[set[str]], cuts: list[int],
    standalone: list[bool], gap_scores: list[float],
) -> list[int]:
    """Drop cuts between stories too alike to be different stories, the most alike first.

    The gap scores and the decoder look at a few paragraphs either side of a gap; long articles from
    outlets that write one-sentence paragraphs drift across several subjects and were cut into pieces
    whose whole vocabularies still overlap far more than two stories' do (measured on the writer articles
    of benchmarks/other_outlets_split.py)."""
    if not cuts:
        return cuts
    n = len(units)
    items = tokens[0]
    stories: list[tuple[dict[int, float], int]] = []  # tf-idf vector and word count of each story
    bounds = [0, *cuts, n]
    named: list[set[str]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        bag = Counter(chain.from_iterable(items[a:b]))
        stories.append(({w: c * idf[w] for w, c in bag.items()}, sum(u.words for u in units[a:b])))
        named.append(set().union(*proper[a:b]))
    # The names of each cut's first sentence (the last word of each: "Johnson" of "Boris Johnson"), and
    # those of them that stand in a name of two or more words.
    leads: dict[int, set[str]] = {}
    fulls: dict[int, set[str]] = {}
    for c in cuts:
        first = _first_sentence(text, units[c])
        names = _lead_names(first, _names(first))
        leads[c] = {nm[-1] for _, nm in names}
        fulls[c] = {nm[-1] for _, nm in names if len(nm) > 1}

    def excess(k: int) -> float:
        """How far the cut after story k clears the bar for merging (negative: keep it)."""
        c = bounds[k + 1]
        if units[c - 1].kind == "sep":
            return -1.0
        (left, left_words), (right, right_words) = stories[k], stories[k + 1]
        lone = _lone(bounds, k, standalone)
        bar = _merge_bar(left_words, right_words, units[c].kind == "title", lone)
        if not leads[c].isdisjoint(named[k]):
            bar *= _CONTINUED
        elif fulls[c]:
            bar *= _INTRODUCED
        if gap_scores[c] > _STRONG_GAP:
            bar *= _STRONG_BAR
        return _cosine(left, right) - bar

    # Only the two cuts beside a merge change their excess: the pass stays near linear on huge inputs.
    scores = [excess(k) for k in range(len(cuts))]
    while scores and (best := max(scores)) >= 0:
        k = scores.index(best)
        (left, left_words), (right, right_words) = stories[k], stories[k + 1]
        merged = dict(left)
        for w, v in right.items():
            merged[w] = merged.get(w, 0.0) + v
        stories[k : k + 2] = [(merged, left_words + right_words)]
        named[k : k + 2] = [named[k] | named[k + 1]]
        del bounds[k + 1], scores[k]
        for j in (k - 1, k):
            if 0 <= j < len(scores):
                scores[j] = excess(j)
    return bounds[1:-1]


# A line carved out of an article: the decoder cut a short story (at most _SHORT_UNITS units) out of one
# article whose halves on either side still read as one story. Where the lines are short paragraphs (the
# dev row same-topic-lines*: a section's stories pasted one to three sentences a line), its 19 extra cuts
# made 13 such one-line stories. Both cuts go when the two neighbours are as alike as _merge_cohesive asks
# of two stories (_merge_bar, no discounts), the story after it goes on with a name the story before named
# or a word leaning back, and the short story has no lead's shape (the present perfect, an indefinite
# subject), which a teaser between two stories of one section has; a cut the gap cues were sure of
# (score over _STRONG_GAP) stays: the line was the last of the story before it or the first of the next.
_SHORT_UNITS = 1


def _merge_around_short(
    text: str, units: list[_Unit], tokens: _Tokens, idf: list[float], proper: list[set[str]], cuts: list[int],
    gap_scores: list[float], columns: _Columns,
) -> list[int]:
    """Drop the weak cuts around a short story carved out of one article (see _SHORT_UNITS)."""
    bounds = [0, *cuts, len(units)]
    k = 1
    while k + 2 < len(bounds):
        a, b, c, d = bounds[k - 1 : k + 3]
        if _carved(text, units, tokens, idf, proper, columns, a, b, c, d):
            weak = [j for j in (k + 1, k) if gap_scores[bounds[j]] <= _STRONG_GAP]
            for j in weak:
                del bounds[j]
            k += not weak
        else:
            k += 1
    return bounds[1:-1]


# The last line of a story cut off on its own: a one-unit story whose cut after it scores _TAIL_MARGIN
# higher than the cut before it, that ties to the story before it (cosine over words weighed by their
# rarity in general English at least _TAIL_COSINE, and more than to the story after) and is no stand-alone
# item (a teaser, a brief) joins the story before. _merge_cohesive asks a teaser-shaped line for _LONE_BAR
# (0.2) against either neighbour, which a story's closing line ("The new show is expected to begin in
# February.") rarely reaches. Dev rows: same-topic-lines* WD 5.4 -> 4.9, paired-lines* 4.5 -> 3.6,
# mixed-lines* 2.4 -> 2.1, teaser-pairs* 3.0 -> 2.6. Without the stand-alone condition the dev teaser rows
# gained more (teaser WD 2.4 -> 2.0) but teaser-pairs* lost a brief (47 -> 46 of 54).
_TAIL_MARGIN = 1.0
_TAIL_COSINE = 0.04


def _join_tails(
    units: list[_Unit], tokens: _Tokens, idf: list[float], cuts: list[int], gap_scores: list[float],
    standalone: list[float],
) -> list[int]:
    """Drop the cut before the last line of a story cut off on its own (see _TAIL_MARGIN)."""
    bounds = [0, *cuts, len(units)]
    drop = set()
    for k in range(1, len(bounds) - 2):
        a, b, c, d = bounds[k - 1 : k + 3]
        if (
            c - b != 1 or gap_scores[c] - gap_scores[b] < _TAIL_MARGIN or units[b - 1].kind == "sep"
            or standalone[b - 1] > 0
        ):
            continue
        vecs = [Counter(chain.from_iterable(tokens[0][x:y])) for x, y in ((a, b), (b, c), (c, d))]
        left, lone, right = ({w: n * idf[w] for w, n in v.items()} for v in vecs)
        tie = _cosine(left, lone)
        if tie >= _TAIL_COSINE and tie > _cosine(lone, right):
            drop.add(b)
    return [c for c in cuts if c not in drop]


# A story of one paragraph whose rarer words are mostly in a neighbouring story is that story's first or
# last paragraph cut off, not an item of its own: a teaser about another event shares little with the
# stories around it. Containment (the share of the paragraph's words, weighed by their rarity in general
# English, that the neighbour uses anywhere) does not shrink as the neighbour grows, as a cosine does. On
# the BBC dev bundles, teasers kept on their own reach at most 0.20; four of six wrongly lone paragraphs
# reach 0.28-0.37 (bbc-bundles F1 96.7 -> 97.0, exact 86.5 -> 88.5; teaser-lines* loses one of 54
# teasers). Sparing teaser-shaped paragraphs (_teaser_shaped) kept that teaser but lost most of the gain.
_LONE_CONTAINED = 0.25


def _join_lone(units: list[_Unit], lexicon: _Lexicon, cuts: list[int]) -> list[int]:
    """Drop the cut that leaves a lone paragraph apart from the neighbour holding its words (see above)."""
    bounds = [0, *cuts, len(units)]
    idf = lexicon.background
    vocab: dict[int, set[int]] = {}  # each story's word ids, built once for the stories beside lone ones

    def share(words: list[int], k: int) -> float:
        if k not in vocab:
            vocab[k] = set(chain.from_iterable(lexicon.ids[bounds[k] : bounds[k + 1]]))
        return sum(idf[w] for w in words if w in vocab[k])

    drop = set()
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        if b - a != 1 or units[a].kind != "body":
            continue
        words = lexicon.ids[a]
        total = sum(idf[w] for w in words)
        if not total:
            continue
        shares = []
        if k > 0 and units[a - 1].kind != "sep" and a not in drop:
            shares.append((share(words, k - 1) / total, a))
        if k + 2 < len(bounds) and units[b].kind != "sep":
            shares.append((share(words, k + 1) / total, b))
        if shares and (best := max(shares))[0] >= _LONE_CONTAINED:
            drop.add(best[1])
    return [c for c in cuts if c not in drop]


def _carved(
    text: str, units: list[_Unit], tokens: _Tokens, idf: list[float], proper: list[set[str]],
    columns: _Columns, a: int, b: int, c: int, d: int,
) -> bool:
    """Whether the story of units b .. c - 1 is a short piece of one article running a .. d - 1."""
    if c - b > _SHORT_UNITS or any(units[j - 1].kind == "sep" or units[j].kind == "title" for j in (b, c)):
        return False
    lone = _first_sentence(text, units[b])
    words = lone.split()
    if _perfect_lead(lone, words) or words[:1] in (["A"], ["An"]):
        return False
    first = _first_sentence(text, units[c])
    leads = {nm[-1] for _, nm in _lead_names(first, _names(first))}
    if leads.isdisjoint(set().union(*proper[a:b])) and not any(columns[name][c - 1] for name in _REFERS_BACK):
        return False
    left, right = (Counter(chain.from_iterable(tokens[0][x:y])) for x, y in ((a, b), (c, d)))
    bar = _merge_bar(sum(u.words for u in units[a:b]), sum(u.words for u in units[c:d]), False, False)
    return _cosine({w: n * idf[w] for w, n in left.items()}, {w: n * idf[w] for w, n in right.items()}) >= bar


# The same copy pasted twice in a row (one wire story run by two outlets): its second copy restarts with
# the first's lead. A unit sharing _REPEAT_LEAD of its word 5-grams with its story's first unit is checked,
# and the story is cut there when the two halves share _REPEAT_COPIED of the longer one's 5-grams: both are
# whole copies. (A tabloid's summary line that its lead repeats is no copy of the whole story.)
_REPEAT_LEAD = 0.5
_REPEAT_COPIED = 0.5  # as dedupe.COPIED, but of the longer half
_REPEAT_UNITS = 400
_Shingles = set[tuple[str, ...]]


def _cut_repeats(text: str, units: list[_Unit], cuts: list[int]) -> list[int]:
    """Add a cut where a story starts over as a copy of itself, so near-duplicate detection can pair the
    two copies (and the briefing show one item with both sources) instead of one story told twice.
    Two whole copies meet near the middle of their story: only restarts there are checked, in stories of
    at most _REPEAT_UNITS units, which bounds the work on huge inputs."""
    bounds = [0, *cuts, len(units)]
    stories = list(zip(bounds, bounds[1:], strict=False))
    out = list(cuts)
    while stories:
        a, b = stories.pop()
        if not 2 <= b - a <= _REPEAT_UNITS:
            continue
        lead_words = _lower_words(text[units[a].start : units[a].end])
        if len(lead_words) < SHINGLE:
            continue  # no 5-gram to repeat
        lead: _Shingles = set()  # the lead's 5-grams, made once a unit holds its rarest words
        grams: list[_Shingles] = []  # every unit's 5-grams, read only once a restart is in sight
        # The lead's two longest words (each in one of its 5-grams); ties go by the words themselves, not
        # by a set's hash order.
        rare = sorted(sorted(set(lead_words)), key=len)[-2:]
        for k in range(max(1, int(0.3 * (b - a))), int(0.7 * (b - a)) + 1):
            u = units[a + k]
            if not all(w in text[u.start : u.end].lower() for w in rare):
                continue  # most units: a quick no
            lead = lead or _shingles_of(lead_words)
            g = shingles(text[u.start : u.end])
            if not g or len(lead & g) < _REPEAT_LEAD * min(len(lead), len(g)):
                continue
            grams = grams or [shingles(text[v.start : v.end]) for v in units[a:b]]
            left, right = set().union(*grams[:k]), set().union(*grams[k:])
            if len(left & right) >= _REPEAT_COPIED * max(len(left), len(right)):
                out.append(a + k)
                stories.append((a + k, b))  # a third copy may follow the second
                break
    return sorted(out)


SHINGLE = 5


def shingles(text: str) -> _Shingles:
    """The text's word 5-grams, lower-cased: most recur in a copy, few in a rewrite (dedupe uses them too)."""
    return _shingles_of(_lower_words(text))


def _lower_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _shingles_of(words: list[str]) -> _Shingles:
    return {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}


def _lone(bounds: list[int], k: int, standalone: list[bool]) -> bool:
    """Whether a story on either side of cut k is one stand-alone unit (a teaser the decoder kept apart)."""
    return any(bounds[j + 1] - bounds[j] == 1 and standalone[bounds[j]] for j in (k, k + 1))


def _own_line(text: str, units: list[_Unit], j: int) -> bool:
    """Whether unit j stands on a line of its own: a paragraph, or a line of news pasted one sentence per
    line (read as a wall of sentences, its gaps are spaces, but a teaser there is still a line), unlike a
    sentence inside a paragraph or flat text."""
    u = units[j]
    return u.gap != 1 or j > 0 and "\n" in text[units[j - 1].end : u.start]


def _teaser_shaped(text: str, units: list[_Unit], columns: _Columns) -> list[bool]:
    """Units shaped like a teaser: one whole paragraph of one sentence, 12 to 50 words, not a quotation,
    and no word leaning on what precedes. Unlike the standalone gap feature, whatever its neighbours say:
    a teaser on the subject of the article beside it (a film festival after a film story) shares words."""
    one, *refers = ([0.0, *columns[name]] for name in ("lead_one_sentence", *_REFERS_BACK))
    return [
        one[j] > 0 and 12 <= u.words <= 50 and u.gap != 1 and text[u.start] not in "'\"‘“"
        and not any(r[j] for r in refers)
        for j, u in enumerate(units)
    ]


def _merge_bar(left_words: int, right_words: int, title: bool, lone: bool) -> float:
    bar = max(_MERGE_FLOOR, _MERGE_COSINE * min(1.0, math.sqrt(min(left_words, right_words) / _MERGE_WORDS)))
    if lone:  # a stand-alone paragraph the decoder kept apart (a teaser) gets no discount for its length
        bar = _LONE_BAR
    return bar * _TITLE_BAR if title else bar


def _cosine(x: dict[int, float], y: dict[int, float]) -> float:
    if len(y) < len(x):
        x, y = y, x
    dot = sum(v * y[w] for w, v in x.items() if w in y)
    norms = math.sqrt(sum(v * v for v in x.values()) * sum(v * v for v in y.values()))
    return dot / norms if norms else 0.0


def _flat_scores(scores: list[float]) -> list[float]:
    """Gap scores for decoding text with no line breaks at all.

    There every gap is a space and stories are often short, so a boundary's lexical gain rarely pays for
    its cost: two short stories merged even where their boundary was the best gap by far. Flat gaps get
    _FLAT_SHIFT, and the best gap, if it stands _STANDOUT above the runner-up, gets that margin again."""
    out = [s + _FLAT_SHIFT for s in scores]
    if len(out) > 2:
        second, top = sorted(range(1, len(out)), key=out.__getitem__)[-2:]
        margin = out[top] - out[second]
        if margin >= _STANDOUT:
            out[top] += margin
    return out


# News pasted one sentence per line (outlets that write one-sentence paragraphs) is no Choi-like text: it
# quotes and attributes on many of its lines. Decoded as lines that are sentences (a short-story regime
# tuned on Choi's non-news prose) it is cut into pieces (Pk 30 on the dev bundles re-pasted so); read as a
# wall of sentences, as flat text is, it splits like news (Pk 6). The lines stay the units, so line cues
# (a team line-up, a bullet) still count.
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
_REPORTED_HINTS = ('"', "“", "”", "said", "says", "told", "according to")
_NEWS_SHARE = 0.15


def _news_in_sentence_lines(text: str, units: list[_Unit]) -> bool:
    """Is ``text`` news written one sentence per line, with no blank lines or headlines?"""
    if len(units) < 5 or any(u.gap == 1 or u.gap == 3 for u in units):
        return False
    # A short line without a full stop may pass for a headline or a rule: a few are still sentence lines.
    if sum(u.kind != "body" for u in units) > 0.1 * len(units):
        return False
    chunks = [text[u.start : u.end] for u in units]
    if sum(not _INNER_END.search(c) for c in chunks) <= 0.9 * len(units):
        return False
    return sum(map(_reported, chunks)) >= _NEWS_SHARE * len(units)


def _reported(chunk: str) -> bool:
    """Whether a line quotes or attributes; most lines hold none of _REPORTED's words: a quick no."""
    return any(map(chunk.__contains__, _REPORTED_HINTS)) and bool(_REPORTED.search(chunk))


def _units(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    prev_end = 0
    for p_start, p_end in paragraph_spans(text):
        spans = sentence_spans(text, p_start, p_end) if p_end - p_start > _WALL_CHARS else [(p_start, p_end)]
        if len(spans) > 1:
            spans = _cut_bylines(text, spans)
        for s_start, s_end in _cut_long(text, spans):
            between = text[prev_end:s_start]
            gap = 0 if not units else 3 if between.count("\n") > 1 else 2 if "\n" in between else 1
            chunk = text[s_start:s_end]
            if units and gap != 1 and _boilerplate(chunk):
                units[-1].end = prev_end = s_end
                continue
            words = _WORD.findall(chunk)
            kind = "body"
            if not chunk[0].isalnum() and _SEPARATOR.match(chunk):  # [\W_] is what isalnum() is not
                kind = "sep"
            elif _looks_like_title(chunk, words) and gap != 1:
                kind = "title"
            bag = Counter(filter(None, map(_seg_stem, words)))
            units.append(_Unit(s_start, s_end, gap, len(words), bag, kind))
            prev_end = s_end
    # A title-shaped line at the very end, or one glued to the next unit inside a paragraph, is body text.
    # So is a subhead: a headline shares words with its story's opening, a subhead within an article
    # introduces a section and often shares none with the next two paragraphs.
    # (Labels in capitals and bylines share no words with what follows either; they keep their own cues.)
    for i, u in enumerate(units):
        if u.kind != "title":
            continue
        line = text[u.start : u.end]
        after = units[i + 1 : i + 3]
        shares = any(u.stems.keys() & a.stems.keys() for a in after)
        if (
            not after
            or after[0].gap == 1
            or after[0].kind == "sep"
            or not (shares or line.isupper() or _BYLINE.match(line))
            or (i > 0 and units[i - 1].kind == "body" and _ABOUT_HEADING.match(line))
            or _PULL_QUOTE.match(line)
        ):
            u.kind = "body"
    return units


def _dateline(head: str) -> bool:
    """Whether a unit opens on a dateline. Its regex tries 40 characters for a "(" at every capital, so
    it runs only where one of its branches can match: a "(" near the start, or a second character that
    a place name in capitals may have."""
    return ("(" in head[:42] or head[1:2] in _DATELINE_SECOND) and bool(_DATELINE.match(head))


_DATELINE_SECOND = "ABCDEFGHIJKLMNOPQRSTUVWXYZ .,'’-"


def _boilerplate(chunk: str) -> bool:
    """Whether a unit is page furniture (_BOILERPLATE, _CONTRIBUTED)."""
    return bool(
        # No character but C/c (O/o, ...) matches "c" ("o", ...) ignoring case: lower() keeps "contr".
        _BOILERPLATE.match(chunk) or "contr" in chunk.lower() and _CONTRIBUTED.match(chunk)
    )


def _looks_like_title(chunk: str, words: list[str]) -> bool:
    """A headline line: a few words, no closing punctuation, not a list or a bare number."""
    return (
        2 <= len(words) <= _TITLE_MAX_WORDS
        and not _END_PUNCT.search(chunk)
        and (chunk[0].isupper() or chunk[0] in "'\"‘“")
        and chunk.count(",") <= 1
    )


def _cut_bylines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut sentences of a wall of text before a byline with its role inside them."""
    out = []
    for start, end in spans:
        if text.find("By ", start + 1, end) < 0:  # most sentences: a quick no
            out.append((start, end))
            continue
        for m in _INNER_ROLE_BYLINE.finditer(text, start + 1, end):
            piece_end = m.start()
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start = m.start()
        out.append((start, end))
    return out


def _cut_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut spans with no sentence end in sight (lists, unpunctuated dumps) at spaces, to bound unit size."""
    out = []
    for start, end in spans:
        while end - start > 2 * _WALL_CHARS:
            cut = text.rfind(" ", start + _WALL_CHARS, start + 2 * _WALL_CHARS)
            if cut < 0:
                cut = start + 2 * _WALL_CHARS
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append((start, piece_end))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        out.append((start, end))
    return out


def stems(words: list[str]) -> list[str]:
    """Content-word stems: lower-cased, possessive and plural -s dropped, cut to 7 letters; no stop words."""
    return [st for st in map(_stem, words) if st]


class _SegStems(dict[str, str]):
    """word -> its segmentation stem, filled on a miss: a lookup runs in C, unlike an lru_cache call (the
    splitter's most frequent call). Cleared when large, so memory stays bounded in a long-running process."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 1 << 16:
            self.clear()
        stem = self[word] = _stem(word)[:_SEG_STEM]
        return stem


_seg_stem = _SegStems().__getitem__


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().replace("’", "'").removesuffix("'s")
    if len(w) < 3 or w in _STOP:
        return ""
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w[:7]


# Weight of each gap feature, in the order gap_features returns them (fitted: segmentation.py --fit).
WEIGHTS: dict[str, float] = {
    "bias": -1.43,
    "gap_space": -1.79,
    "gap_line": 0.42,
    "gap_blank": -0.06,
    "next_title": 5.00,
    "next_title_line": 1.50,
    "prev_sep": 6.00,
    "cos_s": -1.04,
    "depth_s": 0.02,
    "cos_m": -0.30,
    "depth_m": -0.02,
    "cos_l": -0.08,
    "depth_l": 0.15,
    "cos_next_left": -1.03,
    "cos_prev_right": -0.93,
    "names_new": 0.24,
    "names_seen": -0.52,
    "honorific_seen": -0.20,
    "honorific_new": -0.44,
    "starts_continue": -0.73,
    "starts_quote": -0.63,
    "dateline": 3.00,
    "byline": 2.00,
    "lead_len": 0.13,
    "lead_one_sentence": 0.06,
    "lead_attribution": 0.28,
    "prev_short": -1.07,
    "prev_one_sentence": -0.31,
    "prev_open_quote": 0.11,
    "starts_indefinite": 0.31,
    "lead_perfect": 0.77,
    "subject_new_name": 0.50,
    "next_tie": 0.03,
    "prev_tie": -0.55,
    "unmarked_in_marked": -2.00,
    "next_listy": -4.00,
    "next_author_note": -4.00,
    "next_caps_title": -4.00,
    "sentence_lines": -0.29,
    "prev_ends_colon": -0.03,
    "starts_bullet": -2.00,
    "starts_new_item": 2.00,
    "next_standalone": 0.43,
    "prev_standalone": 0.30,
    "next_leans_forward": 1.26,
    "prev_leans_back": 1.01,
    "pronoun_reference": -1.36,
    "names_shared": -0.79,
    "back_reference": -1.18,
    "cos_m_bg": -1.27,
    "depth_m_bg": 0.35,
}
FEATURES = tuple(WEIGHTS)
_REFERS_BACK = ("starts_continue", "back_reference", "pronoun_reference")


def gap_features(text: str, units: list[_Unit]) -> list[list[float]]:
    """Feature vector (in FEATURES order) of the gap before each unit; index 0 is a dummy."""
    columns = _gap_columns(text, units, _lexicon(units), _unit_names(text, units))
    return [[0.0] * len(FEATURES), *map(list, zip(*map(columns.__getitem__, FEATURES), strict=True))]


def _gap_columns(text: str, units: list[_Unit], lexicon: _Lexicon, names: _UnitNames) -> _Columns:
    """Each feature's values at the gaps before units 1 .. n - 1."""
    n = len(units)
    mean_words = max(1.0, sum(u.words for u in units) / n)
    occ = _occurrences(lexicon)
    # Cohesion at three scales: a short window sees a teaser's edges, a long one sees article-sized shifts.
    scales = [max(1, min(30, round(words / mean_words))) for words in (50, 150, 400)]
    # Both weightings share one enumeration of the unit pairs that share a word.
    band, background = _bands(occ, (lexicon.idf, lexicon.background), max(_BAND, 2 * max(scales)))
    cohesion: list[list[float]] = []
    for k in scales:
        cos = _pair_cosines(band, n, k)
        # Relative to the document's own level, so the cue means the same for terse and wordy texts.
        cohesion += [_relative(cos, 3.0), _relative(_depths(cos.tolist()), 5.0)]
    cos_s, depth_s, cos_m, depth_m, cos_l, depth_l = cohesion
    # The middle scale again with words weighed by their rarity in general English (_background): a
    # bundle's own idf makes the words one subject's stories share weigh little, and the names that run
    # through one article weigh little if the bundle repeats them. (At the long scale the refitted dev
    # teaser recall fell to 48/54.)
    k = scales[1]
    cos = _pair_cosines(background, n, k)
    cos_m_bg, depth_m_bg = _relative(cos, 3.0), _relative(_depths(cos.tolist()), 5.0)
    cos_next_left = _relative(_unit_block_cosines(band, n, -3, 0), 3.0)
    cos_prev_right = _relative(np.concatenate(([0.0], _unit_block_cosines(band, n, 1, 4)[:-1])), 3.0)
    # How tightly each unit ties to its wider neighbourhood, relative to the document's typical unit: a
    # unit tied to neither side (a teaser, a brief) is a story of its own.
    before, after = _unit_block_cosines(band, n, -8, 0), _unit_block_cosines(band, n, 1, 9)
    ties = np.maximum(before, after)
    typical = float(np.sort(ties)[n // 2]) or 1.0
    tie: list[float] = np.minimum(2.0, ties / typical).tolist()
    # A story's first unit shares its words with what follows, its last with what precedes.
    lean: list[float] = np.clip((after - before) / typical, -2.0, 2.0).tolist()
    chunk_names, unit_names, proper = names.runs, names.words, names.proper
    # Who and what is named on each side of a gap: neighbours on one topic share topic words, not names.
    none: frozenset[str] = frozenset()
    trio = list(map(set.union, proper, chain(proper[1:], [none]), chain(proper[2:], [none, none])))
    shared_names = [0.0] * n  # stays 0 where either side names nobody, as most units do
    for i in range(1, n):
        if right := trio[i]:  # names in units i, i+1, i+2
            left = trio[i - 3] if i >= 3 else set().union(*proper[:i])
            shared_names[i] = len(left & right) / max(1, min(len(left), len(right))) if left else 0.0
    # A bundle that marks its stories (headlines, separators) marks them all, or nearly.
    titled = sum(u.kind == "title" and u.gap in (0, 3) for u in units)
    marked = titled >= 2 or any(u.kind == "sep" for u in units)
    firsts = [_first_sentence(text, u) for u in units]
    dated = [_dateline(text[u.start : u.start + 80]) for u in units]
    one_sentence = [len(first) >= u.end - u.start - 2 for first, u in zip(firsts, units, strict=True)]
    # The names in each first sentence (those of the whole unit, where that is the first sentence).
    leads = [
        _lead_names(first, chunk_names[j] if len(first) == u.end - u.start else _names(first))
        for j, (u, first) in enumerate(zip(units, firsts, strict=True))
    ]
    # A one-sentence paragraph shaped like a lead and tied to neither neighbour: a teaser or brief. Not
    # where every line is one sentence and prose (Choi-like): there a lone sentence says nothing. News
    # pasted one sentence per line is read as a wall of sentences, but its lines still count: on the BBC
    # dev teaser bundles re-pasted so (articles one sentence per line, teasers one line), Pk 4.0 -> 2.5,
    # teasers 4/54 -> 28/54.
    paragraphs = [j for j, u in enumerate(units) if u.gap != 1]
    # Blank lines or headlines are paragraph structure after all.
    sentence_lines = (
        len(paragraphs) >= 5
        and sum(one_sentence[j] for j in paragraphs) > 0.9 * len(paragraphs)
        and all(u.gap != 3 and u.kind != "title" for u in units)
    )
    # Discourse cues of each unit's opening: (first word leans on what precedes, a back-reference word, an
    # unbound pronoun). A unit with any of them is no stand-alone item either.
    refers = [_refers_back(text, u, firsts[j], leads[j]) for j, u in enumerate(units)]
    # "Meanwhile, ..." opening a paragraph moves on to another item, for all that "meanwhile" refers back.
    new_item = [
        u.gap != 1 and not sentence_lines and bool(_NEW_ITEM.match(first))
        for u, first in zip(units, firsts, strict=True)
    ]
    standalone = [
        float(one_sentence[j] and 12 <= u.words <= 50 and _own_line(text, units, j)
              and text[u.start] not in "'\"‘“")
        * max(0.0, 1.0 - tie[j] / 0.5)
        * (not sentence_lines and (not any(refers[j]) or new_item[j]))
        for j, u in enumerate(units)
    ]
    first_words = [first.split() for first in firsts[1:]]
    recency = _name_recency(unit_names, leads, firsts, first_words)
    standalone = _with_two_sentence_briefs(
        text, units, standalone, firsts, one_sentence, refers, tie, dated, recency["subject_new_name"],
        sentence_lines,
    )
    standalone = _with_news_line_leads(text, units, standalone, firsts, one_sentence, refers, tie)
    standalone = _without_speaker_turns(text, units, standalone, dated)
    standalone = _without_fragments(text, units, standalone)
    g = range(1, n)  # the gaps: before units 1 .. n - 1
    nexts, prevs = units[1:], units[:-1]
    chunks = [text[u.start : u.end] for u in nexts]
    columns: _Columns = {
        "bias": [1.0] * (n - 1),
        "gap_space": [float(u.gap == 1) for u in nexts],
        "gap_line": [float(u.gap == 2) for u in nexts],
        "gap_blank": [float(u.gap == 3) for u in nexts],
        # A headline after a blank line is strong evidence; a short line between lines may be a subhead.
        "next_title": [float(u.kind == "title" and u.gap == 3) for u in nexts],
        "next_title_line": [float(u.kind == "title" and u.gap != 3) for u in nexts],
        "prev_sep": [float(u.kind == "sep") for u in prevs],
        "cos_s": cos_s[1:],
        "depth_s": depth_s[1:],
        "cos_m": cos_m[1:],
        "depth_m": depth_m[1:],
        "cos_l": cos_l[1:],
        "depth_l": depth_l[1:],
        "cos_m_bg": cos_m_bg[1:],
        "depth_m_bg": depth_m_bg[1:],
        "cos_next_left": cos_next_left[1:],
        "cos_prev_right": cos_prev_right[1:],
        **recency,
        "starts_continue": [float(refers[i][0] and not new_item[i]) for i in g],
        "starts_quote": [float(chunk[0] in "'\"‘“") for chunk in chunks],
        "dateline": [float(d) for d in dated[1:]],
        "byline": [
            float(bool(_BYLINE.match(chunk)) and u.words <= 8 or bool(_ROLE_BYLINE.match(chunk)))
            for u, chunk in zip(nexts, chunks, strict=True)
        ],
        "lead_len": [float(15 <= len(words) <= 45) for words in first_words],
        "lead_one_sentence": [float(one) for one in one_sentence[1:]],
        "lead_attribution": [float(_ends_on_attribution(first)) for first in firsts[1:]],
        "prev_short": [float(u.words < 8) for u in prevs],
        "prev_one_sentence": [float(u.gap != 1 and one) for u, one in zip(prevs, one_sentence, strict=False)],
        # A paragraph that leaves a quotation open is continued by the next one.
        "prev_open_quote": [float(_open_quote(text[u.start : u.end])) for u in prevs],
        # "A strike has ...", "Tory leader Michael Howard has ...": a new referent in subject position.
        "starts_indefinite": [float(words[0].lstrip("'\"‘“") in ("A", "An")) for words in first_words],
        "lead_perfect": [
            float(_perfect_lead(first, words)) for first, words in zip(firsts[1:], first_words, strict=True)
        ],
        # Only whole paragraphs: a lone sentence inside a paragraph is no separate item.
        "next_tie": [
            max(0.0, 0.4 - tie[i]) if units[i].gap != 1 and i + 1 < n and units[i + 1].gap != 1 else 0.0
            for i in g
        ],
        "prev_tie": [
            max(0.0, 0.4 - tie[i - 1]) if units[i].gap != 1 and units[i - 1].gap != 1 else 0.0 for i in g
        ],
        "unmarked_in_marked": [
            float(marked and u.kind != "title" and prev.kind != "sep")
            for u, prev in zip(nexts, prevs, strict=True)
        ],
        "next_listy": [float(_listy(chunk)) for chunk in chunks],
        "next_author_note": [
            float(u.words <= 40 and one_sentence[i] and bool(_AUTHOR_NOTE.match(chunks[i - 1])))
            for i, u in enumerate(nexts, 1)
        ],
        # A headline in capitals is rare in pasted text; a subhead or section label often is one. A label
        # over a dateline ("FOR IMMEDIATE RELEASE") heads the story it labels.
        "next_caps_title": [
            float(units[i].kind == "title" and chunks[i - 1].isupper() and not dated[min(i + 1, n - 1)])
            for i in g
        ],
        "sentence_lines": [float(sentence_lines)] * (n - 1),
        "prev_ends_colon": [float(text[u.end - 1] == ":") for u in prevs],
        "starts_bullet": [float(bool(_BULLET.match(chunk))) for chunk in chunks],
        "starts_new_item": [float(item) for item in new_item[1:]],
        "next_standalone": standalone[1:],
        "prev_standalone": standalone[:-1],
        "next_leans_forward": lean[1:],
        # A lead leans back on its own headline: that says nothing about where its story ends.
        "prev_leans_back": [-lean[i - 1] if i < 2 or units[i - 2].kind != "title" else 0.0 for i in g],
        "pronoun_reference": [float(refers[i][2]) for i in g],
        "names_shared": shared_names[1:],
        "back_reference": [float(refers[i][1] and not new_item[i]) for i in g],
    }
    return columns


# A brief of two sentences ("X has been charged with ... . He will appear ..."): one paragraph of exactly
# two sentences, _PAIR_WORDS long, on a line of its own, tied to neither neighbour (tie under _PAIR_TIE,
# as a one-sentence teaser's standalone weight falls to 0 at 0.5), with no word leaning on what precedes,
# whose first sentence has a lead's shape: a dateline, the present perfect, an attribution at its end, an
# indefinite subject, or a name of two or more words new to the text near its start. Counted as stand-alone
# as a one-sentence teaser is. Tuned on the dev rows teaser-pairs* (35 -> 47 of 54 teasers) and
# roster-lines* (reports and lists in short paragraphs that keep naming new people): there a tie limit of
# 0.5 cut an awards list three times (F1 93.9 -> 92.9); 0.4 to 0.45 leave it as it was, 0.35 finds 46.
# The subject's new name, not any new name in the sentence: the same 47, fewer such paragraphs marked.
_PAIR_WORDS = (20, 70)
_PAIR_TIE = 0.4


def _with_two_sentence_briefs(
    text: str, units: list[_Unit], standalone: list[float], firsts: list[str], one_sentence: list[bool],
    refers: list[tuple[bool, bool, bool]], tie: list[float], dated: list[bool],
    subject_new: list[float], sentence_lines: bool,
) -> list[float]:
    """``standalone`` (of each unit) with two-sentence briefs added; ``subject_new`` is the
    subject_new_name feature of each gap."""
    if sentence_lines:
        return standalone
    out = list(standalone)
    low, high = _PAIR_WORDS
    for j, u in enumerate(units):
        if (
            one_sentence[j] or not low <= u.words <= high or tie[j] >= _PAIR_TIE or any(refers[j])
            or text[u.start] in "'\"‘“" or not _own_line(text, units, j)
            or len(sentence_spans(text, u.start, u.end)) != 2
        ):
            continue
        first = firsts[j]
        words = first.split()
        if (
            dated[j] or _perfect_lead(first, words) or _ends_on_attribution(first)
            or words[0] in ("A", "An")
            or (subject_new[j - 1] > 0 if j else any(len(nm) > 1 for _, nm in _names(first)))
        ):
            out[j] = max(out[j], 1.0 - tie[j] / _PAIR_TIE)
    return out


# News pasted one sentence per line (read as a wall of sentences, see _news_in_sentence_lines): there every
# line is one sentence, and a teaser is one line among them. A line with a lead's shape, the present perfect
# ("X has been charged with ...") or an indefinite subject ("A strike has ..."), and no word leaning on what
# precedes is weighed as stand-alone by how little it ties to its neighbours, up to _NEWS_LEAD (tie runs
# from 0 to 2; other one-sentence items need a tie under 0.5 and weigh at most 1). Tuned on the dev rows
# teaser-lines* (teasers 28 -> 40 of 54, Pk 2.5 -> 1.8) and sentence-lines* (the same articles without
# teasers, where no line stands alone: Pk 3.3 -> 2.8, its article leads start their stories more often).
# With the perfect alone: 39 of 54; a tie limit of 0.5 as for other items: 32, of 1.0: 36; a weight of 1.5:
# 37, of 2.5: sentence-lines* F1 92.1 -> 91.2; an attribution at the end as a lead shape costs
# sentence-lines* WD 3.5 -> 3.7 for no teaser more.
_NEWS_LEAD = 2.0


def _with_news_line_leads(
    text: str, units: list[_Unit], standalone: list[float], firsts: list[str], one_sentence: list[bool],
    refers: list[tuple[bool, bool, bool]], tie: list[float],
) -> list[float]:
    """``standalone`` (of each unit) with the lead-shaped lines of news pasted one sentence per line."""
    if len(units) < 5 or any(u.gap != 1 for u in units[1:]) or not _own_line(text, units, 1):
        return standalone
    out = list(standalone)
    for j, u in enumerate(units):
        first = firsts[j]
        if (
            one_sentence[j] and 12 <= u.words <= 50 and not any(refers[j]) and text[u.start] not in "'\"‘“"
            and (_perfect_lead(first, words := first.split()) or words[0] in ("A", "An"))
        ):
            out[j] = max(out[j], _NEWS_LEAD * (1.0 - tie[j] / 2.0))
    return out


# A speaker's turn: a paragraph that opens on a name of one to three words (capitalised, or a particle such
# as "de") and a colon ("Jo Bloggs: Get rid of it ...", "Q:"): a reader's comment, a transcript line. Behind
# the name nothing leans on what precedes and the name is new, as in a lead, but no story starts there:
# it is no stand-alone item. Labels that do open items ("Update:", "Breaking:") are no speakers.
_SPEAKER_TURN = re.compile(
    r"(?:[A-Z][a-z'’\-]+|[A-Z]\.?)(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]\.|de|van|von|da|di|du|der|le|la|al|bin)){0,2}:\s"
)
_LABEL_WORDS = """
update updated breaking exclusive analysis opinion comment editorial watch video pictures photos live review
interview note warning correction source sources related more see also latest advertisement sponsored listen
podcast read pictured picture quote background context
"""
_NOT_SPEAKERS = frozenset(_LABEL_WORDS.split())


def _speaker_turn(chunk: str) -> bool:
    """Whether a unit opens on a speaker's name and a colon."""
    m = _SPEAKER_TURN.match(chunk)
    return m is not None and chunk[: m.end()].split()[0].rstrip(":").lower() not in _NOT_SPEAKERS


def _without_speaker_turns(
    text: str, units: list[_Unit], standalone: list[float], dated: list[bool]
) -> list[float]:
    """``standalone`` (of each unit) with speakers' turns (that no dateline opens) at 0."""
    return [
        0.0 if s and not dated[j] and _speaker_turn(text[units[j].start : units[j].end]) else s
        for j, s in enumerate(standalone)
    ]


def _without_fragments(text: str, units: list[_Unit], standalone: list[float]) -> list[float]:
    """``standalone`` (of each unit) at 0 for a line that is a piece of something else: a list of names
    or figures (a line-up's second line: _listy), or the end of a quotation the line before left open (a
    quote mark that closes one and none at its start). On the dev row same-topic-lines* both were kept
    apart as teasers (F1 89.0 -> 89.7)."""
    out = list(standalone)
    for j, s in enumerate(standalone):
        if not s:
            continue
        chunk = text[units[j].start : units[j].end]
        prev = text[units[j - 1].start : units[j - 1].end] if j else ""
        closes = _open_quote(chunk) and chunk[0] not in "'\"‘“" and _open_quote(prev)
        if closes or _listy(chunk):
            out[j] = 0.0
    return out


def _name_recency(
    unit_names: list[set[str]], leads: list[_Names], firsts: list[str], first_words: list[list[str]]
) -> dict[str, list[float]]:
    """The name features of each gap: are the names of the next unit's first sentence (its subject's,
    after an honorific) new, or seen in the six units before? A story introduces who and what it is
    about; its continuation refers back to them."""
    n = len(unit_names)
    names_new, names_seen, subject_new = [0.0] * (n - 1), [0.0] * (n - 1), [0.0] * (n - 1)
    honorific_seen, honorific_new = [0.0] * (n - 1), [0.0] * (n - 1)
    # last[w] is the last unit before the current gap that used w: "seen in the six units before" is one
    # lookup.
    last: dict[str, int] = {}
    for i in range(1, n):
        last.update(dict.fromkeys(unit_names[i - 1], i - 1))
        floor = i - 6
        if names := leads[i]:  # most first sentences name nobody: all five stay 0
            head = len(" ".join(first_words[i - 1][:6]))
            new = seen = 0
            for pos, nm in names:
                if last.get(nm[-1], -9) >= floor:
                    seen += 1
                else:
                    new += len(nm) > 1
                    if pos < head:
                        subject_new[i - 1] = 1.0
            names_new[i - 1], names_seen[i - 1] = min(3, new) / 3, min(3, seen) / 3
        for h in _honorific_names(firsts[i]):
            if last.get(h, -9) >= floor:
                honorific_seen[i - 1] = 1.0
            else:
                honorific_new[i - 1] = 1.0
    return {
        "names_new": names_new, "names_seen": names_seen, "honorific_seen": honorific_seen,
        "honorific_new": honorific_new, "subject_new_name": subject_new,
    }


_Names = tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True)
class _UnitNames:
    """Each unit's runs of capitalised words (_names), the words in them, and those of them that are no
    sentence openers (proper names); the gap features and the merge pass both read them."""

    runs: list[_Names]
    words: list[set[str]]
    proper: list[set[str]]


def _unit_names(text: str, units: list[_Unit]) -> _UnitNames:
    runs = [_names(text[u.start : u.end]) for u in units]
    words = [{w for _, nm in names for w in nm} for names in runs]
    return _UnitNames(runs, words, [{w for w in ws if w.lower() not in _NOT_NAMES} for ws in words])


def _lead_names(first: str, names: _Names) -> _Names:
    """The ``names`` of a first sentence, less a lone capitalised word that opens it (after any quote)."""
    opening = len(first) - len(first.lstrip("'\"‘“(["))
    return names[1:] if names and names[0][0] <= opening and len(names[0][1]) == 1 else names


def _refers_back(text: str, u: _Unit, first: str, names: _Names) -> tuple[bool, bool, bool]:
    """Whether a unit opens on a word that leans on what precedes ("But", "She"), has a back-reference word
    near its start ("has also", "such a move"), or a personal pronoun there with no name before it ("She
    added ...", unlike "Minister Jo Bloggs says she ...")."""
    word = _WORD.match(text[u.start : u.start + 40].lstrip("'\"‘“"))
    words = first.split(None, _BACK_REF_SPAN)[:_BACK_REF_SPAN]
    head = set(_WORD.findall(" ".join(words).lower()))
    pronoun = False
    if not _PRONOUNS.isdisjoint(head):
        pos = 0
        for w in words:
            pos = first.find(w, pos)
            if w.strip(_PUNCT).lower() in _PRONOUNS:
                pronoun = not names or names[0][0] > pos
                break
            pos += len(w)
    starts = word is not None and word.group(0).lower() in _CONTINUE
    pronoun = pronoun or u.gap != 1 and _quote_by_pronoun(first)
    return starts, not _BACK_REF.isdisjoint(head), pronoun


# A paragraph that gives a quotation to a pronoun ('"Some parts ... than others," he added.') goes on with a
# speaker named before, wherever the pronoun stands: it counts as an unbound pronoun (pronoun_reference).
# Paragraphs only: in flat text the held-out (cv) flat rows lost a bundle. Dev row same-topic-lines*
# (weights refitted) Pk 3.6 -> 3.0, WD 6.3 -> 5.4.
_QUOTE_BY_PRONOUN = re.compile(
    r"""[,?!]['"”’]\s+(?:he|she|they)\s+(?:said|says|added|adds|told|explained|continued)\b"""
)


def _quote_by_pronoun(first: str) -> bool:
    return bool(_QUOTE_BY_PRONOUN.search(first))


def _honorific_names(first: str) -> list[str]:
    """Names after an honorific: "Ms Okafor's comments" -> Okafor, as _names has it."""
    if not _HONORIFIC_HINT.search(first):  # most sentences have none: a quick no
        return []
    return [m.group(1).removesuffix("'s").removesuffix("’s") for m in _HONORIFIC.finditer(first)]


def _perfect_lead(first: str, words: list[str]) -> bool:
    """Whether a sentence's first 15 words hold a present perfect ("has been charged"): a lead's tense."""
    if "has" not in first and "have" not in first:  # most sentences: a quick no
        return False
    return bool(_PERFECT.search(" ".join(words[:15])))


def _ends_on_attribution(first: str) -> bool:
    """Whether a sentence ends on its source ("..., officials said."). A match is at most ~75 characters
    long and ends the sentence, so only its tail is searched (``\\b`` still sees the character before)."""
    tail = max(0, len(first) - 90)
    if not any(map(first[tail:].__contains__, _ATTRIBUTION_HINTS)):  # most sentences: a quick no
        return False
    return bool(_ATTRIBUTION.search(first, tail))


def _listy(chunk: str) -> bool:
    """A list of names or figures (a line-up, a table row), not prose: commas and almost no function words."""
    if chunk.count(",") + chunk.count(";") < 3:
        return False
    words = _LONG_WORD.findall(chunk, 0, 300)  # initials are no function words
    return len(words) >= 4 and sum(map(_STOP.__contains__, map(str.lower, words))) <= 0.1 * len(words)


def _open_quote(chunk: str) -> bool:
    return (chunk.count('"') + chunk.count("“") + chunk.count("”")) % 2 == 1


def _first_sentence(text: str, u: _Unit) -> str:
    if u.end - u.start <= 600 and not _INNER_END.search(text, u.start, u.end):
        return text[u.start : u.end]  # no sentence end before the last character: one sentence
    s, e = first_sentence_span(text, u.start, min(u.end, u.start + 600)) or (u.start, u.end)
    return text[s:e]


@lru_cache(maxsize=1 << 12)  # the merge pass asks again for the units' names gap_features read
def _names(chunk: str) -> _Names:
    """Runs of capitalised words (offset, words), without possessives: "Ms Phillips's" -> Ms, Phillips."""
    out = []
    pos = 0
    # findall makes no match objects. A run's offset is where its text next occurs: had it occurred
    # earlier, a run would have started there (a run's first word matches whatever follows it).
    for run in _CAP_SEQ.findall(chunk):
        pos = chunk.find(run, pos)
        words = run.split()
        if "'" in run or "’" in run:  # most runs have no apostrophe: nothing to strip
            words = [w.removesuffix("'s").removesuffix("’s").rstrip("'’") for w in words]
        out.append((pos, tuple(words)))
        pos += len(run)
    return tuple(out)


_Array = npt.NDArray[np.float64]
_Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Occurrences:
    """Every (unit, word) pair of the text with its count, ordered by word, then unit: the units one word
    occurs in sit side by side, so the pairs of units that share a word are found without a loop."""

    unit: _Ints
    word: _Ints
    count: _Array
    units: int


def _occurrences(lexicon: _Lexicon) -> _Occurrences:
    sizes = list(map(len, lexicon.ids))
    total = sum(sizes)
    unit = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    word = np.fromiter(chain.from_iterable(lexicon.ids), dtype=np.int64, count=total)
    count = np.fromiter(chain.from_iterable(lexicon.counts), dtype=np.float64, count=total)
    order = np.argsort(word, kind="stable")  # stable: units stay in order within a word
    return _Occurrences(unit[order], word[order], count[order], len(sizes))


_BAND = 9  # the unit-to-block features look up to 8 units away
_PAIR_CHUNK = 1 << 22  # unit pairs summed at a time: bounds the memory the band takes to build on huge inputs


@dataclass(frozen=True)
class _Band:
    """Dot products of each unit's tf-idf vector with those of the next ``width - 1`` units, as running
    sums down the text: the dot and norms of any window of neighbouring units are then a few differences
    of rows, for all gaps at once (linear memory: width numbers per unit).

    ``sums[x, d]`` is the sum over units a < x - pad of (unit a . unit a + d); ``pad`` zero units on either
    side let windows run off the ends, as clipped windows do."""

    sums: _Array
    pad: int
    _norms: dict[int, _Array] = field(default_factory=dict)

    def window(self, d: int | _Ints, start: _Ints, end: _Ints) -> _Array:
        """Sum over units a in [start, end) (padded offsets) of (unit a . unit a + d); exactly 0 where
        every term is 0, as a running sum does not move over zeros."""
        return self.sums[end, d] - self.sums[start, d]  # type: ignore[no-any-return]

    def norms(self, length: int) -> _Array:
        """|sum of the units [x, x + length)|^2 for each padded start x (computed once per length: the
        windows before and after a gap, and several features, share them)."""
        if (known := self._norms.get(length)) is not None:
            return known
        start = np.arange(self.sums.shape[0] - length, dtype=np.int64)
        d = np.arange(1, length)
        off = self.window(d, start[:, None], start[:, None] + length - d).sum(axis=1)
        out: _Array = self.window(0, start, start + length) + 2.0 * off
        self._norms[length] = out
        return out


def _bands(occ: _Occurrences, weights: tuple[list[float], ...], width: int) -> list[_Band]:
    """The _Band of the units weighted by each of ``weights`` (by word id), for unit distances below
    ``width``."""
    n, pad = occ.units, width
    values = [occ.count * np.asarray(weight, dtype=np.float64)[occ.word] for weight in weights]
    cells = (n + 2 * pad) * width
    cell = (occ.unit + pad) * width
    flats = [np.bincount(cell, weights=value * value, minlength=cells) for value in values]
    # Each occurrence's partners: the later occurrences of its word less than width units on.
    key = occ.word * (n + width) + occ.unit
    partners = np.searchsorted(key, key + (width - 1), side="right") - np.arange(key.size) - 1
    ends = np.cumsum(partners)
    first = 0
    while first < key.size:
        last = int(np.searchsorted(ends, ends[first] - partners[first] + _PAIR_CHUNK, side="right"))
        last = max(last, first + 1)
        counts = partners[first:last]
        left = np.repeat(np.arange(first, last), counts)
        offsets = np.arange(left.size) - np.repeat(np.cumsum(counts) - counts, counts)
        right = left + 1 + offsets
        cell = (occ.unit[left] + pad) * width + occ.unit[right] - occ.unit[left]
        for flat, value in zip(flats, values, strict=True):
            flat += np.bincount(cell, weights=value[left] * value[right], minlength=cells)
        first = last
    bands = []
    for flat in flats:
        sums = np.zeros((n + 2 * pad + 1, width))
        np.cumsum(flat.reshape(n + 2 * pad, width), axis=0, out=sums[1:])
        bands.append(_Band(sums, pad))
    return bands


def _cosines(dot: _Array, left: _Array, right: _Array) -> _Array:
    """dot / sqrt(left * right), 0 where any of them is (near) 0."""
    ok = (dot > 1e-12) & (left > 1e-12) & (right > 1e-12)
    return np.where(ok, dot / np.sqrt(np.where(ok, left * right, 1.0)), 0.0)


def _pair_cosines(band: _Band, n: int, k: int) -> _Array:
    """Cosine of the k units before each gap with the k units after it (index 0 is a dummy 0)."""
    i = np.arange(1, n, dtype=np.int64)[:, None] + band.pad  # gaps, padded
    d = np.arange(1, 2 * k)
    # Pairs a < i <= a + d with both in the windows: a runs from i - min(d, k) to i - max(0, d - k).
    dot = band.window(d, i - np.minimum(d, k), i - np.maximum(0, d - k)).sum(axis=1)
    i = i[:, 0]
    norms = band.norms(k)
    return np.concatenate(([0.0], _cosines(dot, norms[i - k], norms[i])))


def _unit_block_cosines(band: _Band, n: int, lo: int, hi: int) -> _Array:
    """Cosine of each unit i with the block of units [i + lo, i + hi) (clipped; all before or all after
    it)."""
    i = np.arange(n, dtype=np.int64) + band.pad
    if hi <= 0:  # unit i . unit i - e is the band's entry d = e of unit i - e
        e = np.arange(-hi + 1, -lo + 1)
        dot = band.window(e, i[:, None] - e, i[:, None] - e + 1).sum(axis=1)
    else:
        e = np.arange(lo, hi)
        dot = band.window(e, i[:, None], i[:, None] + 1).sum(axis=1)
    return _cosines(dot, band.norms(hi - lo)[i + lo], band.norms(1)[i])


def _relative(values: _Array | list[float], cap: float) -> list[float]:
    """``values`` over their mean (less the dummy at index 0), capped."""
    array = np.asarray(values)
    mean = sum(array[1:].tolist()) / max(1, len(array) - 1)
    if mean <= 0:
        return [0.0] * len(array)
    return np.minimum(array / mean, cap).tolist()  # type: ignore[no-any-return]


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


# Decoding: a story is a run of units whose words are well explained by one word distribution (Utiyama &
# Isahara's segment model: cost = n log(n + V) - sum_w f_w log(f_w + 1)), and each boundary costs
# _BETA log(words) less _ALPHA times its gap score. Tuned on the dev sets with benchmarks/segmentation.py.
_ALPHA = 32.0
_BETA = 4.0
# Added to a gap's score by gap kind (start, space, line break, blank line): recalibrates the per-gap fit,
# which was made across sets with different boundary rates, for the joint decoding.
# Where every line is one sentence there is no paragraph structure to lean on: the word distributions
# (the lexical term) carry more of the decision.
_SENTENCE_LINES_DECODE = (3.0, 0.8)
# There, too, a story of one or two sentences is implausible, and the stories of one text run to similar
# lengths: a second pass adds _REGULARITY z^2, z being a story's length in sentences against the first
# pass's mean, in units of _SPREAD times that mean, and tries no story over twice the mean (z > 2.9).
# Without it, two stories that share vocabulary merge (or one splits) whenever the words say so, however
# lopsided the result.
_SHORT_STORY = (3, 10.0)  # fewer sentences than this cost this much
_REGULARITY = 1.5
_SPREAD = 0.35
_TEASER_BONUS = 80.0
_SHIFT = (0.0, 0.25, 0.5, 0.75)
# Text with no line breaks (see _flat_scores); tuned on the dev flat bundles: it fixes short-story
# merges there and on the held-out flat bundles.
_FLAT_SHIFT = 0.35
_STANDOUT = 1.0
_MAX_SEGMENT_TOKENS = 2500  # bounds the work per start: longer runs are cut, which real articles never need
_HOPELESS = -4.0
_DFLOG: list[float] = []  # (f + 1) log(f + 2) - f log(f + 1): the gain of one more token of a word


_Tokens = tuple[list[list[int]], int]


def _tokens(lexicon: _Lexicon) -> _Tokens:
    """Each unit's words as ids, repeated by count (the decoder adds one token at a time), and how many
    distinct words there are; computed once for all decoding passes."""
    pairs = zip(lexicon.ids, lexicon.counts, strict=True)
    return [list(chain.from_iterable(map(repeat, ids, counts))) for ids, counts in pairs], len(lexicon.idf)


def _decode(
    units: list[_Unit],
    tokens: _Tokens,
    scores: list[float],
    standalone: list[float],
    sentence_lines: bool,
    length_costs: list[float] | None = None,
    hopeless: float = _HOPELESS,
) -> list[int]:
    """Unit indices where stories start (besides 0) under the cheapest segmentation (dynamic programming).
    ``length_costs[k]``, if given, is added for a story of k units; no story runs longer than that list."""
    alpha, beta = _SENTENCE_LINES_DECODE if sentence_lines else (_ALPHA, _BETA)
    n = len(units)
    items, distinct = tokens
    ends_sep = [u.kind == "sep" for u in units] + [False]
    sizes = [len(item) for item in items]
    vocab = distinct + 1
    penalty = beta * math.log(sum(sizes) + 2)
    top = min(sum(sizes), _MAX_SEGMENT_TOKENS + max(sizes)) + 1
    while len(_DFLOG) < top:  # document-independent: computed once per process
        f = len(_DFLOG)
        _DFLOG.append((f + 1) * math.log(f + 2) - f * math.log(f + 1))
    dflog = _DFLOG
    sums = np.arange(top, dtype=np.float64)
    mlog: list[float] = (sums * np.log(sums + vocab)).tolist()  # m log(m + V), in numpy: 1000s of logs a call
    max_units = n if length_costs is None else len(length_costs) - 1
    counts = [0] * distinct
    best = [math.inf] * (n + 1)
    back = [0] * (n + 1)
    best[0] = 0.0
    for i in range(n):
        if best[i] == math.inf or i > 0 and (units[i - 1].kind == "title" or units[i].kind == "sep"):
            continue  # no story ends here, or none may start here
        if i == 0 or units[i - 1].kind == "sep":
            base = best[i]  # the text's start, or forced by a separator: no boundary cost
        else:
            gap = scores[i] + _SHIFT[units[i].gap]
            if gap < hopeless:
                continue  # no lexical gain pays for a boundary this implausible; skipping it keeps this fast
            base = best[i] + penalty - alpha * gap
        gain = 0.0
        m = 0
        j = i
        while j < n:
            for wid in items[j]:
                old = counts[wid]
                gain += dflog[old]
                counts[wid] = old + 1
            m += sizes[j]
            j += 1
            total = base + mlog[m] - gain
            if length_costs is not None:
                total += length_costs[j - i]
            if j == i + 1:
                total -= _TEASER_BONUS * standalone[i]  # a lone lead-shaped paragraph: a teaser, on its own
            if total < best[j]:
                best[j] = total
                back[j] = i
            if m >= _MAX_SEGMENT_TOKENS or j - i >= max_units or ends_sep[j - 1] and not ends_sep[j]:
                break  # an explicit separator (or a run of them) always ends a story
        if 8 * m > len(counts):
            counts = [0] * len(counts)  # a fresh list (C memset) beats clearing many counts in Python
        else:
            for k in range(i, j):
                for wid in items[k]:
                    counts[wid] = 0
    if best[n] == math.inf:  # pruning cut every path past the length caps: decode again without them
        if hopeless > -math.inf:
            return _decode(units, tokens, scores, standalone, sentence_lines, None, -math.inf)
        return []
    cuts = []
    j = n
    while j > 0:
        j = back[j]
        cuts.append(j)
    return sorted(cuts)[1:]


def _length_costs(mean: float | None, longest: int) -> list[float]:
    """Cost of a story of each length up to ``longest`` (in units): too short, or far from ``mean``."""
    short, short_cost = _SHORT_STORY
    spread = max(1.0, _SPREAD * (mean or 0.0))
    far = [_REGULARITY * ((k - mean) / spread) ** 2 if mean else 0.0 for k in range(longest + 1)]
    return [short_cost * (k < short) + cost for k, cost in enumerate(far)]
