"""Person, thing or place: a claim may not treat a name as a kind of thing the source says it is not.

Swapping a person's name for a bill, a newspaper or a venue from the same story ("the Steve Scalise,
which provides", "Assisted Dying Bill is an actor", "semi-finals at Steven Gerrard") leaves every word in
the source. How each text writes the name gives it away: things take "the" ("the Sunday Telegraph") or
end an organisation's name ("Department of Health Policy"), places follow "in"/"at", people take titles,
roles, given names and speech verbs ("Mr Wilkes", "coach Pep Guardiola", "Wilkes said", "Wilkes, who").
A role right before a person's name must also be one the source gives them ("Tory candidate Henry
Smith" is not "Labour leader Henry Smith").
"""

from __future__ import annotations

from briefing.verify.placement import VERBS as _VERBS
from briefing.verify.roles import FORMS_OF_ADDRESS, PERSON_TITLES
from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content

_SPEECH = frozenset({"said", "says", "told", "who", "whose", "added", "explained", "admitted", "claimed"})


def kind_issue(
    src: SourceIndex, claim: str, toks: list[Token], start: int, end: int, core: list[str]
) -> str | None:
    """Why the claim's use of the name at tokens ``[start, end)`` (matchable words ``core``) contradicts
    the source's, or None."""
    mentions = _mentions(src, core)
    titled = end < len(toks) and toks[end].text[:1].isupper() and toks[end].lower in _TITLE_WORDS
    if not mentions or len(core) == 1 and core[0] in PERSON_TITLES or titled:
        return None  # "the Mayor", "a North Charleston Police Officer" are roles, not names
    name = " ".join(t.text for t in toks[_title_start(toks, start) : end])
    person = _given_name(toks, start, end) or any(_person_at(src.words, p, q, src.text) for p, q in mentions)
    words = src.words
    thing = any(
        _the_before(words, p) or _part_of_name(words, p) or _acronym_of_name(words, p, q, src.text)
        for p, q in mentions
    )
    place = any(_place_before(src.words, p) for p, _q in mentions)
    if _claim_thing(toks, start, end) and person and not thing:
        return f"'{name}' is a person in the source, not a thing"
    if _claim_place(toks, start, end) and person and not place and not thing:
        return f"'{name}' is a person in the source, not a place"
    if _claim_person(claim, toks, start, end) and (thing or place) and not person:
        return f"'{name}' is a {'thing' if thing else 'place'} in the source, not a person"
    return _role_issue(src, toks, start, name, mentions)


def _role_issue(
    src: SourceIndex, toks: list[Token], start: int, name: str, mentions: list[tuple[int, int]]
) -> str | None:
    """"Labour leader Henry Smith" where the source only has "Tory candidate Henry Smith": the role
    right before the name contradicts the one the source gives it, and the source never puts the
    claim's role near the name."""
    role = _role_before(toks, start)
    if role is None:
        return None
    roles = {r for p, q in mentions for r in _titles_at(src.words, p) | _role_apposed(src.words, q)}
    roles -= _RANKS  # "deputy governor, Michael Faulkes": a rank says nothing of the role it qualifies
    if not roles or any(_same_role(role.lower(), r) for r in roles):
        return None
    near = {w.lower for p, q in mentions for w in src.words[max(0, p - 8) : q + 8]}
    if role.lower() in near:
        return None
    return f"'{name}' is a {'/'.join(sorted(roles))} in the source, not a {role}"


_RANKS = frozenset({"deputy", "vice", "assistant", "acting", "interim", "senior", "junior", "sir", "dame"})
_RANKS |= FORMS_OF_ADDRESS  # they name no role either
_ROLE_GROUPS_TEXT = """coach manager boss trainer
    doctor dr physician surgeon
    candidate mayor councillor mp senator governor
    leader chief head boss chairman director president
    player star striker footballer midfielder defender goalkeeper captain
    star singer musician performer artist"""
_ROLE_GROUPS = tuple(frozenset(line.split()) for line in _ROLE_GROUPS_TEXT.splitlines())
"""Roles that news prose uses for one another ("City boss" / "City coach")."""


def _same_role(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _ROLE_GROUPS)


def _role_before(words: list[Token], p: int) -> str | None:
    """The lower-case role right before a name, past any titles in it ("boyfriend Chief Prosecutor X"),
    or set off by a comma ("Its chief executive, Sara Holt")."""
    p = _title_start(words, p)
    t = words[p - 1] if p > 0 else None
    if t is None or not t.text.islower() or t.lower not in PERSON_TITLES:
        return None
    return t.text if words[p].start - t.end in (1, 2) else None


def _role_apposed(words: list[Token], q: int) -> set[str]:
    """A role set off after a name: "Sara Holt, the chief executive," / "Tom Reyes, its chairman"."""
    after = words[q + 1 : q + 5]
    if not after or after[0].start - words[q].end != 2 or after[0].lower not in ("the", "its", "their", "a"):
        return set()
    return {t.lower for t in after[1:] if t.text.islower() and t.lower in PERSON_TITLES}


def _titles_at(words: list[Token], p: int) -> set[str]:
    """The roles a mention at ``p`` is given: its titles ("Chief Prosecutor") and a role right before."""
    first = _title_start(words, p)
    roles = {t.lower for t in words[first : p + 1] if t.lower in _TITLE_WORDS}
    role = _role_before(words, p)
    return roles | {role.lower()} if role else roles


def _title_start(words: list[Token], p: int) -> int:
    while p > 0 and words[p - 1].text[:1].isupper() and words[p - 1].lower.rstrip(".") in _TITLE_WORDS:
        p -= 1
    return p


_TITLE_WORDS = PERSON_TITLES | {"chief", "general", "senior", "interim", "acting", "vice", "police"}


_GIVEN_TEXT = """
    aaron adam adrian adrien alan albert alex alexander alice alison amanda amy andrew andy angela anna anne
    anthony arthur barbara barry ben benjamin beth bill billy bob brendan brian bruce carl carol caroline
    catherine charles charlie charlotte chris christine christopher claire colin craig dan daniel danny
    david dean deborah denise derek diana diane donald donna douglas duncan ed eddie edward elizabeth ellen
    emily emma eric frank gary george gordon graham harry helen henry ian jack jackie james jamie jane
    janet jason jeff jennifer jeremy jessica jim jimmy joan joe john johnny jonathan joseph josh julia julie
    justin karen kate katherine kathleen keith kelly ken kevin kim kirsty larry laura lauren lee liam lily
    linda lisa louis louise lucy luke margaret maria mark martin mary matt matthew michael michelle mike
    natalie neil nicholas nick nicola oliver patrick paul peter philip rachel raymond rebecca richard
    rick ricky robert roger ronald rose ruth ryan sally sam samantha sarah scott sean simon sophie stephen
    steve steven stuart sue susan thomas tim timothy tom tommy tony victoria walter wayne william will
"""
_GIVEN = frozenset(_GIVEN_TEXT.split())
"""Common given names: a name that opens with one (and has a surname) is a person's, whatever the story
says around it."""
_PLACE_PREPOSITIONS = frozenset({"in", "at", "across", "throughout", "near", "inside", "outside"})
_AT_VERBS = frozenset({"look", "looked", "looks", "aim", "aimed", "aims", "out", "shout", "shouted", "laugh",
                       "laughed", "swipe", "dig", "jab", "angry", "furious", "fired", "pointed", "directed"})


def _given_name(toks: list[Token], start: int, end: int) -> bool:
    words = [t.lower for t in toks[start:end]]
    return len(words) >= 2 and words[0] in _GIVEN and not toks[end - 1].lower.endswith("'s")


def _place_before(words: list[Token], p: int) -> bool:
    return p > 0 and words[p - 1].lower in _PLACE_PREPOSITIONS


def _claim_place(toks: list[Token], start: int, end: int) -> bool:
    """The claim writes "in X" or "at X" (not "aimed at X"), X not a possessive."""
    if start == 0 or toks[start - 1].lower not in _PLACE_PREPOSITIONS or toks[end - 1].lower.endswith("'s"):
        return False
    before = toks[start - 2].lower if start > 1 else ""
    return not (toks[start - 1].lower == "at" and (before in _AT_VERBS or before.endswith("ed")))


def _mentions(src: SourceIndex, core: list[str]) -> list[tuple[int, int]]:
    """Source word spans [p, q) where the name's words occur in order (possessives allowed)."""
    out = []
    for p in src.lower_positions.get(core[0], ()):
        q = p + len(core)
        if q <= len(src.words) and all(
            src.words[p + i].lower.removesuffix("'s") == w.removesuffix("'s") for i, w in enumerate(core)
        ):
            out.append((p, q))
    return out


def _the_before(words: list[Token], p: int) -> bool:
    """"the Sunday Telegraph", or a kind of body before the name ("campaign group Save Brampton Fields")."""
    return p > 0 and (words[p - 1].lower in ("the", "a", "an") or words[p - 1].lower in _BODIES)


_BODIES_TEXT = """group firm company charity campaign party band club union agency brand label insurer
    lender retailer carrier airline operator developer publisher broadcaster newspaper network"""
_BODIES = frozenset(_BODIES_TEXT.split())
"""Words for organisations that news puts right before one's name."""


def _part_of_name(words: list[Token], p: int) -> bool:
    """The tail of an organisation's name: "Department of Health Policy", "Health and Safety Executive"."""
    return p > 1 and words[p - 1].lower in ("of", "and", "&") and words[p - 2].text[:1].isupper()


def _acronym_of_name(words: list[Token], p: int, q: int, text: str) -> bool:
    """"Waiharo Ratepayers' Association (WRA)": an acronym spelt out in brackets after a name is an
    organisation's, whatever verb follows it."""
    return (
        q == p + 1
        and p > 1
        and words[p].text.isupper()
        and text[words[p - 1].end : words[p].start].strip() == "("
        and words[p - 1].text[:1].isupper()
        and words[p - 2].text[:1].isupper()
    )


def _person_at(words: list[Token], p: int, q: int, text: str = "", speech: bool = True) -> bool:
    """A title or role before ("Mr", "actor"), "who" after, or an appositive age or role after a comma
    ("Ann Loy, 45," / "Ann Loy, a teacher"); with ``speech``, also a speaker ("Loy said", "said Loy.")."""
    before = words[p - 1].lower.rstrip(".") if p > 0 else ""
    after = words[q].lower if q < len(words) else ""
    if before in PERSON_TITLES or after in ("who", "whose"):
        return True
    ends = q >= len(words) or bool(text) and bool(text[words[q - 1].end : words[q].start].strip())
    if speech and (after in _SPEECH or before in ("said", "says") and ends):
        return True
    if not text or q >= len(words) or text[words[q - 1].end : words[q].start].strip() != ",":
        return False
    role = words[q + 1].lower if after in ("a", "an", "the") and q + 1 < len(words) else after
    return after.isdigit() or role in PERSON_TITLES


def _claim_thing(toks: list[Token], start: int, end: int) -> bool:
    """The claim writes "the X" with X standing alone (not "the Obama administration"), or "the Mr X",
    or names an organisation: "band X", "X, a company"."""
    before = toks[start - 1].lower if start > 0 else ""
    if before in _ORGS and toks[start - 1].text.islower() and toks[start - 1].end + 1 == toks[start].start:
        return True
    after = [t.lower for t in toks[end : end + 2]]
    if len(after) == 2 and after[0] in ("a", "an") and after[1].rpartition("-")[2] in _ORGS:
        return True  # "X, a sub-college of Oxford"
    if before.rstrip(".") in ("mr", "mrs", "ms", "miss", "dr"):
        return start > 1 and toks[start - 2].lower == "the"
    if before != "the":
        return False
    nxt = toks[end] if end < len(toks) else None
    return nxt is None or not (is_content(nxt) and nxt.text[:1].islower())


_ORGS_TEXT = """band company firm group college university school club team charity council party organisation
    organization agency network trust society brand label newspaper channel bill act law hospital
    stadium venue reserve park"""
_ORGS = frozenset(_ORGS_TEXT.split())
"""Nouns for organisations, bodies and places: one directly before a name, or after its comma, makes
the name a thing ("Canadian band X", "X, a sub-college of Oxford")."""


def _claim_person(claim: str, toks: list[Token], start: int, end: int) -> bool:
    """Organisations speak too ("the Home Office said"), so a claim's speech verbs do not make a person;
    after a preposition ("a boy from Eastmoor who ...") a "who" belongs to someone earlier."""
    if start > 0 and toks[start - 1].lower in _PREPOSITIONS:
        return False
    # "X is an actor": a role stated of the name.
    after = [t.lower for t in toks[end : end + 3]]
    if len(after) == 3 and after[0] in ("is", "was") and after[1] in ("a", "an", "the"):
        return after[2] in PERSON_TITLES
    # The subject the claim goes on to call "he" or "her" ("X took to Twitter to announce his intention").
    opens = start == 0 or start == 1 and toks[0].lower in ("the", "a", "an")
    verb = end < len(toks) and (toks[end].lower in _VERBS or toks[end].lower.endswith("ed"))
    # A pronoun after another name ("on behalf of nurse Siobhan Garvey, who had £640 withheld from her")
    # is that name's.
    rest = toks[end:]
    titled = [
        k for k in range(1, len(rest)) if rest[k].text[:1].isupper() and rest[k - 1].lower in PERSON_TITLES
    ]
    other = titled[0] if titled else len(rest)
    if opens and verb and any(t.lower in _PRONOUNS for t in rest[:other]):
        return True
    return _person_at(toks, start, end, claim, speech=False)


_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "hers"})
_PREPOSITIONS = _PLACE_PREPOSITIONS | {"from", "of", "to", "for", "with", "by", "on", "into"}
