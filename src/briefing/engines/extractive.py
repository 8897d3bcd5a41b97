"""The no-LLM engine: a summary made only of the story's own sentences, figures and quotes.

It is the zero-setup mode and the fallback when an LLM fails, so everything it shows is a source span
(status ``grounded``): the headline is the title or a clause-trimmed prefix of the lead sentence, the
bullets are whole sentences chosen for position, centrality (TF-IDF similarity to the story) and figures,
and key figures and quotes come from the evidence by id. Deterministic and linear in the story's length.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

from briefing.engines.base import Usage
from briefing.model import (
    Claim,
    Evidence,
    KeyFigure,
    NumericMention,
    Quote,
    Span,
    Story,
    StorySummary,
    SummaryQuote,
)
from briefing.sentences import sentence_spans

HEADLINE_CHARS = 90  # a lead this long is a headline as it is; a clause cut may leave up to HEADLINE_MAX
HEADLINE_MIN = 40
LEAD_REUSE = 0.7  # a lead the headline trimmed below this share of its length may still be a bullet
HEADLINE_MAX = 100
MAX_BULLETS = 4
MAX_FIGURES = 4
MAX_QUOTES = 2
MAX_LABEL_WORDS = 8


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _words(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more most
    my no nor not now of off on once only or other our ours out over own said same says she should so some
    such than that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your year years new
    one two three also mr mrs ms told say would could may might must shall us per cent"""
)
# Words a headline or label must not end on: they promise more than was kept.
_DANGLING = _words(
    """a an the of to and or in on for with at by from as that which who whom whose but its their his her
    is was are were has have had will would could should be been being than into over after before while
    said says more most about against between during under up down this these those our your my not no
    also very so if because amid despite following including per than its it's new such above below
    around nearly almost just some only least now then there here"""
)
_LABEL_STOPS = _words(
    """was were is are has have had will would could should said says that which who after when while
    because and but or if as since until although though amid despite compared versus against
    i we you he she they it our my your his her their its"""
)
_CLAUSE_WORDS = re.compile(
    r"\s(?=(?:but|as|after|while|which|who|because|when|although|amid|despite|following|with|and|"
    r"before|since|until|where|whereas|though|including|in|to|by|for|from|on|at|over|under|into|within|"
    r"without|during|against|across|through)\s)"
)
_CLAUSE_PUNCT = re.compile(r"\s*[,;:]\s|\s[-–—]\s|\s\(")
_DISCOURSE = re.compile(
    r"(?:Separately|Meanwhile|However|Elsewhere|Additionally|In other news|In a separate move),\s+(?=\w)"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’&-]{1,40}(?:\([^)]{1,30}\))?\s*[-–—:]\s+(?=[A-Z\"“])")
_BOILERPLATE = re.compile(
    r"^(?:By\s+[A-Z]|Reporting\s+by|Additional\s+reporting|Edited\s+by|Updated|Published|Posted|Last\s+updated"
    r"|Image|Photo|Picture|Getty|Copyright|©|Follow\s|Share\s|Read\s+more|Related|Click|Sign\s+up|Subscribe"
    r"|Advertisement|Watch:|Listen:|Video:|Source:)",
)
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_DANGLING_START = re.compile(
    r"^[\"“]?(?:He|She|It|They|This|That|These|Those|But|And|Also|However|Meanwhile|So|Yet|Or|His|Her|Their"
    r"|Its|There|Such|Then|Still|Instead|Nevertheless|Moreover|Furthermore|Besides)\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|added|told|tells|explained|warned|argued|insisted|claimed|noted|stressed|wrote"
    r"|according\s+to|asked|admitted|announced|commented|suggested|confirmed|urged|predicted)\b"
)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
_TOKEN = re.compile(r"[a-z][a-z'’-]+")
_PREPOSITIONS = _words("in on at for with from by to into over under after before across since against")
_DETERMINERS = _words("a an the this that these those its their his her our")
_NUMBER_WORDS = _words(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
    thousand million billion half dozen"""
)
_AUXILIARIES = _words("has have had is are was were will would could should")
_VERB_ED = re.compile(r"[a-z]+ed$")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s$")
_SENTENCE_OPENERS = _words("Some About Around Nearly Almost Over Only Just More Fewer Up Down At In By Of")
_CONVERSION = re.compile(r"\s*[(;/,]\s*|\s*\(\s*(?:about|around|roughly|or)?\s*")
_NUMERIC = re.compile(r"[\d£$€¥%]")
_WORD = re.compile(r"[\w£$€¥%'’.,-]+")

_TOPICS: dict[str, frozenset[str]] = {
    "politics": _words(
        """election elections minister ministers government parliament mp mps labour tory tories conservative
        conservatives democrat democrats republican republicans vote votes voters voting party parties
        senate congress president prime policy campaign chancellor cabinet opposition referendum
        legislation bill council councillor mayor whitehall downing"""
    ),
    "business": _words(
        """company companies firm firms market markets shares share profit profits sales revenue bank banks
        economy economic investors investment prices price inflation interest rates rate trade deal
        merger takeover chief executive ceo business businesses jobs unemployment stock stocks growth
        retail retailer oil exports imports customers quarter earnings"""
    ),
    "technology": _words(
        """technology tech software internet online computer computers digital app apps website mobile
        phone phones smartphone data users broadband network networks devices device chip chips ai
        artificial intelligence google microsoft apple robot robots cyber hackers virus gadgets gaming
        games"""
    ),
    "crypto": _words(
        """bitcoin crypto cryptocurrency cryptocurrencies blockchain ethereum token tokens coin coins wallet
        wallets exchange mining miners stablecoin defi nft nfts"""
    ),
    "sport": _words(
        """match matches game season team teams player players coach club clubs league cup champion
        championship win won victory defeat goal goals score scored football rugby cricket tennis golf
        olympic olympics athletics race racing striker squad tournament final fans stadium injury"""
    ),
    "health": _words(
        """health hospital hospitals patients patient doctors doctor nurses nhs disease diseases virus
        vaccine vaccines cancer treatment medical medicine drug drugs care clinical infection infections
        surgery mental obesity diet"""
    ),
    "entertainment": _words(
        """film films movie movies actor actress star stars music album albums singer band bands show
        shows tv television festival awards award oscar oscars box office director comedy drama chart
        concert theatre celebrity"""
    ),
    "world": _words(
        """war troops military army soldiers forces conflict refugees un united nations embassy foreign
        border attack attacks killed rebels ceasefire peace talks sanctions protest protests crisis
        earthquake tsunami flood floods aid humanitarian"""
    ),
    "science": _words(
        """scientists scientist research researchers study studies space nasa planet planets species
        climate experiment university physics biology genetic genes discovery telescope laboratory
        fossil evolution"""
    ),
}
_SCORE_WEIGHT = 2.0
_TOPIC_OF = {w: [t for t, ws in _TOPICS.items() if w in ws] for w in frozenset().union(*_TOPICS.values())}
_KIND_WEIGHT = {
    "money": 3.0,
    "percent": 3.0,
    "count": 2.0,
    "quantity": 2.0,
    "number": 1.0,
    "date": 0.3,
    "year": 0.2,
}
_TIME_NOUNS = _words("year month week day hour minute second time decade century")


@dataclass(frozen=True, slots=True)
class _Sentence:
    index: int
    start: int  # local offsets into story.text
    end: int
    text: str


class ExtractiveEngine:
    """Summarises by selection, never by generation: every item is a span of the story."""

    name = "extractive"

    def __init__(self) -> None:
        self.model: str | None = None
        self.usage = Usage()

    async def summarize(self, story: Story, evidence: Evidence) -> StorySummary:
        return self.summarize_sync(story, evidence)

    def summarize_sync(
        self, story: Story, evidence: Evidence, fallback_reason: str | None = None
    ) -> StorySummary:
        """The extractive summary; with ``fallback_reason`` it is marked as standing in for an LLM."""
        text = story.text
        body, title_span = _body_sentences(story)
        headline, lead_used = _headline(story, body, title_span)
        quotes = _quotes(evidence)
        shown = [(q.start - story.start, q.end - story.start) for q in quotes]
        bullets = _bullets(story, evidence, body, lead_used, headline.text, shown)
        chosen = {(b.evidence[0].start - story.start) for b in bullets if b.evidence}
        return StorySummary(
            story_id=story.id,
            headline=headline,
            bullets=bullets,
            key_figures=_key_figures(story, evidence, body, chosen, title_span),
            quotes=quotes,
            topic=_topic(text),
            engine=self.name,
            fallback=fallback_reason is not None,
            fallback_reason=fallback_reason,
        )


def _body_sentences(story: Story) -> tuple[list[_Sentence], tuple[int, int] | None]:
    """The story's sentences after its title line, and the title's local span if the text has it."""
    text = story.text
    title_span: tuple[int, int] | None = None
    skip_to = 0
    if story.title:
        at = text.find(story.title.strip())
        if at >= 0:
            title_span = (at, at + len(story.title.strip()))
            skip_to = title_span[1]
    spans = [s for s in sentence_spans(text) if s[0] >= skip_to]
    return [_Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)], title_span


def _grounded(story: Story, start: int, end: int) -> Claim:
    return Claim(
        text=story.text[start:end],
        status="grounded",
        evidence=[Span(start=story.start + start, end=story.start + end)],
    )


def _headline(
    story: Story, body: list[_Sentence], title_span: tuple[int, int] | None
) -> tuple[Claim, _Sentence | None]:
    """The title, or the lead sentence trimmed at a clause boundary. Also returns the lead it used."""
    if title_span is not None:
        return _grounded(story, *title_span), None
    if story.title:
        return Claim(text=story.title.strip(), status="grounded"), None
    lead = next((s for s in body if _usable(s)), body[0] if body else None)
    if lead is None:
        return Claim(text=story.text.strip()[:HEADLINE_CHARS], status="grounded"), None
    start = lead.start + _dateline_end(lead.text)
    marker = _DISCOURSE.match(story.text, start, lead.end)
    if marker is not None:
        start = marker.end()  # "Meanwhile, Northwind Freight ..." reads as a headline without the link word
    headline = _grounded(story, start, start + _trim(story.text[start : lead.end]))
    if headline.text[:1].islower():  # "Meanwhile, the drinks maker ..." -> "The drinks maker ..."
        headline = headline.model_copy(update={"text": headline.text[0].upper() + headline.text[1:]})
    return headline, lead


def _trim(sentence: str) -> int:
    """Length of the headline-sized prefix of ``sentence``: all of it (less its full stop) if it fits, else
    cut at the last punctuated clause break, else before the last clause word ('after', 'by', ...), leaving
    40-100 characters; else at the last word within 90. Dangling words at the end go."""
    text = sentence.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if len(text) <= HEADLINE_CHARS:
        return _drop_open_quote(text)
    window = text[: HEADLINE_MAX + 16]  # room for the clause word after a cut at HEADLINE_MAX
    punct = [m.start() for m in _CLAUSE_PUNCT.finditer(window) if HEADLINE_MIN <= m.start() <= HEADLINE_MAX]
    words = [m.start() for m in _CLAUSE_WORDS.finditer(window) if HEADLINE_MIN <= m.start() <= HEADLINE_MAX]
    cut = max(punct or words or [text.rfind(" ", 0, HEADLINE_CHARS + 1)])
    if cut <= 0:
        cut = HEADLINE_CHARS
    kept = text[:cut].rstrip(" ,;:-–—").split(" ")
    while len(kept) > 3 and (kept[-1].lower().strip(",;:") in _DANGLING or not kept[-1].strip(",;:-–—")):
        kept.pop()
    return _drop_open_quote(" ".join(kept).rstrip(" ,;:-–—"))


def _drop_open_quote(text: str) -> int:
    """Don't end a headline inside a quotation or a bracket: cut before the unmatched mark."""
    for opener, closer in (("“", "”"), ("(", ")")):
        if text.count(opener) > text.count(closer):
            at = text.rfind(opener)
            if at >= 30:
                text = text[:at].rstrip(" ,;:-–—")
    if text.count('"') % 2 == 1:
        at = text.rfind('"')
        if at >= 30:
            text = text[:at].rstrip(" ,;:-–—")
    return len(text)


def _usable(s: _Sentence) -> bool:
    """Not a byline, dateline, caption, link or fragment."""
    text = s.text
    if len(text.split()) < 6 or _BOILERPLATE.match(text) or _URL.search(text):
        return False
    if not any(c.islower() for c in text) or text[0].islower():
        return False  # shouting, or a fragment cut off from its sentence
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False  # a quotation cut in half by the sentence splitter
    return not _unattributed_quote(text)


def _unattributed_quote(text: str) -> bool:
    """A sentence that is only a quotation, with no one named as saying it."""
    if text[:1] not in '"“':
        return False
    outside = _QUOTED.sub(" ", text)
    return not _ATTRIBUTION.search(outside)


def _tokens(text: str) -> list[str]:
    return [t.rstrip("s") if len(t) > 3 else t for t in _TOKEN.findall(text.lower()) if t not in _STOP]


def _centrality(body: list[_Sentence]) -> list[float]:
    """Cosine of each sentence's TF-IDF vector with the whole story's."""
    bags = [Counter(_tokens(s.text)) for s in body]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    idf = {t: math.log((n + 1) / (c + 1)) + 1 for t, c in df.items()}
    story: Counter[str] = Counter()
    for bag in bags:
        story.update(bag)
    svec = {t: c * idf[t] for t, c in story.items()}
    snorm = math.sqrt(sum(v * v for v in svec.values())) or 1.0
    out = []
    for bag in bags:
        vec = {t: c * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        out.append(sum(v * svec[t] for t, v in vec.items()) / (norm * snorm) if norm else 0.0)
    return out


def _bullets(
    story: Story,
    evidence: Evidence,
    body: list[_Sentence],
    lead_used: _Sentence | None,
    headline: str,
    shown_quotes: list[tuple[int, int]],
) -> list[Claim]:
    """2-4 of the story's sentences, chosen for importance, in source order."""
    if not body:
        return [Claim(text=headline, status="grounded")] if headline else []
    central = _centrality(body)
    top = max(central) or 1.0
    figures = _figure_sentences(story, body, evidence)
    scored: list[tuple[float, _Sentence]] = []
    for s, c in zip(body, central, strict=True):
        score = 0.5 * c / top + 0.5 / (1 + 0.3 * s.index) + (0.3 if s.index == 0 else 0.0)
        score += 0.15 if s.index in figures else 0.0
        words = len(s.text.split())
        score -= 0.2 if words > 45 else 0.1 if words < 10 else 0.0
        score -= 0.35 if _DANGLING_START.match(s.text) else 0.0
        score -= 0.2 if s.text[:1] in '"“' else 0.0  # a quotation reads as a quote, not as a summary
        scored.append((score, s))
    if lead_used is not None and len(headline) < LEAD_REUSE * len(lead_used.text):
        lead_used = None  # the headline kept only the start of a long lead: the rest is still news
    candidates = [s for s in body if s is not lead_used]
    want = 2 if len(candidates) <= 4 else 3 if len(candidates) <= 10 else MAX_BULLETS
    want = min(want, len(candidates))
    if want == 0:
        return [_grounded(story, body[0].start, body[0].end)]
    ranked = [s for _, s in sorted(scored, key=lambda p: (-p[0], p[1].index)) if s is not lead_used]
    picked: list[_Sentence] = []
    seen = [set(_tokens(headline))]
    # A sentence carrying a quote the summary already shows would say it twice: only as a last resort.
    usable = {
        s.index: _usable(s) and not any(s.start <= a and b <= s.end for a, b in shown_quotes) for s in ranked
    }
    for s in [s for s in ranked if usable[s.index]] + [s for s in ranked if not usable[s.index]]:
        if len(picked) >= want:
            break
        bag = set(_tokens(s.text))
        if any(_overlap(bag, other) > 0.6 for other in seen) and len(ranked) - len(picked) > want:
            continue
        picked.append(s)
        seen.append(bag)
    return [
        _grounded(story, s.start + _dateline_end(s.text), s.end)
        for s in sorted(picked, key=lambda s: s.index)
    ]


def _dateline_end(sentence: str) -> int:
    """Length of a leading dateline ('KESTREL BAY (Wire) - '), or 0 when there is none worth cutting."""
    m = _DATELINE.match(sentence)
    return m.end() if m and len(sentence) - m.end() > 30 else 0


def _overlap(candidate: set[str], other: set[str]) -> float:
    """How much of a candidate sentence's content another text already says."""
    return len(candidate & other) / len(candidate) if candidate and other else 0.0


def _figure_sentences(story: Story, body: list[_Sentence], evidence: Evidence) -> set[int]:
    """Indices of sentences that state money, a percentage, a count or a quantity."""
    starts = [s.start for s in body]
    out = set()
    for f in evidence.figures:
        if f.kind in {"money", "percent", "count", "quantity"}:
            k = bisect.bisect_right(starts, f.start - story.start) - 1
            if k >= 0:
                out.add(body[k].index)
    return out


def _key_figures(
    story: Story, evidence: Evidence, body: list[_Sentence], chosen: set[int], title: tuple[int, int] | None
) -> list[KeyFigure]:
    """Up to four figures: money, percentages and counts in early sentences first; years and dates last."""
    # A figure in the title is read (and labelled) within the title, ranked like one in the lead.
    head = [_Sentence(0, title[0], title[1], story.text[title[0] : title[1]])] if title else []
    sentences = head + body
    starts = [s.start for s in sentences]
    quote_starts = [q.start for q in evidence.quotes]
    scored: list[tuple[float, NumericMention, _Sentence | None]] = []
    previous: NumericMention | None = None
    for f in evidence.figures:
        local = f.start - story.start
        if (
            previous is not None
            and f.kind == previous.kind == "money"
            and _CONVERSION.fullmatch(story.text[previous.end - story.start : local])
        ):
            previous = f
            continue  # "2.39bn rupees ($54.98m; £29.32m)": a conversion of the figure before, not news
        previous = f
        k = bisect.bisect_right(starts, local) - 1
        sentence = sentences[k] if k >= 0 else None
        weight = _KIND_WEIGHT[f.kind]
        if f.kind == "count" and (f.value == 1 or (f.unit or "") in _TIME_NOUNS):
            weight = 1.0
        if f.kind == "number" and f.value is not None:
            weight = 0.5 if f.value < 10 else 2.0 if f.value >= 1000 else 1.0
        if f.unit == "score":
            weight = _SCORE_WEIGHT
        if story.text[f.end - story.start : f.end - story.start + 1] == "-":
            weight = min(weight, 1.0)  # "a two-tier system", "a three-day festival": a modifier, not a figure
        if _inside_quote(evidence.quotes, quote_starts, f):
            weight -= 1.5  # the speaker's words: shown with the quote, and hard to label
        if f.unit == "year-old":
            weight = min(weight, 0.5)  # an age: who someone is, rarely what the story is about
        if f.kind in {"number", "count"} and f.unit != "score" and _part_of_name(story.text, local):
            continue  # "Radio 4", "No 10", "Nintendo 64": a name, not a figure
        index = sentence.index if sentence else 0
        score = weight + 1.0 / (1 + 0.3 * index) + (0.5 if sentence and sentence.start in chosen else 0.0)
        scored.append((score, f, sentence))
    scored.sort(key=lambda p: (-p[0], p[1].start))
    primary = [p for p in scored if p[1].kind not in {"year", "date"}]
    pool = primary or scored
    picked: list[tuple[NumericMention, str]] = []
    for _, f, sentence in pool:
        if len(picked) >= MAX_FIGURES:
            break
        if any((f.kind, f.unit, f.value, f.text) == (g.kind, g.unit, g.value, g.text) for g, _ in picked):
            continue  # the same figure repeated later in the story
        label = _label(story, f, sentence)
        if label:  # a figure with no words around it (a results table, a line-up) explains nothing
            picked.append((f, label))
    picked.sort(key=lambda p: p[0].start)
    return [
        KeyFigure(figure_id=f.id, value=f.text, label=label, start=f.start, end=f.end, status="grounded")
        for f, label in picked
    ]


def _part_of_name(text: str, at: int) -> bool:
    """Is the number at ``at`` glued to a capitalised word that does not start a sentence ('Radio 4')?"""
    before = _NAME_BEFORE.search(text, max(0, at - 40), at)
    if before is None:
        return False
    k = before.start() - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and text[k] not in '.!?\n"“:(' and before.group(0).split()[0] not in _SENTENCE_OPENERS


def _inside_quote(quotes: list[Quote], starts: list[int], f: NumericMention) -> bool:
    k = bisect.bisect_right(starts, f.start) - 1
    return k >= 0 and f.end <= quotes[k].end


def _label(story: Story, f: NumericMention, sentence: _Sentence | None) -> str:
    """What a figure counts, in the source's words: the noun after it, an 'of' phrase or the clause before."""
    text = story.text
    local_start, local_end = f.start - story.start, f.end - story.start
    s_start = sentence.start if sentence else 0
    s_end = sentence.end if sentence else len(text)
    stops = _LABEL_STOPS | _PREPOSITIONS | _DETERMINERS if f.kind == "count" else _LABEL_STOPS
    after = _clause_words(text[local_end:s_end], forward=True, stops=stops)
    before = _clause_words(text[s_start:local_start], forward=False)
    if f.kind in {"count", "quantity"} or (after and _nounish(after[0])):
        words = after  # "£35bn transport plan", "a 3 percentage points rise in the levy"
    elif after and after[0].lower() == "of":
        words = after[1:]  # "£35bn of cuts"
    elif before:
        words = before
    else:
        words = after
    words = _trim_label(words)
    if not words:
        # The figure sits alone in its clause ("(£29m)"): borrow the words before it in the sentence.
        words = _trim_label(after) or _trim_label(_WORD.findall(text[s_start:local_start])[-6:])
    while words and words[0].lower() in {"'s", "’s"}:
        words = words[1:]
    return " ".join(words[:MAX_LABEL_WORDS])


def _nounish(word: str) -> bool:
    low = word.lower()
    return (
        word.islower()
        and low not in _NUMBER_WORDS
        and low not in _DANGLING
        and low not in _LABEL_STOPS
        and low not in _PREPOSITIONS
        and not _VERB_ED.match(low)
        and not low.endswith("ly")
    )


def _clause_words(segment: str, forward: bool, stops: frozenset[str] = _LABEL_STOPS) -> list[str]:
    """The words of the clause next to a figure, up to the next (or back to the last) break or stop word."""
    parts = re.split(r"[,;:()\"“”!?]|\s[-–—]\s|\.\s", segment)
    words = _WORD.findall(parts[0] if forward else parts[-1])
    if not forward:
        words = words[::-1]
        stops = stops - _AUXILIARIES  # "bad loans had more than doubled to": keep reading back
    else:
        stops = stops | {"last", "next"}  # "placements last month": the time is not what is counted
    out: list[str] = []
    for w in words:
        if w.lower() in stops or len(out) >= (MAX_LABEL_WORDS if forward else 6):
            break
        if _NUMERIC.search(w):
            # Another figure ends the phrase ("platforms a combined 4.2 million"), except reading back over
            # a change ("oil closed up $2.80 to $51.15"), where the words before it name both figures.
            if forward or _trim_label(out):
                break
            out = []
            continue
        out.append(w)
    return out if forward else out[::-1]


def _trim_label(words: list[str]) -> list[str]:
    # Other figures in the clause would read as part of the label ("closed up $2.80 to"): leave them out.
    words = [w.strip(".,-") for w in words if w.strip(".,-") and not _NUMERIC.search(w)]
    while words and (
        words[0].lower() in _DANGLING or words[0].lower() in _LABEL_STOPS or _VERB_ED.match(words[0])
    ):
        words = words[1:]
    while words and (words[-1].lower() in _DANGLING | _LABEL_STOPS | _PREPOSITIONS):
        words = words[:-1]
    return words


def _quotes(evidence: Evidence) -> list[SummaryQuote]:
    """The most newsworthy quotes: attributed, substantial, early. Shown in source order."""

    def score(i: int, q: Quote) -> float:
        words = len(q.text.split())
        return (2.0 if q.speaker else 0.0) + min(words, 40) / 20 - (1.0 if words > 70 else 0.0) - 0.1 * i

    ranked = sorted(enumerate(evidence.quotes), key=lambda p: -score(*p))[:MAX_QUOTES]
    return [
        SummaryQuote(
            quote_id=q.id, text=q.text, speaker=q.speaker, start=q.start, end=q.end, status="grounded"
        )
        for _, q in sorted(ranked, key=lambda p: p[0])
    ]


def _topic(text: str) -> str:
    """A coarse topic from keyword counts, or '' when no topic clearly leads."""
    totals: Counter[str] = Counter({t: 0 for t in _TOPICS})
    for word, n in Counter(_TOKEN.findall(text.lower())).items():
        for t in _TOPIC_OF.get(word, ()):
            totals[t] += n
    (topic, best), (_, second) = totals.most_common(2)
    return topic if best >= 3 and best >= 1.5 * second else ""
