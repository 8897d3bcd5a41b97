"""The local engine: a GGUF model run in process by llama.cpp (the ``local`` extra).

Output is grammar-constrained (``json_object`` + the schema, which llama.cpp compiles to a grammar) and
still validated. One model instance serves every story: llama.cpp is not re-entrant, so calls run in a
worker thread (the event loop stays free) one at a time behind a lock.
"""

from __future__ import annotations

import asyncio
import os
import threading
from typing import Any

from briefing.errors import EngineError, LLMError
from briefing.llm.engine import DEFAULT_MAX_TOKENS, Completion, LLMEngine
from briefing.llm.model_install import installed_model
from briefing.llm.prompt import Message
from briefing.settings import Settings

DEFAULT_CONTEXT = 8192


def _llama_class() -> Any:
    # imported on first use: importing llama_cpp costs time (and leaks a /dev/null handle)
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise EngineError("the local engine needs llama-cpp-python: pip install 'briefing[local]'") from exc
    return Llama


def llama_available() -> bool:
    """Is llama-cpp-python importable (without loading it)?"""
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None


class LocalEngine(LLMEngine):
    """Summarises with a GGUF model in process.

    Args:
        settings: model_path (else the installed default model), temperature, seed, cache, max_cost.
        n_ctx: context window; the story budget is what remains after the prompt and the answer.
        n_threads: CPU threads for llama.cpp (default: all cores).
    """

    name = "local"

    def __init__(
        self,
        settings: Settings,
        *,
        n_ctx: int = DEFAULT_CONTEXT,
        n_threads: int | None = None,
        **options: Any,
    ) -> None:
        path = installed_model(settings)
        if path is None:
            raise EngineError("no local model: run `briefing model install` or pass --model-path FILE.gguf")
        if not path.is_file():
            raise EngineError(f"{path}: model file not found")
        max_tokens = int(options.pop("max_tokens", DEFAULT_MAX_TOKENS))
        # room for the instructions and an answer that may grow twice (see LLMEngine._ask)
        story_budget = max(512, n_ctx - 4 * max_tokens - 512)
        options.setdefault("max_story_tokens", story_budget)
        if not llama_available():
            raise EngineError("the local engine needs llama-cpp-python: pip install 'briefing[local]'")
        super().__init__(settings, max_tokens=max_tokens, **options)
        self.path = path
        self.model = path.stem
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1
        self._llama: Any = None
        self._lock = threading.Lock()

    def cache_identity(self) -> dict[str, Any]:
        return {"model": self.path.name, "bytes": self.path.stat().st_size}

    def count_tokens(self, text: str) -> int:
        # tokenizing reads only the vocabulary: safe beside a generation running in the worker thread
        return len(self._model().tokenize(text.encode(), add_bos=False, special=False))

    def _model(self) -> Any:
        """The one Llama instance, loaded on first use."""
        if self._llama is None:
            with self._lock:
                if self._llama is None:
                    try:
                        self._llama = _llama_class()(
                            model_path=str(self.path),
                            n_ctx=self.n_ctx,
                            n_threads=self.n_threads,
                            verbose=False,
                        )
                    except (ValueError, RuntimeError, OSError) as exc:
                        raise LLMError(f"local: {self.path.name}: {exc}") from exc
        return self._llama

    async def _complete(self, messages: list[Message], schema: dict[str, Any], max_tokens: int) -> Completion:
        return await asyncio.to_thread(self._complete_sync, messages, schema, max_tokens)

    def _complete_sync(self, messages: list[Message], schema: dict[str, Any], max_tokens: int) -> Completion:
        llama = self._model()
        with self._lock:
            try:
                out = llama.create_chat_completion(
                    messages=messages,
                    response_format={"type": "json_object", "schema": schema},
                    temperature=self.settings.temperature,
                    seed=self.settings.seed,
                    max_tokens=max_tokens,
                )
            except (ValueError, RuntimeError, OSError) as exc:
                raise LLMError(f"local: {self.path.name}: {exc}") from exc
        choice = out["choices"][0]
        usage = out.get("usage") or {}
        return Completion(
            text=choice["message"].get("content") or "",
            finish_reason=choice.get("finish_reason"),
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
        )

    async def aclose(self) -> None:
        with self._lock:
            if self._llama is not None:
                self._llama.close()
            self._llama = None
        await super().aclose()
