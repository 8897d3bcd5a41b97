"""Whose sentence a copied claim puts under another name: "Scholes says he is not ready to sign" for the
source's "Sterling said on Wednesday that he was not ready to sign".

Extractive summarisers copy the end of a sentence and open it with a name taken from elsewhere in the
article. The copied words all stand in the source, so word checks pass it, and when the two people are
told of close together the passage check (placement) passes it too. Here the claim's tail is matched in
one source sentence: if that sentence opens with a name of its own (not "He", "The company", "In May")
and the claim's subject is a name the sentence never mentions, the claim gives the sentence's act to
someone else. A description ("The 21-year-old", "The couple") or a pronoun in the claim may stand for
the sentence's subject and is left alone, as are names the source writes next to the sentence's
("Dawn" for "Ms Purvis", from "Dawn Purvis").
"""

from __future__ import annotations

from difflib import SequenceMatcher

from briefing.verify.placement import described_subject, subject
from briefing.verify.source import SourceIndex, alias_stems
from briefing.verify.text import STOPWORDS, Token, is_content

MIN_TAIL = 5  # words copied after the subject, for the sentence to be the claim's
TAIL_COPIED = 0.8  # share of those words copied in order from the sentence
NEAR = 1  # words either side: the source writing two names side by side ("Dawn Purvis") makes them one

_LEADING = frozenset({"but", "and", "so", "yet", "however", "meanwhile"})
_NOT_NAMES_TEXT = """
    despite following during unlike amid including according after before when while although though
    yesterday today tonight earlier later last next now then meanwhile however instead indeed
    police officials witnesses critics experts researchers scientists residents fans officers"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
"""Sentence openers that are no name: prepositions, time words, and groups told of in many places."""
_REFERRING = frozenset({"who", "which", "that", "he", "she", "they", "it", "we", "i"})
_DESCRIBING = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"})


def holder_issues(
    src: SourceIndex, claim_tokens: list[Token], candidates: list[int], claim: str
) -> list[str]:
    """An issue when the claim copies the end of a source sentence that opens with another name."""
    words = subject(claim, claim_tokens)
    if not words or words[0].lower in STOPWORDS or words[0].lower in _DESCRIBING:
        return []
    if described_subject(claim_tokens, words):
        return []  # "Director denied ...": a role, told where the source names its holder
    named = [t for t in words if is_content(t)]
    if not named:
        return []
    tail = [t.lower for t in claim_tokens[len(words) :]]
    if len(tail) < MIN_TAIL:
        return []
    for i in dict.fromkeys(candidates):
        sentence = src.sent_tokens[i]
        sm = SequenceMatcher(None, [t.lower for t in sentence], tail, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        copied = sum(b.size for b in blocks)
        if copied < MIN_TAIL or copied < TAIL_COPIED * len(tail) or blocks[0].b > 1:
            continue
        opening = sentence[: blocks[0].a]
        if blocks[0].b == 0 and opening and opening[-1].lower in _REFERRING:
            continue  # "... his young winger, who inspired": the claim's name may be whom "who" stands for
        if _parts(named) & _parts(sentence):
            continue
        holder = _holder(opening)
        if not holder or _same(src, named, holder):
            continue
        said = " ".join(t.text for t in opening)
        return [f"subject '{' '.join(t.text for t in named)}' is not who the source says this of: '{said}'"]
    return []


def _parts(toks: list[Token]) -> set[str]:
    """Stems and the parts of hyphened words ("Non-binary" is "non binary")."""
    return {t.stem for t in toks} | {part for t in toks for part in t.lower.split("-")}


def _holder(opening: list[Token]) -> list[Token]:
    """The name the sentence opens with (its first words up to a function word), if it opens with one."""
    k = 0
    while k < len(opening) and opening[k].lower in _LEADING:
        k += 1
    first = opening[k : k + 1]
    if not first or not is_content(first[0]) or first[0].lower in _NOT_NAMES:
        return []
    if first[0].lower.endswith("ly") or first[0].lower[:1].isdigit():
        return []
    end = k
    while end < len(opening) and is_content(opening[end]):
        end += 1
    return opening[k:end]


def _same(src: SourceIndex, named: list[Token], holder: list[Token]) -> bool:
    """Are the claim's name and the sentence's one person or thing: written together in the source
    ("Dawn Purvis"), one the other's alias ("the IPA"), or one word written two ways?"""
    if alias_stems(src, [t.lower for t in named]) & {t.stem for t in holder}:
        return True
    if alias_stems(src, [t.lower for t in holder]) & {t.stem for t in named}:
        return True
    held = {t.lower.removesuffix("'s") for t in holder}
    for t in named:
        base = t.lower.removesuffix("'s")
        if any(h[:4] == base[:4] for h in held):
            return True
        for p in src.lower_positions.get(t.lower, ()):
            if any(w.lower.removesuffix("'s") in held for w in src.words[max(0, p - NEAR) : p + NEAR + 1]):
                return True
    return False
