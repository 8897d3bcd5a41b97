"""A source text analysed once for checking many claims: sentences, word stems, where each stem occurs.

Summaries check several claims (headline, bullets, labels) against one story, and benchmark rows share
sources, so the analysis is cached by text.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.sentences import DATELINE, sentence_spans
from briefing.verify.text import STOPWORDS, Token, inflected, is_content, lemma, tokens


@dataclass(frozen=True)
class SourceIndex:
    """Everything the checks look up in one source. Offsets are into the source text."""

    text: str
    sentences: list[tuple[int, int]]
    sent_tokens: list[list[Token]]
    words: list[Token]
    sent_of_word: list[int]
    stem_sents: dict[str, set[int]]
    lower_positions: dict[str, list[int]]
    idf_default: float
    bare_words: frozenset[str]  # lower-cased words without apostrophes or possessive s ("addenbrookes")
    bare_by_prefix: dict[str, set[str]]  # capitalised words by first letter, for near matches
    dateline_ends: list[int]  # where each sentence's dateline ends (its start if it has none)
    lemma_sents: dict[str, set[int]]  # like stem_sents, by lemma ("bring" for "brought" and "bringing")
    salient: frozenset[str]  # the capitalised words used most mid-sentence: whom the article is about
    lead_described: frozenset[int]  # opening sentences whose subject is "A gran from Bexworth" (not named)
    most_named: str | None  # the salient word used most: whom a news lead's description stands for
    sentence_starts: tuple[int, ...]  # each sentence's start offset, for finding the sentence of an offset
    _idf: dict[str, float] = field(default_factory=dict)

    def idf(self, stem: str) -> float:
        """Rarer in the source means more telling when aligned; unseen words weigh most."""
        return self._idf.get(stem, self.idf_default)



def _dateline_end(text: str, start: int, end: int) -> int:
    """Where a sentence's dateline ("Hong Kong (CNN)", "HARBORVIEW, Calif. (Wire) — ") ends, or its start
    if it has none. A dateline says where the story was filed, not where its events happened."""
    m = DATELINE.match(text, start, end)
    return m.end() if m else start


@lru_cache(maxsize=64)
def index_source(text: str) -> SourceIndex:
    sentences = sentence_spans(text) or [(0, len(text))]
    sent_tokens = [tokens(text[s:e], s) for s, e in sentences]
    words: list[Token] = []
    sent_of_word: list[int] = []
    stem_sents: dict[str, set[int]] = {}
    lemma_sents: dict[str, set[int]] = {}
    lower_positions: dict[str, list[int]] = {}
    for i, toks in enumerate(sent_tokens):
        for t in toks:
            lower_positions.setdefault(t.lower, []).append(len(words))
            words.append(t)
            sent_of_word.append(i)
            stem_sents.setdefault(t.stem, set()).add(i)
            lemma_sents.setdefault(lemma(t.lower), set()).add(i)
    bare_by_prefix: dict[str, set[str]] = {}
    for t in words:
        if t.text[:1].isupper():
            bare = t.lower.replace("'", "")
            bare_by_prefix.setdefault(bare[:1], set()).add(bare)
    named = _salient(words)
    n = len(sentences)
    idf = {s: math.log((n + 1) / (len(ss) + 0.5)) + 1.0 for s, ss in stem_sents.items()}
    return SourceIndex(
        text=text,
        sentences=sentences,
        sent_tokens=sent_tokens,
        words=words,
        sent_of_word=sent_of_word,
        stem_sents=stem_sents,
        lower_positions=lower_positions,
        idf_default=math.log((n + 1) / 0.5) + 1.0,
        _idf=idf,
        bare_words=frozenset(w.replace("'", "").removesuffix("s") for w in lower_positions)
        | frozenset(w.replace("'", "") for w in lower_positions),
        bare_by_prefix=bare_by_prefix,
        dateline_ends=[_dateline_end(text, s, e) for s, e in sentences],
        lemma_sents=lemma_sents,
        salient=frozenset(named),
        most_named=named[0] if named else None,
        sentence_starts=tuple(st for st, _e in sentences),
        lead_described=frozenset(
            i for i, (st, e) in enumerate(sentences[:LEAD])
            if _INDEFINITE.match(text, _dateline_end(text, st, e))
        ),
    )


LEAD = 4  # sentences (headline, standfirst, lead) in which a news lead describes whom it will name
_INDEFINITE = re.compile(r"(?:A|An)\s+[a-z]")


def stands_for_lead(src: SourceIndex, sentence: int, words: set[str]) -> bool:
    """Does a name (its lower-cased ``words``) stand for the indefinite description a news lead opens with
    ("A gran from Bexworth has scooped £1.2m" told as "Maureen Tidball scooped £1.2m")? The sentence must
    be such a lead, and the name the one the article uses most, with no other it is about ("Darren")."""
    bare = {w.removesuffix("'s") for w in words}
    others = src.salient - {src.most_named}
    return sentence in src.lead_described and src.most_named in bare and not bare & others


SALIENT = 3


def _salient(words: list[Token]) -> list[str]:
    """The names the source uses most (more than once), most used first: who or what the article is about,
    which a description ("the company", "we" in its spokesman's quote) most likely stands for. A
    capitalised word counts unless the text also writes it in lower case (a sentence's first word,
    "Lucky") or it is a function word ("I", "The")."""
    lower = {w.lower for w in words if w.text[:1].islower()}
    counts = Counter(
        w.lower for w in words
        if w.text[:1].isupper() and w.lower not in lower and w.lower not in STOPWORDS and len(w.lower) > 1
    )
    return [w for w, c in counts.most_common(SALIENT) if c > 1]


def sentence_at(src: SourceIndex, pos: int) -> int | None:
    """The index of the sentence holding offset ``pos``, if any."""
    i = bisect_right(src.sentence_starts, pos) - 1
    return i if i >= 0 and pos < src.sentences[i][1] else None


def common_word(src: SourceIndex, word: str) -> bool:
    """Is a lower-cased word no name here: the source writes it in lower case mid-sentence, or it is an
    inflected form ("abandons": names rarely inflect) that the source never writes mid-sentence?"""
    starts = set(src.sentence_starts)
    mid = [w for w in map(src.words.__getitem__, src.lower_positions.get(word, ())) if w.start not in starts]
    return any(w.text[:1].islower() for w in mid) or not mid and inflected(word)


def content_tokens(toks: list[Token]) -> list[Token]:
    return [t for t in toks if is_content(t)]



JOINERS = frozenset({"of", "the", "&", "de", "du", "la", "le", "van", "von", "der", "al", "bin"})
"""Lower-case words inside names ("Bank of England", "Ludwig van Beethoven")."""


def alias_stems(src: SourceIndex, words: list[str]) -> set[str]:
    """Stems of the other forms the source gives a name (its lower-cased ``words``): the acronym it
    brackets after the full name ("Independent Pilots' Association (IPA)", told later as "the IPA"), or,
    for an acronym the source also uses, the head noun of its spelled-out form ("NBV": "National Bank of
    Valdonia", later "the bank"). A summary may use either form where the source used the other."""
    core = [w.removesuffix("'s").rstrip("'’") for w in words if w not in JOINERS]
    if len(core) >= 2:
        initials = "".join(w[0] for w in core)
        bracketed = initials in src.lower_positions and any(
            src.text[t.end : t.end + len(initials) + 6].lstrip("'’ (").lower().startswith(initials)
            for t in src.words if t.lower == core[-1]
        )
        return {initials} if bracketed else set()
    if len(core) != 1 or not 2 <= len(core[0]) <= 6:
        return set()
    letters = core[0]
    if letters not in src.lower_positions:
        return set()
    caps = [t for t in src.words if t.text[:1].isupper() and t.lower not in JOINERS]
    for i in range(len(caps) - len(letters) + 1):
        run = caps[i : i + len(letters)]
        # The source uses the acronym too, so a run of its initials is its spelled-out form wherever it is
        # ("Marlow County Highway Authority ... The authority, known locally as MCHA").
        if "".join(t.lower[0] for t in run) == letters and run[-1].end - run[0].start < 20 * len(letters):
            # The head noun comes before "of" ("Bank of Valdonia"), else last ("Pilots' Association").
            heads = [t for t in run if src.text[t.end : t.end + 4].lstrip("'’ ").startswith("of ")]
            return {(heads or run)[-1 if not heads else 0].stem}
    return set()
