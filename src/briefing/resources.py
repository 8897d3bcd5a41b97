"""Where the bundled templates and prompts live, and how a user directory overrides them file by file.

A wheel carries them as package data (``briefing/_data/...``, see the pyproject force-include); an editable
or dev install reads them from the repository root. Users override single files: anything missing in their
directory falls back to the bundled copy.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from briefing.errors import TemplateError

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise TemplateError(f"bundled {name}/ directory not found next to {_PACKAGE}: reinstall briefing")


def templates_dir() -> Path:
    """The bundled ``templates/`` directory."""
    return _bundled("templates")


def prompts_dir() -> Path:
    """The bundled ``prompts/`` directory."""
    return _bundled("prompts")


def choice_loader(bundled: Path, user: Path | None = None) -> jinja2.BaseLoader:
    """A loader that looks in ``user`` first, then in ``bundled``, one file at a time.

    Raises ``TemplateError`` when ``user`` is given but is not a directory (a typo must not silently
    fall back to the bundled files).
    """
    if user is None:
        return jinja2.FileSystemLoader(bundled)
    if not user.is_dir():
        raise TemplateError(f"{user}: not a directory")
    return jinja2.ChoiceLoader([jinja2.FileSystemLoader(user), jinja2.FileSystemLoader(bundled)])
