"""Who did what: a name or subject must sit in the source passage that tells the rest of the claim.

A summary that attaches a real name (or subject) from one part of an article to what another part says
about someone else uses only source words, so word-level checks pass it. Here the rest of the claim is
located (the passage of a few sentences covering most of its IDF-weighted content), and compared with
the best passage that also mentions the name: if the name's passages cover much less, it is misplaced.
"""

from __future__ import annotations

import re

from briefing.verify.roles import PERSON_TITLES
from briefing.verify.source import SourceIndex, alias_stems
from briefing.verify.speakers import speaker_sentences
from briefing.verify.text import Token, is_content

WINDOW = 1  # sentences either side of a passage that may carry the claim
AFTER = 1  # sentences after a mention that may still be about it ("She said...")
MIN_COVER = 0.5  # the best passage must cover this much of the rest for a comparison to mean anything
SUBJECT_GAP = 0.3
SUBJECT_MIN_COPY = 0.5
"""Subjects are placed only in claims that copy at least this share of a source passage (or use only
source words): in free paraphrase the subject often sums up several people ("Critics", "Both teams")."""

_VERBS_TEXT = """
    is are was were be been has have had will would could can may might must should shall does did do
    says said say told tells claims claimed admits admitted won wins beat beats called calls
    lost made took gave found left came went got saw became began ran paid sold bought held kept led met
    put shot struck wrote threw hit fell drove flew broke chose spent sent built caught fought brought
    thought felt stood sat hung gets makes takes gives finds leaves goes sees becomes"""
VERBS = frozenset(_VERBS_TEXT.split())
"""Auxiliaries and common verbs in the past or present: where a subject ends."""


def placement_gap(
    src: SourceIndex, stems: set[str], span: tuple[int, int], claim_tokens: list[Token]
) -> float:
    """How much more of the rest of the claim (outside ``span``) the best passage covers than the best
    passage that also contains one of ``stems``; 0 when there is nothing to compare."""
    at = {i for s in stems for i in src.stem_sents.get(s, ())}
    if not at:
        return 0.0
    at -= {i for i in at if _only_in_dateline(src, i, stems)}
    at |= speaker_sentences(src, stems) - set(range(min(at, default=0)))  # her quote's next paragraph
    chained = pronoun_chain(src, at)
    rest = [t for t in claim_tokens if is_content(t) and not span[0] <= t.start < span[1]]
    weights = {t.stem: src.idf(t.stem) for t in rest if t.stem in src.stem_sents and t.stem not in stems}
    total = sum(weights.values())
    if not total:
        return 0.0
    n = len(src.sentences)

    def cover(lo: int, hi: int) -> float:
        near = range(max(0, lo), min(n, hi + 1))
        return sum(w for s, w in weights.items() if any(j in src.stem_sents[s] for j in near)) / total

    best = max(cover(i - WINDOW, i + WINDOW) for s in weights for i in src.stem_sents[s])
    if best < MIN_COVER:
        return 0.0
    placed = [cover(i - WINDOW, i + AFTER) for i in at | chained]
    return best - max(placed, default=0.0)


_PRONOUN_OPENING = re.compile(
    r"\s*(It|He|She|They|The \d+-year-old)\s*,?\s+"
    r"(?!(?:also\s+|now\s+|still\s+)?(?:is|was|are|were|seems|seemed|appears|appeared)\b)"
)
"""A sentence opening with a pronoun and its own verb ("It expects"), not "It is ..." or "It seems ..."
(which may be about nothing before)."""


def pronoun_chain(src: SourceIndex, at: set[int]) -> set[int]:
    """"Skylark no longer flies to Calvera. It expects ... It said it had no plans ...": the sentences
    right after a mention that open with one pronoun go on telling of it."""
    out: set[int] = set()
    for i in at:
        j, first = i + 1, None
        while j < len(src.sentences):
            if _QUOTE_OPENING.match(src.text, src.sentences[j][0]):
                j += 1  # the person's own words go on: '"Not every department will get ..." She confirmed'
                continue
            if (m := _PRONOUN_OPENING.match(src.text, src.sentences[j][0])) is None:
                break
            if first not in (None, m.group(1)):
                break  # "It was acquired by ... He bought it": another referent
            out.add(j)
            first, j = m.group(1), j + 1
    return out


_QUOTE_OPENING = re.compile(r"\s*[\"“]")


def _only_in_dateline(src: SourceIndex, i: int, stems: set[str]) -> bool:
    """"Hong Kong (CNN) Six people were hurt ...": the name is only where the story was filed."""
    end = src.dateline_ends[i]
    return end > src.sentences[i][0] and all(t.end <= end for t in src.sent_tokens[i] if t.stem in stems)


def subject(claim: str, claim_tokens: list[Token]) -> list[Token]:
    """The words before the claim's first verb (a listed auxiliary or reporting verb, or an -ed word),
    if the claim opens with its subject: not after an opening clause ("Although ...,", "Heavily armed,")."""
    for i, t in enumerate(claim_tokens[:MAX_SUBJECT + 1]):
        if t.lower in VERBS or i > 0 and re.fullmatch(r"[a-z]+ed", t.lower):
            opener = claim_tokens[0].lower in _OPENERS or claim_tokens[0].lower.endswith("ly")
            if i == 0 or opener or "," in claim[claim_tokens[0].start : t.start]:
                return []
            return claim_tokens[:i]
    return []


MAX_SUBJECT = 6
_OPENERS = frozenset(
    {"although", "though", "while", "when", "after", "before", "as", "if", "since", "because", "despite",
     "unlike", "with", "without", "during", "following", "in", "on", "at", "for", "by", "from", "to"}
)


_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas|although)\b|;")


def _first_clause(claim: str, toks: list[Token], after: int) -> list[Token]:
    """The claim's tokens up to the first new clause after ``after`` (", and", ", while", ";")."""
    m = _CLAUSE.search(claim, after)
    return [t for t in toks if t.start < m.start()] if m else toks


def group(src: SourceIndex, words: list[Token]) -> bool:
    """"Researchers", "Critics": a bare plural the source writes in lower case sums up several people,
    who may be told of in several places; so does a count ("Two died")."""
    content = [t for t in words if is_content(t)]
    if not content or content[0].lower in _NUMBER_WORDS | _GROUPS:
        return bool(content)  # "Two died in the storm", "People aged 65 and over": several, not a name
    head = content[0]
    if len(content) != 1 or not head.lower.endswith("s") or head.lower.endswith(("ss", "'s")):
        return False
    return any(src.words[p].text.islower() for p in src.lower_positions.get(head.lower, ()))


_GROUPS = frozenset({"people", "residents", "those", "children", "adults", "women", "men", "families"})
_NUMBER_TEXT = "two three four five six seven eight nine ten dozens hundreds thousands"
_NUMBER_WORDS = frozenset(_NUMBER_TEXT.split())


def described_subject(toks: list[Token], words: list[Token]) -> bool:
    """"The start-up", "The work": in a claim written in proper case, a subject of lower-case words after
    a determiner describes what the article is about, and may stand where the source names it."""
    bare = bool(words) and words[0].lower not in ("the", "a", "an")
    if bare and all(t.lower in _ROLE_HEADS or t.lower in PERSON_TITLES for t in words if is_content(t)):
        return True  # "Director denied two breaches" (a headline's bare role): whom the source names
    cased = any(t.text[:1].isupper() for t in toks[1:])
    described = all(t.text.islower() or t.text[:1].isdigit() for t in words[1:])
    if cased and len(words) >= 2 and words[0].lower in _DETERMINERS and described:
        return True
    # In lower-cased text a description shows by its head: "the middlesbrough striker", "wenger's side".
    return not cased and len(words) >= 2 and words[-1].lower in _ROLE_HEADS and (
        words[0].lower in _DETERMINERS or words[-2].lower.endswith("'s")
    )


_ROLE_HEADS = frozenset(
    {"striker", "midfielder", "defender", "goalkeeper", "winger", "forward", "manager", "boss", "coach",
     "side", "team", "winner", "champion", "frenchman", "spaniard", "italian", "german", "dutchman",
     "star", "captain", "player", "veteran", "youngster", "teenager", "actor", "actress", "singer"}
)  # fmt: skip


_DETERMINERS = frozenset({"the", "this", "its", "their"})


def check_subject(src: SourceIndex, claim: str, claim_tokens: list[Token], copy_ratio: float) -> list[str]:
    """An issue when the claim's subject is not where the source tells the rest of a copied claim."""
    if copy_ratio < SUBJECT_MIN_COPY:
        return []
    words = subject(claim, claim_tokens)
    subj = [t for t in words if is_content(t) and t.stem in src.stem_sents]
    if not subj or group(src, words) or described_subject(claim_tokens, words):
        return []
    span = (subj[0].start, subj[-1].end)
    # "X sees 25 patients a day, and visits fell 18%": the subject is of the first clause only.
    claim_tokens = _first_clause(claim, claim_tokens, subj[-1].end)
    # "The English cricket team" is told as "England": a capitalised word the source writes another way.
    variants = {
        w.stem for t in words if t.text[:1].isupper() and len(t.lower) >= 5 and t.start > 0
        for w in src.words if w.text[:1].isupper() and w.lower[:4] == t.lower[:4]
    }
    variants |= alias_stems(src, [t.lower for t in words if t.text[:1].isupper()])
    if placement_gap(src, {t.stem for t in subj} | variants, span, claim_tokens) < SUBJECT_GAP:
        return []
    return [f"subject '{' '.join(t.text for t in subj)}' is not who the source says this about"]
