"""Direction flips: a claim that says "rose" where its supporting sentences say "fell".

Negation checks look for "not" and its kin; an edit (or a model) can flip a fact without one by using the
opposite word: approved/rejected, won/lost, opened/closed, passed/failed. Each such word of the claim is
looked up in a lexicon of opposite pairs (hand-written verbs of change and direction, and WordNet's opposite
adjectives: alive/dead, wettest/driest); if the sentences that support the claim use the opposite
word, near a content word the claim shares, and never the claim's own word (in any form), the claim has
flipped them.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.verify.source import SourceIndex
from briefing.verify.text import Token, is_content

# Each pair: (forms of one pole, forms of the other). Forms are written out: many of these verbs are
# irregular, and stems would join words that are not opposites ("close" the adjective).
_PAIRS: tuple[tuple[str, str], ...] = (
    (
        "rise rises rose risen rising climb climbs climbed jump jumps jumped surge surged soar soared up",
        "fall falls fell fallen falling drop drops dropped slide slid slump slumped plunge plunged down"
        " tumble tumbled",
    ),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("win wins won winning", "lose loses lost losing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    ("accept accepts accepted accepting", "reject rejects rejected rejecting"),
    ("pass passes passed", "fail fails failed"),
    ("open opens opened reopen reopens reopened reopening", "close closes closed closing shut"),
    ("raise raises raised raising", "lower lowers lowered lowering cut cuts"),
    ("grow grows grew grown growing", "shrink shrinks shrank shrunk shrinking"),
    ("higher", "lower"),
    ("above", "below"),
    (
        "allow allows allowed allowing",
        "ban bans banned banning forbid forbids forbade forbidden prohibit prohibits prohibited prohibiting",
    ),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("acquit acquits acquitted clear cleared", "convict convicts convicted"),
    ("approve approves approved", "defeat defeated"),
    ("quickly faster quicker", "slowly slower"),
    ("expand expands expanded expanding", "reduce reduces reduced reducing"),
    ("improve improves improved improving", "worsen worsens worsened worsening"),
    ("hire hires hired hiring", "fire fires fired firing"),
    ("start starts started starting", "stop stops stopped stopping"),
    ("keep keeps kept keeping", "stop stops stopped stopping"),
    ("with", "without"),
    ("earlier sooner", "later"),
    ("widen widens widened widening", "narrow narrows narrowed narrowing"),
    ("strengthen strengthens strengthened strengthening", "weaken weakens weakened weakening"),
    ("lighter", "heavier"),
    ("longer", "shorter"),
    ("more", "less fewer"),
    ("ahead", "short behind"),
    ("admit admits admitted admitting acknowledge acknowledged acknowledges", "deny denies denied denying"),
    ("accept accepts accepted accepting", "doubt doubts doubted doubting"),
    ("back backs backed backing", "reject rejects rejected rejecting"),
    ("delay delays delayed postpone postpones postponed", "forward"),
    ("accept accepted", "turned decline declined"),
    ("beat beats beating exceed exceeds exceeded exceeding surpass surpassed", "miss missed missing misses"),
    ("beat beats beating", "lose loses lost losing"),
    ("accept accepts accepted accepting", "refuse refuses refused refusing"),
    ("slow slows slowed slowing", "accelerate accelerates accelerated accelerating"),
    ("keep keeps kept keeping retain retains retained", "lose loses lost losing"),
    ("back backs backed backing", "oppose opposes opposed opposing"),
    ("approve approves approved approving", "oppose opposes opposed opposing"),
    ("grandson grandsons", "granddaughter granddaughters"),
    ("son sons", "daughter daughters"),
    ("husband husbands", "wife wives"),
    ("brother brothers", "sister sisters"),
    ("father fathers dad", "mother mothers mum mom"),
    ("boyfriend", "girlfriend"),
    ("nephew", "niece"),
    ("grandfather grandad grandpa", "grandmother gran grandma"),
    ("possible", "certain inevitable"),
    ("likely", "unlikely"),
    ("agree agrees agreed", "refuse refuses refused"),
    ("uphold upholds upheld upholding", "overturn overturns overturned overturning quash quashed"),
    ("longest", "shortest"),
    ("highest", "lowest"),
    ("biggest largest", "smallest"),
    ("best", "worst"),
    ("oldest", "youngest newest"),
    ("fastest quickest", "slowest"),
    ("strongest", "weakest"),
    ("most", "least fewest"),
)


# Quantity words are the number checks' to judge ("does little to lift" is no flip of "much"), and
# two-letter words are particles ("sent off", "up 4 points"), which _PAIRS handles where they tell a change.
_QUANTITIES = frozenset({"little", "much", "few", "many", "more", "less", "all", "some", "no", "any"})


def _superlative(word: str) -> str:
    """"wet" -> "wettest", "dry" -> "driest", "late" -> "latest"; long adjectives take "most" instead."""
    if word.endswith("e"):
        return word + "st"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "iest"
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", word):
        return word + word[-1] + "est"
    return word + "est"


def _wordnet_pairs() -> list[tuple[str, str]]:
    """WordNet's opposite adjectives (alive/dead, wet/dry, effective/ineffective, primary/secondary), as
    base and superlative forms. Comparatives are left out: "make her face thinner" tells a change away from
    the "fat face" the source has, not its opposite; the hand-written pairs above carry the comparatives
    whose flips were seen ("higher", "lower")."""
    path = Path(__file__).with_name("wordnet_antonyms.txt")
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b = line.split()
        if a in _QUANTITIES or b in _QUANTITIES or min(len(a), len(b)) < 3:
            continue
        forms = [f"{w} {_superlative(w)}" if len(w) <= 6 and "-" not in w else w for w in (a, b)]
        pairs.append((forms[0], forms[1]))
    return pairs


def _lexicon() -> dict[str, list[tuple[frozenset[str], frozenset[str]]]]:
    """word -> every (its pole's forms, the opposite pole's forms) it belongs to."""
    out: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for a, b in (*_PAIRS, *_wordnet_pairs()):
        one, other = frozenset(a.split()), frozenset(b.split())
        for word in one:
            out.setdefault(word, []).append((one, other))
        for word in other:
            out.setdefault(word, []).append((other, one))
    return out


_LEXICON = _lexicon()
_VOTE = frozenset({"vote", "votes", "voted", "voting"})
_VOTED = {"for": "backed", "against": "opposed"}
""""voted for" backs and "voted against" opposes: read as those words."""
_KIN_TEXT = """grandson grandsons granddaughter granddaughters son sons daughter daughters husband husbands
    wife wives brother brothers sister sisters boyfriend girlfriend nephew niece grandfather grandad grandpa
    grandmother gran grandma"""
_KIN = frozenset(_KIN_TEXT.split())
"""Relatives: a claim's relative the story never has, where it has the opposite one, is someone else."""
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "nobody", "none", "neither", "nothing"})
CONTEXT = 4  # words either side of the opposite word in which a content word of the claim must stand


def check_antonyms(src: SourceIndex, toks: list[Token], evidence: list[int]) -> list[str]:
    """Issues for claim words whose opposite the supporting sentences use instead of them."""
    issues: list[str] = []
    if not evidence:
        return issues
    claim_content = {t.stem for t in toks if is_content(t)}
    for k, t in enumerate(toks):
        word = _VOTED.get(t.lower, t.lower) if k > 0 and toks[k - 1].lower in _VOTE else t.lower
        if word not in _LEXICON or any(x.lower in _NEGATIONS for x in toks[max(0, k - 3) : k]):
            continue
        if k > 0 and t.text[:1].isupper() or not _a_direction(toks, k):
            continue  # a name ("Harlow Falls"), or "down" that tells no change ("stepped down")
        # A claim joining two facts has only one of them in its evidence: the sentences that tell the
        # words around this one ("its shares rose 8%") are read too.
        here = sorted(set(evidence) | _telling(src, toks, k))
        # "down from 80 per cent": a change of a figure is judged where the source states that figure.
        figure = _figure_after(toks, k)
        stating, before_figure = _stating(src, figure)
        here = stating or here
        sentences = [src.sent_tokens[i] for i in here]
        pairs = (pair for sent in sentences for pair in zip(sent, sent[1:], strict=False))
        if word != t.lower and any(a.lower in _VOTE and b.lower == t.lower for a, b in pairs):
            continue  # the source's own "voted against"
        used = {w.lower for sent in sentences for p, w in enumerate(sent) if not (p and w.text[:1].isupper())}
        context = claim_content - {t.stem}
        if t.lower in _PREPOSITIONS:  # "with gusts" is no flip of "without power": same object only
            context = {x.stem for x in toks[k + 1 : k + 4] if is_content(x)}
        near = 3 if t.lower in _PREPOSITIONS else CONTEXT
        # The source's own direction word right before the same figure ("Exports fell 4%") decides.
        for pole, opposite in _LEXICON[word]:
            if before_figure & pole:
                break
            if attached := sorted(before_figure & opposite):
                issues.append(f"'{t.text}' where the source says '{attached[0]}'")
                break
            if t.lower == "up":
                break  # "up 4 points": judged by the source's word before the figure alone, as it is loose
            if _told_by_claim(toks, sentences, opposite):
                continue  # "opens in Glasgow and closes in London": the claim has the source's "opens" too
            # The source uses the claim's own word of what the claim tells (not of something else in the
            # sentence: "attendance has risen ..., while exclusions fell"): nothing flipped.
            if pole & used and (_said_instead(sentences, pole, context, near) or t.lower in _KIN):
                break
            if t.lower in _KIN and not pole & set(src.lower_positions):
                said_kin = next((w for w in sorted(opposite) if w in src.lower_positions), None)
                if said_kin and not _converse(toks, k, src.sent_tokens, opposite):
                    # "Granddaughter reunites with ring" where the story has only a grandson
                    issues.append(f"'{t.text}' where the source says '{said_kin}'")
                    break
            said = _said_instead(sentences, opposite, context, near)
            if said and _converse(toks, k, sentences, opposite):
                break  # "who reported her husband missing" for "reported missing by his wife"
            if said:
                issues.append(f"'{t.text}' where the source says '{said}'")
                break
    return issues


_CONVERSES = frozenset({"husband", "wife", "brother", "sister", "boyfriend", "girlfriend"})
_FLIP = {"his": "her", "her": "his"}


def _converse(toks: list[Token], k: int, sentences: list[list[Token]], opposite: frozenset[str]) -> bool:
    """"her husband" told where the source has "his wife": one relation seen from its other side."""
    if toks[k].lower not in _CONVERSES or k == 0 or toks[k - 1].lower not in _FLIP:
        return False
    if k + 1 < len(toks) and toks[k + 1].start - toks[k].end > 1:
        return False  # "his wife, Dana Mess": named in apposition, so who is who is the claim's to get right
    other = _FLIP[toks[k - 1].lower]
    return any(
        w.lower in opposite and p and sent[p - 1].lower == other
        for sent in sentences
        for p, w in enumerate(sent)
    )


def _stating(src: SourceIndex, figure: str | None) -> tuple[list[int], set[str]]:
    """The source sentences that state ``figure``, and the lower-case words right before it there."""
    if figure is None:
        return [], set()
    stating, before = [], set()
    for i, sent in enumerate(src.sent_tokens):
        at = [q for q, w in enumerate(sent) if w.text == figure]
        if at:
            stating.append(i)
            before |= {x.lower for q in at for x in sent[max(0, q - 3) : q] if not x.text[:1].isupper()}
    return stating, before


def _figure_after(toks: list[Token], k: int) -> str | None:
    """The figure a direction word applies to: "down 6%", "down from 80 per cent", "rose by 12"."""
    after = toks[k + 1 : k + 3]
    if after and after[0].lower in ("from", "by"):
        after = after[1:]
    return after[0].text if after and after[0].text[:1].isdigit() else None


def _a_direction(words: list[Token], k: int) -> bool:
    """"down" and "up" tell a change only before a figure or "from"/"by" ("down from 41.2%", "up 6%")."""
    if words[k].lower not in ("down", "up"):
        return True
    if k > 0 and words[k - 1].lower in ("make", "makes", "made", "making"):
        return False  # "home makes up 32% of sales"
    nxt = words[k + 1] if k + 1 < len(words) else None
    return nxt is not None and (nxt.lower in ("from", "by") or nxt.text[:1] in "0123456789£$€")


def _told_by_claim(toks: list[Token], sentences: list[list[Token]], opposite: frozenset[str]) -> bool:
    """Does the claim use the opposite pole as often as its supporting sentences do, so each of the
    source's uses is the claim's own and none was flipped?"""
    in_claim = sum(t.lower in opposite for t in toks)
    return in_claim > 0 and in_claim >= sum(w.lower in opposite for sent in sentences for w in sent)


LOCAL = 4  # claim words either side of a direction word that locate the sentence telling it


def _telling(src: SourceIndex, toks: list[Token], k: int) -> set[int]:
    """Source sentences holding two of the content words or numbers right around claim word ``k``."""
    near = {
        t.stem for t in toks[max(0, k - LOCAL) : k + LOCAL + 1]
        if (is_content(t) or t.text[:1].isdigit()) and t is not toks[k]
    }
    counts: dict[int, int] = {}
    for s in near:
        for i in src.stem_sents.get(s, ()):
            counts[i] = counts.get(i, 0) + 1
    return {i for i, c in counts.items() if c >= 2}


_PREPOSITIONS = frozenset({"with", "without", "above", "below"})


def _said_instead(
    sentences: list[list[Token]], opposite: frozenset[str], context: set[str], near: int = CONTEXT
) -> str | None:
    """An opposite word, not negated, with one of the claim's other content words beside it."""
    for sent in sentences:
        for p, w in enumerate(sent):
            if w.lower not in opposite or any(x.lower in _NEGATIONS for x in sent[max(0, p - 3) : p]):
                continue
            if p > 0 and w.text[:1].isupper() or not _a_direction(sent, p):
                continue  # part of a name mid-sentence ("Harlow Falls"), as in ``used`` above
            if any(x.stem in context for x in sent[max(0, p - near) : p + near + 1] if is_content(x)):
                return w.text
    return None
