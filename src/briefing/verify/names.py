"""Names (people, organisations, places) in a claim must be names in the source.

Names are found by capitalisation: runs of capitalised words, joined by "of"/"the"/"&"/"de". A name
matches the source verbatim, or as an alias the source supports: a surname after a title ("Ms Phillips"
for "Jess Phillips"), an acronym of a capitalised run ("CAC"), or the run spelled out for an acronym.
Titles and roles must agree too: "former" in the claim needs "former" (or "ex-") near the name in source.

A name the source has must also stand where the source puts it (the commonest error in generated text
is a real name from elsewhere in the story): not swapped into a copied phrase or beside a word the
source gives another name (``swaps``), not of the wrong kind ("at Steven Gerrard": ``kinds``), not
given the "of Y" of another name, and not away from the claim's words right beside it. Scene-setting
places and indefinite descriptions ("in the Amazon", "an Aston Martin") are exempt from placing. (A
check that the name stands in the passage telling the rest of the claim was removed: it dropped correct
bullets that join facts from two passages, 2 in 10 on our held-out claims, for 3 of 138 writer catches.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from briefing.numbers import MONTHS
from briefing.verify.kinds import kind_issue
from briefing.verify.placement import pronoun_chain
from briefing.verify.roles import FORMS_OF_ADDRESS, PERSON_TITLES
from briefing.verify.source import JOINERS, SourceIndex, alias_stems, common_word
from briefing.verify.speakers import interview_answers, tells_what_they_said
from briefing.verify.swaps import slot_filler, swapped_name
from briefing.verify.text import STOPWORDS, Token, is_content, lemma, stem

_TITLES_TEXT = """
    mr mrs ms miss dr prof sir dame lord lady president prime minister chancellor secretary senator sen
    rep gov governor judge justice king queen prince princess pope rev saint st general gen colonel col
    captain capt sgt sergeant officer chief inspector detective coach manager boss chairman ceo cfo coo
    cto ds di dc dci pc supt insp det lt cllr councillor commander cmdr constable superintendent
    former ex late acting fc afc inc ltd plc co corp llc ii iii iv jr sr"""
TITLES = frozenset(_TITLES_TEXT.split())
"""Titles, roles and company suffixes: kept in a name's text, ignored when matching it."""
_ALIASES = (
    # England, Scotland and Wales each stand for Britain in loose copy, but never for one another.
    frozenset({"uk", "u.k", "britain", "british", "briton", "england", "english"}),
    frozenset({"uk", "u.k", "britain", "british", "briton", "scotland", "scottish"}),
    frozenset({"uk", "u.k", "britain", "british", "briton", "wales", "welsh"}),
    frozenset({"us", "u.s", "usa", "america", "american", "americans", "united states"}),
    frozenset({"isis", "isil", "islamic state", "is", "daesh"}),
    frozenset({"eu", "european union", "brussels", "europe", "european"}),
    frozenset({"un", "u.n", "united nations"}),
    frozenset({"mps", "commons", "house of commons", "parliament", "westminster"}),
)
"""Names that stand for each other in news prose and share no letters a rule could find."""
def aliased(a: str, b: str) -> bool:
    """"told MPs" for "told the Commons": two names of one body; "the Fed" for "the Federal Reserve" (a
    short form that opens the full name's first word)."""
    b = b.lower().removeprefix("the ")
    short = a.lower().removeprefix("the ")
    if " " not in short and len(short) >= 3 and " " in b and b.split()[0].startswith(short):
        return True
    return any(a in g and b in g for g in _ALIASES)


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
CALENDAR = _DAYS | frozenset(MONTHS)
"""Days and months, with the months' short forms ("Sept"): never names."""
_NOT_NAMES_TEXT = """
    i a an the this that these those it its he she they we you his her their our my your but and or so
    if when while after before as at in on for with by from to of not no yes however meanwhile also then
    there here what who why how where which celsius fahrenheit"""
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split()) | CALENDAR


@dataclass(frozen=True)
class Name:
    """A capitalised run in a claim: its text, offsets and lower-cased words."""

    text: str
    start: int
    end: int
    words: tuple[str, ...]  # lower-cased, titles kept


def find_names(text: str, toks: list[Token]) -> list[Name]:
    """Capitalised runs within a clause (no punctuation between words). A run that opens the sentence
    drops a leading common word ("The", "But"); a lone opening word is a name only if it is an acronym."""
    names: list[Name] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _cap(t):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if _cap(toks[j]) and _adjacent(text, toks[j - 1], toks[j]):
                j += 1
            elif (
                toks[j].lower in JOINERS
                and j + 1 < len(toks)
                and _cap(toks[j + 1])
                and _adjacent(text, toks[j - 1], toks[j])
            ):
                j += 2
            else:
                break
        run = toks[i:j]
        if i == 0 and len(run) == 1 and not run[0].text.isupper():
            # A lone capitalised opening word ("Despite", "Critics") is usually just capitalised.
            i = j
            continue
        # Drop a sentence-opening common word ("The", "But") from the run.
        # Mid-sentence, a capitalised modal or verb opens a name ("the Will Bolsover").
        opening = i == 0 or bool(re.search(r"[.!?:;\"“‘(]\s*$", text[: run[0].start]))
        while run and (
            run[0].lower.removesuffix("'s") in _NOT_NAMES or opening and run[0].lower in STOPWORDS - TITLES
        ):
            if run[0].lower.removesuffix("'s") in CALENDAR and len(run) > 1 and i > 0:
                break  # "the Sunday Telegraph" is named by its day; only an opening "Sunday" is dropped
            run = run[1:]
        while run and run[-1].lower in JOINERS:
            run = run[:-1]
        if run and not (len(run) == 1 and run[0].lower in TITLES):
            names.append(
                Name(" ".join(t.text for t in run), run[0].start, run[-1].end, tuple(t.lower for t in run))
            )
        i = j
    return names


_OPENERS = frozenset({"however", "when", "and", "but", "meanwhile", "although", "while", "on", "the"})


def _of_swap(src: SourceIndex, name: Name) -> str | None:
    """"Lady Gaga of Psychology" where the source has "Department of Psychology": both halves are in
    the source, the whole is not, and the source gives the second half to another name."""
    if "of" not in name.words or _phrase_in(src, [w for w in name.words if w not in TITLES]):
        return None
    k = name.words.index("of")
    head = [w for w in name.words[:k] if w not in TITLES]
    tail = [w for w in name.words[k + 1 :] if w != "the"]
    if not head or not tail or not _phrase_in(src, head) or not _phrase_in(src, tail):
        return None
    for p in positions(src, tail):
        q = p - 1 - (src.words[p - 1].lower == "the")
        if q < 1 or src.words[q].lower != "of" or not src.words[q - 1].text[:1].isupper():
            continue
        run = q - 1
        while run > 0 and (w := src.words[run - 1]).text[:1].isupper() and w.lower not in _NOT_NAMES:
            run -= 1
        other = src.text[src.words[run].start : src.words[p + len(tail) - 1].end]
        if not {part for w in src.words[run:q] for part in w.lower.split("-")} & set(head):
            return other  # "Google-esque HQ of Australia" is still Google's
    # "The Duchess of Prince Charles" where the source has only "Duchess of Cornwall".
    for p in positions(src, head):
        q = p + len(head)
        q += q < len(src.words) and src.words[q].lower == "of"
        if q == p + len(head) or q >= len(src.words) or not src.words[q].text[:1].isupper():
            continue
        end = q + 1
        while end < len(src.words) and end - q < 5 and src.words[end].text[:1].isupper() and (
            not src.text[src.words[end - 1].end : src.words[end].start].strip()
        ):
            end += 1
        if not {w.lower.removesuffix("'s") for w in src.words[q:end]} & {w.removesuffix("'s") for w in tail}:
            return src.text[src.words[p].start : src.words[end - 1].end]
    return None


def _stray_opener(claim: str, toks: list[Token], idx: list[int]) -> str | None:
    """A capitalised sentence opener inside a sentence, right before a name ("..., When Mr Reckless
    made"): the name was pasted with the start of another sentence, so it stands in someone's place."""
    if not idx or idx[0] == 0:
        return None
    before = toks[idx[0] - 1]
    if before.lower not in _OPENERS or not before.text[:1].isupper():
        return None
    head = claim[: before.start].rstrip()
    # "the The Times", "other The Davis Cup": an article after a determiner; elsewhere "The" may open a
    # title ("told The Times").
    if before.lower == "the":
        return before.text if idx[0] > 1 and toks[idx[0] - 2].lower in _DETERMINERS else None
    return before.text if head and head[-1] not in ".!?:;\"“‘'(" else None


_DETERMINERS = frozenset(
    {"the", "a", "an", "other", "this", "that", "their", "his", "her", "its", "our", "your", "only", "first"}
)


def _cap(t: Token) -> bool:
    # "Twenty-eight-year-old" is capitalised but is a number phrase, not a name; nor is a period ("Q3").
    return t.text[0].isupper() and "-year" not in t.lower and not PERIOD.fullmatch(t.text)


PERIOD = re.compile(r"[QH][1-4]|FY\d{2,4}|(?:RM|Rs|R)\d[\d.,]*")
"""Not names: periods ("Q3", "FY24") and sums in ringgit, rupees or rand ("RM2", "R4.5")."""


def _adjacent(text: str, a: Token, b: Token) -> bool:
    # "Independent Pilots' Association": a plural possessive stays inside the name.
    gap = text[a.end : b.start].strip()
    return not gap or gap in ("'", "’") and a.lower.endswith("s")


def check_names(
    src: SourceIndex, claim: str, names: list[Name], claim_tokens: list[Token], speakers: frozenset[str]
) -> list[str]:
    """Issues for names the source never mentions (under any alias it supports), and for names the
    source has only far from where it says what the rest of the claim says, or from the claim's words
    right around the name. ``speakers``: surnames the source puts beside the quotes the claim gives them
    (such a name is placed)."""
    issues: list[str] = []
    if _title_case(claim_tokens):
        names = [part for name in names for part in _uncommon_runs(src, name, claim_tokens)]
    spans = [(n.start, n.end) for n in names]
    starts = {s for s, _e in src.sentences}
    for name in names:
        idx = [k for k, t in enumerate(claim_tokens) if name.start <= t.start < name.end]
        core = [w for w in name.words if w not in TITLES and w not in JOINERS]
        if not name_in_source(src, name):
            issues.append(f"name '{name.text}' not in source")
        elif other := _of_swap(src, name):
            issues.append(f"name '{name.text}' is not where the source puts it: the source says '{other}'")
        elif opener := _stray_opener(claim, claim_tokens, idx):
            issues.append(f"name '{opener} {name.text}' is cut from another sentence ('{opener}' opens one)")
        elif (
            idx
            and core
            and (other := swapped_name(src, claim, claim_tokens, idx[0], idx[-1] + 1, core, starts))
            and not aliased(" ".join(core), other)
        ):
            issues.append(f"name '{name.text}' where the source says '{other}'")
        elif (
            idx
            and core
            and (other := slot_filler(src, claim, claim_tokens, idx[0], idx[-1] + 1, core, starts))
            and not aliased(" ".join(core), other)
        ):
            issues.append(f"name '{name.text}' is not where the source puts it: the source says '{other}'")
        elif (at := [k for k in idx if claim_tokens[k].lower in core]) and (
            kind := kind_issue(src, claim, claim_tokens, at[0], at[-1] + 1, core)
        ):
            issues.append(kind)
        elif (
            _verbatim(src, name)
            and not speakers & set(name.words)
            and not tells_what_they_said(src, {stem(w) for w in core}, claim, claim_tokens, name.end)
            and not _indefinite(claim_tokens, idx, claim)
            and not _scene(claim, claim_tokens, idx)
            and not _in_list(claim, name, names)
            and not _affiliation(src, claim, name, names)
            and _out_of_context(src, name, claim_tokens, spans, claim)
        ):
            issues.append(f"name '{name.text}' is not where the source says this")
        else:
            issues += _role_issues(src, name, claim_tokens) + _chief_title_issues(src, name)
    # A day or month pasted with another sentence's opener ("with deputy On Tuesday for") is no name.
    for k, t in enumerate(claim_tokens):
        opener = _stray_opener(claim, claim_tokens, [k]) if t.lower in CALENDAR else None
        if opener and t.text[:1].isupper():
            issues.append(f"'{opener} {t.text}' is cut from another sentence ('{opener}' opens one)")
    return issues


TITLE_CASE = 0.6  # share of a claim's longer words capitalised for it to be a Title Case headline


def _title_case(toks: list[Token]) -> bool:
    """"Transport Secretary Abandons Rural Bus Grant": capitals mark every word, not names."""
    longer = [t for t in toks if len(t.text) >= 4 and t.text[:1].isalpha()]
    return len(longer) >= 3 and sum(t.text[:1].isupper() for t in longer) >= TITLE_CASE * len(longer)


def _uncommon_runs(src: SourceIndex, name: Name, toks: list[Token]) -> list[Name]:
    """A Title Case run split at its common words ("Abandons", "Launches": ``common_word``)."""
    runs: list[list[Token]] = [[]]
    for t in (t for t in toks if name.start <= t.start < name.end):
        if common_word(src, t.lower) and not (t.lower in JOINERS and runs[-1]):
            runs.append([])
        else:
            runs[-1].append(t)
    parts = []
    for run in runs:
        while run and run[-1].lower in JOINERS:
            run.pop()
        if run:
            words = tuple(x.lower for x in run)
            parts.append(Name(" ".join(x.text for x in run), run[0].start, run[-1].end, words))
    return parts


def _scene(claim: str, toks: list[Token], idx: list[int]) -> bool:
    """"living in the Amazon", "in rural Scott, Indiana": a place the claim sets its fact in, which the
    source may name in another passage than the one telling the fact."""
    if not idx or idx[0] < 2 or not any(t.lower in _SCENE for t in toks[idx[0] - 2 : idx[0]]):
        return False
    state = re.match(r",\s*[A-Z][a-z]+\s*,", claim[toks[idx[-1]].end :])  # "Scott, Indiana,"
    return toks[idx[0] - 1].lower == "the" or state is not None


_SCENE = frozenset({"in", "at", "across", "near"})


def _indefinite(toks: list[Token], idx: list[int], claim: str = "") -> bool:
    """"an Aston Martin DB9", "a Chinese woman": a kind of thing, which need not be where the source says
    the rest; so is a name set beside one ("a drunk driver, Donna Hackett,"), told of in its own place."""
    if not idx or idx[0] == 0:
        return False
    if toks[idx[0] - 1].lower in ("a", "an"):
        return True
    before = toks[max(0, idx[0] - 4) : idx[0]]
    enclosed = claim[toks[idx[0] - 1].end : toks[idx[0]].start].strip() == "," and (
        claim[toks[idx[-1]].end :].lstrip().startswith(",")
    )
    return enclosed and any(t.lower in ("a", "an") for t in before)


_FORMER = frozenset(
    {"former", "formerly", "ex", "then", "previous", "retired", "retiring", "outgoing", "erstwhile"}
)
_CURRENT = frozenset({"current", "currently", "serving", "sitting", "incumbent", "still"})
"""Words by which a claim says someone holds a role now: against a source's "former", a promotion back."""
_HONORIFICS = FORMS_OF_ADDRESS | {"dr", "prof", "rev"}
"""Titles of address, not roles: nobody is a former Dr ("her former doctoral student, Dr Rhys Pen")."""


_LONG_ROLES = tuple(sorted(r for r in PERSON_TITLES if len(r) >= 5))


_CHIEFS = {
    "ceo": "executive", "cto": "technology", "cfo": "financial", "coo": "operating", "cmo": "marketing"
}
"""Chief-officer acronyms and the word that tells them apart when the title is spelt out."""


def _chief_title_issues(src: SourceIndex, name: Name) -> list[str]:
    """"CEO Naomi Reyes" where every mention of Reyes the source titles gives her another chief's
    title ("Chief Technology Officer Naomi Reyes")."""
    chief = name.words[0] if name.words and name.words[0] in _CHIEFS else None
    core = [w for w in name.words if w not in TITLES and w not in JOINERS]
    if chief is None or not core:
        return []
    titles = []
    for p in positions(src, core[-1:]):
        before = {w.lower for w in src.words[max(0, p - 6) : p]}
        if chief in before or _CHIEFS[chief] in before:
            return []
        titles += [c for c, word in _CHIEFS.items() if c in before or "chief" in before and word in before]
    if not titles:
        return []
    who = name.text.split(maxsplit=1)
    return [f"title '{who[0]}' for '{who[-1]}', whom the source calls {titles[0].upper()}"]


def _of_role(words: list[str]) -> bool:
    """Do the words after "current"/"still" name a role ("mayor", "operations director") or an activity
    ("still fronting"), rather than anything else ("serving two months")?"""
    roles = any(w in TITLES or w in PERSON_TITLES or w.endswith(_LONG_ROLES) for w in words)  # "headteacher"
    return roles or bool(words) and words[0].endswith("ing")


def _role_issues(src: SourceIndex, name: Name, claim_tokens: list[Token]) -> list[str]:
    """'former' must agree: a claim may not retire someone the source calls current, or promote back
    someone the source calls former (when it gives the title)."""
    before = [t.lower for t in claim_tokens if name.start - 40 <= t.start < name.start][-3:]
    claim_former = any(w in _FORMER for w in (*before, *name.words))
    # "Former Olympic champion X": the source's "former Olympic gold medalist" says the same.
    after = [*before, *name.words]
    said = [after[k + 1] for k, w in enumerate(after[:-1]) if w in _FORMER]
    # The claim still calls the person former: no promotion back below.
    told_apart = bool(said) and any(positions(src, [f, w]) for w in said for f in _FORMER)
    core = [w for w in name.words if w not in TITLES and w not in JOINERS]
    if not core:
        return []
    mentions = positions(src, core[-1:])
    if not mentions:
        return []
    # "former" may sit a clause away ("the former Olympic champion ... Bruce Jenner"): same sentence counts.
    src_former = [any(w.lower in _FORMER for w in src.sent_tokens[src.sent_of_word[p]]) for p in mentions]
    if claim_former and not told_apart and not any(src_former):
        return [f"title 'former' for '{name.text}' not in source"]
    titled = name.words[0] in TITLES and name.words[0] not in _FORMER | _HONORIFICS
    if titled and not claim_former and all(src_former):
        return [f"'{name.text}' is a former {name.words[0]} in source"]
    # "Achebe, Corrant's current operations director," where every sentence naming him says "former".
    around = [t.lower for t in claim_tokens if name.start - 30 <= t.start < name.end + 40]
    now_words = [w for k, w in enumerate(around) if w in _CURRENT and _of_role(around[k + 1 : k + 3])]
    current = now_words[0] if now_words else ""
    now = any(w.lower in _CURRENT for p in mentions for w in src.words[max(0, p - 4) : p])
    if current and not claim_former and any(src_former) and not now:
        return [f"'{current}' for '{name.text}', whom the source calls former"]
    return []



_AFFILIATED_ROLE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*)\s+$")


def _affiliation(src: SourceIndex, claim: str, name: Name, names: list[Name]) -> bool:
    """"CSO senior statistician Aoife Rennard": the acronym the source defines for its own organisation
    ("the Central Statistics Office (CSO)"), named as whom the person after the role works for; the
    person's placement is what the rest of the claim is judged by."""
    after = [n for n in names if n.start > name.end]
    role = _AFFILIATED_ROLE.fullmatch(claim, name.end, after[0].start) if after else None
    word = role.group(1) if role else ""
    if not (word in PERSON_TITLES or word.endswith(_LONG_ROLES + _ROLE_ENDS)):
        return False
    return name.text.isupper() and f"({name.text})" in src.text


_ROLE_ENDS = ("ist", "ian", "er", "or")  # statistician, economist, adviser, director


_DEMONYM = ("ese", "ish", "ian", "ans", "an", "i")


def _in_list(claim: str, name: Name, names: list[Name]) -> bool:
    """Is the name one of a list of names ("Prince, Michael Jackson and the infamous Janet")? A neighbouring
    name is at most a comma or conjunction and two words away."""
    chain, grew = [name], True
    while grew:
        grew = False
        for o in names:
            if o not in chain and any(
                _list_gap(claim[o.end : c.start]) or _list_gap(claim[c.end : o.start]) for c in chain
            ):
                chain.append(o)
                grew = True
    if len(chain) > 2:
        return True
    # Two names with only a comma between are one in apposition ("the manager of X, Louis van Gaal").
    return len(chain) == 2 and not re.fullmatch(r"\s*,\s*", _gap_between(claim, *chain))


def _gap_between(claim: str, a: Name, b: Name) -> str:
    return claim[a.end : b.start] if a.end <= b.start else claim[b.end : a.start]


def _list_gap(gap: str) -> bool:
    return re.fullmatch(r"\s*,\s*|\s*,?\s*(?:and|or|&)\s+(?:[a-z]+\s+){0,2}", gap) is not None


def _verbatim(src: SourceIndex, name: Name) -> bool:
    """Placing a name needs its mentions; a name matched only loosely (misspelt, by parts) has none."""
    core = [w for w in name.words if w not in TITLES and w not in JOINERS]
    return bool(core) and _phrase_in(src, core)


CONTEXT_WORDS = 2  # content words either side of a name in a phrase that the source must put near it
_PREPOSITIONS = frozenset(
    {"in", "at", "into", "to", "from", "of", "on", "for", "with", "by", "across", "near", "about", "against"}
)
CONTEXT_WINDOW = 1  # sentences either side of a mention of the name
_LIGHT_VERBS = frozenset(
    lemma(w) for w in ("make", "have", "take", "give", "get", "do", "ruled", "concluded", "described")
)
"""Verbs that say little by themselves ("have made Okoro their record signing"), or only how someone
put what the rest of the claim says ("Judge X ruled that" for "Judge X found that"): no context to
place by."""


def _out_of_context(
    src: SourceIndex, name: Name, toks: list[Token], spans: list[tuple[int, int]], claim_text: str
) -> bool:
    """None of the claim's words next to the name occur in or beside a source sentence naming it, or
    beside a word there that refers back to it ("the authority faced" for "Millbrook faced")."""
    core = [w for w in name.words if w not in TITLES and w not in JOINERS]
    if not core or len(core) == 1 and core[0].endswith(_DEMONYM) or any(core[0] in g for g in _ALIASES):
        return False
    alias = alias_stems(src, list(name.words))  # "the IPA" for "Independent Pilots' Association"
    at = {i for w in core for i in src.stem_sents.get(stem(w), ())}
    at |= {i for a in alias for i in src.stem_sents.get(a, ())}
    at |= {i for w in _given_names(src, core) for i in src.stem_sents.get(stem(w), ())}  # "Idris" alone
    at |= pronoun_chain(src, at)  # "Marlow Rail no longer runs ... It said it had no plans"
    at |= interview_answers(src, {stem(w) for w in core})  # "A: We haven't decided ..."
    own = {stem(w) for w in core}  # "the Welsh assembly" says nothing of where "London Assembly" is
    words = [
        t for t in toks
        if is_content(t)
        and t.stem in src.stem_sents
        and t.stem not in own
        and lemma(t.lower) not in _LIGHT_VERBS
        and not any(s <= t.start < e for s, e in spans)
    ]
    # A name in a phrase ("in Melbourne", "into the African Union") sets a scene that may be told apart
    # from the rest; any other name is judged by the very words next to it.
    before = [t for t in toks if t.end <= name.start]
    n_words = CONTEXT_WORDS if before and before[-1].lower in _PREPOSITIONS | {"the"} else 1
    context = [t for t in words if t.end <= name.start][-n_words:]
    context += [t for t in words if t.start >= name.end][:n_words]
    if not at or not context:
        return False
    n = len(src.sentences)
    near = {j for i in at for j in range(max(0, i - CONTEXT_WINDOW), min(n, i + CONTEXT_WINDOW + 1))}
    first = min(at)
    for t in context:
        told = src.stem_sents.get(t.stem, set()) | src.lemma_sents.get(lemma(t.lower), set())
        side = -1 if t.start >= name.end else 1  # where the name stands: before the word (-1) or after
        # "Maureen Tidball, a retired dinner lady": the claim says the name is what the source describes.
        apposed = side < 0 and "," in claim_text[name.end : t.start]
        if told & near:
            return False
        if any(_refers_back(src, core, t, side, i, apposed, alias) for i in told if i >= first):
            return False
    return True


REFER_BACK = 3  # sentences back in which a pronoun's referent is named
REFER_GAP = 3  # words between a referring word and the claim's word beside the name
_PRONOUNS = frozenset(["he", "she", "him", "his", "her", "they", "them", "their", "it", "its"])
_FIRST_PERSON = frozenset({"we", "us", "our"})
_DESCRIPTIONS_TEXT = """company firm group business bank council authority government ministry department
    union club side team party board agency operator insurer airline retailer lender chain charity trust
    school hospital storm"""
_DESCRIPTIONS = frozenset(_DESCRIPTIONS_TEXT.split())


def _given_names(src: SourceIndex, core: list[str]) -> set[str]:
    """The capitalised word the source writes right before a one-word name ("Idris" of "Idris
    Kellaway"): the source may use it alone for the same person."""
    if len(core) != 1:
        return set()
    out = set()
    for p in src.lower_positions.get(core[0], ()):
        before = src.words[p - 1] if p > 0 else None
        if before is None or before.start in src.sentence_starts:
            continue
        if before.text[:1].isupper() and before.lower not in TITLES:
            out.add(before.lower)
    return out


def _refers_back(
    src: SourceIndex, core: list[str], t: Token, side: int, i: int, apposed: bool, alias: set[str]
) -> bool:
    """Does source sentence ``i`` say claim word ``t`` of a word referring to the name, on the name's
    side of it: a description ("the authority faced" for "Millbrook faced") or "we" of a name the
    article is about, or a pronoun whose nearest named antecedent is the name ("he" after "Okafor")?
    Any definite description ("the retired dinner lady") counts when the claim puts it in apposition."""
    sent = src.sent_tokens[i]
    key = lemma(t.lower)
    for p, w in enumerate(sent):
        if w.stem != t.stem and lemma(w.lower) != key:
            continue
        span = sent[max(0, p - REFER_GAP) : p] if side < 0 else sent[p + 1 : p + 1 + REFER_GAP]
        for x in span:
            if x.stem in alias:
                return True  # "the bank now expects" for "the NBV now sees" (National Bank of Valdonia)
            if x.lower in _DESCRIPTIONS or x.lower in _FIRST_PERSON or apposed and x.lower == "the":
                if any(w.removesuffix("'s") in src.salient for w in core):
                    return True
            elif x.lower in _PRONOUNS and (_antecedent(src, x) in core or _about(src, core, x)):
                return True
    return False


_PERSONAL = frozenset({"he", "she", "him", "his", "her"})


def _about(src: SourceIndex, core: list[str], pronoun: Token) -> bool:
    """"she" in an obituary of Edith Carrow: a personal pronoun most likely stands for the person the
    article names most (among its salient names), whoever was named last."""
    return pronoun.lower in _PERSONAL and any(w in src.salient for w in core)


def _antecedent(src: SourceIndex, pronoun: Token) -> str | None:
    """The last capitalised word before a pronoun, mid-sentence and within a few sentences: its likeliest
    named antecedent (a heuristic, good enough to excuse a name, never to accuse one)."""
    starts = {s for s, _e in src.sentences}
    k = next(j for j in src.lower_positions[pronoun.lower] if src.words[j].start == pronoun.start)
    stop = src.sent_of_word[k] - REFER_BACK
    for j in range(k - 1, -1, -1):
        if src.sent_of_word[j] < stop:
            return None
        w = src.words[j]
        if w.text[:1].isupper() and w.start not in starts and w.lower not in TITLES | _NOT_NAMES:
            return w.lower.removesuffix("'s")
    return None


def name_in_source(src: SourceIndex, name: Name) -> bool:
    """Verbatim, as an acronym (either way round), or word by word: writers recombine names ("Police and
    MI5", "London Wasps captain James Haskell"), so each word must be one the source uses."""
    words = [w for w in name.words if w not in TITLES and w not in JOINERS]
    if not words or _phrase_in(src, words) or "-".join(words) in src.lower_positions:
        return True  # "Fisher Price" is "Fisher-Price"
    joined = " ".join(words)
    for group in _ALIASES:
        for alias in group:
            if " " in alias and alias in joined and any(_phrase_in(src, a.split()) for a in group):
                words = (joined.replace(alias, "")).split()
                if not words:
                    return True
    if len(words) == 1 and _is_acronym(name.text) and _acronym_in(src, name.text):
        return True
    if len(words) >= 2 and _spelled_acronym_in(src, words):
        return True
    return all(_word_in(src, w) for w in words)


def _word_in(src: SourceIndex, word: str) -> bool:
    bare = word.replace("'", "")
    if (
        word in src.lower_positions
        or word.removesuffix("'s") in src.lower_positions
        or bare in src.bare_words
        or bare.removesuffix("s") in src.bare_words
    ):
        return True
    for group in _ALIASES:
        if word in group and any(_phrase_in(src, alias.split()) for alias in group):
            return True
    # Demonyms and misspellings ("English"/"England", "Wembly"/"Wembley") share a long prefix.
    return len(bare) >= 5 and any(_similar(bare, w) for w in src.bare_by_prefix.get(bare[:1], ()))


def _similar(a: str, b: str) -> bool:
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    if prefix >= 4 and prefix >= min(len(a), len(b)) - 3:
        return True
    return abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.8


def positions(src: SourceIndex, words: list[str]) -> list[int]:
    """Word positions in the source where the phrase ``words`` starts."""
    if not words:
        return []
    out = []
    for p in src.lower_positions.get(words[0], []):
        if all(
            p + k < len(src.words) and _eq(src.words[p + k].lower, w) for k, w in enumerate(words) if k
        ):
            out.append(p)
    return out


def _eq(a: str, b: str) -> bool:
    return a == b or a.rstrip("'s") == b.rstrip("'s")


def _phrase_in(src: SourceIndex, words: list[str]) -> bool:
    if positions(src, words):
        return True
    # Possessive forms in either text ("Apple's" vs "Apple").
    first = words[0]
    alts = [w for w in (first + "'s", first.removesuffix("'s")) if w != first]
    return any(positions(src, [a, *words[1:]]) for a in alts)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _acronym_in(src: SourceIndex, acronym: str) -> bool:
    letters = acronym.replace(".", "").lower()
    n = len(letters)
    caps = [t for t in src.words if t.text[0].isupper() and t.lower not in JOINERS]
    for i in range(len(caps) - n + 1):
        run = caps[i : i + n]
        if "".join(t.lower[0] for t in run) == letters and run[-1].end - run[0].start < 20 * n:
            return True
    return False


def _spelled_acronym_in(src: SourceIndex, words: list[str]) -> bool:
    initials = "".join(w[0] for w in words if w not in JOINERS)
    return len(initials) >= 2 and initials in src.lower_positions
