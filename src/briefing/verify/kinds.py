"""Person or thing: a claim may not treat as a person a name the source treats as a thing, or vice versa.

Swapping a person's name for a bill, a newspaper or a venue from the same story ("the Steve Scalise,
which provides", "Assisted Dying Bill said") leaves every word in the source. How each text writes the
name gives it away: things take "the" ("the Sunday Telegraph"), people take titles and speech verbs
("Mr Wilkes", "Wilkes said", "Wilkes, who").
"""

from __future__ import annotations

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content

_PERSON_TEXT = """
    mr mrs ms miss dr sir dame lord lady prof professor president senator judge officer actor actress
    singer star player striker coach manager captain chef minister member leader doctor director
    chairman activist author writer founder spokesman spokeswoman mother father wife husband son
    daughter boss presenter teacher student victim owner mayor governor secretary chancellor champion
    boxer jockey trainer mp pupil"""
PERSON_TITLES = frozenset(_PERSON_TEXT.split())
"""Words before a name (or after its comma) that make it a person."""
_SPEECH = frozenset({"said", "says", "told", "who", "whose", "added", "explained", "admitted", "claimed"})


def kind_issue(
    src: SourceIndex, claim: str, toks: list[Token], start: int, end: int, core: list[str]
) -> str | None:
    """Why the claim's use of the name at tokens ``[start, end)`` (matchable words ``core``) contradicts
    the source's, or None."""
    mentions = _mentions(src, core)
    if not mentions:
        return None
    name = " ".join(t.text for t in toks[start:end])
    person = any(_person_at(src.words, p, q, src.text) for p, q in mentions)
    thing = any(_the_before(src.words, p) for p, _q in mentions)
    if _claim_thing(toks, start, end) and person and not thing:
        return f"'{name}' is a person in the source, not a thing"
    if _claim_person(claim, toks, start, end) and thing and not person:
        return f"'{name}' is a thing in the source, not a person"
    return None


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
    return p > 0 and words[p - 1].lower in ("the", "a", "an")


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
    """The claim writes "the X" with X standing alone (not "the Obama administration")."""
    if start == 0 or toks[start - 1].lower != "the":
        return False
    nxt = toks[end] if end < len(toks) else None
    return nxt is None or not (is_content(nxt) and nxt.text[:1].islower())


def _claim_person(claim: str, toks: list[Token], start: int, end: int) -> bool:
    """Organisations speak too ("the Home Office said"), so a claim's speech verbs do not make a person."""
    return _person_at(toks, start, end, claim, speech=False)
