"""Write a briefing's renderings to a folder, atomically, so a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefing.errors import DeliveryError
from briefing.model import Briefing
from briefing.render import Format, render

OUTPUT_FILES: dict[str, Format] = {
    "digest.html": "html",
    "digest.txt": "text",
    "digest.md": "md",
    "slack.json": "slack",
    "briefing.json": "json",
}
"""File name -> renderer format for everything a digest folder holds."""


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` in one rename: a crash leaves the old file or the new, never a mix."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DeliveryError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_outputs(
    briefing: Briefing, out_dir: Path, templates_dir: Path | None = None, *, sources: bool = False
) -> list[Path]:
    """Render ``briefing`` in every format into ``out_dir`` (see ``OUTPUT_FILES``); return the paths.

    Everything is rendered before anything is written, so a template error leaves the folder untouched.
    ``sources`` footnotes bullets with their source sentences where a format has footnotes.
    """
    rendered = {
        name: render(briefing, fmt, templates_dir, sources=sources) for name, fmt in OUTPUT_FILES.items()
    }
    paths = []
    for name, text in rendered.items():
        atomic_write(out_dir / name, text)
        paths.append(out_dir / name)
    return paths
