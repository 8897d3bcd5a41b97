"""Negation flips: a claim that negates what its supporting sentences assert.

For each negation cue in the claim ("not", "never", "denied", "failed to", "n't") the next content words
are the negated predicate. If the source sentences that support the claim state that predicate with no
negative word anywhere near it, the claim has flipped them. The source side is read generously (any
negative or restrictive word counts) because paraphrase moves negation around ("refused to comment" is
"did not comment").
"""

from __future__ import annotations

from briefing.verify.source import SourceIndex
from briefing.verify.text import FAIL_FORMS, Token, is_content, lemma, not_negating

CLAIM_CUES = frozenset(
    {"not", "no", "never", "n't", "cannot", "none", "nobody", "nothing", "nowhere", "neither", "nor",
     "deny", "denies", "denied", "refuse", "refuses", "refused"}
)
_DECLINE = frozenset({"decline", "declines", "declined"})  # "declined to apologise"
_RESTRICTIVE = """
    non little few less hardly barely rarely seldom lack lacks lacked lacking unable instead rather reject
    rejects rejected against stop stopped halt halted ban banned dismissed false unlikely only yet longer
    absence avoid avoided"""
_ACTS = frozenset(
    {"avoid", "avoided", "stop", "stopped", "halt", "halted", "ban", "banned", "reject", "rejected"}
)
"""Restrictive verbs a claim may negate in turn: "did not avoid blackouts" where the source "avoided" them."""
SOURCE_CUES = CLAIM_CUES | FAIL_FORMS | _DECLINE | frozenset(_RESTRICTIVE.split())
SCOPE = 6  # words after a source negation that it may apply to
_WINDOW = 4  # content words after a cue that it may apply to ("did not immediately respond")


def _is_cue(toks: list[Token], k: int) -> bool:
    t = toks[k].lower
    if not_negating(toks, k):
        return False
    to = k + 1 < len(toks) and toks[k + 1].lower == "to"
    return t in CLAIM_CUES or to and (t in FAIL_FORMS | _DECLINE or t == "yet" and _yet_to(toks, k))


def _next_is(toks: list[Token], k: int, word: str) -> bool:
    return k + 1 < len(toks) and toks[k + 1].lower == word


def _yet_to(toks: list[Token], k: int) -> bool:
    """"has yet to decide" (not "is yet to be"): a thing not done."""
    return k > 0 and toks[k - 1].lower in ("has", "have", "had", "is", "are", "was", "were")


def _framing(toks: list[Token], k: int) -> bool:
    """A bare "not" that negates no verb ("Although not what people hoped", "urged him to not expose"):
    the writer's framing of a clause, not a flipped statement, which takes an auxiliary ("is (still) not")."""
    if toks[k].lower != "not" or k + 1 < len(toks) and toks[k + 1].lower == "yet":
        return False  # "a deal not yet approved" states that it is not
    return not any(t.lower in _AUXILIARIES for t in toks[max(0, k - 2) : k])


_AUXILIARIES_TEXT = """is are was were be been am do does did has have had
    will would can could should may might must shall"""
_AUXILIARIES = frozenset(_AUXILIARIES_TEXT.split())


def _targets(toks: list[Token], k: int, limit: int = 2) -> list[Token]:
    """The first content words after position ``k``: what the cue there applies to."""
    out: list[Token] = []
    for t in toks[k + 1 : k + 2 + _WINDOW]:
        if is_content(t) and t.lower in _ACTS and not out:
            return [t]  # what "avoid" acts on is negated by it in the source too
        if is_content(t) and t.lower not in SOURCE_CUES:
            out.append(t)
            if len(out) == limit:
                break
    return out


def check_polarity(
    src: SourceIndex, toks: list[Token], evidence: list[int], quoted: list[tuple[int, int]]
) -> list[str]:
    """Issues for claim negations whose predicate the supporting sentences state without negation.
    Negations inside quotation marks are the quote check's business; "not only" does not negate."""
    issues: list[str] = []
    stems = {t.stem for t in toks if is_content(t)}
    k = 0
    while k < len(toks):
        skip = any(s <= toks[k].start < e for s, e in quoted) or (
            k + 1 < len(toks) and toks[k + 1].lower in {"only", "just", "merely"}
        ) or _framing(toks, k)
        if skip or not _is_cue(toks, k):
            k += 1
            continue
        run_end = k
        while run_end + 1 < len(toks) and _is_cue(toks, run_end + 1):
            run_end += 1
        targets = _targets(toks, run_end)
        count = sum(_is_cue(toks, j) for j in range(max(0, k - 3), run_end + 1))
        # Only a plain "not" is judged when the source words it differently: other negations ("wasn't
        # punishment enough", "neither team") are the writer's own phrasing unless the source states
        # what they negate.
        plain = all(toks[j].text.lower() == "not" for j in range(k, run_end + 1))
        stated = plain or any(src.stem_sents.get(t.stem, set()) & set(evidence) for t in targets)
        # The source's negation of words the claim negates too ("no coroner") excuses nothing else.
        others = [j for j in range(len(toks)) if _is_cue(toks, j) and not k <= j <= run_end]
        negated = {t.stem for j in others for t in _targets(toks, j, 3)} - {t.stem for t in targets}
        words = stems - negated
        if (
            _same_negated_modal(src, toks, k, evidence)
            or _same_refusal(src, toks[k], evidence, targets)
            or _same_silence(src, toks, run_end, evidence)
        ):
            k = run_end + 1
            continue
        if targets and stated and _plainly_stated(src, targets, evidence, SOURCE_CUES, words, count):
            cue = " ".join(x.text for x in toks[k : run_end + 1])
            issues.append(f"negation '{cue} {targets[0].text}' not in source")
        k = run_end + 1
    return issues


_REFUSALS = frozenset({lemma("deny"), lemma("refuse")})


def _same_refusal(src: SourceIndex, cue: Token, evidence: list[int], targets: list[Token]) -> bool:
    """"The council denies ..." where the source has "The council denied ...": the source's own act,
    near the evidence or beside what is refused ("refused an offer" for "an offer the university refused")."""
    key = lemma(cue.lower)
    if key not in _REFUSALS:
        return False
    n = len(src.sentences)
    near = {j for e in evidence for j in range(max(0, e - 1), min(n, e + 2))}
    near |= {i for t in targets[:1] for i in src.stem_sents.get(t.stem, ())}
    return any(lemma(w.lower) == key for i in near for w in src.sent_tokens[i])


_SAY = frozenset({"say", "said", "says", "confirm", "confirmed", "disclose", "disclosed", "reveal"})
_OPEN = frozenset({"whether", "if", "how", "what", "when", "who", "why", "which"})


def _same_silence(src: SourceIndex, toks: list[Token], k: int, evidence: list[int]) -> bool:
    """"has not said whether it will appeal" where the source has "did not say whether" (or "declined to
    confirm how"): the source leaves the same question open."""
    if k + 2 >= len(toks) or toks[k + 1].lower not in _SAY or toks[k + 2].lower not in _OPEN:
        return False
    n = len(src.sentences)
    for i in {j for e in evidence for j in range(max(0, e - 1), min(n, e + 2))}:
        sent = src.sent_tokens[i]
        for p in range(len(sent) - 2):
            silent = sent[p].lower in SOURCE_CUES | {"declined", "to"} and sent[p + 1].lower in _SAY
            if silent and sent[p + 2].lower in _OPEN:
                return True
    return False


_MODAL_AUX = frozenset({"would", "will", "could", "can", "should", "must", "might", "may"})


def _same_negated_modal(src: SourceIndex, toks: list[Token], k: int, evidence: list[int]) -> bool:
    """"would not go back to the negotiating table" for the next sentence's "would not return to talks":
    the source negates the same modal statement in or beside the evidence, in other words."""
    if k == 0 or toks[k - 1].lower not in _MODAL_AUX or toks[k].lower != "not":
        return False
    modal = toks[k - 1].lower
    n = len(src.sentences)
    for i in {j for e in evidence for j in range(max(0, e - 1), min(n, e + 2))}:
        sent = src.sent_tokens[i]
        pairs = zip(sent, sent[1:], strict=False)
        if any(a.lower == modal and b.lower in ("not", "never") for a, b in pairs):
            return True
    return False


def _plainly_stated(
    src: SourceIndex,
    targets: list[Token],
    evidence: list[int],
    cues: frozenset[str],
    claim_stems: set[str],
    claim_count: int = 1,
) -> bool:
    """Is a target stated without the claim's negation (same parity of cues before it) in or beside the
    evidence, and do the evidence sentences negate none of the claim's words? A target the source never
    uses is judged by the evidence sentences alone."""
    stems = {t.stem for t in targets}
    lemmas = {lemma(t.lower) for t in targets}  # "not yet known" for "we don't know yet"
    n = len(src.sentences)
    near = sorted({j for i in evidence for j in range(max(0, i - NEAR), min(n, i + NEAR + 1))})
    sentences = range(n) if NEAR < 0 else sorted(set(near) | _paragraphs(src, evidence))
    for i in sentences:
        sent = src.sent_tokens[i]
        for p, w in enumerate(sent):
            if w.stem in stems or lemma(w.lower) in lemmas:
                lo = max(0, p - _WINDOW - 1)
                count = sum(_negates(sent, j, cues) for j in range(lo, p)) + _at_no_point(sent, p, lo)
                if count and (claim_count < 2 or count % 2 == claim_count % 2):
                    return False
    holding = [
        i for i in evidence if any(w.stem in stems or lemma(w.lower) in lemmas for w in src.sent_tokens[i])
    ] or evidence
    strict = cues & (CLAIM_CUES | FAIL_FORMS | {"non"}) or cues
    for i in holding:
        sent = src.sent_tokens[i]
        for p, w in enumerate(sent):
            if w.lower in strict and any(x.stem in claim_stems for x in sent[p + 1 : p + 2 + SCOPE]):
                return claim_count >= 2 and _count_before(sent, p, strict) < claim_count
    return True


_NEVER_NOUNS = frozenset({"point", "time", "stage", "moment"})
NEVER_REACH = 8  # words before a target in which "at no point" may stand


def _at_no_point(sent: list[Token], p: int, lo: int) -> int:
    """"At no point was anyone's water at risk" says "never" further from its verb than a plain "not"
    (those nearer are counted already)."""
    return int(any(
        sent[j].lower == "no" and j + 1 < len(sent) and sent[j + 1].lower in _NEVER_NOUNS
        for j in range(max(0, p - NEVER_REACH), lo)
    ))


def _paragraphs(src: SourceIndex, evidence: list[int]) -> set[int]:
    """The sentences sharing a paragraph with an evidence sentence ("A: We haven't decided. ... I'm less
    sure."): a speaker's negation a few sentences before the words the claim was aligned to."""
    def para(i: int) -> int:
        return src.text.rfind("\n", 0, src.sentences[i][0])

    paras = {para(i) for i in evidence}
    return {j for j in range(len(src.sentences)) if para(j) in paras}


def _negates(sent: list[Token], j: int, cues: frozenset[str]) -> bool:
    """Is word ``j`` a negative cue? "a few" and "a little" are amounts, not "few" or "little"."""
    w = sent[j].lower
    return w in cues and not (w in ("few", "little") and j > 0 and sent[j - 1].lower == "a")


def _count_before(sent: list[Token], p: int, cues: frozenset[str]) -> int:
    return sum(x.lower in cues for x in sent[max(0, p - _WINDOW) : p + 1])


NEAR = 1  # sentences either side of the evidence searched for a negated mention; -1 for the whole text


DROPPED_CUES = frozenset({"not", "never", "cannot", "no", "none", "nobody"})
_PASS_OVER = frozenset(
    {"be", "been", "being", "yet", "always", "even", "ever", "have", "a", "an", "the", "longer"}
)
_NOT_NEGATING = frozenset({"only", "just", "merely", "least", "until", "unless", "because", "to", "that"})
ANCHOR = 8  # source words either side of a negation among which the claim must share two more


def check_dropped(
    src: SourceIndex, toks: list[Token], evidence: list[int], quoted: list[tuple[int, int]]
) -> list[str]:
    """Issues for source negations that the claim states without ("cannot safely climb" told as "could
    safely climb", "no plans to close" as "plans to close"). The negated word must stand in the claim
    (in any form) with no negative word before it, and so must the source's other words beside the
    negation (two, or all of a short clause's), so the claim tells that very statement. The sentences
    beside the evidence are read too: bullets join facts ("... but did not take questions")."""
    issues: list[str] = []
    at: dict[str, list[int]] = {}
    by_lemma: dict[str, list[int]] = {}
    for k, t in enumerate(toks):
        if is_content(t) and not any(s <= t.start < e for s, e in quoted):
            at.setdefault(t.stem, []).append(k)
            by_lemma.setdefault(lemma(t.lower), []).append(k)
    n = len(src.sentences)
    for i in sorted({j for e in evidence for j in range(max(0, e - 1), min(n, e + 2))}):
        sent = src.sent_tokens[i]
        for p, w in enumerate(sent):
            yet = w.lower == "yet" and _yet_to(sent, p) or w.lower in FAIL_FORMS and _next_is(sent, p, "to")
            if p + 1 >= len(sent) or not yet and w.lower not in DROPPED_CUES:
                continue
            if not yet and sent[p + 1].lower in _NOT_NEGATING:
                continue
            nobody = w.lower == "no" and sent[p + 1].lower == "one"  # "no one was injured"
            if w.lower == "no" and sent[p + 1].text[:1].isdigit():
                continue  # "No 10"
            target = _negated_word(sent, p + 1 if yet or nobody else p)
            if target is None or target.text[:1].isupper():
                continue
            # By lemma, only a form with the same initial: "took" is "take", but "better" is no "good".
            told = at.get(target.stem, []) + [
                k for k in by_lemma.get(lemma(target.lower), []) if toks[k].lower[:1] == target.lower[:1]
            ]
            if w.lower != "no":  # "not win" negates a verb, which "the win" is not
                told = [k for k in told if k == 0 or toks[k - 1].lower not in _DETERMINERS]
            if not told or any(_negated_in_claim(toks, k, quoted) for k in told):
                continue
            if _not_until(sent, p, toks):
                continue  # "might not be reconnected until Tuesday" told as "could wait until Tuesday"
            if _told_positive(sent, p, target, toks, told):
                continue  # "counts tents, but doesn't count the families": the claim's "counting tents"
            around = {x.stem for x in sent[max(0, p - ANCHOR) : p + ANCHOR + 1] if is_content(x)}
            around -= {target.stem}
            shared = len(around & set(at)) >= min(2, len(around)) and around & set(at)
            verb = w.lower != "no" or nobody  # "no public holiday" negates a noun phrase, not a verb
            if not shared and not (verb and _same_object(sent, sent.index(target), toks, told)):
                continue
            said = " ".join(x.text for x in sent[p : sent.index(target) + 1])
            issues.append(f"negation dropped: the source says '{said}'")
            return issues
    return issues


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})


OBJECT = 3  # words after a verb in which its object stands


def _same_object(sent: list[Token], q: int, toks: list[Token], told: list[int]) -> bool:
    """"had yet to meet the council" told as "has already met the council": the verb's object follows it
    in both, a short predicate with one content word to anchor it."""
    obj = next((x.stem for x in sent[q + 1 : q + 1 + OBJECT] if is_content(x)), None)
    return obj is not None and any(obj in {x.stem for x in toks[k + 1 : k + 1 + OBJECT]} for k in told)


def _told_positive(sent: list[Token], p: int, target: Token, toks: list[Token], told: list[int]) -> bool:
    """The source sentence also says the negated word without a negation, of the object that follows
    each use of it in the claim: the claim tells that statement, not the negated one."""
    positive = [
        q for q, w in enumerate(sent)
        if w.stem == target.stem and not p < q <= p + 4
        and not (q > 0 and sent[q - 1].lower in DROPPED_CUES | {"n't"})
    ]
    if not positive or not all(any(_same_object(sent, q, toks, [k]) for q in positive) for k in told):
        return False
    # "repairs the roads and the footpaths": the negated word's own object joined to the claim's.
    negated = next((x.stem for x in sent[sent.index(target) + 1 :] if is_content(x)), None)
    for k in told:
        j = next((j for j in range(k + 1, len(toks)) if is_content(toks[j])), None)
        while j is not None and j + 1 < len(toks) and toks[j + 1].lower in _JOINING:
            j += 1
        if j is not None and j + 1 < len(toks) and toks[j + 1].stem == negated:
            return False
    return True


_JOINING = frozenset({"and", "or", "the", "a", "an", "its", "their", "his", "her", "some"})


def _not_until(sent: list[Token], p: int, toks: list[Token]) -> bool:
    """"not ... until T" says when, and the claim tells the same time ("until Tuesday")."""
    scope = sent[p + 1 : p + 2 + SCOPE]
    at = next((q for q, w in enumerate(scope) if w.lower == "until"), None)
    if at is None or at + 1 >= len(scope):
        return False
    when = scope[at + 1].lower
    return any(a.lower == "until" and b.lower == when for a, b in zip(toks, toks[1:], strict=False))


def _negated_word(sent: list[Token], p: int) -> Token | None:
    """The verb or adjective a negation at ``p`` applies to: the next content word, past auxiliaries and
    an adverb ("cannot safely climb" -> climb)."""
    q = p + 1
    while q < len(sent) and q <= p + 3 and sent[q].lower in _PASS_OVER | _AUXILIARIES:
        q += 1
    if q < len(sent) and sent[q].lower.endswith("ly") and q + 1 < len(sent) and is_content(sent[q + 1]):
        q += 1
    return sent[q] if q < len(sent) and q <= p + 4 and is_content(sent[q]) else None


def _negated_in_claim(toks: list[Token], k: int, quoted: list[tuple[int, int]] | None = None) -> bool:
    """A negative word shortly before claim word ``k`` ("rather than discounting its whiskies to chase",
    "Unlike other countries, which have"), or a negation moved after it ("findings suggest that colorful
    toys don't directly cause" for "findings don't suggest")."""
    before = toks[max(0, k - 2 * _WINDOW) : k]
    # "has no plans to raise fares and still runs": a negation in another clause says nothing of this one.
    joins = [j for j, t in enumerate(before) if t.lower in ("and", "but", "while", "whereas")]
    before = before[joins[-1] + 1 :] if joins else before
    after = range(k + 1, min(len(toks), k + 1 + _WINDOW + 2))
    return any(
        t.lower in SOURCE_CUES or t.lower in ("instead", "rather", "until", "only", "unlike") for t in before
    ) or any(_is_cue(toks, j) and not any(a <= toks[j].start < b for a, b in quoted or ()) for j in after)


CERTAINTY = frozenset({"definitely", "certainly", "undoubtedly", "surely", "guaranteed", "inevitably"})
"""Words that turn what a source hedges ("may have been", "could rise") into fact."""


def check_certainty(src: SourceIndex, toks: list[Token], quoted: list[tuple[int, int]]) -> list[str]:
    """An issue when the claim asserts with a certainty word the source never uses: summaries compress,
    but they have no reason to add "definitely", and models that overclaim do exactly that."""
    for t in toks:
        if any(s <= t.start < e for s, e in quoted):
            continue
        if t.lower in CERTAINTY and t.lower not in src.lower_positions:
            return [f"negation: '{t.text}' asserts what the source does not say for certain"]
        # "has confirmed the presence of ice" where the source only has "what appears to be ice"
        if t.lower in _PROVED and not any(w.startswith(("confirm", "prov")) for w in src.lower_positions):
            return [f"negation: '{t.text}' asserts what the source does not say for certain"]
    return []


_PROVED = frozenset({"confirmed", "confirms", "confirm", "proved", "proves", "proven"})
