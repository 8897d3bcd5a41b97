"""make_engine: which engine a run gets, and the reason it says."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from briefing.engines.factory import make_engine
from briefing.engines.local import llama_available
from briefing.errors import EngineError
from briefing.llm.model_install import DEFAULT_MODEL, default_models_dir
from briefing.settings import load_settings


def engine_for(tmp_path: Path, **flags: Any) -> tuple[str, str]:
    engine, reason = make_engine(load_settings({"cache_dir": tmp_path, **flags}, env={}))
    close = getattr(engine, "aclose", None)
    if close is not None:
        asyncio.run(close())
    return engine.name, reason


def test_auto_prefers_a_configured_server(tmp_path: Path) -> None:
    name, reason = engine_for(tmp_path, base_url="http://127.0.0.1:8765/v1")
    assert (name, reason) == ("openai", "openai: base URL http://127.0.0.1:8765/v1 configured")
    assert engine_for(tmp_path, api_key="sk-x") == ("openai", "openai: API key configured (api.openai.com)")


def test_auto_without_anything_is_extractive(tmp_path: Path) -> None:
    name, reason = engine_for(tmp_path)
    assert name == "extractive" and "no API key, base URL or local model" in reason


def test_auto_uses_an_installed_model(tmp_path: Path) -> None:
    model = default_models_dir(load_settings({"cache_dir": tmp_path}, env={})) / DEFAULT_MODEL.filename
    model.parent.mkdir(parents=True)
    model.write_bytes(b"GGUF")  # present is enough to choose; loading happens on the first story
    name, reason = engine_for(tmp_path)
    if llama_available():
        assert (name, reason) == ("local", f"local: model {model} installed")
    else:
        assert name == "extractive" and "llama-cpp-python missing" in reason


def test_explicit_engines(tmp_path: Path) -> None:
    assert engine_for(tmp_path, engine="extractive") == ("extractive", "extractive: chosen with --engine")
    assert engine_for(tmp_path, engine="openai")[0] == "openai"
    with pytest.raises(EngineError, match="briefing model install"):
        engine_for(tmp_path, engine="local")
    with pytest.raises(EngineError, match="not found"):
        engine_for(tmp_path, engine="local", model_path=tmp_path / "missing.gguf")
