"""Render a Briefing as Markdown, an HTML email, its plain-text alternative, Slack Block Kit or JSON.

Layout lives in Jinja templates (``templates/``, overridable file by file with a user directory); this module
owns what templates cannot be trusted with: escaping policy, Slack's hard limits, and packing stories into
Slack messages in order without splitting one across two messages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import jinja2

from briefing import resources
from briefing.errors import TemplateError
from briefing.model import Briefing, BriefingItem, Claim, Status
from briefing.sentences import sentence_spans

Format = Literal["md", "html", "text", "slack", "json"]

TEMPLATES: dict[str, str] = {
    "md": "briefing.md.j2",
    "html": "briefing.html",  # named *.html so select_autoescape escapes it (a .j2 suffix would not)
    "text": "briefing.txt.j2",
    "slack": "slack.json.j2",
}

# Slack Block Kit limits (https://api.slack.com/reference/block-kit). MAX_MESSAGE_CHARS stays under the
# undocumented ~13k total that makes Slack answer msg_blocks_too_long.
MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_MESSAGE_CHARS = 12000

MARKS: dict[str, str] = {
    "unverified": "⚠ unverified",
    "unsupported": "⚠ unsupported",
    "repaired": "✎ repaired",
}
"""What readers see next to an item that is not grounded or supported by its source."""

NOTE_CHARS = 200
"""A quoted source sentence in a footnote is cut here, with an ellipsis."""

Block = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class Note:
    """A bullet's footnote: its marker and the source sentences its evidence spans fall in, quoted."""

    marker: str
    quotes: list[str]


def render(
    briefing: Briefing, fmt: Format, templates_dir: Path | None = None, *, sources: bool = False
) -> str:
    """Render ``briefing`` in ``fmt``; ``templates_dir`` overrides bundled templates file by file.

    With ``sources``, Markdown and the email (HTML and text) footnote each shown bullet with the source
    sentences that back it. Raises ``TemplateError`` (naming the template and line) when a template is
    missing or fails.
    """
    if fmt == "json":
        return briefing.model_dump_json(indent=2) + "\n"
    if fmt == "slack":
        return json.dumps(slack_messages(briefing, templates_dir), indent=2, ensure_ascii=False) + "\n"
    name = TEMPLATES[fmt]
    template = _template(name, templates_dir)
    return _guard(name, lambda: template.render(briefing=briefing, stats=briefing.stats, sources=sources))


def verification_line(item: BriefingItem) -> str:
    """One line telling the reader how this story's items were checked, from ``item.verification``.

    Starts with ✓ only when every shown item is grounded, supported or repaired; an extractive summary
    (extractive engine or fallback) is the source's own sentences, so it says so rather than "supported".
    """
    report = item.verification
    summary = item.summary
    if report is None or report.checked == 0:
        return "⚠ Not checked against the source"
    statuses = [summary.headline.status, *(i.status for i in summary.bullets)]
    statuses += [f.status for f in summary.key_figures] + [q.status for q in summary.quotes]
    doubtful = "unverified" in statuses or "unsupported" in statuses
    tick = "⚠" if doubtful else "✓"
    if summary.engine == "extractive" or summary.fallback:
        head = f"Grounded: the source's own sentences, {_plural(report.checked, 'item')} checked"
    elif report.passed == report.checked > 1:
        head = f"Checked against the source: all {report.checked} items supported"
    else:
        head = f"Checked against the source: {report.passed} of {_plural(report.checked, 'item')} supported"
    parts = [f"{tick} {head}"]
    parts += [f"{n} {what}" for n, what in ((report.repaired, "repaired"), (report.dropped, "dropped")) if n]
    return " · ".join(parts)


def footnotes(item: BriefingItem) -> list[tuple[Claim, Note | None]]:
    """The shown bullets of ``item``, each with its footnote (None when it has no evidence span).

    Markers are letters per story (a, b, ...), so they never read as the story numbers beside them.
    """
    story = item.story
    sentences = sentence_spans(story.text)
    out: list[tuple[Claim, Note | None]] = []
    for claim in _visible(item.summary.bullets):
        picked: set[tuple[int, int]] = set()
        for span in claim.evidence:
            start, end = span.start - story.start, max(span.end, span.start + 1) - story.start
            picked.update(s for s in sentences if s[0] < end and start < s[1])
        note = None
        if picked:
            marker = _marker(sum(1 for _, n in out if n is not None))
            note = Note(marker, [_quote_text(story.text[s:e]) for s, e in sorted(picked)])
        out.append((claim, note))
    return out


def _marker(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else str(index + 1)


def _quote_text(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NOTE_CHARS else flat[: NOTE_CHARS - 1].rstrip() + "…"


def slack_messages(briefing: Briefing, templates_dir: Path | None = None) -> list[dict[str, Any]]:
    """Slack payloads (``{"text", "blocks"}``) for ``briefing``, in order, each within Slack's limits.

    ``slack.json.j2`` defines three macros returning JSON lists of blocks: ``header(briefing)``,
    ``story(item, number)`` and ``footer(briefing)``. A story never straddles two messages unless it alone
    is larger than a message.
    """
    name = TEMPLATES["slack"]
    macros = _guard(name, lambda: _template(name, templates_dir).module)

    def blocks(macro: str, *args: Any) -> list[Block]:
        source = _guard(name, lambda: str(getattr(macros, macro)(*args)))
        try:
            parsed = json.loads(source)
        except json.JSONDecodeError as exc:
            raise TemplateError(f"{name}: macro {macro}() did not produce JSON: {exc}") from exc
        if not isinstance(parsed, list) or not all(isinstance(b, dict) for b in parsed):
            raise TemplateError(f"{name}: macro {macro}() must produce a JSON list of blocks")
        return [fitted for block in parsed for fitted in _fit(block)]

    groups = [blocks("header", briefing)]
    groups += [blocks("story", item, number) for number, item in enumerate(briefing.items, 1)]
    groups.append(blocks("footer", briefing))
    packed = _pack(groups)
    title = f"{briefing.title} — {_long_date(briefing.date)}"
    return [
        {
            "text": mrkdwn_escape(title + (f" ({i}/{len(packed)})" if len(packed) > 1 else "")),
            "blocks": message,
        }
        for i, message in enumerate(packed, 1)
    ]


def mrkdwn_escape(text: str) -> str:
    """Escape exactly what Slack mrkdwn treats as control syntax, so ``<!channel>`` can't go live."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _mark(status: Status) -> str:
    return MARKS.get(status, "")


def _visible(items: Iterable[T]) -> list[T]:
    """Items a reader should see: dropped ones stay in the JSON record only."""
    return [item for item in items if getattr(item, "status", None) != "dropped"]


def _long_date(date: dt.date) -> str:
    # Not strftime("%-d"): that is glibc-only.
    return f"{date:%A} {date.day} {date:%B %Y}"


def _plural(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


@lru_cache(maxsize=8)
def _environment(user_dir: Path | None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=resources.choice_loader(resources.templates_dir(), user_dir),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        mrkdwn=mrkdwn_escape,
        mark=_mark,
        visible=_visible,
        longdate=_long_date,
        plural=_plural,
        verification=verification_line,
        footnotes=footnotes,
    )
    return env


def _template(name: str, user_dir: Path | None) -> jinja2.Template:
    env = _environment(user_dir)
    return _guard(name, lambda: env.get_template(name))


def _guard(name: str, action: Callable[[], T]) -> T:
    """Run ``action`` and turn any template failure into a one-line TemplateError naming file and line."""
    try:
        return action()
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name} not found") from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name or name}:{exc.lineno}: {exc.message}") from exc
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        raise TemplateError(f"{_location(exc, name)}: {type(exc).__name__}: {exc}") from exc


def _location(exc: BaseException, name: str) -> str:
    # Jinja rewrites tracebacks so template frames carry the template's file name and line.
    where = name
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py"):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _fit(block: Block) -> list[Block]:
    """Bring one block within Slack's per-block limits; an over-long section splits at line boundaries."""
    kind = block.get("type")
    text = block.get("text")
    if kind == "header" and isinstance(text, dict):
        plain = str(text.get("text", ""))
        if len(plain) > MAX_HEADER_CHARS:
            return [{**block, "text": {**text, "text": plain[: MAX_HEADER_CHARS - 1] + "…"}}]
    elif kind == "context" and len(block.get("elements", ())) > MAX_CONTEXT_ELEMENTS:
        return [{**block, "elements": block["elements"][:MAX_CONTEXT_ELEMENTS]}]
    elif kind == "section" and isinstance(text, dict) and len(str(text.get("text", ""))) > MAX_SECTION_CHARS:
        return [{**block, "text": {**text, "text": chunk}} for chunk in _split_lines(str(text["text"]))]
    return [block]


_ENTITY_TAIL = re.compile(r"&[a-z]{0,3}$")


def _split_lines(text: str, limit: int = MAX_SECTION_CHARS) -> list[str]:
    """Pack whole lines (bullets) into chunks of at most ``limit``; only a single over-long line is cut."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = limit
            tail = _ENTITY_TAIL.search(line[:cut])  # never cut an &amp; in half
            if tail:
                cut = tail.start()
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:cut])
            line = line[cut:]
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def _chars(blocks: Sequence[Block]) -> int:
    """Characters of text a message's blocks carry, which Slack caps in total."""

    def walk(node: Any) -> int:
        if isinstance(node, dict):
            return sum(len(v) if k == "text" and isinstance(v, str) else walk(v) for k, v in node.items())
        if isinstance(node, list):
            return sum(walk(v) for v in node)
        return 0

    return walk(list(blocks))


def _fits(message: list[Block], extra: Sequence[Block]) -> bool:
    return len(message) + len(extra) <= MAX_BLOCKS and _chars(message) + _chars(extra) <= MAX_MESSAGE_CHARS


def _pack(groups: Sequence[list[Block]]) -> list[list[Block]]:
    """Fill messages with whole groups in order; only a group bigger than a message is split by block."""
    messages: list[list[Block]] = [[]]
    for group in groups:
        if _fits([], group):
            if not _fits(messages[-1], group):
                messages.append([])
            messages[-1].extend(group)
            continue
        for block in group:
            if not _fits(messages[-1], [block]):
                messages.append([])
            messages[-1].append(block)
    return [message for message in messages if message]
