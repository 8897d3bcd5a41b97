"""A disk cache of validated LLM answers, so re-running over the same bundle makes no LLM calls.

Values are the validated response JSON (evidence ids, prose), not StorySummary: spans and story ids are
rebuilt from the current story, so the same story text in another bundle or position reuses the answer
correctly. The key covers everything that can change the answer: model, server, prompt templates,
schema version, the rendered messages (story text + evidence ids) and sampling parameters. API keys are
never part of keys or values.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import diskcache

from briefing.settings import Settings

_SUBDIR = "llm"


def cache_path(settings: Settings) -> Path:
    """Where the LLM cache lives (a subdirectory, so clearing it never touches installed models)."""
    return settings.cache_dir / _SUBDIR


def cache_key(**parts: Any) -> str:
    """A stable digest of ``parts`` (JSON with sorted keys)."""
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


class AnswerCache:
    """Validated answers by key; a no-op when disabled (``--no-cache``)."""

    def __init__(self, settings: Settings) -> None:
        self._cache: diskcache.Cache | None = None
        if settings.use_cache:
            self._cache = diskcache.Cache(
                str(cache_path(settings)), size_limit=settings.cache_size_mb * 1024 * 1024
            )

    def get(self, key: str) -> str | None:
        if self._cache is None:
            return None
        value = self._cache.get(key)
        return value if isinstance(value, str) else None

    def set(self, key: str, value: str) -> None:
        if self._cache is not None:
            self._cache.set(key, value)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()


def cache_stats(settings: Settings) -> dict[str, Any]:
    """Entries, bytes on disk and location of the LLM cache (for ``briefing cache stats``)."""
    path = cache_path(settings)
    if not path.is_dir():
        return {"path": str(path), "entries": 0, "bytes": 0, "size_limit_bytes": settings.cache_size_mb << 20}
    with diskcache.Cache(str(path)) as cache:
        return {
            "path": str(path),
            "entries": len(cache),
            "bytes": int(cache.volume()),
            "size_limit_bytes": settings.cache_size_mb << 20,
        }


def cache_clear(settings: Settings) -> int:
    """Remove every cached answer; returns how many were removed (for ``briefing cache clear``)."""
    path = cache_path(settings)
    if not path.is_dir():
        return 0
    with diskcache.Cache(str(path)) as cache:
        return int(cache.clear())
