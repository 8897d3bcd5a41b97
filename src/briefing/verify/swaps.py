"""A name swapped into a copied phrase: "uphold the Steve Scalise, which provides" where the source says
"uphold the Affordable Care Act, which provides".

The commonest entity error puts a name from the same story where the source has another one. Every word
is then a source word, so presence checks pass; but the words right around the name are copied from the
source, where they surround a different name. A phrase copied on one side (with a content word in it)
that the source completes with another capitalised run, and never with this name, marks the swap.
Looser, ``slot_filler`` needs only the content word next to the name (by stem, past prepositions) in a
source sentence that tells more of the claim and names someone else in that slot.
"""

from __future__ import annotations

import re

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content, stem

MAX_CONTEXT = 4  # claim words on one side of a name compared with the source
MIN_CONTEXT = 2  # fewer copied words than this are too common to tell anything


def swapped_name(
    src: SourceIndex, claim: str, toks: list[Token], start: int, end: int, core: list[str], starts: set[int]
) -> str | None:
    """The source name that the copied words around claim tokens ``[start, end)`` surround instead of
    this one (whose matchable words are ``core``); None if the context is not copied or fits the name."""
    if end - start > 5 or start > 0 and toks[start - 1].lower in ("a", "an"):
        return None  # "a North Charleston Police Officer" describes someone rather than naming them
    others: list[str] = []
    rest = {t.stem for t in toks[:start] + toks[end:] if is_content(t)}
    # "Reid, who leads Class Voice, said": what follows a relative clause is its subject's, not the name's.
    relative = any(t.lower in ("who", "which", "whose") for t in toks[max(0, start - 3) : start])
    for side in ("left", "right"):
        if side == "right" and relative:
            continue
        for k in range(MAX_CONTEXT, MIN_CONTEXT - 1, -1):
            ctx = toks[start - k : start] if side == "left" else toks[end : end + k]
            if len(ctx) < k or side == "left" and start - k < 0:
                continue
            gap = (
                claim[ctx[-1].end : toks[start].start]
                if side == "left"
                else claim[toks[end - 1].end : ctx[0].start]
            )
            # A copied name is context too ("Spring Heeled in the"), if a longer stretch is copied.
            if gap.strip() not in ("", ",") or not any(
                is_content(t) and (k >= 3 or not t.text[:1].isupper()) for t in ctx
            ):
                continue
            for p in _occurrences(src, [t.lower for t in ctx]):
                # The name may come a few words on ("the Algerian student Ahmed Ghlam"): then it fits.
                near = src.words[p + k : p + k + NEAR] if side == "left" else src.words[max(0, p - NEAR) : p]
                if _same_name(core, [t.lower for t in near]):
                    return None
                if _elsewhere(src, p, rest - {t.stem for t in ctx}):
                    continue
                run = _run_after(src, p + k, starts) if side == "left" else _run_before(src, p - 1, starts)
                # Only a run before the copied words can modify them ("the Togo international").
                if not run or side == "left" and _modifier(src, run) or _same_name(core, _lower(run)):
                    continue
                if _one_person(src, core, _lower(run)):
                    continue  # "Kellaway" for the quote's "Idris": the source names "Idris Kellaway"
                placed = any(t.lower in _AT for t in toks[max(0, start - 2) : start])
                if side == "right" and not placed and _after_at(src, run):
                    continue  # "the High Court in Dublin ruled": a place after "in" is not who did it
                if _told_with_name(src, core, rest, src.sent_of_word[p]):
                    continue  # "Tarrant won the £40,000 prize": another sentence names her with the rest
                if side == "right" and _within(src, core, run):
                    continue  # "at Mount Ellery, which" for "at Mount Ellery in New South Wales, which"
                between = (
                    src.text[src.words[p + k - 1].end : run[0].start]
                    if side == "left"
                    else src.text[run[-1].end : src.words[p].start]
                )
                # Punctuation between name and context must be copied too ("Ann Loy, a teacher").
                if between.strip() == gap.strip():
                    others.append(" ".join(t.text for t in run))
    return others[0] if others else None


_IN_PLACE = re.compile(r"\s+in\s+(?:[\w-]+\s+){0,2}$")


def _within(src: SourceIndex, core: list[str], run: list[Token]) -> bool:
    """Does the source place the claim's name in the run's place ("Mount Ellery in far-western New South
    Wales"), so a claim that leaves out the larger place names the smaller one rightly?"""
    first = src.text.rfind("\n", 0, run[0].start)
    before = src.text[max(first + 1, run[0].start - 60) : run[0].start]
    at = before.lower().rfind(core[-1])
    return at >= 0 and _IN_PLACE.fullmatch(before[at + len(core[-1]) :]) is not None


def _one_person(src: SourceIndex, core: list[str], words: list[str]) -> bool:
    """Does the source write a word of the run right beside a word of the claim's name (a first name and
    a surname of one person)?"""
    for w in words:
        for p in src.lower_positions.get(w, ()):
            if any(x.lower.removesuffix("'s") in core for x in src.words[max(0, p - 1) : p + 2]):
                return True
    return False


NEAR = 4  # source words past a copied context where the claim's name may still stand


def _same_name(core: list[str], words: list[str]) -> bool:
    """Do the claim name's words and a source run name the same thing: a shared word (up to inflection
    or spelling: "Stonehedge", "Google-esque"), or one is the other's acronym ("EU")?"""
    bare = [w.removesuffix("'s") for w in words]
    if any(_alike(c.removesuffix("'s"), w) for c in core for w in bare):
        return True
    initials = "".join(w[:1] for w in bare if w not in ("of", "the", "and"))
    return "".join(core) == initials or "".join(c[:1] for c in core) == "".join(bare)


def _elsewhere(src: SourceIndex, p: int, rest: set[str]) -> bool:
    """The copied words stand in a passage that tells none of the rest of the claim ("won the" in
    another race): a common phrase, not the place the claim was copied from."""
    i = src.sent_of_word[p]
    near = range(max(0, i - 1), min(len(src.sentences), i + 2))
    return not any(t.stem in rest for j in near for t in src.sent_tokens[j])


def _alike(a: str, b: str) -> bool:
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a == b or k >= 4 and k >= min(len(a), len(b)) - 4


def _lower(run: list[Token]) -> list[str]:
    return [t.lower for t in run]


def _modifier(src: SourceIndex, run: list[Token]) -> bool:
    """A lone capitalised word before a lower-case noun describes ("the Togo international"), or ends
    in a demonym ending: it is not a name a claim could have swapped."""
    if len(run) > 1:
        return False
    t = run[0]
    nxt = src.text[t.end : t.end + 20].split()
    return t.lower.endswith(("ese", "ish", "ian", "ans")) or bool(nxt) and nxt[0][:1].islower()


def _occurrences(src: SourceIndex, words: list[str]) -> list[int]:
    out = []
    for p in src.lower_positions.get(words[0], ()):
        if p + len(words) <= len(src.words) and all(src.words[p + i].lower == w for i, w in enumerate(words)):
            out.append(p)
    return out


def _cap(src: SourceIndex, p: int, starts: set[int]) -> bool:
    t = src.words[p]
    return t.text[:1].isupper() and t.start not in starts and is_content(t)


def _run_after(src: SourceIndex, p: int, starts: set[int]) -> list[Token]:
    run: list[Token] = []
    while p < len(src.words) and _cap(src, p, starts) and len(run) < 5:
        if run and _parted(src, p - 1, p):
            break
        run.append(src.words[p])
        p += 1
    return run


def _run_before(src: SourceIndex, p: int, starts: set[int]) -> list[Token]:
    run: list[Token] = []
    while p >= 0 and _cap(src, p, starts) and len(run) < 5:
        if run and _parted(src, p, p + 1):
            break  # "Hanne Voss's Winter Orchard; Oyelaran won": two names, not one
        run.insert(0, src.words[p])
        p -= 1
    # A name may open the sentence ("Lady Gaga is leading"), though a lone capitalised opener is no name.
    if len(run) == 1 and p >= 0 and src.words[p].start in starts and _cap(src, p, set()):
        run.insert(0, src.words[p])
    return run


_AT = frozenset({"in", "at"})
TOLD_MORE = 2  # more of the claim's other words (than twice as many) a sentence naming the name must hold


def _after_at(src: SourceIndex, run: list[Token]) -> bool:
    p = src.lower_positions.get(run[0].lower, ())
    return any(q > 0 and src.words[q].start == run[0].start and src.words[q - 1].lower in _AT for q in p)


def _told_with_name(src: SourceIndex, core: list[str], rest: set[str], i: int) -> bool:
    """Does a sentence naming the claim's name hold TOLD_MORE more than twice as many of the claim's other
    content words as sentence ``i``, where the copied context names someone else?"""
    named = {j for w in core for j in src.stem_sents.get(stem(w.removesuffix("'s")), ())}

    def held(j: int) -> int:
        return len(rest & {t.stem for t in src.sent_tokens[j]})

    return any(held(j) >= 2 * held(i) + TOLD_MORE for j in named)


def _parted(src: SourceIndex, a: int, b: int) -> bool:
    """Is there punctuation between source words ``a`` and ``b``?"""
    return bool(src.text[src.words[a].end : src.words[b].start].strip())


_SLOT_WORDS = frozenset({"the", "a", "an", "of", "in", "at", "to", "for", "by", "with", "from", "on", "as"})
_ARTICLES = frozenset({"the", "a", "an"})


def slot_filler(
    src: SourceIndex, claim: str, toks: list[Token], start: int, end: int, core: list[str], starts: set[int]
) -> str | None:
    """The source name standing where the claim puts this one, next to the same word: "semi-finals were
    at Steven Gerrard" where the source has "semi-finals at Wembley". The claim's neighbouring content
    word (past prepositions) is looked up by stem; the source must fill that slot with another name,
    with the same preposition, in a passage telling more of the claim, and never with this name."""
    rest = {t.stem for t in toks[:start] + toks[end:] if is_content(t)}
    found: list[str] = []
    for side in ("left", "right"):
        step = -1 if side == "left" else 1
        k = start - 1 if side == "left" else end
        preps: list[str] = []
        while 0 <= k < len(toks) and toks[k].lower in _SLOT_WORDS and len(preps) < 2:
            preps.append(toks[k].lower)
            k += step
        if not 0 <= k < len(toks) or not is_content(toks[k]) or not toks[k].text.islower():
            continue
        gap = claim[min(toks[k].end, toks[start].end) : max(toks[k].start, toks[start].start)]
        if any(c in gap for c in ",;:()\""):
            continue
        anchor = toks[k]
        want = sorted(w for w in preps if w not in _ARTICLES)
        sents = sorted(src.stem_sents.get(anchor.stem, ()))
        if any(_same_name_in(core, [t.lower for t in src.sent_tokens[i]]) for i in sents):
            continue  # the source puts the name beside this word somewhere: it may fill the slot
        for i in sents:
            sent = src.sent_tokens[i]
            if len((rest - {anchor.stem}) & {t.stem for t in sent}) < 2:
                continue
            for p, t in enumerate(sent):
                if t.stem != anchor.stem:
                    continue
                # Walk from the anchor towards where the name should stand.
                q = p + 1 if side == "left" else p - 1
                got: list[str] = []
                while 0 <= q < len(sent) and sent[q].lower in _SLOT_WORDS and len(got) < 2:
                    got.append(sent[q].lower)
                    q += 1 if side == "left" else -1
                if "by" in got and "by" not in preps:
                    continue  # "X, led by Y" told as "Y, who leads X": the passive's agent, not the slot
                if sorted(w for w in got if w not in _ARTICLES) != want or not 0 <= q < len(sent):
                    continue
                run = _slot_run(sent, q, 1 if side == "left" else -1, starts)
                if run and side == "left" and _modifier(src, run):
                    continue  # "the 31-year-old Togo striker": a describing word, not a name in the slot
                named = run and (_same_name(core, _lower(run)) or _one_person(src, core, _lower(run)))
                if run and not named and not any(t.lower in claim.lower() for t in run):
                    found.append(" ".join(t.text for t in run))
    return found[0] if found else None


def _same_name_in(core: list[str], words: list[str]) -> bool:
    """Does the phrase ``core`` name the same thing as some stretch of ``words``?"""
    return any(_same_name(core, words[i : i + len(core)]) for i in range(len(words)))


def _slot_run(sent: list[Token], q: int, step: int, starts: set[int]) -> list[Token]:
    """The capitalised run from ``q`` walking by ``step`` (not opening a sentence when walking on)."""
    run: list[Token] = []
    while 0 <= q < len(sent) and sent[q].text[:1].isupper() and is_content(sent[q]) and len(run) < 5:
        if sent[q].start in starts and not run and step > 0:
            break
        if run and (sent[q].start - run[-1].end if step > 0 else run[-1].start - sent[q].end) != 1:
            break  # "Glass Hours; Reyes": punctuation parts two names
        run.append(sent[q])
        q += step
    return run if step > 0 else run[::-1]
