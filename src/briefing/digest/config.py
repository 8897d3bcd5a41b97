"""The digest config file: TOML, validated strictly, with every error naming the key and the file.

Secrets never live in the file: a config names an env var (``password_env``) or a file (``password_file``)
and the secret is read at run time. Relative paths resolve against the config file's directory, so a cron
job works from any working directory.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, NoReturn

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

from briefing.deliver.email import DEFAULT_PORTS, Security, SmtpServer
from briefing.deliver.slack import CHAT_POST_MESSAGE, SlackTarget
from briefing.errors import ConfigError
from briefing.hosts import is_loopback_host
from briefing.settings import Settings, load_settings

SECRET_KEYS = frozenset({"password", "token", "webhook_url", "api_key", "secret"})
"""Keys that would hold a secret literally; each has ``<key>_env`` and ``<key>_file`` instead."""

_ENGINE_PATHS = ("model_path", "cache_dir", "templates_dir", "prompts_dir")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class InputSpec(_Strict):
    """One input: a local ``path`` (file, directory, glob, JSONL) or a ``url`` (feed or article)."""

    path: str | None = None
    url: str | None = None
    kind: Literal["auto", "feed", "article"] = "auto"
    full_text: bool = Field(default=False, description="Fetch each feed item's page for its full text.")
    max_items: int | None = Field(default=None, ge=1, description="Newest N items of a feed.")

    @model_validator(mode="after")
    def _one_source(self) -> InputSpec:
        if (self.path is None) == (self.url is None):
            raise ValueError("give exactly one of path or url")
        if self.url is not None and not re.match(r"https?://", self.url):
            raise ValueError("url must start with http:// or https://")
        if self.path is not None and (self.kind != "auto" or self.full_text or self.max_items):
            raise ValueError("kind, full_text and max_items apply to url inputs only")
        return self


class SectionSpec(_Strict):
    """A section: stories whose topic/headline mention a keyword, or whose source matches a glob."""

    name: str = Field(min_length=1)
    topics: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    limit: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _has_rule(self) -> SectionSpec:
        if not self.topics and not self.sources:
            raise ValueError("a section needs topics or sources")
        return self


class EmailSpec(_Strict):
    to: list[str] = Field(min_length=1)
    sender: str = Field(alias="from", min_length=3)
    host: str = Field(min_length=1)
    port: int | None = Field(default=None, ge=1, le=65535)
    security: Security = "starttls"
    username: str | None = None
    username_env: str | None = None
    password_env: str | None = None
    password_file: Path | None = None
    ca_file: Path | None = None
    timeout: float = Field(default=30.0, gt=0)
    subject: str | None = Field(default=None, description="Format string with {title} and {date}.")
    list_unsubscribe: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _safe(self) -> EmailSpec:
        if self.password_env and self.password_file:
            raise ValueError("give password_env or password_file, not both")
        if self.username and self.username_env:
            raise ValueError("give username or username_env, not both")
        has_password = bool(self.password_env or self.password_file)
        if self.security == "none" and has_password and not is_loopback_host(self.host):
            raise ValueError('security = "none" would send the password in clear: use starttls or ssl')
        for uri in self.list_unsubscribe:
            if not uri.startswith(("mailto:", "https:", "http:")):
                raise ValueError(f"list_unsubscribe entries must be mailto: or https: URIs, not {uri!r}")
        return self


class SlackSpec(_Strict):
    webhook_url_env: str | None = None
    webhook_url_file: Path | None = None
    token_env: str | None = None
    token_file: Path | None = None
    channel: str | None = None
    api_url: str = CHAT_POST_MESSAGE
    pacing: float = Field(default=1.0, ge=0, description="Seconds between messages.")
    max_retry_after: float = Field(default=60.0, ge=0)
    timeout: float = Field(default=30.0, gt=0)

    @model_validator(mode="after")
    def _one_way(self) -> SlackSpec:
        webhook = bool(self.webhook_url_env or self.webhook_url_file)
        token = bool(self.token_env or self.token_file)
        if webhook == token:
            raise ValueError("give webhook_url_env/webhook_url_file, or token_env/token_file with channel")
        if token and not self.channel:
            raise ValueError("chat.postMessage needs a channel")
        if webhook and self.channel:
            raise ValueError("a webhook posts to its own channel: remove channel, or use token_env")
        return self


class HttpSpec(_Strict):
    timeout: float = Field(default=20.0, gt=0)
    max_bytes: int = Field(default=5_000_000, ge=1024)
    user_agent: str = "briefing-digest/0.1 (+https://pypi.org/project/briefing/)"


class DigestConfig(_Strict):
    """A validated digest config. Paths are absolute (resolved against the config file's folder)."""

    file: Path = Field(description="The config file itself (set by load_config).")
    title: str = Field(min_length=1)
    inputs: list[InputSpec] = Field(min_length=1)
    sections: list[SectionSpec] = Field(default_factory=list)
    engine: dict[str, Any] = Field(default_factory=dict)
    email: EmailSpec | None = None
    slack: SlackSpec | None = None
    http: HttpSpec = Field(default_factory=HttpSpec)
    output_dir: Path = Path("digests")
    state_dir: Path = Path("state")

    @property
    def key(self) -> str:
        """What the ledger and seen store file this digest under: a slug of its title."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-") or "digest"

    @property
    def destinations(self) -> list[str]:
        return [name for name, spec in (("email", self.email), ("slack", self.slack)) if spec is not None]


def load_config(path: Path) -> DigestConfig:
    """Read and validate a digest config; raise ``ConfigError`` naming the file and the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    _reject_secrets(raw, path, "")
    if "file" in raw:
        raise ConfigError(f"{path}: 'file': unknown key")
    try:
        config = DigestConfig.model_validate({**raw, "file": path.resolve()})
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc)}") from None
    config = _resolve_paths(config)
    # Validate [engine] now rather than at send time (secrets are read at run time).
    load_settings({}, {}, _engine_table(config), config_name=f"{path} [engine]")
    return config


def engine_settings(config: DigestConfig, env: Mapping[str, str]) -> Settings:
    """Settings for the pipeline from ``[engine]``: the file's values, overridden by BRIEFING_* env vars."""
    table = _engine_table(config)
    flags: dict[str, Any] = {}
    key_env, key_file = config.engine.get("api_key_env"), config.engine.get("api_key_file")
    if key_env or key_file:
        flags["api_key"] = _secret(env, key_env, key_file, config, "engine.api_key").get_secret_value()
    return load_settings(flags, env, table, config_name=f"{config.file} [engine]")


def _engine_table(config: DigestConfig) -> dict[str, Any]:
    table = {k: v for k, v in config.engine.items() if k not in ("api_key_env", "api_key_file")}
    if "name" in table:
        table["engine"] = table.pop("name")
    table.setdefault("quiet", True)
    return table


def smtp_server(config: DigestConfig, env: Mapping[str, str]) -> SmtpServer:
    """The SMTP server of ``[email]`` with its credentials read from env or file."""
    spec = config.email
    if spec is None:
        raise ConfigError(f"{config.file}: no [email] table")
    username = spec.username
    if spec.username_env:
        username = env.get(spec.username_env) or _missing(config, "email.username_env", spec.username_env)
    password = None
    if spec.password_env or spec.password_file:
        password = _secret(env, spec.password_env, spec.password_file, config, "email.password")
    return SmtpServer(
        host=spec.host,
        port=spec.port or DEFAULT_PORTS[spec.security],
        security=spec.security,
        username=username,
        password=password,
        timeout=spec.timeout,
        ca_file=spec.ca_file,
    )


def slack_target(config: DigestConfig, env: Mapping[str, str]) -> SlackTarget:
    """The Slack destination of ``[slack]`` with its webhook URL or token read from env or file."""
    spec = config.slack
    if spec is None:
        raise ConfigError(f"{config.file}: no [slack] table")
    if spec.webhook_url_env or spec.webhook_url_file:
        url = _secret(env, spec.webhook_url_env, spec.webhook_url_file, config, "slack.webhook_url")
        if not re.match(r"https?://", url.get_secret_value()):
            where = f"${spec.webhook_url_env}" if spec.webhook_url_env else str(spec.webhook_url_file)
            raise ConfigError(f"{config.file}: 'slack.webhook_url' from {where} is not an http(s) URL")
        return SlackTarget(webhook_url=url)
    token = _secret(env, spec.token_env, spec.token_file, config, "slack.token")
    return SlackTarget(token=token, channel=spec.channel, api_url=spec.api_url)


def _secret(
    env: Mapping[str, str], name: str | None, file: Path | str | None, config: DigestConfig, key: str
) -> SecretStr:
    if name:
        return SecretStr(env.get(name) or _missing(config, f"{key}_env", name))
    assert file is not None
    path = Path(file) if Path(file).is_absolute() else config.file.parent / file
    try:
        value = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8"
        raise ConfigError(f"{config.file}: '{key}_file': cannot read {path} ({reason})") from None
    if not value:
        raise ConfigError(f"{config.file}: '{key}_file': {path} is empty")
    return SecretStr(value)


def _missing(config: DigestConfig, key: str, name: str) -> NoReturn:
    raise ConfigError(f"{config.file}: '{key}' names ${name}, which is not set")


def _reject_secrets(table: Mapping[str, Any], path: Path, prefix: str) -> None:
    for key, value in table.items():
        if key in SECRET_KEYS:
            raise ConfigError(
                f"{path}: '{prefix}{key}': secrets may not be written in the config file; "
                f'use {key}_env = "ENV_VAR" or {key}_file = "path/to/file"'
            )
        if isinstance(value, dict):
            _reject_secrets(value, path, f"{prefix}{key}.")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    _reject_secrets(item, path, f"{prefix}{key}[{i}].")


def _describe(exc: ValidationError) -> str:
    """Pydantic's errors as one line: ``'email.port': ...; 'inputs[0]': ...``."""
    parts = []
    for err in exc.errors()[:3]:
        key = ""
        for loc in err["loc"]:
            key += f"[{loc}]" if isinstance(loc, int) else f".{loc}" if key else str(loc)
        message = {"extra_forbidden": "unknown key", "missing": "missing required key"}.get(
            err["type"], err["msg"].removeprefix("Value error, ")
        )
        parts.append(f"'{key or '(top level)'}': {message}")
    more = exc.error_count() - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _resolve_paths(config: DigestConfig) -> DigestConfig:
    base = config.file.parent

    def at(path: Path | str) -> Path:
        path = Path(path).expanduser()
        return path if path.is_absolute() else base / path

    engine = {
        key: str(at(value)) if key in _ENGINE_PATHS and isinstance(value, str) else value
        for key, value in config.engine.items()
    }
    inputs = [
        spec.model_copy(update={"path": str(at(spec.path))}) if spec.path else spec for spec in config.inputs
    ]
    update: dict[str, Any] = {
        "engine": engine,
        "inputs": inputs,
        "output_dir": at(config.output_dir),
        "state_dir": at(config.state_dir),
    }
    if config.email:
        files = {
            k: at(v) for k in ("password_file", "ca_file") if (v := getattr(config.email, k)) is not None
        }
        update["email"] = config.email.model_copy(update=files)
    if config.slack:
        files = {
            k: at(v)
            for k in ("webhook_url_file", "token_file")
            if (v := getattr(config.slack, k)) is not None
        }
        update["slack"] = config.slack.model_copy(update=files)
    return config.model_copy(update=update)
