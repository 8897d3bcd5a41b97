"""When and how long to retry an OpenAI-compatible request (tenacity; the SDK's own retries are off).

Retried: rate limits (429, waiting what Retry-After says), server errors (5xx), 408/409, timeouts and
connection errors. Not retried: ``insufficient_quota`` (waiting won't add credit) and other 4xx.
Attempts are bounded; between them the wait is Retry-After when the server sends one, otherwise a
jittered exponential backoff so concurrent requests don't retry in lockstep.
"""

from __future__ import annotations

import email.utils
import time

import openai
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_base, wait_random_exponential

MAX_RETRY_AFTER = 60.0
"""Longest Retry-After honoured; a server asking for more is waited on for this long at most."""


def is_retryable(exc: BaseException) -> bool:
    """Is ``exc`` a transient failure worth another attempt?"""
    if isinstance(exc, openai.RateLimitError):
        return exc.code != "insufficient_quota"
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code >= 500 or exc.status_code in (408, 409)
    return isinstance(exc, openai.APIConnectionError)  # includes APITimeoutError


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` or ``retry-after``: seconds or HTTP date)."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    try:
        if "retry-after-ms" in headers:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        if "retry-after" in headers:
            value = headers["retry-after"]
            try:
                return max(0.0, float(value))
            except ValueError:
                when = email.utils.parsedate_to_datetime(value)
                return max(0.0, when.timestamp() - time.time())
    except (ValueError, TypeError):
        return None
    return None


class wait_retry_after(wait_base):
    """Wait what the server's Retry-After says (capped), else fall back to ``fallback``."""

    def __init__(self, fallback: wait_base, cap: float = MAX_RETRY_AFTER) -> None:
        self.fallback = fallback
        self.cap = cap

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        asked = retry_after(outcome.exception() if outcome is not None else None)
        return min(asked, self.cap) if asked is not None else float(self.fallback(retry_state))


def retrying(max_attempts: int, backoff: float = 0.5, max_backoff: float = 20.0) -> AsyncRetrying:
    """The retry policy for one request: ``async for attempt in retrying(...): with attempt: ...``."""
    return AsyncRetrying(
        stop=stop_after_attempt(max_attempts),
        wait=wait_retry_after(wait_random_exponential(multiplier=backoff, max=max_backoff)),
        retry=retry_if_exception(is_retryable),
        reraise=True,
    )
