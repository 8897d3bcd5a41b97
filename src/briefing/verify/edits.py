"""When a claim copies a source sentence, what it changed is exactly what it adds.

Extractive and lightly edited summaries copy most of a sentence; a name, negation or modal that differs
inside an otherwise copied stretch is then a substitution, not a paraphrase. Claims that copy little are
left to the other checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from briefing.verify.names import CALENDAR, PERIOD, TITLES, aliased, positions
from briefing.verify.source import SourceIndex, alias_stems, common_word, stands_for_lead
from briefing.verify.text import FAIL_FORMS, NEGATIONS, Token, is_content, not_negating

NEAR_COPY = 0.75
"""Share of the claim's words copied, in order, from one or two adjacent source sentences."""


@dataclass(frozen=True)
class Edits:
    copy_ratio: float  # share of claim words copied in order from the best window
    window: tuple[int, int]  # source sentence indices [first, last] of that window
    changed: list[list[Token]]  # claim word runs inserted or substituted relative to the window
    replaced: list[tuple[list[Token], list[Token]]]  # (window run, claim run) substitutions


def find_edits(src: SourceIndex, toks: list[Token], candidates: list[int]) -> Edits | None:
    """Compare the claim with each candidate sentence (and it joined with the next one)."""
    if not toks or not candidates:
        return None
    claim = [t.lower for t in toks]
    best: tuple[float, int, int, list[tuple[str, int, int, int, int]]] | None = None
    for i in dict.fromkeys(candidates):
        for lo, hi in ((i, i), (i - 1, i), (i, i + 1)):
            if lo < 0 or hi >= len(src.sentences):
                continue
            window = [t.lower for j in range(lo, hi + 1) for t in src.sent_tokens[j]]
            sm = SequenceMatcher(None, window, claim, autojunk=False)
            matched = sum(b.size for b in sm.get_matching_blocks())
            ratio = matched / len(claim)
            if best is None or ratio > best[0] + 1e-9:
                best = (ratio, lo, hi, [(op, a1, a2, b1, b2) for op, a1, a2, b1, b2 in sm.get_opcodes()])
    if best is None:
        return None
    ratio, lo, hi, ops = best
    copied = [t for j in range(lo, hi + 1) for t in src.sent_tokens[j]]
    changed = [toks[b1:b2] for op, _a1, _a2, b1, b2 in ops if op in ("replace", "insert")]
    replaced = [(copied[a1:a2], toks[b1:b2]) for op, a1, a2, b1, b2 in ops if op == "replace"]
    return Edits(ratio, (lo, hi), changed, replaced)


def edit_issues(
    src: SourceIndex, edits: Edits, claim_tokens: list[Token], speakers: frozenset[str] = frozenset()
) -> list[str]:
    """Issues for names, negations and modals that a near-copy changed or added. Words moved within the
    copied sentences are not changes; a negation is added when the claim has more than those sentences.
    ``speakers``: surnames the source puts beside the quotes the claim gives them (never a swap)."""
    if edits.copy_ratio < NEAR_COPY:
        return []
    lo, hi = edits.window
    window = [t for i in range(lo, hi + 1) for t in src.sent_tokens[i]]
    near = {t.stem for t in window}
    # "had decided against it" tells a rejection without a negation word.
    told = _count(window, NEGATIONS) + _refusals(window)
    if not any(t.lower == "yet" for t in claim_tokens):  # "has yet to decide" told as "has not decided"
        told += sum(t.lower == "yet" and n.lower == "to" for t, n in zip(window, window[1:], strict=False))
    if any(t.lower == "without" for t in claim_tokens):
        told += _count(window, _PRIVATIVES)
    # "The first attempt failed when ...": an outcome the claim states, no negation of a copied verb ("failed
    # to launch"); the source's own outcome ("the amendment failed") may still be told as "was rejected".
    outcomes = sum(
        t.lower in FAIL_FORMS and (k + 1 == len(claim_tokens) or claim_tokens[k + 1].lower != "to")
        for k, t in enumerate(claim_tokens)
    )
    extra_negations = _count(claim_tokens, NEGATIONS) - outcomes > told
    issues: list[str] = []
    # Hedging or future added to a plain statement ("built" copied as "could build"). The reverse is
    # common in faithful summaries ("said it would" -> "will"), so it is not flagged.
    # A run told by another source sentence ("... will travel to Ireland") joins two facts: no change.
    changed = [run for run in edits.changed if not _told_elsewhere(src, run, (lo, hi))]
    # "could not promise" for "can't promise": the past of the source's own modal.
    more_modals = _count(claim_tokens, _MODALS) > _count(window, _MODALS | _PRESENT_MODALS)
    if more_modals and any(_count(run, _MODALS) for run in changed):
        inserted = {t.start for run in changed for t in run if t.lower in _MODALS}
        at = next(k for k, t in enumerate(claim_tokens) if t.start in inserted)
        added = claim_tokens[at].text
        obliged = added.lower() == "must" and _obliged(window)
        # "yet to decide whether an inquiry will be launched": a modal in an open question asserts nothing.
        # So does one that only says what is left open: "would not say whether he would stay".
        asked = any(t.lower in ("whether", "if") for t in claim_tokens[max(0, at - 5) : at + 5])
        # "will probably vote" for "is expected to vote": the claim keeps the source's hedge.
        hedged = at + 1 < len(claim_tokens) and claim_tokens[at + 1].lower in _HEDGES and any(
            t.lower in _HEDGES | {"expected", "expects"} for t in window
        )
        if not (added.lower() in _FUTURE and (_intends(window) or hedged) or obliged or asked):
            issues.append(f"modality '{added}' added to the source sentence")
    hyphened = {part for t in window if "-" in t.lower for part in t.lower.split("-")}  # "Lumo-Kit"
    # What each substituted run stands in for: "the company" told as "Veridian" names the company.
    stands_for = {new[0].start: old for old, new in edits.replaced if new}
    for run in changed:
        if extra_negations and any(t.lower in NEGATIONS for t in run):
            issues.append(f"negation '{' '.join(t.text for t in run)}' added to the source sentence")
            continue
        new = [t for t in run if t.stem not in near and not any(_variant(t.lower, w.lower) for w in window)]
        new = [t for t in new if t.lower not in hyphened]
        if _names_a_description(src, stands_for.get(run[0].start, []), new):
            continue
        if any(stands_for_lead(src, i, {t.lower for t in new}) for i in range(lo, hi + 1)):
            continue
        if _written_out(src, claim_tokens, new, window, stands_for.get(run[0].start, [])):
            continue
        if _alias_for(src, stands_for.get(run[0].start, []), new):
            continue
        was = " ".join(t.text for t in stands_for.get(run[0].start, []))
        if was and aliased(" ".join(t.lower for t in new), was):
            continue  # "told MPs" for "told the Commons"
        if run[0].start not in stands_for and _setting(src, run):
            continue
        new = [t for t in new if t.lower not in TITLES]  # "CEO" for "Chief Executive": roles are kinds.py's
        if _referent(src, stands_for.get(run[0].start, []), new, lo):
            continue  # "disputed Feeney's claim" for "disputed that": the claim the sentence before tells
        if any(t.start > 0 and _capitalised(t) and not common_word(src, t.lower) for t in new):
            issues.append(f"name '{' '.join(t.text for t in new)}' differs from the source sentence")
    # A name put in the place of another name, even one the sentence mentions elsewhere. A dateline
    # ("HARBORVIEW, Calif. (Wire) —") says where the story was filed: none of its words is a name swapped.
    starts = {s for s, _e in src.sentences}
    datelines = [(s, e) for (s, _end), e in zip(src.sentences, src.dateline_ends, strict=True) if e > s]
    for old, new in edits.replaced:
        old_names = [
            t for t in old
            if _capitalised(t) and t.start not in starts and not any(a <= t.start < b for a, b in datelines)
        ]
        # "Monday's closing price" for "Halloway's closing price on Monday": a day is no name swapped in.
        new_names = [t for t in new if _capitalised(t) and t.lower.removesuffix("'s") not in CALENDAR]
        short = len(old) <= MAX_SWAP and len(new) <= MAX_SWAP
        # "Ex-England captain" for "Former England captain": the prefix is the source's "former".
        newest = new_names[-1].lower.removeprefix("ex-") if new_names else ""
        swapped = old_names and new_names and not _variant(old_names[-1].lower, newest)
        swapped = swapped and "-".join(t.lower for t in new_names) not in {t.lower for t in old}
        lead = any(stands_for_lead(src, i, {t.lower for t in new_names}) for i in range(lo, hi + 1))
        # "Graham Tolley disguised" for "Prosecutor Imogen Fairley said Tolley disguised".
        written = old[-1].text[:1].islower() and _written_out(src, claim_tokens, new_names, window, old)
        spoke = new_names[-1].lower.removesuffix("'s") in speakers if new_names else False
        # "DS" for "Detective Sergeant": the claim abbreviates the source's title.
        initials = "".join(t.lower[0] for t in old if t.text[:1].isupper())
        rest_told = all(t.stem in near for t in new_names if t.lower != initials)
        abbreviated = any(t.lower == initials for t in new_names) and len(initials) >= 2 and rest_told
        unseen = [t for t in new_names if t.stem not in near]
        titled = bool(unseen) and all(t.lower in TITLES for t in unseen)  # "CEO" for "Chief Executive"
        same_body = aliased(" ".join(t.lower for t in new_names), " ".join(t.text for t in old))
        # "The KAF's contribution" for "The Kingdom Arts Fund (KAF) contributed": the bracketed short form.
        bracketed = any(n.lower.removesuffix("'s") == t.lower for n in new_names for t in old)
        excused = lead or written or spoke or abbreviated or titled or same_body or bracketed
        if short and swapped and not excused and not _same_person(src, old_names[-1], new_names[-1]):
            text, was = " ".join(t.text for t in new), " ".join(t.text for t in old)
            if not any(text in issue for issue in issues):
                issues.append(f"name '{text}' replaces '{was}' in the source sentence")
    return issues


_POINTING = frozenset({"that", "this", "it", "he", "she", "they", "him", "her", "them", "those", "these"})


def _referent(src: SourceIndex, old: list[Token], new: list[Token], lo: int) -> bool:
    """The substituted run was a pronoun or "that", and every new name is in the two sentences before."""
    names = [t.lower.removesuffix("'s") for t in new if _capitalised(t)]
    if not old or any(t.lower not in _POINTING for t in old) or not names:
        return False
    before = {t.lower.removesuffix("'s") for i in range(max(0, lo - 2), lo) for t in src.sent_tokens[i]}
    return all(w in before for w in names)


def _setting(src: SourceIndex, run: list[Token]) -> bool:
    """"(balloted) at Kelby General Hospital" added to a copied sentence: where the whole story happens,
    a place the source names as written and most often."""
    names = [t for t in run[1:] if _capitalised(t)]
    if run[0].lower not in ("at", "in") or not names or len(names) != len(run) - 1:
        return False
    return " ".join(t.text for t in names) in src.text and any(t.lower in src.salient for t in names)


MAX_SWAP = 5  # words on either side of a substitution for it to be a name swap, not a rewrite


def _names_a_description(src: SourceIndex, old: list[Token], new: list[Token]) -> bool:
    """"The company" (or "the union", "it") written as the name the article gives it, or that name put
    before it ("the Kessock Rovers club"): the substituted run (if any) held no name, and the name is one
    the article is about (among its most-mentioned)."""
    starts = {s for s, _e in src.sentences}
    if any(t.text[:1].isupper() for t in old if t.start not in starts):  # "Mr", "the BBC"
        return False
    names = [t for t in new if _capitalised(t)]
    return bool(names) and names[-1].lower.removesuffix("'s") in src.salient


def _alias_for(src: SourceIndex, old: list[Token], new: list[Token]) -> bool:
    """"The CBF now expects" for "the bank now expects": the claim puts a name the source defines ("Central
    Bank of Ferrowland (CBF)") for its head noun, or its acronym for its full name."""
    names = [t.lower for t in new if t.text[:1].isupper()]
    return bool(names) and bool(alias_stems(src, names) & {t.stem for t in old})


def _written_out(
    src: SourceIndex, toks: list[Token], new: list[Token], window: list[Token], old: list[Token]
) -> bool:
    """"Chief executive Sofia Lindqvist" for the sentence's "chief executive Ms Lindqvist", or "the
    Transit Workers Union says" for "the union says": the claim writes out in full a name the source
    has verbatim, whose last word the sentence uses, or whose words include all of the description it
    stands for."""
    names = [t for t in new if t.text[:1].isupper()]
    titles = ("mr", "mrs", "ms", "dr", "miss")
    if not names or len(old) <= 2 and any(t.text[:1].isupper() and t.lower not in titles for t in old):
        return False  # "Nicholas" for the sentence's "Elaine": another of the family
    k = next(i for i, t in enumerate(toks) if t.start == names[0].start)
    lo = hi = k
    while lo > 0 and toks[lo - 1].text[:1].isupper() and toks[lo - 1].start > 0:
        lo -= 1
    while hi + 1 < len(toks) and toks[hi + 1].text[:1].isupper():
        hi += 1
    full = [t.lower for t in toks[lo : hi + 1] if t.lower not in titles]
    opening = [toks[0].lower, *full]  # "Orrin Labs has never disclosed": the claim opens with the name
    if lo == 1 and toks[0].text[:1].isupper() and is_content(toks[0]) and positions(src, opening):
        full = opening
    if len(full) < 2 or not positions(src, full):
        return False
    in_window = {t.lower for t in window}
    described = {t.lower for t in old if is_content(t)}
    # The sentence may use the last word of a person's name or the first of a company's ("Orrin").
    return full[-1] in in_window or full[0] in in_window or bool(described) and described <= set(full)


def _same_person(src: SourceIndex, old: Token, new: Token) -> bool:
    """'Villota' for 'Maria': the source writes them together somewhere ("Maria de Villota")."""
    for p in src.lower_positions.get(old.lower, ()):
        if any(w.lower == new.lower for w in src.words[max(0, p - 3) : p + 4]):
            return True
    return False


def _told_elsewhere(src: SourceIndex, run: list[Token], window: tuple[int, int]) -> bool:
    """Do a run's words (two or more, with a lower-case content word: a clause, not a lone name) all
    stand in one source sentence outside the copied window?"""
    if len(run) < 2 or not any(is_content(t) and t.text.islower() for t in run):
        return False
    sets = [src.stem_sents.get(t.stem, set()) for t in run if t.lower not in _JOINING]
    shared = set.intersection(*sets) if sets else set()
    return any(not window[0] <= i <= window[1] for i in shared)


_JOINING = frozenset({"and", "but", "or", "to", "the", "a", "an", ","})


def _capitalised(t: Token) -> bool:
    """A capitalised content word; at the very start of a text only if it is not a common opener."""
    opener = t.start == 0 and t.lower in _OPENERS
    return t.text[:1].isupper() and is_content(t) and not opener and not PERIOD.fullmatch(t.text)


_OPENERS = frozenset({"many", "some", "most", "several", "last", "next", "this", "that", "these", "those"})


def _variant(a: str, b: str) -> bool:
    """'British'/'Britons', 'Scottish'/'Scotland': one word written two ways shares a long prefix."""
    a, b = a.removesuffix("'s"), b.removesuffix("'s")
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k >= 4 and k >= min(len(a), len(b)) - 3


_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "must", "plans", "planned"})
_PRESENT_MODALS = frozenset({"can", "ca"})


_FUTURE = frozenset({"will", "shall"})
_HEDGES = frozenset({"probably", "likely"})
_INTENT_TEXT = "preparing prepares prepared set due going planning intends poised"
_INTENT = frozenset(_INTENT_TEXT.split())


def _intends(window: list[Token]) -> bool:
    """"is preparing to reopen" (or "set to", "due to") is told as "will reopen": a plan, not a hedge."""
    return any(t.lower in _INTENT and k + 1 < len(window) and window[k + 1].lower == "to"
               for k, t in enumerate(window))


_OBLIGED = frozenset({"ordered", "required", "obliged", "forced", "compelled"})


def _obliged(window: list[Token]) -> bool:
    """"was ordered to pay" (or "required to", "has to") is told as "must pay"."""
    words = [t.lower for t in window]
    pairs = zip(words, words[1:], strict=False)
    if any(w in {"has", "have", "had"} and nxt == "to" for w, nxt in pairs):
        return True
    # "ordered WDS to pay": the one obliged may come between.
    return any(w in _OBLIGED and "to" in words[k + 1 : k + 5] for k, w in enumerate(words))


_REFUSALS = frozenset({"declined", "declines", "decline", "scrapped", "abandoned", "shelved"})
_PRIVATIVES = frozenset({"lost", "lose", "loses", "losing", "lacked", "lacking", "lacks"})
"""Verbs the claim's "without" may tell: "lost power" is "left without power"."""
_DECIDED = frozenset({"decided", "decide", "decides", "voted", "vote", "votes"})


def _refusals(toks: list[Token]) -> int:
    """Refusals told without a negation word: "declined", "decided against", "voted against"."""
    before = ["", *(t.lower for t in toks)]
    pairs = zip(before, toks, strict=False)
    return sum(t.lower in _REFUSALS or t.lower == "against" and b in _DECIDED for b, t in pairs)


def _count(toks: list[Token], words: frozenset[str]) -> int:
    # "neither X nor Y" is one negation, as the source's "not either" is.
    neither = next((k for k, t in enumerate(toks) if t.lower == "neither"), len(toks))
    paired = {k for k, t in enumerate(toks) if t.lower == "nor" and k > neither}
    return sum(t.lower in words and not not_negating(toks, k) and k not in paired for k, t in enumerate(toks))
