"""Who said what: the source sentences a speaker's words run over, and whether a claim's "X said ..."
tells what the source has X say.

News gives one speaker several sentences: "Detective Inspector Laura Henshaw said: "This was ..." is
followed by a paragraph that is all quote ("We believe the men may have been waiting ...") and by "She
added: ...". A summary that reports the later sentences under her name ("Henshaw said the pair may have
been waiting ...") is right although those sentences never name her. The name checks judge a name by the
claim's words beside it; for a speaker the better evidence is the whole reported clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content, stem

_REPORTING_TEXT = """said says say told tells warned warns added insisted insists argued claimed claims
    admitted admits urged described called believes believed revealed reveals"""
REPORTING = frozenset(_REPORTING_TEXT.split())
"""Verbs whose object is what someone said: after them a claim gives what its subject said, and the
speaker may be named after the words ("..., X said")."""
RUN_ON = 3  # sentences after a speaker's mention that may still be theirs
COVER = 0.5  # share of the reported clause's content words the speaker's sentences must hold
MIN_WORDS = 3  # content words (found in the source) a reported clause needs for its coverage to mean anything
_PRONOUN_SAYS = re.compile(r"(?:He|She|They)\s+(?:added|said|continued|went on)\b")
_INTRODUCES = re.compile(r"\b(?:he|she|they)\s+(?:added|said|says|continued)\s*:\s*$")
"""A sentence that ends introducing a quote ("Speaking after the curtain call, she said:")."""
_CLAUSE_END = re.compile(r"[;]|,\s*(?:while|whereas|but)\b")


def speaker_sentences(src: SourceIndex, stems: set[str]) -> set[int]:
    """Sentences naming the speaker, and the ones after each that are still theirs: a paragraph that opens
    inside a quote, or "She added: ..." (until another sentence names someone else)."""
    named = {i for s in stems for i in src.stem_sents.get(s, ())}
    out = set(named)
    out |= interview_answers(src, stems)
    for i in named:
        for j in range(i + 1, min(len(src.sentences), i + 1 + RUN_ON)):
            text = src.text[src.sentences[j][0] : src.sentences[j][1]].lstrip()
            says = _PRONOUN_SAYS.match(text) or _INTRODUCES.search(text)
            if not (text[:1] in "\"“‘'" or says or _in_quote(src, j)):
                break
            out.add(j)
        # '... Queues stretched to two hours. "We got it wrong," she said.': a quote of the paragraph that
        # names her, told by a pronoun a sentence or two later.
        para = src.text.rfind("\n", 0, src.sentences[i][0])
        for j in range(i + 1, min(len(src.sentences), i + 1 + RUN_ON)):
            if src.text.rfind("\n", 0, src.sentences[j][0]) != para:
                break
            if _QUOTE_THEN_PRONOUN.search(src.text, *src.sentences[j]):
                out.add(j)
    return out


_QUOTE_THEN_PRONOUN = re.compile(r"[,.!?][\"”]\s+(?:he|she)\s+(?:said|added)\b")


def interview_answers(src: SourceIndex, stems: set[str]) -> set[int]:
    """The sentences of a Q&A interview's answers, when ``stems`` name the interviewee."""
    interviewee, answers = _interview(src.text)
    if not stems & interviewee:
        return set()
    return {j for j, (a, _b) in enumerate(src.sentences) if any(lo <= a < hi for lo, hi in answers)}


_QA_LINE = re.compile(r"^[ \t]*([QA])[:.][ \t]", re.MULTILINE)
_NAME_RUN = r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_'’]*[^\W\d_])+)"  # "Bríd Hennessy", "Smith-Jones"
_FULL_NAME = re.compile(r"\b" + _NAME_RUN)
_INTERVIEWED = re.compile(
    r"(?:(?:spoke|talked|speaks|talks)\s+(?:to|with)|interview(?:ed)?(?:\s+with)?|sat\s+down\s+with|asked)\s+"
    + _NAME_RUN
)
"""Whom the intro says was interviewed ("We spoke to Bríd Hennessy, the union's organiser")."""


@lru_cache(maxsize=64)
def _interview(text: str) -> tuple[frozenset[str], tuple[tuple[int, int], ...]]:
    """A Q&A interview: the stems of whom the intro names first (the interviewee) and the spans of the
    "A:" paragraphs, which are all that person's words; nothing when the text is no interview."""
    lines = list(_QA_LINE.finditer(text))
    if sum(m.group(1) == "Q" for m in lines) < 2 or sum(m.group(1) == "A" for m in lines) < 2:
        return frozenset(), ()
    intro = _INTERVIEWED.search(text, 0, lines[0].start())
    name = intro or _FULL_NAME.search(text, 0, lines[0].start())
    if name is None:
        return frozenset(), ()
    answers = []
    for m in lines:
        if m.group(1) == "A":
            end = text.find("\n", m.end())
            answers.append((m.start(), len(text) if end < 0 else end))
    return frozenset(stem(w) for w in re.split(r"[ -]", name.group(1).lower())), tuple(answers)


def _in_quote(src: SourceIndex, j: int) -> bool:
    """Does sentence ``j`` continue a quotation opened earlier in its paragraph?"""
    start = src.sentences[j][0]
    para = src.text.rfind("\n", 0, start) + 1
    before = src.text[para:start]
    return sum(before.count(q) for q in "\"“”") % 2 == 1


def tells_what_they_said(src: SourceIndex, stems: set[str], claim: str, toks: list[Token], end: int) -> bool:
    """Is the name ending at offset ``end`` followed by a reporting verb, and do the sentences the source
    gives that speaker hold most of the clause the claim reports?"""
    after = [t for t in toks if t.start >= end]
    if not after or after[0].lower not in REPORTING:
        return False
    stop = _CLAUSE_END.search(claim, after[0].end)
    clause = [t for t in after[1:] if (stop is None or t.start < stop.start()) and is_content(t)]
    # Words the source never uses are paraphrase: they tell nothing of where the clause comes from.
    clause = [t for t in clause if t.stem not in stems and t.stem in src.stem_sents]
    if len(clause) < MIN_WORDS:
        return False
    theirs = speaker_sentences(src, stems)
    held = sum(any(i in theirs for i in src.stem_sents.get(t.stem, ())) for t in clause)
    return held >= COVER * len(clause)
