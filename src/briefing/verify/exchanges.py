"""Two figures or two names exchanged: "Vance on 38% and Dell on 41%" where the source has "Vance on 41% and
Dell on 38%", or "15.6% of the most active group, compared with 9.1% of the least active" where it has
the most active group on 9.1 per cent.

Each figure and name is in the source, in one sentence, so the presence checks pass; what is wrong is
which words each stands with. Every figure or name of the claim that a source sentence also holds once is
read with its stretch: the content words either side of it up to a pause (a comma, a conjunction such
as "and", "while", "compared") or another item of its kind. In the source, the words of one stretch that
the other lacks tell the two apart. Two items are exchanged when each one's stretch in the claim holds
some of the other's telling words and none of its own. A paraphrase that reorders the sentence keeps each
item with its own words; one that rewords it shares none of them; neither is flagged.
"""

from __future__ import annotations

import re
from itertools import combinations

from briefing.verify.source import SourceIndex
from briefing.verify.text import STOPWORDS, Token

REACH = 6  # content words either side of an item in its stretch
_BARRIERS = frozenset(
    {"and", "or", "but", "while", "whereas", "against", "versus", "compared", "than", "after", "before"}
)
_SCALES = frozenset({"million", "billion", "trillion", "thousand", "per", "cent", "percent", "m", "bn", "k"})
_PAUSE = re.compile(r"[,;:()\[\]—–]|\s-\s")

Item = tuple[str, int, int]  # the item's lower-case words, and its first and last token index


def exchange_issues(src: SourceIndex, claim: str, toks: list[Token]) -> list[str]:
    """An issue for a pair of figures or names the claim puts in each other's places."""
    mine = _once(_items(claim, toks))
    if len(mine) < 2:
        return []
    # Only sentences holding the first words of two of the claim's items can hold an exchange.
    hits: dict[int, int] = {}
    for key in dict.fromkeys(_first_word(it[0]) for it in mine):
        for i in {src.sent_of_word[p] for p in src.lower_positions.get(key, ())}:
            hits[i] = hits.get(i, 0) + 1
    for i in sorted(i for i, n in hits.items() if n >= 2):
        text, local = _sentence(src, i)
        theirs = _once(_items(text, local))
        there = {it[0]: found for it in mine if (found := _found(it[0], theirs))}
        shared = [it for it in mine if it[0] in there]
        for x, y in combinations(shared, 2):
            if x[0][:1].isdigit() != y[0][:1].isdigit() or there[x[0]] == there[y[0]]:
                continue
            if any(it[1] == there[it[0]][1] == 0 and " " not in it[0] for it in (x, y)):
                continue  # one capitalised word opening both sentences: "Turnout" may be no name
            sx, sy = (_stretch(text, local, there[it[0]]) for it in (x, y))
            own_x, own_y = sx - sy, sy - sx
            cx, cy = _stretch(claim, toks, x), _stretch(claim, toks, y)
            if cx & own_y and cy & own_x and not cx & own_x and not cy & own_y:
                return [f"exchanged '{x[0]}' and '{y[0]}': the source has each where the other is"]
    return []


def _first_word(key: str) -> str:
    """The source word an item starts with: "25" of "25,000", "kano" of "kano state"."""
    return key.split(",")[0].split()[0]


def _sentence(src: SourceIndex, i: int) -> tuple[str, list[Token]]:
    """Source sentence ``i`` and its tokens, with offsets into the sentence."""
    start, end = src.sentences[i]
    return src.text[start:end], [
        Token(t.text, t.start - start, t.end - start, t.lower, t.stem) for t in src.sent_tokens[i]
    ]


def _found(key: str, items: list[Item]) -> Item | None:
    """The one source item that is the claim's figure, or whose name holds the claim's ("Kano" of "Kano
    State")."""
    hits = [it for it in items if it[0] == key or not key[:1].isdigit() and f" {key} " in f" {it[0]} "]
    return hits[0] if len(hits) == 1 else None


def _once(items: list[Item]) -> list[Item]:
    """The items written once: a figure or name used twice cannot be told from its other use."""
    keys = [it[0] for it in items]
    return [it for it in items if keys.count(it[0]) == 1]


def _items(text: str, toks: list[Token]) -> list[Item]:
    """The figures (a token of digits) and names (a run of capitalised words, without a leading stop word
    such as the sentence-opening "The") of a sentence."""
    items: list[Item] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.text[:1].isdigit():
            end = k  # "25,000" is one figure, tokenised as two
            while end + 1 < len(toks) and toks[end + 1].text.isdigit() and text[toks[end].end] == ",":
                end += 1
            figure = "".join(x.lower for x in toks[k : end + 1]).split("-")[0]  # "34-week" is 34
            items.append((figure, k, end))
            k = end + 1
            continue
        if not t.text[:1].isupper():
            k += 1
            continue
        end = k
        while (
            end + 1 < len(toks)
            and toks[end + 1].text[:1].isupper()
            and not _PAUSE.search(text, toks[end].end, toks[end + 1].start)
        ):
            end += 1
        first = k
        while first <= end and toks[first].lower in STOPWORDS:
            first += 1
        if first <= end:
            items.append((" ".join(x.lower for x in toks[first : end + 1]), first, end))
        k = end + 1
    return items


def _stretch(text: str, toks: list[Token], item: Item) -> set[str]:
    """The stems of the content words either side of an item, up to a pause or another item of its kind."""
    _, first, last = item
    figure = toks[first].text[:1].isdigit()
    return _walk(text, toks, first, -1, figure) | _walk(text, toks, last, 1, figure)


def _walk(text: str, toks: list[Token], at: int, step: int, figure: bool) -> set[str]:
    found: set[str] = set()
    k = at
    while len(found) < REACH:
        nxt = k + step
        if not 0 <= nxt < len(toks):
            break
        a, b = (toks[k], toks[nxt]) if step > 0 else (toks[nxt], toks[k])
        t = toks[nxt]
        if _PAUSE.search(text, a.end, b.start) or t.lower in _BARRIERS:
            break
        if t.text[:1].isdigit() if figure else t.text[:1].isupper() and t.lower not in STOPWORDS:
            break  # another item of this kind: what lies beyond is that one's
        if t.lower not in STOPWORDS and t.lower not in _SCALES:
            found.add(t.stem)
        k = nxt
    return found
