"""Deterministic evidence: every figure and every quotation in a story, with ids and bundle spans.

Summaries may only show figures and quotes found here (chosen by id), so this is where grounding starts.
One pass over the story's text, bounded look-arounds per quote: linear in the story's length.

Quotes are double-quoted passages (straight or curly) of at least ``MIN_QUOTE_WORDS`` words: shorter ones
are scare quotes or coinages ("unwise"), not statements. Single quotes are not read: in news they are
mostly apostrophes or headline quotes. A quote that runs over several paragraphs (each re-opened with a
quote mark, the earlier ones left open) is one ``Quote`` per paragraph, all with the same speaker, so
that every ``Quote.text`` is exactly its source span. The speaker is taken from attribution next to the
quote (``"...," Smith said``, ``said Jane Smith``, ``Smith said: "..."``, ``according to X``, ``a
spokesman said``); a surname or titled name (``Ms Phillips``) becomes the full name introduced earlier;
``he``/``she`` becomes whoever spoke last (the last quoted speaker, or the last person the narrative has
saying something), else the last person named; an unattributed quote right after an attributed one keeps
its speaker. ``speaker`` is always the exact text at ``[speaker_start, speaker_end)``: the nearest
mention of that name. Unresolvable attributions leave ``speaker`` None rather than guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefing.model import Evidence, NumericMention, Quote, Story
from briefing.numbers import find_numbers
from briefing.sentences import paragraph_spans, sentence_spans

MIN_QUOTE_WORDS = 4
_MAX_OPEN_QUOTE = 600  # an unclosed quote longer than this is a stray mark, not a quotation
_WINDOW = 200  # how far around a quote attribution is looked for
_CARRY_CHARS = 60  # '," said Raman.\n\n"': a quote paragraph right after another keeps its speaker
_PRONOUN_REACH = 800  # how far back "he said" looks for a named person when no one has spoken yet

_VERBS = (
    r"(?:said|says|say|added|adds|told|tells|explained|explains|warned|warns|argued|argues|insisted|insists"
    r"|claimed|claims|noted|notes|stressed|stresses|wrote|writes|continued|asked|asks|admitted|admits"
    r"|conceded|declared|announced|commented|suggested|suggests|acknowledged|replied|recalled|remarked"
    r"|observed|urged|predicted|cautioned|confirmed|revealed|complained|maintained|believes|thinks"
    r"|tweeted|posted|concluded|agreed|joked|pointed\s+out|went\s+on|calls|described|describes)"
)
ABBREVIATED_TITLE = r"(?:Dr|Prof|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Det|Insp|Supt|Rev)\.(?=\s+[A-Z])"
# "Jane", "O'Neill", "Smith-Jones", the initial "J.", the title "Dr."
_CAP_TOKEN = rf"(?:{ABBREVIATED_TITLE}|[A-Z]\.|[A-Z][\w'’-]*)"
_NAME_TOKEN = rf"(?:{_CAP_TOKEN}|(?:de|van|von|der|bin|al|da|di|du|del|le|la|ter|ibn)(?=\s+[A-Z]))"
_NAME = rf"{_CAP_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}}"
_DESC_NOUNS = (
    r"(?:spokesman|spokeswoman|spokesperson|statement|source|sources|official|officials|insider|analyst"
    r"|analysts|economist|economists|expert|experts|minister|director|executive|chief|chairman|chairwoman"
    r"|president|secretary|report|police|witness|witnesses|resident|residents|lawyer|lawyers|campaigner"
    r"|campaigners|company|firm|group|union|bank|government|ministry|department|council|court|judge"
    r"|researcher|researchers|scientist|scientists|doctor|doctors|critic|critics|regulator|agency|club"
    r"|manager|coach|team|party|organisers|organizers|charity|board|study|workers?|employees?|members?"
    r"|users?|customers?|parents?|students?|teachers?|nurses?|farmers?|drivers?|passengers?|locals?"
    r"|neighbours?|neighbors?|friends?|fans?|voters?|shoppers?|owners?|man|woman|men|women|mother|father"
    r"|survivors?|victims?|officers?|diplomats?|traders?|investors?|protesters?|activists?|leaders?"
    r"|founder|boss|head|editor|author|singer|star|actor|actress|writer|producer|designer|governor|mayor"
    r"|senator|commissioner|magazine|newspaper|paper|website|broadcaster|network|dj|presenter|host)"
)
_DESC = rf"(?:(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w'’-]+\s+){{0,4}}?{_DESC_NOUNS}|{_DESC_NOUNS})"
_ROLE_WORD = (
    r"(?!(?:in|on|at|of|for|to|from|with|by|after|before|during|when|while|as|and|but|that|this|last|next"
    r"|the|a|an|earlier|later|today|yesterday)\b)[a-z][\w'’-]*"
)
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
_APPOSITIVE = r"(?:\s*,[^,\"“”\n]{1,90},)?"
_AUX = r"(?:\s+(?:has|had|also|then|later|previously|once))?"

_AFTER = [
    re.compile(rf"\s*[,.]?\s*(?P<pron>{_PRON}){_AUX}\s+{_VERBS}\b"),
    re.compile(rf"\s*[,.]?\s*(?P<who>{_NAME}|{_DESC}){_APPOSITIVE}{_AUX}\s+{_VERBS}\b"),
    # "chief executive Marta Lindqvist told analysts"
    re.compile(rf"\s*[,.]?\s*(?:{_ROLE_WORD}\s+){{1,3}}(?P<who>{_NAME}){_APPOSITIVE}{_AUX}\s+{_VERBS}\b"),
    # "said HVB Group economist Andreas Rees": the person after the organisation and role
    # (before the bare description, so "said agency director Tomas Varga" is Varga, not "agency").
    re.compile(rf"\s*[,.]?\s*{_VERBS}\s+(?:{_NAME}\s+)?(?:{_ROLE_WORD}\s+){{1,3}}(?P<who>{_NAME})"),
    re.compile(rf"\s*[,.]?\s*{_VERBS}\s+(?P<who>{_DESC})"),
    re.compile(rf"\s*[,.]?\s*{_VERBS}\s+(?P<who>{_NAME})"),
    re.compile(rf"\s*,?\s*according\s+to\s+(?P<who>{_DESC}|{_NAME})"),
]
_BEFORE = [
    re.compile(rf"\b(?P<pron>{_PRON}){_AUX}\s+{_VERBS}\b[^\"“”.!?]{{0,80}}?[:,]?\s*$"),
    re.compile(rf"(?P<who>{_NAME}|{_DESC}){_APPOSITIVE}{_AUX}\s+{_VERBS}\b[^\"“”.!?]{{0,80}}?[:,]?\s*$"),
    re.compile(rf"\b[Aa]ccording\s+to\s+(?P<who>{_DESC}|{_NAME})(?:\s*,[^,\"“”\n]{{1,90}})?\s*,\s*$"),
]



def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TITLES = _words(
    """mr mrs ms miss dr prof professor sir det insp supt sgt lt col dame lord lady rev president prime
    minister chancellor secretary
    senator sen rep gov governor judge justice chief executive foreign home health education defence defense
    general gen captain capt inspector detective sergeant officer coach manager boss chairman chairwoman
    mayor king queen prince princess pope archbishop bishop father shadow deputy vice opposition leader
    labour tory conservative democrat republican democratic liberal mp mep councillor commissioner ceo
    chief-executive director spokesman spokeswoman minister's economist analyst striker midfielder
    defender goalkeeper singer actor actress star"""
)
_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "father"})
_FEMALE = frozenset({"mrs", "ms", "miss", "dame", "lady", "queen", "princess"})
# Capitalised words that start sentences rather than names.
_NOT_NAME = _words(
    """a an the this that these those it its he she they we i you his her their our my but and or so then
    yet however meanwhile also still now today yesterday tomorrow later earlier last next in on at for with
    after before when while as if although though because since speaking asked writing talking according
    monday tuesday wednesday thursday friday saturday sunday there here what why how where who which
    both all some many most several one two three four five six seven eight nine ten mps to from by of
    into onto over under about than dear"""
)
_ORG_WORDS = _words(
    """office union council party bank ministry department group news committee association agency court
    house street road club united city league corporation company ltd inc plc government university college
    school hospital service services commission authority institute organisation organization board
    federation fund trust army police assembly parliament kingdom states republic nations commons lords
    centre center airport station times post journal herald guardian telegraph mail reuters press bbc"""
)
_DESC_RE = re.compile(_DESC)
_POSSESSIVE = re.compile(r".*['’]s\s+")
_QUOTE_MARK = re.compile(r"[\"“”]")
_SPEAKS = re.compile(rf"{_APPOSITIVE}{_AUX}\s+{_VERBS}\b")
_CAPS_RUN = re.compile(rf"\b{_CAP_TOKEN}(?:[ \t]+{_NAME_TOKEN})*")


@dataclass(frozen=True, slots=True)
class _Mention:
    """A name as the story writes it: ``name`` is exactly ``text[start:end]``."""

    name: str
    start: int
    end: int


@dataclass(slots=True)
class _People:
    """Names the story mentions: full names in order, each surname's full name, and genders from titles."""

    starts: dict[str, list[int]]
    by_surname: dict[str, str]
    gender: dict[str, str]
    recent: list[tuple[int, str]]  # (position, full name) of every full-name or surname mention
    surnames_alone: set[str]  # surnames the story uses alone, or whose bearer speaks: persons, not places
    speaking: list[tuple[int, str]]  # (position, full name) of mentions followed by a speech verb


@dataclass(slots=True)
class _RawQuote:
    start: int
    end: int
    chain: int
    speaker: _Mention | None = None


def extract_evidence(story: Story) -> Evidence:
    """The figures (f1, f2, ...) and quotes (q1, q2, ...) of ``story``, with bundle spans.

    ``figure.text == story.text[figure.start - story.start : figure.end - story.start]``, and likewise
    for quotes and speakers; ``context`` is the sentence a figure sits in.
    """
    text = story.text
    sentences = sentence_spans(text)
    figures: list[NumericMention] = []
    sent_starts = [s for s, _ in sentences]
    for i, m in enumerate(find_numbers(text), start=1):
        k = bisect.bisect_right(sent_starts, m.start) - 1
        context = text[sentences[k][0] : sentences[k][1]] if k >= 0 and m.end <= sentences[k][1] else ""
        figures.append(
            NumericMention(
                id=f"f{i}", start=story.start + m.start, end=story.start + m.end, text=m.text, kind=m.kind,
                value=m.value, unit=m.unit, context=context,
            )  # fmt: skip
        )
    quotes = [
        Quote(
            id=f"q{i}", start=story.start + q.start, end=story.start + q.end, text=text[q.start : q.end],
            speaker=q.speaker.name if q.speaker else None,
            speaker_start=story.start + q.speaker.start if q.speaker else None,
            speaker_end=story.start + q.speaker.end if q.speaker else None,
        )  # fmt: skip
        for i, q in enumerate(_find_quotes(text), start=1)
    ]
    return Evidence(story_id=story.id, figures=figures, quotes=quotes)


def _find_quotes(text: str) -> list[_RawQuote]:
    """Quotations of at least ``MIN_QUOTE_WORDS`` words in ``text``, with resolved speakers (local spans)."""
    people = _people(text)
    raw = _quote_spans(text)
    quote_starts = [q.start for q in raw]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(quote_starts, pos) - 1
        return k >= 0 and pos < raw[k].end

    # Attribute in source order so "he said" can lean on the speakers before it.
    last_person: tuple[int, _Mention] | None = None  # (where they spoke, who)
    last_other: _Mention | None = None
    chain_speaker: dict[int, _Mention] = {}
    previous: _RawQuote | None = None
    for q in raw:
        who, pronoun = _attribution(text, q.start, q.end)
        speaker: _Mention | None = None
        if who is not None:
            speaker, is_person = _resolve(text, who, people, q.start)
            if is_person:
                last_person = (q.start, speaker)
            else:
                last_other = speaker
        elif pronoun is not None:
            speaker = (
                _introduced_by(text, people, q.start, pronoun)
                or _paragraph_subject(text, people, q.start, pronoun)
                or _resolve_pronoun(pronoun, last_person, last_other, people, q.start, inside)
            )
        elif previous is not None and previous.speaker and _same_voice(text[previous.end : q.start]):
            # A quote right after an attributed one, with no new attribution, is the same voice.
            speaker = _nearest(previous.speaker, people, q.start)
        if speaker is not None:
            chain_speaker.setdefault(q.chain, speaker)
        q.speaker = speaker
        previous = q
    out: list[_RawQuote] = []
    for q in raw:
        if q.speaker is None and q.chain in chain_speaker:
            q.speaker = _nearest(chain_speaker[q.chain], people, q.start)
        if len(text[q.start : q.end].split()) >= MIN_QUOTE_WORDS:
            out.append(q)
    return out


def _introduced_by(text: str, people: _People, at: int, pronoun: str) -> _Mention | None:
    """'Customers may wait years, said Priya Ramaswamy, a professor. She said:' closing the paragraph before
    a quote that opens its own: the person that paragraph names first (of the pronoun's gender, if known,
    and usually its subject) said it."""
    line_start = text.rfind("\n", 0, at) + 1
    previous = text[:line_start].rstrip()
    opens = text[line_start:at].strip() in ("", "\"", "“")
    if not opens or not previous.endswith(":") or pronoun in ("it", "they"):
        return None
    lo = previous.rfind("\n") + 1
    want = "m" if pronoun == "he" else "f"
    named = [(pos, name) for pos, name in people.recent if lo <= pos < len(previous)]
    named = [(p, n) for p, n in named if people.gender.get(n, want) == want and not _modifies(text, p)]
    return _nearest(_Mention(named[0][1], -1, -1), people, at) if named else None


_MODIFIER = re.compile(rf"[\w'’.-]+\s+{_ROLE_WORD}\b")


def _modifies(text: str, pos: int) -> bool:
    """'Rovers manager Paula Grieves': a name before a role word describes the role's holder."""
    return _MODIFIER.match(text, pos) is not None


SUBJECT_REACH = 40  # characters into a paragraph in which its opening subject is named


def _paragraph_subject(text: str, people: _People, at: int, pronoun: str) -> _Mention | None:
    """'Millhaven manager Steve Corrigan was frustrated. "We had 61% of the ball," he said.': the one
    person the quote's paragraph opens with, and names no one else before the quote, said it."""
    lo = text.rfind("\n", 0, at) + 1
    if pronoun in ("it", "they") or text[lo:at].lstrip()[:1] in "\"“":
        return None
    want = "m" if pronoun == "he" else "f"
    named = [(pos, name) for pos, name in people.recent if lo <= pos < at]
    if not named or len({name for _pos, name in named}) > 1 or named[0][0] > lo + SUBJECT_REACH:
        return None
    name = named[0][1]
    if people.gender.get(name, want) != want:
        return None
    return _nearest(_Mention(name, -1, -1), people, at)


def _same_voice(between: str) -> bool:
    """Does the speaker carry on? Yes within a paragraph, and into the next paragraph when that paragraph
    opens with the quote and only a short attribution tail ('," said Raman.') came between."""
    if "\n" not in between:
        return True
    return len(between) <= _CARRY_CHARS and between.rsplit("\n", 1)[1].strip() in {'"', "“"}


def _quote_spans(text: str) -> list[_RawQuote]:
    """Pair quote marks paragraph by paragraph; spans exclude the marks and trailing ',;:'.

    Straight marks are told apart by what is around them (an opener follows a space, a closer precedes
    one), so one stray mark does not flip every quote after it.
    """
    out: list[_RawQuote] = []
    chain = 0
    carried = False  # the previous paragraph ended inside a quote
    for p_start, p_end in paragraph_spans(text):
        opened: int | None = None
        for m in _QUOTE_MARK.finditer(text, p_start, p_end):
            i, mark = m.start(), m.group(0)
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            opener_like = before.isspace() or before in "([{—–-:/'‘"
            closer_like = after.isspace() or after in ",.;:!?)]}—–-'’"
            if mark == "“" or (mark == '"' and opened is None and (opener_like or not closer_like)):
                if opened is not None:
                    _add(text, opened, i, chain, out)  # '“... “': the closing mark is missing
                if not (carried and i == p_start):
                    chain += 1  # a paragraph re-opening a quote left open continues it
                opened = i + 1
            elif opened is not None and (mark == "”" or closer_like or not opener_like):
                _add(text, opened, i, chain, out)
                opened = None
            elif mark == '"' and opened is not None:
                # An opener while a quote is open ('grounds. "They will'): the closing mark is missing.
                _add(text, opened, i, chain, out)
                opened = i + 1
        carried = opened is not None and p_end - opened <= _MAX_OPEN_QUOTE
        if carried and opened is not None:
            _add(text, opened, p_end, chain, out)
    return out


def _add(text: str, start: int, end: int, chain: int, out: list[_RawQuote]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start:
        out.append(_RawQuote(start, end, chain))


def _attribution(text: str, start: int, end: int) -> tuple[_Mention | None, str | None]:
    """Who the text next to a quote says said it: a name/description, or a pronoun to resolve."""
    close = end
    while close < len(text) and text[close] in ",;: \t":
        close += 1
    if close < len(text) and text[close] in "\"”":
        close += 1
    line_end = text.find("\n", close)
    limit = min(close + _WINDOW, len(text) if line_end < 0 else line_end)
    open_mark = start - 1
    while open_mark > 0 and text[open_mark].isspace():
        open_mark -= 1
    line_start = text.rfind("\n", 0, open_mark) + 1
    if not text[line_start:open_mark].strip():
        # 'She said:' closing the paragraph before: the attribution of a quote that opens its own.
        previous = text[: line_start].rstrip()
        if previous.endswith(":"):
            line_start, open_mark = previous.rfind("\n") + 1, len(previous)
    lo = max(line_start, open_mark - _WINDOW)
    # Attribution before a quote sits in the same sentence: start after the last full stop.
    stop = max(text.rfind(end, lo, open_mark) for end in (". ", "? ", "! "))
    if stop >= 0:
        lo = stop + 2
    before = ((p.search(text, lo, open_mark), p) for p in _BEFORE)
    after = ((p.match(text, close, limit), p) for p in _AFTER)
    # 'Smith said: "..."' binds the quote to Smith even when the next sentence names someone else.
    colon = text[max(lo, open_mark - 4) : open_mark].rstrip().endswith(":")
    for m, _ in (*before, *after) if colon else (*after, *before):
        if m:
            return _from_match(text, m)
    return None, None


def _from_match(text: str, m: re.Match[str]) -> tuple[_Mention | None, str | None]:
    if m.groupdict().get("pron"):
        return None, m.group("pron").lower()
    start, end = m.span("who")
    # "ABN Amro's Eddie Wong": the name is what follows the possessive.
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive is not None and not _DESC_RE.fullmatch(text, start, end):
        start = possessive.end()
    # Strip capitalised sentence openers ("Yesterday Jane Smith") so only the name remains.
    while not _DESC_RE.fullmatch(text, start, end):
        word = re.match(r"[\w'’.-]+\s+", text[start:end])
        if word is None or word.group(0).strip().lower().rstrip(".") not in _NOT_NAME:
            break
        start += word.end()
    if start >= end:
        return None, None
    if text[start:end].split()[0].lower() in {"he", "she", "they", "it"}:
        return None, text[start:end].split()[0].lower()
    return _Mention(text[start:end], start, end), None


def _split_title(name: str) -> tuple[list[str], list[str]]:
    """('Ms Jane Phillips') -> (['Ms'], ['Jane', 'Phillips']): titles first, keeping at least one name."""
    tokens = name.split()
    i = 0
    while i < len(tokens) - 1 and tokens[i].lower().rstrip(".") in _TITLES:
        i += 1
    return tokens[:i], tokens[i:]


def _people(text: str) -> _People:
    """One scan for capitalised runs: full names (two or more words) and the titles they carry."""
    starts: dict[str, list[int]] = {}
    by_surname: dict[str, str] = {}
    by_first: dict[str, str] = {}
    gender: dict[str, str] = {}
    recent: list[tuple[int, str]] = []
    alone: set[str] = set()
    speaking: list[tuple[int, str]] = []
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0)
        tokens = run.split()
        offset = m.start()
        while tokens and tokens[0].lower().rstrip(".") in _NOT_NAME:
            offset = text.index(tokens[0], offset) + len(tokens[0])
            tokens = tokens[1:]
        if not tokens:
            continue
        titles, core = _split_title(" ".join(tokens))
        core = _drop_acronyms(core)
        if len(core) < 2 or any(t.lower() in _ORG_WORDS for t in core):
            if len(core) == 1:
                alone.add(core[0])
                # A surname, or the first name of one person named in full before, speaking ("Dot said").
                speaks = _SPEAKS.match(text, m.end()) is not None
                known = by_surname.get(core[0]) or speaks and by_first.get(core[0])
                if known:
                    recent.append((m.start(), known))
                    if _SPEAKS.match(text, m.end()):
                        speaking.append((m.start(), known))
            if titles and core:
                g = _gender_of(titles)
                full = by_surname.get(core[-1])
                if g and full:
                    gender.setdefault(full, g)
            continue
        name = " ".join(core)
        first = text.find(core[0], offset)
        if text[first : first + len(name)] != name:
            continue  # the run had line breaks or odd spacing inside; names must be exact text
        starts.setdefault(name, []).append(first)
        by_surname.setdefault(core[-1], name)
        if by_first.setdefault(core[0], name) != name:
            by_first[core[0]] = ""  # two people share the first name: it names neither
        g = _gender_of(titles)
        if g:
            gender.setdefault(name, g)
        recent.append((first, name))
        if _SPEAKS.match(text, first + len(name)):
            alone.add(core[-1])  # "Daniel Sandford said": speaks, so a person
            speaking.append((first, name))
    return _People(starts, by_surname, gender, recent, alone, speaking)


def _drop_acronyms(core: list[str]) -> list[str]:
    """'EADS Philippe Camus' -> 'Philippe Camus': an organisation's initials before a person's name."""
    while len(core) > 2 and len(core[0]) > 1 and core[0].isupper():
        core = core[1:]
    return core


def _gender_of(titles: list[str]) -> str | None:
    lowered = {t.lower().rstrip(".") for t in titles}
    return "m" if lowered & _MALE else "f" if lowered & _FEMALE else None


def _resolve(text: str, who: _Mention, people: _People, at: int) -> tuple[_Mention, bool]:
    """A written attribution -> (speaker mention, is it a person?). Surnames become full names."""
    if _DESC_RE.fullmatch(who.name):
        return who, False
    titles, core = _split_title(who.name)
    if len(core) >= 2:
        if any(t.lower() in _ORG_WORDS for t in who.name.split()):
            return who, False  # "Conservative Party Co-Chairman": an organisation's voice, as written
        core = _drop_acronyms(core)
        name = " ".join(core)
        offset = who.end - len(name)
        if text[offset : who.end] == name:
            return _Mention(name, offset, who.end), True
        return who, True
    full = people.by_surname.get(core[0])
    if full is not None:
        g = _gender_of(titles)
        if g:
            people.gender.setdefault(full, g)
        return _nearest(_Mention(full, -1, -1), people, at), True
    if titles:
        return who, True
    # A bare capitalised word ("Opec", "Microsoft") speaks for an organisation.
    return who, False


def _nearest(speaker: _Mention, people: _People, at: int) -> _Mention:
    """The mention of ``speaker``'s name nearest to ``at``, preferring one before it."""
    starts = people.starts.get(speaker.name)
    if not starts:
        return speaker
    k = bisect.bisect_right(starts, at) - 1
    pos = starts[k] if k >= 0 else starts[0]
    return _Mention(speaker.name, pos, pos + len(speaker.name))


def _resolve_pronoun(
    pronoun: str,
    last_person: tuple[int, _Mention] | None,
    last_other: _Mention | None,
    people: _People,
    at: int,
    inside_quote: Callable[[int], bool],
) -> _Mention | None:
    """'he said' -> whoever spoke last before the quote: the last quoted speaker or the last person the
    narrative has saying something ('Lindqvist said the bank...'), of the pronoun's gender if known. With
    neither, the person named most recently."""
    if pronoun in {"it", "they"}:
        return last_other
    want = "m" if pronoun == "he" else "f"

    def latest(mentions: list[tuple[int, str]], person_only: bool) -> tuple[int, str] | None:
        lo = bisect.bisect_left(mentions, (at - _PRONOUN_REACH, ""))
        hi = bisect.bisect_left(mentions, (at, ""))
        for pos, name in reversed(mentions[lo:hi]):
            # A capitalised run is a person only if the story also uses the surname alone or a title
            # ("Grand Prix" is not a person; "Kelly Holmes ... Holmes" is).
            person = not person_only or name in people.gender or name.split()[-1] in people.surnames_alone
            if person and not inside_quote(pos) and people.gender.get(name, want) == want:
                return pos, name
        return None

    narrated = latest(people.speaking, person_only=False)
    quoted = last_person is not None and people.gender.get(last_person[1].name, want) == want
    if quoted and last_person and (narrated is None or last_person[0] > narrated[0]):
        return _nearest(last_person[1], people, at)
    best = narrated or latest(people.recent, person_only=True)
    return _nearest(_Mention(best[1], -1, -1), people, at) if best else None
