"""Settings: one frozen value object built once per run (CLI flags > env > defaults).

Nothing else in briefing reads the environment; code receives a ``Settings`` and reads its fields.
Secrets are ``SecretStr`` so they never show up in reprs, logs, caches or cassettes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from briefing.errors import ConfigError

EngineName = Literal["auto", "openai", "local", "extractive"]
StructuredOutput = Literal["auto", "json_schema", "json_object"]


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing"


class Settings(BaseModel):
    """Everything a run needs to know. Build with :func:`load_settings`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    engine: EngineName = "auto"
    model: str | None = Field(default=None, description="Model name on the OpenAI-compatible server.")
    base_url: str | None = None
    structured_output: StructuredOutput = Field(
        default="auto", description="json_schema (strict), json_object + schema (llama.cpp, Ollama), or auto."
    )
    api_key: SecretStr | None = None
    model_path: Path | None = Field(default=None, description="A GGUF file for the local engine.")
    timeout: float = Field(default=120.0, gt=0)
    temperature: float = Field(default=0.0, ge=0, le=2)
    seed: int | None = 0
    concurrency: int = Field(default=8, ge=1, le=256)
    max_attempts: int = Field(default=4, ge=1, le=20)
    cache_dir: Path = Field(default_factory=default_cache_dir)
    cache_size_mb: int = Field(default=1024, ge=1)
    use_cache: bool = True
    max_cost: float | None = Field(default=None, ge=0)
    judge: bool = Field(default=False, description="Ask the LLM judge about prose the checks pass.")
    refine: bool = Field(default=False, description="Ask the LLM about the uncertain story boundaries.")
    sources: bool = Field(default=False, description="Footnote each bullet with its source sentences.")
    templates_dir: Path | None = None
    prompts_dir: Path | None = None
    quiet: bool = False


# env var -> settings field. BRIEFING_* wins over the OpenAI SDK's own names.
ENV_VARS: dict[str, tuple[str, ...]] = {
    "engine": ("BRIEFING_ENGINE",),
    "model": ("BRIEFING_MODEL", "OPENAI_MODEL"),
    "base_url": ("BRIEFING_BASE_URL", "OPENAI_BASE_URL"),
    "structured_output": ("BRIEFING_STRUCTURED_OUTPUT",),
    "api_key": ("BRIEFING_API_KEY", "OPENAI_API_KEY"),
    "model_path": ("BRIEFING_MODEL_PATH",),
    "cache_dir": ("BRIEFING_CACHE_DIR",),
    "max_cost": ("BRIEFING_MAX_COST",),
}


def load_settings(
    flags: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    config: Mapping[str, Any] | None = None,
    config_name: str = "settings",
) -> Settings:
    """Merge CLI flags (None = not given) over env over a config mapping over defaults, and validate.

    Raises ``ConfigError`` naming the offending key and where it came from.
    """
    env = os.environ if env is None else env
    merged: dict[str, Any] = dict(config or {})
    origin: dict[str, str] = {key: config_name for key in merged}
    for field, names in ENV_VARS.items():
        for name in names:
            if env.get(name):
                merged[field] = env[name]
                origin[field] = f"${name}"
                break
    for key, value in (flags or {}).items():
        if value is not None:
            merged[key] = value
            origin[key] = f"--{key.replace('_', '-')}"
    try:
        return Settings.model_validate(merged)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "?"
        where = origin.get(str(err["loc"][0]), config_name) if err["loc"] else config_name
        raise ConfigError(f"invalid setting '{key}' (from {where}): {err['msg']}") from None
