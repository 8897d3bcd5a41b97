"""Words as the verifier compares them: tokens with offsets, a small suffix stemmer, function-word lists.

Deliberately synonym-free and model-free: two texts agree when they share word stems, so every decision
can be explained by pointing at the words that matched (or did not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)

_STOPWORDS_TEXT = """
    a an the and or but nor so yet for of in on at to from by with without about above below over under
    into onto out off up down through during before after since until while as than then there here this that
    these those it its it's itself he him his himself she her hers herself they them their theirs themselves
    we us our ours ourselves you your yours i me my mine who whom whose which what when where why how
    is am are was were be been being do does did doing have has had having get gets got getting
    also just only very too much many more most some any all each every both either neither other another
    such same own if because although though whether once again further even still already now
    said says say saying told tell tells according added adding
    can could will would shall should may might must ought
    one mr mrs ms dr mr. mrs. ms. dr. sir
    s t re ve ll d m o"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
"""Words that carry no checkable content on their own. Negation cues are not here: they are checked."""

_NEGATIONS_TEXT = """
    not no never none nobody nothing nowhere neither nor n't cannot without
    deny denies denied denying refuse refuses refused refusing fail fails failed failing
    reject rejects rejected rejecting dismiss dismissed unable lack lacks lacked"""
NEGATIONS = frozenset(_NEGATIONS_TEXT.split())
"""Cues that flip what a clause asserts. 'denied'/'refused'/'failed to' count as negations of the act."""

FAIL_FORMS = frozenset({"fail", "fails", "failed", "failing"})
"""A negation only before "to" ("failed to launch"); "the attempt failed when ..." tells an outcome."""

_CONTRACTED_NEG = re.compile(r"(?i)(?:n['’]t)$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its surface form, offsets, lower-cased form and stem."""

    text: str
    start: int
    end: int
    lower: str
    stem: str


def stem(word: str) -> str:
    """A light suffix stripper: enough to match 'charged'/'charges'/'charging', not a full Porter stemmer."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'.")
    if "-" in w:
        # "semi-finals" -> "semi-final": the head of a compound carries the inflection.
        head, _, last = w.rpartition("-")
        return head + "-" + stem(last) if last else w
    if len(w) <= 3 or not w.isalpha():
        return w
    for suffix, repl, min_len in (
        ("ies", "y", 4),
        ("sses", "ss", 4),
        ("ing", "", 5),
        ("ied", "y", 4),
        ("ed", "", 4),
        ("ly", "", 5),
        ("es", "", 4),
        ("s", "", 3),
    ):
        if w.endswith(suffix) and len(w) >= min_len and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            break
    # Undouble a final consonant ("stopped" -> "stopp" -> "stop") and drop a final 'e' ("charge" -> "charg").
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` with offsets (plus ``offset``). "don't" yields "do" and "n't" read as "not"."""
    out: list[Token] = []
    for m in _iter_words(text):
        word = m.group().rstrip(".") if not _is_abbrev_dot(m.group()) else m.group()
        start = m.start() + offset
        neg = _CONTRACTED_NEG.search(word)
        if neg and len(word) > 3:
            head = word[: neg.start()]
            out.append(_token(head, start))
            out.append(Token(word[neg.start() :], start + neg.start(), start + len(word), "not", "not"))
            continue
        out.append(_token(word, start))
    return out


# Two sentences glued without a space ("on DVD.You will") are two words, unlike "U.S." or "3.5".
_GLUED = re.compile(r"(?<=[^\W\d_]{2})\.(?=[A-Z][a-z])")


def _iter_words(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in _WORD.finditer(text):
        if "." in m.group() and _GLUED.search(m.group()):
            out += [w for w in _WORD.finditer(_GLUED.sub(" ", text[: m.end()]), m.start())]
        else:
            out.append(m)
    return out


def _is_abbrev_dot(word: str) -> bool:
    # "U.S." keeps its dots; a sentence-final "end." does not.
    return word.count(".") >= 2


def _token(word: str, start: int) -> Token:
    lower = word.lower().replace("’", "'")
    return Token(word, start, start + len(word), lower, stem(lower))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The stem of a word's dictionary form: "brought" and "bringing" are both "bring", which suffix
    stripping cannot see. Used where paraphrase changes a verb's form, not for matching in general."""
    return stem(_PAST.get(word) or simplemma.lemmatize(word, lang="en"))


_PAST = {"won": "win", "rose": "rise", "thought": "think"}
"""Past forms the lemmatiser reads as nouns (the currency, the flower): in news they are mostly verbs."""


@lru_cache(maxsize=65536)
def inflected(word: str) -> bool:
    """Is a lower-cased word an inflected form of another ("launches", "abandons")? Names rarely are."""
    return simplemma.lemmatize(word, lang="en").lower() != word


def not_negating(toks: list[Token], k: int) -> bool:
    """A negation word that negates nothing here: "the No 1 jersey" ranks, "for nothing" is free."""
    t = toks[k].lower
    return (t == "no" and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit()) or (
        t == "nothing" and k > 0 and toks[k - 1].lower == "for"
    )


def is_content(tok: Token) -> bool:
    """Does this word carry checkable content (not a function word, negation cue or lone letter)?"""
    return tok.lower not in STOPWORDS and tok.lower not in NEGATIONS and len(tok.lower) > 1


@lru_cache(maxsize=4096)
def normalise_quote_text(text: str) -> str:
    """Text as compared for quotes: curly quotes/dashes straightened, ellipses and whitespace collapsed."""
    t = text.translate(_QUOTE_TABLE).replace("…", "...")
    t = re.sub(r"\s*\.\.\.\s*", " ... ", t)
    return re.sub(r"\s+", " ", t).strip().lower()


_QUOTE_TABLE = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "`": "'"})
