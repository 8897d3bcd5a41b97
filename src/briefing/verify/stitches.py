"""Stitched copies: a claim built from long source runs that the source never puts together.

Extractive summarisers join runs taken from different places, so every word is in the source while the
claim says something it does not ("Devine tweeted" + "David Pocock a tosser", where the source has "calling
David Pocock a tosser"). Where two long runs of a copied claim meet without continuing each other in the
source, the join must be backed: the first run goes on to say the second in other words, or its words come
before the second run in that run's sentence (or a few sentences back when that sentence refers to someone
by a pronoun or description), or the words the source puts before the second run are near the first run
(an apposition) or earlier in the claim (its subject). Paraphrase is left alone: only copied claims are
examined, and only joins of two runs with at most one copied word between them.
"""

from __future__ import annotations

from briefing.numbers import find_numbers
from briefing.verify.fragments import Copy, Run, SourceWords
from briefing.verify.placement import described_subject
from briefing.verify.source import SourceIndex, index_source, stands_for_lead
from briefing.verify.speakers import speaker_sentences, tells_what_they_said
from briefing.verify.text import NEGATIONS, Token, is_content, lemma, stem

MIN_RUN = 2
"""Words in a run for its join to be examined; shorter runs are how paraphrase reuses source words."""
LONG_ANCHOR = 4  # a run this long is examined with one content word; shorter ones need two
GAP = 6  # source words a copy may skip between two runs and still be continuing one passage
NEAR = 5  # words around a run in which the source may name what the next run was said of
BEFORE = 4  # source words before a run that say whom it was said of
AFTER = 10  # source words after the first run that may say the second run differently
AFTER_SHARE = 0.6  # share of the second run's content words those AFTER words must have
APPOSITION = 3  # source words between a name and the role after it ("Ann Loy, the hospital's director")
BACK = 2  # sentences back in which a pronoun's or description's referent may be named
CLAUSE = 5  # words in a run that says something by itself, so a whole source sentence may follow it
PAUSES = ".!?;,"  # a join across these in the claim is a new clause, not a new relation
QUOTE_MARKS = "\"“”"
SHOWN = 6  # words of a long run quoted in an issue
_REFERRING_TEXT = "he she they it we i you his her their its who which that whose"
REFERRING = frozenset(_REFERRING_TEXT.split())
DETERMINERS = frozenset(("the", "a", "an", "this", "these", "those"))


def stitch_issues(copy: Copy, claim: str) -> list[str]:
    """One issue per join of two copied runs that the source does not back, naming both runs.
    ``claim`` is the text ``copy`` was matched from (its punctuation separates clauses)."""
    source = copy.source
    if not copy.is_copy():
        return []
    anchors = [r for r in copy.runs if _anchor(copy, r)]
    issues: list[str] = []
    for a, b in zip(anchors, anchors[1:], strict=False):
        between = [r for r in copy.runs if a.start < r.start < b.start]
        if len(between) > 1 or any(not r.positions or r.length > 1 for r in between):
            continue  # more than one copied word between the runs (or a new one): a rewrite, not a join
        gap = claim[copy.tokens[a.start + a.length - 1].end : copy.tokens[b.start].start]
        if any(c in gap for c in PAUSES) or _new_clause(copy, a, b):
            continue
        a_text = claim[copy.tokens[a.start].start : copy.tokens[a.start + a.length - 1].end]
        if any(q in a_text + gap for q in QUOTE_MARKS):
            continue  # '"not the worst-case scenario" but warned': a quotation ends (the quote check's)
        if not _backed(source, copy, a, b, claim):
            issues.append(_describe(source, copy, a, b))
    return issues


_CONJUNCTIONS = frozenset({"and", "but", "after", "as", "while", "when", "because", "before", "since"})
_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i"})


def _new_clause(copy: Copy, a: Run, b: Run) -> bool:
    """"jailed for eight years after he and two associates took": a conjunction opens a clause with its
    own subject, a new statement rather than a relation joined to the first run."""
    between = copy.tokens[a.start + a.length : b.start]
    first = copy.tokens[b.start]
    return len(between) == 1 and between[0].lower in _CONJUNCTIONS and first.lower in _SUBJECTS


def _anchor(copy: Copy, run: Run) -> bool:
    if not run.positions or run.length < MIN_RUN:
        return False
    # Figures are the number check's business: "the $28 million [spacecraft]" anchors no join.
    words = dict.fromkeys(copy.tokens[run.start : run.start + run.length])
    content = sum(is_content(t) and not _figure(t) for t in words)
    return content >= (1 if run.length >= LONG_ANCHOR else 2)


_SCALE_WORDS = frozenset({"million", "billion", "thousand", "trillion", "m", "bn", "k"})


def _figure(t: Token) -> bool:
    return any(c.isdigit() for c in t.text) or t.lower in _SCALE_WORDS or bool(find_numbers(t.lower))


def _backed(source: SourceWords, copy: Copy, a: Run, b: Run, claim: str) -> bool:
    owners = copy.tokens
    a_stems = {t.stem for t in owners[a.start : a.start + a.length] if is_content(t)}
    b_stems = {t.stem for t in owners[b.start : b.start + b.length] if is_content(t)}
    # Copied words put between the runs must be between them in the source too ("tweeted" for "calling").
    inserted = {t.stem for t in owners[a.start + a.length : b.start] if is_content(t)}
    about = index_source(source.text).salient
    salient = {t.stem for t in owners[a.start + a.length : b.start] if t.lower in about}
    claim_before = {t.stem for t in owners[: b.start] if is_content(t)}
    names = [t for t in owners[a.start : a.start + a.length] if t.text[:1].isupper() and t.start > 0]
    surname = names[-1].lower.removesuffix("'s") if names else None
    n = len(source.words)
    if _role_of(source, copy, a, b) or _inserted_role(source, copy, a, b) or _of_topic(source, copy, a, b):
        return True
    if a.start <= 1 and described_subject(owners, owners[: a.start + a.length]):
        return True  # "The middlesbrough striker received the award": a description of whom the source names
    src = index_source(source.text)
    if surname and any(source.sent[jb] in _quoted_on(src, stem(surname)) for jb in b.positions):
        return True  # "Rusk said the men may have been" from the quote paragraph after her name
    if names and tells_what_they_said(src, {stem(surname or "")}, claim, owners, names[-1].end):
        return True  # "Ellen Marsh said the club had ..." where the source has her say it in other words
    capitalised = {t.lower for t in owners[a.start : a.start + a.length] if t.text[:1].isupper()}
    if any(stands_for_lead(src, source.sent[jb], capitalised) for jb in b.positions):
        return True  # "Maureen Tidball" + "scooped £1.2m" where the lead has "A gran from Bexworth has"
    for ja in a.positions:
        end_a = ja + a.length
        near_a = {source.tokens[k].stem for k in range(max(0, ja - NEAR), min(n, end_a + NEAR))}
        after_a = [source.tokens[k].stem for k in range(end_a, min(n, end_a + AFTER))]
        said_next = next((k for k, s in enumerate(after_a) if s in b_stems), len(after_a))
        if len(b_stems & set(after_a)) >= AFTER_SHARE * len(b_stems) and inserted <= set(after_a[:said_next]):
            return True  # the first run goes on to say the second in other words
        for jb in b.positions:
            if 0 <= jb - end_a <= GAP and inserted <= {source.tokens[k].stem for k in range(end_a, jb)}:
                return True  # one passage, a few words left out
            if _reworded(source, copy, a, b, end_a, jb):
                return True  # one passage, one common word put another way ("the move" for "the decision")
            # "Dr Ann Loy, the hospital's medical director," told as "Medical director Dr Ann Loy".
            role_after = 0 <= ja - (jb + b.length) <= APPOSITION and source.sent[ja] == source.sent[jb]
            if role_after and not inserted:
                return True
            if jb in source.sent_start and (end_a in source.sent_end or a.length >= CLAUSE):
                return True  # a whole source sentence run on after a clause
            sb = source.sent[jb]
            before = [source.tokens[k] for k in range(max(0, jb - BEFORE), jb) if source.sent[k] == sb]
            first = jb
            while first > 0 and source.sent[first - 1] == sb:
                first -= 1
            opening = {source.tokens[k].stem for k in range(first, jb)}
            refers = bool(before) and (
                any(t.lower in REFERRING for t in before) or any(t.lower in DETERMINERS for t in before[-3:])
            )
            # "Marsh said Millbrook faced" for "Marsh said the authority faced": the name the article is
            # about, put for the description or pronoun before the second run.
            if inserted - opening and not (refers and inserted - opening <= salient):
                continue  # the claim puts other words before the second run than its sentence does
            lo = sb - (BACK if refers else 0)
            start = jb
            while start > 0 and source.sent[start - 1] >= lo:
                start -= 1
            earlier = {source.tokens[k].stem for k in range(start, jb)}
            if 2 * len(a_stems & earlier) >= len(a_stems):
                return True  # the second run's sentence names the first before it (or the referent does)
            last = jb
            while last + 1 < len(source.sent) and source.sent[last + 1] == sb:
                last += 1
            if a_stems <= {source.tokens[k].stem for k in range(first, last + 1)}:
                return True  # "a not-for-profit school" from "a school ... run as a not-for-profit"
            if surname and surname in {source.tokens[k].lower for k in range(first, jb)}:
                return True  # "Manager Elena Sousa said" + what the sentence naming Sousa has her say
            said_of = [t.stem for t in before if is_content(t)]
            if any(s in near_a or s in claim_before for s in said_of):
                return True  # what the source says the second run of is beside the first, or in the claim
    return False


def _reworded(source: SourceWords, copy: Copy, a: Run, b: Run, end_a: int, jb: int) -> bool:
    """The runs continue each other in the source but for one lower-case word the claim puts between them
    (for one of the source's, or added: "the University of Alderbrook trial followed"): a paraphrase of
    one word, left to the checks that know numbers, names and negations."""
    claim_words = copy.tokens[a.start + a.length : b.start]
    source_words = source.tokens[end_a:jb]
    # Added where the source has no word: only a noun put after a name ("the University of Alderbrook
    # trial"), not a verb or preposition that makes a new relation.
    added = not source_words and bool(claim_words) and _names_kind(copy, a, claim_words[0])
    # "some food banks spent £180,000" for "forcing some food banks to spend £180,000": the same verb.
    if len(claim_words) == 1 and [t.lower for t in source_words[:-1]] == ["to"]:
        same = lemma(source_words[-1].lower) == lemma(claim_words[0].lower)
        source_words = source_words[1:] if same else []
    words = claim_words + source_words
    plain = all(t.text.isalpha() and t.text.islower() and t.lower not in NEGATIONS for t in words)
    return len(claim_words) == 1 and (len(source_words) == 1 or added) and plain


def _quoted_on(src: SourceIndex, surname: str) -> set[int]:
    """The sentences after a speaker's mentions that are still her words but do not name her."""
    return speaker_sentences(src, {surname}) - src.stem_sents.get(surname, set())


def _names_kind(copy: Copy, a: Run, word: Token) -> bool:
    """Is ``word`` a noun-like word right after a capitalised end of run ``a`` ("Alderbrook trial")?"""
    last = copy.tokens[a.start + a.length - 1]
    verbish = word.lower.endswith(("s", "ed", "ing")) or not is_content(word)
    return last.text[:1].isupper() and not verbish


def _of_topic(source: SourceWords, copy: Copy, a: Run, b: Run) -> bool:
    """"37 reports" + "of 'safe account' scams": what a noun is of, where that is what the story is about
    (the source tells each of its words in two sentences or more), is a description, not a new relation."""
    last = copy.tokens[a.start + a.length - 1]
    words = copy.tokens[b.start : b.start + b.length]
    if words[0].lower != "of" or not last.text.islower() or not is_content(last) or _figure(last):
        return False
    content = [t for t in words[1:] if is_content(t)]
    told = [{source.sent[k] for k in source.positions.get(t.lower, ())} for t in content]
    return bool(content) and all(len(sents) >= 2 for sents in told)


ROLE_WORDS = 3  # words of a role before a name ("restaurant manager")
ROLE_NEAR = 1  # sentences either side of a mention of a name in which its role may be given


def _role_of(source: SourceWords, copy: Copy, a: Run, b: Run) -> bool:
    """"Chief executive" + "Sofia Lindqvist": a role put before a name is backed where the source gives
    those role words within a sentence of a mention of the name or surname ("Ms Lindqvist, the chief
    executive")."""
    first = copy.tokens[b.start]
    words = copy.tokens[a.start : a.start + a.length]
    role = [t for t in words if is_content(t)]
    if not first.text[:1].isupper() or not role or len(words) > ROLE_WORDS or not is_content(words[-1]):
        return False
    if any(t.text[:1].isupper() and t.start > 0 for t in role):
        return False
    return _told_near_name(source, copy, b, role)


def _inserted_role(source: SourceWords, copy: Copy, a: Run, b: Run) -> bool:
    """"TV chef Jaxon Reede and [singer] Marnie Vale": a role word put before a name, which the source
    gives within a sentence of a mention of the name ("a source close to the singer" beside "Marnie")."""
    between = copy.tokens[a.start + a.length : b.start]
    first = copy.tokens[b.start]
    if len(between) != 1 or not between[0].text.islower() or not first.text[:1].isupper():
        return False
    return _told_near_name(source, copy, b, between)


def _told_near_name(source: SourceWords, copy: Copy, b: Run, role: list[Token]) -> bool:
    """Does the source give every word of ``role`` within ROLE_NEAR sentences of a mention of the
    capitalised name that opens run ``b`` (its first or last word: "chief executive Ms Lindqvist")?"""
    name = [copy.tokens[b.start].lower]
    for t in copy.tokens[b.start + 1 : b.start + b.length]:
        if not t.text[:1].isupper():
            break
        name.append(t.lower)
    mentions = {source.sent[k] for w in (name[0], name[-1]) for k in source.positions.get(w, ())}
    near = {j for i in mentions for j in range(i - ROLE_NEAR, i + ROLE_NEAR + 1)}
    told: dict[str, set[int]] = {t.stem: set() for t in role}
    for k, tok in enumerate(source.tokens):
        if tok.stem in told:
            told[tok.stem].add(source.sent[k])
    return all(sents & near for sents in told.values())


def _describe(source: SourceWords, copy: Copy, a: Run, b: Run) -> str:
    jb = b.positions[0]
    said_of = range(max(0, jb - BEFORE), jb)
    before = " ".join(source.words[k] for k in said_of if source.sent[k] == source.sent[jb])
    second = copy.text(b, SHOWN)
    told = f"'{before} {second}'" if before else f"'{second}' in another sentence"
    between = " ".join(copy.words[a.start + a.length : b.start])
    joined = f"'{copy.text(a, -SHOWN)}' to '{second}'" + (f" with '{between}'" if between else "")
    return f"joined {joined}: the source says {told}"
