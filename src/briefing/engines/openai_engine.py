"""The openai engine: any OpenAI-compatible Chat Completions server, through the openai SDK.

Structured output: strict ``json_schema`` where the server supports it (OpenAI), ``json_object`` plus
the schema where it doesn't (llama.cpp answers json_schema with HTTP 500 but compiles a ``schema``
given with json_object into a grammar). ``auto`` picks json_schema for OpenAI's own hosts and
json_object elsewhere, and still switches to json_object once if a json_schema request is refused.
The SDK's retries are off (``max_retries=0``); :mod:`briefing.llm.retry` decides.

Timeouts are queue-aware on loopback: a local server (llama.cpp) answers one request at a time and
keeps the others waiting without a byte, in an order of its own. So for a loopback base URL a request
sent while n of this engine's requests are in flight (itself included) gets ``n x timeout``: waiting in
the server's queue isn't taken for a hang (and retried, which would only queue the same work twice),
while a lone hung request still times out after ``timeout``. Remote APIs serve requests concurrently
and get the plain timeout.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal
from urllib.parse import urlparse

import openai
from tenacity import AsyncRetrying

from briefing.errors import LLMError
from briefing.hosts import is_loopback_host
from briefing.llm.engine import Completion, LLMEngine
from briefing.llm.prompt import Message
from briefing.llm.retry import retrying
from briefing.llm.tokens import count_tokens
from briefing.settings import Settings

StructuredOutput = Literal["auto", "json_schema", "json_object"]
OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


def default_mode(base_url: str | None) -> Literal["json_schema", "json_object"]:
    """json_schema for OpenAI's hosts (strict structured outputs), json_object for everything else."""
    host = urlparse(base_url or OPENAI_BASE_URL).hostname or ""
    return "json_schema" if host == "openai.com" or host.endswith(".openai.com") else "json_object"


def is_loopback(url: str) -> bool:
    """Does ``url`` point at this machine (where servers usually answer one request at a time)?"""
    return is_loopback_host(urlparse(url).hostname or "")


class OpenAIEngine(LLMEngine):
    """Summarises with a model behind an OpenAI-compatible ``/v1/chat/completions``.

    Args:
        settings: model, base_url, api_key, timeout, temperature, seed, max_attempts, cache, max_cost.
        structured_output: ``auto`` | ``json_schema`` | ``json_object`` (see the module docstring).
        backoff: base of the jittered exponential wait between retries, in seconds.
    """

    name = "openai"

    def __init__(
        self,
        settings: Settings,
        *,
        structured_output: StructuredOutput = "auto",
        backoff: float = 0.5,
        **options: Any,
    ) -> None:
        super().__init__(settings, **options)
        self.base_url = settings.base_url or OPENAI_BASE_URL
        self.mode: Literal["json_schema", "json_object"] = (
            default_mode(settings.base_url) if structured_output == "auto" else structured_output
        )
        self._probing = structured_output == "auto" and self.mode == "json_schema"
        self.backoff = backoff
        self._client: openai.AsyncOpenAI | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._model_lock: asyncio.Lock | None = None
        self._in_flight = 0
        self._queue_aware = is_loopback(self.base_url)

    def count_tokens(self, text: str) -> int:
        return count_tokens(text)

    def cache_identity(self) -> dict[str, Any]:
        # the configured name, not the one a server reports: a cache hit must not need the server
        return {"model": self.settings.model, "base_url": self.base_url, "mode": self.mode}

    def _client_now(self) -> openai.AsyncOpenAI:
        """The client for the running event loop (a client's connections belong to one loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            key = self.settings.api_key.get_secret_value() if self.settings.api_key else "unused"
            self._client = openai.AsyncOpenAI(
                api_key=key, base_url=self.base_url, timeout=self.settings.timeout, max_retries=0
            )
            self._loop = loop
            self._model_lock = asyncio.Lock()
        return self._client

    async def _model_name(self, client: openai.AsyncOpenAI) -> str:
        """The configured model, else the server's first model (OpenAI: gpt-4o-mini), looked up once."""
        if self.model:
            return self.model
        if self.settings.base_url is None:
            self.model = DEFAULT_OPENAI_MODEL
            return self.model
        assert self._model_lock is not None
        async with self._model_lock:
            if not self.model:
                async for attempt in self._retrying():
                    with attempt:
                        page = await client.models.list()
                if not page.data:
                    raise LLMError(f"openai: {self.base_url} lists no models; pass --model")
                self.model = page.data[0].id
        return self.model

    def _retrying(self) -> AsyncRetrying:
        return retrying(self.settings.max_attempts, backoff=self.backoff)

    async def _complete(self, messages: list[Message], schema: dict[str, Any], max_tokens: int) -> Completion:
        self._in_flight += 1
        try:
            await asyncio.sleep(0)  # requests started together all count themselves before any is sent
            timeout = self.settings.timeout * (self._in_flight if self._queue_aware else 1)
            client = self._client_now()
            model = await self._model_name(client)
            async for attempt in self._retrying():
                with attempt:
                    response = await self._send(client, model, messages, schema, max_tokens, timeout)
        except openai.APIError as exc:
            raise LLMError(f"openai: {_explain(exc)}") from exc
        finally:
            self._in_flight -= 1
        choice = response.choices[0]
        usage = response.usage
        return Completion(
            text=choice.message.content or "",
            finish_reason=choice.finish_reason,
            prompt_tokens=usage.prompt_tokens if usage else None,
            completion_tokens=usage.completion_tokens if usage else None,
        )

    async def _send(
        self,
        client: openai.AsyncOpenAI,
        model: str,
        messages: list[Message],
        schema: dict[str, Any],
        max_tokens: int,
        timeout: float,
    ) -> Any:
        mode = self.mode
        try:
            response = await self._create(client, model, messages, schema, max_tokens, timeout, mode)
        except (openai.BadRequestError, openai.InternalServerError):
            if mode != "json_schema" or not (self._probing or self.mode == "json_object"):
                raise
            # the server refuses json_schema (llama.cpp: 500): switch this engine to json_object for good
            self.mode, self._probing = "json_object", False
            return await self._create(client, model, messages, schema, max_tokens, timeout, "json_object")
        if mode == "json_schema":
            self._probing = False
        return response

    async def _create(
        self,
        client: openai.AsyncOpenAI,
        model: str,
        messages: list[Message],
        schema: dict[str, Any],
        max_tokens: int,
        timeout: float,
        mode: str,
    ) -> Any:
        options: dict[str, Any] = {"timeout": timeout}
        if self.settings.seed is not None:
            options["seed"] = self.settings.seed
        if mode == "json_schema":
            options["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "story_summary", "schema": schema, "strict": True},
            }
        else:
            # the SDK's types have no "schema" key for json_object: send it as raw body
            options["extra_body"] = {"response_format": {"type": "json_object", "schema": schema}}
        return await client.chat.completions.create(
            model=model,
            messages=messages,  # type: ignore[arg-type]
            temperature=self.settings.temperature,
            max_tokens=max_tokens,
            **options,
        )

    async def aclose(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.close()
        self._client = None
        await super().aclose()


def _explain(exc: openai.APIError) -> str:
    """One line: what failed and, for HTTP errors, the status."""
    if isinstance(exc, openai.APIStatusError):
        code = f" ({exc.code})" if exc.code else ""
        return f"HTTP {exc.status_code}{code} from {exc.request.url}: {exc.message}"
    if isinstance(exc, openai.APITimeoutError):
        return f"request to {exc.request.url} timed out"
    return f"{type(exc).__name__}: {exc.message}"
