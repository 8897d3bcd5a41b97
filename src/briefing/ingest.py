"""Ingest: turn files, directories, globs, stdin and JSONL rows into Bundles of clean text.

Decoding is explicit and deterministic: a UTF-8/UTF-16 BOM wins, then strict UTF-8, then cp1252 (the usual
"pasted from Word/Windows" encoding). Binary data, undecodable bytes and empty input raise ``InputError``
naming the file. Newlines are normalised to ``\\n`` (as Python's text mode does), so offsets agree with what
``open(path).read()`` returns for the same file. JSONL is streamed row by row.
"""

from __future__ import annotations

import codecs
import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from briefing.errors import InputError
from briefing.model import Bundle

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".jsonl", ".ndjson", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MAX_BYTES = 256 * 1024 * 1024
"""Refuse single inputs above this size: far past any bundle, and a guard against /dev/zero-like inputs."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> str:
    """Decode bytes to normalised text or raise ``InputError`` naming ``name``."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like binary data (or UTF-16 without a BOM), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "cp1252", name)
    return _normalise(text, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid text (tried UTF-8, UTF-16 with BOM, cp1252; bad byte at offset {exc.start})"
        ) from None


def _normalise(text: str, name: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(f"{name}: looks like binary data, not text")
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(f"{name}: looks like binary data ({controls} control characters), not text")
    # Stray control characters become spaces: same length, so offsets stay valid.
    text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise InputError(f"{name}: input is empty")
    return text


def read_bytes(path: Path) -> bytes:
    """Read a file with a size guard, as ``InputError`` on any OS failure."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is over the {MAX_BYTES // 2**20} MiB input limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> str:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: over the {MAX_BYTES // 2**20} MiB input limit")
    return decode(data, name)


def iter_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[tuple[str, str]]:
    """Stream ``(id, text)`` from JSONL rows ``{"id", "text"}``; a bad row raises naming file and line."""
    for number, raw in enumerate(lines, 1):
        line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f'{name}:{number}: expected an object with a "text" string')
        row_id = row.get("id", str(number))
        yield str(row_id), row["text"].replace("\r\n", "\n")


def iter_jsonl_file(path: str, stdin: BinaryIO | None = None) -> Iterator[tuple[str, str]]:
    """Rows of a JSONL file (or ``-`` for stdin), streamed."""
    if path == "-":
        yield from iter_jsonl(stdin or sys.stdin.buffer, "<stdin>")
        return
    try:
        with open(path, "rb") as handle:
            yield from iter_jsonl(handle, path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def expand(paths: Iterable[str]) -> list[str]:
    """Expand directories (text files inside, sorted) and globs; keep '-' and plain paths as given."""
    out: list[str] = []
    for raw in paths:
        if raw == "-":
            out.append(raw)
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not found:
                raise InputError(f"{raw}: directory has no text files (.txt, .md, .jsonl)")
            out.extend(found)
        elif not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(str(path), recursive=True))
            if not matches:
                raise InputError(f"{raw}: no files match")
            out.extend(expand(matches))
        else:
            out.append(str(path))
    return out


def read_paths(paths: Iterable[str], stdin: BinaryIO | None = None) -> list[Bundle]:
    """Bundles from paths, directories, globs, ``-`` (stdin) and JSONL files (one bundle per row)."""
    bundles: list[Bundle] = []
    for path in expand(paths) or ["-"]:
        if path == "-":
            bundles.append(Bundle(text=read_stream(stdin or sys.stdin.buffer), source="<stdin>"))
        elif Path(path).suffix.lower() in JSONL_SUFFIXES:
            rows = [Bundle(text=text, source=f"{path}#{row_id}") for row_id, text in iter_jsonl_file(path)]
            rows = [row for row in rows if row.text.strip()]
            if not rows:
                raise InputError(f"{path}: no non-empty rows")
            bundles.extend(rows)
        else:
            bundles.append(Bundle(text=decode(read_bytes(Path(path)), path), source=path))
    return bundles
