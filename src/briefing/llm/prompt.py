"""Render the summarisation prompt from the Jinja templates in ``prompts/``.

The story goes in fenced, with evidence ids inlined where the evidence sits (``£20m[f1]``,
``[q1]"..."``): the model sees each id in context without a separate evidence list, which keeps the
prompt close to the story's own length. The templates' content hash is part of the cache key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from briefing import resources
from briefing.errors import TemplateError
from briefing.model import Evidence, NumericMention, Story

SYSTEM = "summarize.system.j2"
USER = "summarize.user.j2"
REASK = "reask.j2"
REVISE = "revise.j2"
_NAMES = (SYSTEM, USER, REASK, REVISE)
_OPENING_QUOTES = "\"'“‘«"

Message = dict[str, str]


def offered_figures(evidence: Evidence) -> list[NumericMention]:
    """The figures the model may pick: the first mention of each, and no dates or years.

    Dates and years are context rather than key figures, and a repeated figure needs one id: leaving
    the rest untagged keeps the prompt short.
    """
    seen: set[str] = set()
    offered = []
    for figure in evidence.figures:
        if figure.kind not in ("date", "year") and figure.text not in seen:
            seen.add(figure.text)
            offered.append(figure)
    return offered


def annotate(story: Story, evidence: Evidence) -> str:
    """The story text with ``[f1]`` after each numeric mention and ``[q1]`` before each quote."""
    inserts: list[tuple[int, str]] = []
    for figure in offered_figures(evidence):
        inserts.append((figure.end - story.start, f"[{figure.id}]"))
    for quote in evidence.quotes:
        at = quote.start - story.start
        # quote.text excludes its marks: put the id before the opening mark, not inside the quote
        if at > 0 and story.text[at - 1] in _OPENING_QUOTES:
            at -= 1
        inserts.append((at, f"[{quote.id}]"))
    text = story.text
    for at, marker in sorted(inserts, key=lambda item: item[0], reverse=True):
        if 0 <= at <= len(text):
            text = text[:at] + marker + text[at:]
    return text


@dataclass(frozen=True)
class Prompts:
    """The loaded prompt templates and their content hash."""

    env: jinja2.Environment
    hash: str

    def messages(self, story: Story, evidence: Evidence) -> list[Message]:
        """The chat messages that ask for one story's summary."""
        return [
            {"role": "system", "content": self._render(SYSTEM)},
            {"role": "user", "content": self._render(USER, story=annotate(story, evidence))},
        ]

    def reask(self, error: str) -> Message:
        """The user message that feeds a validation error back to the model."""
        return {"role": "user", "content": self._render(REASK, error=error)}

    def revise(self, failures: list[str]) -> Message:
        """The user message that lists what the checks found wrong with an answer and asks again."""
        return {"role": "user", "content": self._render(REVISE, failures=failures)}

    def _render(self, name: str, **values: Any) -> str:
        try:
            return self.env.get_template(name).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise TemplateError(f"prompt {name}: {exc}") from exc


def load_prompts(user_dir: Path | None = None) -> Prompts:
    """Load the bundled prompts, each overridable by a file of the same name in ``user_dir``."""
    env, digest = prompt_env(_NAMES, user_dir)
    return Prompts(env=env, hash=digest)


def prompt_env(names: tuple[str, ...], user_dir: Path | None = None) -> tuple[jinja2.Environment, str]:
    """A Jinja environment over the bundled prompts (``user_dir`` overriding file by file) and the content
    hash of ``names``, which callers put in their cache keys. Raises ``TemplateError`` if one is missing."""
    env = jinja2.Environment(
        loader=resources.choice_loader(resources.prompts_dir(), user_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )
    digest = hashlib.sha256()
    for name in names:
        try:
            source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"prompt {name} not found") from exc
        digest.update(name.encode() + b"\0" + source.encode() + b"\0")
    return env, digest.hexdigest()[:16]
