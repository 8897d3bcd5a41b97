"""Pick the engine a run uses, and say why (the reason is shown in the run stats).

``auto``: openai when an API key or a base URL is configured; else local when a model is installed and
llama-cpp-python is importable; else extractive (no LLM at all).
"""

from __future__ import annotations

from briefing.engines.base import Engine
from briefing.llm.model_install import installed_model
from briefing.settings import Settings


def _extractive() -> Engine:
    from briefing.engines.extractive import ExtractiveEngine

    engine: Engine = ExtractiveEngine()
    return engine


def _openai(settings: Settings) -> Engine:
    from briefing.engines.openai_engine import OpenAIEngine

    return OpenAIEngine(settings, structured_output=settings.structured_output)


def _local(settings: Settings) -> Engine:
    from briefing.engines.local import LocalEngine

    return LocalEngine(settings)


def make_engine(settings: Settings) -> tuple[Engine, str]:
    """The engine ``settings`` ask for, and a one-line reason. Raises ``EngineError`` if it can't run."""
    if settings.engine == "openai":
        return _openai(settings), f"openai: chosen with --engine ({settings.base_url or 'api.openai.com'})"
    if settings.engine == "local":
        engine = _local(settings)
        return engine, f"local: chosen with --engine ({engine.model})"
    if settings.engine == "extractive":
        return _extractive(), "extractive: chosen with --engine"
    if settings.base_url:
        return _openai(settings), f"openai: base URL {settings.base_url} configured"
    if settings.api_key is not None:
        return _openai(settings), "openai: API key configured (api.openai.com)"
    from briefing.engines.local import llama_available

    model = installed_model(settings)
    if model is not None and model.is_file():
        if llama_available():
            return _local(settings), f"local: model {model} installed"
        return _extractive(), f"extractive: model {model} found, llama-cpp-python missing (extra 'local')"
    return _extractive(), "extractive: no API key, base URL or local model (see `briefing model install`)"
