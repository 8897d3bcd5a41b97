"""Who does the copied act: a claim's subject must be someone the source tells that act of.

Extractive summarisers copy a verb phrase whole ("demanded that the old fountain be taken out") and put a
subject before it from elsewhere in the story ("Vell" where the source has "one shopkeeper"). Every
word is a source word and the copied run is long, so word-level checks pass it, and a one-word subject is
too short for the stitch check. Here the source sentence with the copied run must name the claim's
subject before the run, or, when the run follows a pronoun or description ("he", "the striker"), the
sentences just before it may name whom that refers to. A claim that opens with no subject before a listed
verb is held to the same test for its opening words ("Holt's sister", "Kitchen, raisins and currants").
A subject named again after its own verb ("Raf Dunne lost the final game to Raf Dunne") is the same kind
of error: a second mention pasted where the source has someone else.
"""

from __future__ import annotations

import re

from briefing.verify.fragments import Copy, Run, SourceWords
from briefing.verify.placement import described_subject, group, subject
from briefing.verify.source import SourceIndex, common_word, stands_for_lead
from briefing.verify.speakers import REPORTING, speaker_sentences
from briefing.verify.text import STOPWORDS, Token, is_content

MIN_PREDICATE = 4  # words in the copied run after the subject for it to be a copied act
SLACK = 2  # claim words allowed between the subject and that run ("said", "has")
BEFORE = 4  # source words before the run in which a pronoun or description refers back
BACK = 2  # sentences back in which that referent may be named
_REFERRING_TEXT = "he she they it we i you his her their its who which that whose"
_REFERRING = frozenset(_REFERRING_TEXT.split())
_DESCRIBING = frozenset(("the", "a", "an", "this", "these", "those", "one"))


def agent_issues(src: SourceIndex, copy: Copy, claim: str, part: list[Token]) -> list[str]:
    """An issue when the copied act after the claim's subject is told of someone else in the source."""
    words = subject(claim, part)
    if not words:
        return _opening_issues(src, copy, claim)
    content = [t for t in words if is_content(t)]
    if not content or any(t.stem not in src.stem_sents for t in content) or group(src, words):
        return []  # a subject the source lacks is the names check's; "Researchers" may be several people
    speaks = any(t.lower in REPORTING for t in part if t.start >= words[-1].end)
    if described_subject(part, words) and not speaks:
        return []  # "The $28 million spacecraft": a description of what the article names elsewhere
    after = [k for k, t in enumerate(copy.tokens) if t.start >= words[-1].end]
    if not after:
        return []
    # The run must carry the subject's verb, unless that verb reports what the run says ("X said ...").
    reported = copy.tokens[after[0]].lower in REPORTING
    slack = SLACK if reported else 0
    run = next((r for r in copy.runs if after[0] <= r.start <= after[0] + slack and r.positions), None)
    if run is None or run.length < MIN_PREDICATE or _content(copy, run) < 2:
        return []
    stems = {t.stem for t in content}
    if any(_told_of(copy.source, p, run.length, stems, reported) for p in run.positions):
        return []
    if reported and {copy.source.sent[p] for p in run.positions} & speaker_sentences(src, stems):
        return []  # "Mensah said nurses ... sought help" from the quote paragraph after her name
    named = {t.lower for t in content}
    if any(stands_for_lead(src, copy.source.sent[p], named) for p in run.positions):
        return []  # the name of whom the lead describes ("A gran from Bexworth has scooped")
    who = " ".join(t.text for t in words)
    return [f"subject '{who}' is not who the source says '{copy.text(run, 6)}' of"]


MAX_OPENING = 6  # claim words before the first long run that may be what it is told of


def _opening_issues(src: SourceIndex, copy: Copy, claim: str) -> list[str]:
    """A claim with no subject before a listed verb may still open with whom or what a copied run is
    about: a possessor ("Holt's sister adopted a greyhound"), a list item ("Kitchen, raisins and
    currants are poisonous to dogs"). Such an opening must be told with the run as a subject is.
    Openings that begin with a function word or a determiner ("In March", "The striker"), hold a
    participle ("Based on") or punctuation ("Ann Loy, 17,") are left alone."""
    run = next(
        (r for r in copy.runs if r.positions and r.length >= MIN_PREDICATE and _content(copy, r) >= 2),
        None,
    )
    if run is None or not 1 <= run.start <= MAX_OPENING:
        return []
    head = list(dict.fromkeys(copy.tokens[: run.start]))
    if _PUNCTUATED.search(claim, head[0].start, head[-1].end):
        return []  # an apposition or a clause ("Ann Loy, 17, ran"): not a plain opening
    # One word the source writes in lower case is no name: a fronted adverb ("Overnight, rescuers searched")
    # or a modifier of the copied words ("Delivery driver Stuart McAlpine"); but "Kennel, garlic and
    # leeks" opens a list.
    common = len(head) == 1 and common_word(src, head[0].lower) and not head[0].lower.endswith("'s")
    if common and not _LIST.match(claim, head[0].end):
        return []
    if head[0].lower in STOPWORDS or head[0].lower in _DESCRIBING or head[0].lower in _OPENERS:
        return []
    if any(t.lower in _NOT_A_NAME for t in head) or head[0].text[:1].isdigit():
        return []  # "Roughly 1.2 million", "38% regularly use", "X expects to move about": no name
    content = [t for t in head if is_content(t)]
    if not content or any(t.stem not in src.stem_sents or _PARTICIPLE.fullmatch(t.lower) for t in content):
        return []
    if group(src, head) or _written_together(src, head[-1], copy.tokens[run.start]):
        return []  # "Ines Mora's first book": a full name the source writes elsewhere
    stems = {t.stem for t in content}
    if any(_told_of(copy.source, p, run.length, stems, False) for p in run.positions):
        return []
    apposition = claim[head[-1].end : copy.tokens[run.start].start].strip() == ","
    if apposition and any(_apposed(copy.source, p + run.length, stems) for p in run.positions):
        return []  # "Achebe, Corrant's former operations director," for "... director, Femi Achebe"
    who = " ".join(t.text for t in head)
    return [f"opening '{who}' is not what the source says '{copy.text(run, 6)}' of"]


APPOSED = 3  # source words after a role in which the name it describes may follow ("director, Femi Achebe")


def _apposed(source: SourceWords, end: int, stems: set[str]) -> bool:
    """Does the source name the opening's words right after the run ending at ``end``, in its sentence?"""
    sent = source.sent[end - 1]
    after = range(end, min(len(source.tokens), end + APPOSED))
    return bool(stems & {source.tokens[k].stem for k in after if source.sent[k] == sent})


def _written_together(src: SourceIndex, last: Token, first: Token) -> bool:
    """Does the source write the opening's last word right before the run's first word somewhere?"""
    return any(
        p + 1 < len(src.words) and src.words[p + 1].lower == first.lower
        for p in src.lower_positions.get(last.lower, ())
    )


_NOT_A_NAME = frozenset(
    ("to", "about", "roughly", "around", "nearly", "almost", "some", "approximately", "over", "under")
)
_OPENERS = frozenset(("despite", "following", "during", "unlike", "amid", "including", "according"))
_PUNCTUATED = re.compile(r"[,;:()\"“”]")
_LIST = re.compile(r",\s*(?:\S+\s+){0,3}?(?:and|or)\b")  # ", garlic and leeks": the opening is a list item
_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")


def _content(copy: Copy, run: Run) -> int:
    return sum(is_content(t) for t in dict.fromkeys(copy.tokens[run.start : run.start + run.length]))


def _told_of(source: SourceWords, p: int, length: int, stems: set[str], reported: bool) -> bool:
    """Does the source name the subject before the run at ``p`` in its sentence (or anywhere in it, for
    a reported run: "..., the minister said"), or, after a pronoun or a description, in the few sentences
    before (or, after a description, after: "A man ..." is named later)?"""
    sent = source.sent[p]
    first = last = p
    while first > 0 and source.sent[first - 1] == sent:
        first -= 1
    while last + 1 < len(source.words) and source.sent[last + 1] == sent:
        last += 1
    told = range(first, last + 1) if reported else range(first, p)
    if stems & {source.tokens[k].stem for k in told}:
        return True
    before = [source.tokens[k].lower for k in range(max(first, p - BEFORE), p)]
    pronoun = not before or before[-1] in _REFERRING
    # "She confirmed ..., but refused to say": a second verb of the pronoun that opens the sentence.
    pronoun |= before[-1:] in (["but"], ["and"]) and source.tokens[first].lower in _REFERRING
    # "the striker", "The 22-year-old" (a hyphenated word's parts share its token)
    described = any(w in _DESCRIBING or w.endswith("year-old") for w in before[-3:])
    if not (pronoun or described):
        return False
    # A whole source sentence reported as someone's words ("Wren revealed the restaurant will close") may
    # name its speaker in the sentences after it too, as an interview's narration does.
    forward = described or reported and p == first
    lo = first
    while lo > 0 and source.sent[lo - 1] >= sent - BACK:
        lo -= 1
    hi = last + 1
    while forward and hi < len(source.words) and source.sent[hi] <= sent + BACK:
        hi += 1
    return bool(stems & {source.tokens[k].stem for k in [*range(lo, first), *range(last + 1, hi)]})


_COPULAS = frozenset(("is", "are", "was", "were", "be", "been", "being", "become", "became"))


def repeated_subject_issues(
    src: SourceIndex, claim: str, part: list[Token], evidence: list[int]
) -> list[str]:
    """An issue when every word of the claim's subject comes again after its verb (not after "is": "the
    winner was a first-time winner"), while no source sentence the claim copies names it twice: prose
    says "himself" or "his", so a repeated subject marks a name pasted in another's place (or two
    sentences, each naming it once, merged into one)."""
    # With no subject before a listed verb, the opening word stands for it ("Rovers travel to Rovers"),
    # unless it is a possessor ("Acme's offer ... Acme has").
    words = subject(claim, part) or [
        t for t in part[:1] if not t.lower.endswith("'s") and claim[t.end : t.end + 1] not in ("'", "’")
    ]  # "Residents' association chair ... residents" opens with a possessor too
    if not words or len(words) >= len(part) or part[len(words)].lower in _COPULAS:
        return []
    stems = {t.stem for t in words if is_content(t)}
    again = [t for t in part[len(words) + 1 :] if t.stem in stems]
    if not stems or {t.stem for t in again} != stems:
        return []
    for i in evidence:
        told = [t.stem for t in src.sent_tokens[i]]
        if any(told.count(s) > 1 for s in stems):
            return []
    who = " ".join(t.text for t in words)
    return [f"subject '{who}' is named again after its verb ('{again[0].text}'); the source names it once"]
