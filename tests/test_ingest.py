"""Ingest: encodings, binary/empty input, directories, globs, JSONL and stdin."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest import decode, iter_jsonl_file, read_paths

TEXT = "Café owners in Lisbon said prices rose 12% — “a shock”, one said.\nSecond line.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("cp1252"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "crlf"],
)
def test_decodes_every_supported_encoding_to_the_same_text(data: bytes) -> None:
    assert decode(data, "x.txt") == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x.txt: input is empty"),
        (b"  \n\t\n", "x.txt: input is empty"),
        (bytes(range(256)) * 4, "x.txt: looks like binary data"),
        ("no BOM here".encode("utf-16-le"), "x.txt: looks like binary data (or UTF-16 without a BOM)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "x.txt: looks like binary data"),
        (b"ok text then \x81\x8d\x8f bytes undefined in cp1252", "x.txt: not valid text"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11", "x.txt: looks like binary data"),
    ],
    ids=["empty", "blank", "random-bytes", "utf16-no-bom", "png", "undecodable", "control-chars"],
)
def test_bad_input_names_the_file_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "x.txt")
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_stray_control_characters_become_spaces_keeping_offsets() -> None:
    assert decode(b"Top\x07story here", "x") == "Top story here"


def test_directories_globs_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second bundle.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First bundle.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "r1", "text": "Row one."}\n\n{"id": 2, "text": "Row two."}\n'
    )
    bundles = read_paths([str(tmp_path)])
    assert [b.source.rsplit("/", 1)[-1] for b in bundles] == [
        "a.txt",
        "b.txt",
        "rows.jsonl#r1",
        "rows.jsonl#2",
    ]
    assert [b.text for b in read_paths([str(tmp_path / "*.txt")])] == ["First bundle.", "Second bundle."]


def test_stdin_is_read_when_no_path_or_dash() -> None:
    [bundle] = read_paths(["-"], stdin=io.BytesIO(b"Pasted text."))
    assert (bundle.source, bundle.text) == ("<stdin>", "Pasted text.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "text": "ok"}\nnot json\n', "rows.jsonl:2: not valid JSON"),
        ('{"id": 1, "body": "wrong key"}\n', 'rows.jsonl:1: expected an object with a "text" string'),
    ],
)
def test_bad_jsonl_rows_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(content)
    with pytest.raises(InputError, match=message):
        list(iter_jsonl_file(str(path)))


def test_missing_paths_and_empty_globs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_paths([str(tmp_path / "missing.txt")])
    with pytest.raises(InputError, match="no files match"):
        read_paths([str(tmp_path / "*.nothing")])
    with pytest.raises(InputError, match="directory has no text files"):
        read_paths([str(tmp_path)])
