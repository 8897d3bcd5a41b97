"""Post Slack messages in order, through an incoming webhook or ``chat.postMessage`` with a bot token.

A webhook URL is a credential (anyone holding it can post), so it never appears in an error message or a
log record: httpx2 logs every request URL at INFO, and a filter redacts it while we post.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx2
from pydantic import SecretStr

from briefing.errors import DeliveryError

CHAT_POST_MESSAGE = "https://slack.com/api/chat.postMessage"


@dataclass(frozen=True)
class SlackTarget:
    """Either ``webhook_url``, or ``token`` + ``channel`` (``chat.postMessage`` at ``api_url``)."""

    webhook_url: SecretStr | None = None
    token: SecretStr | None = None
    channel: str | None = None
    api_url: str = CHAT_POST_MESSAGE

    def __post_init__(self) -> None:
        if (self.webhook_url is None) == (self.token is None and self.channel is None):
            raise ValueError("SlackTarget needs a webhook_url, or a token and a channel (not both)")
        if self.webhook_url is None and (self.token is None or not self.channel):
            raise ValueError("chat.postMessage needs both a token and a channel")

    @property
    def name(self) -> str:
        return "slack webhook" if self.webhook_url else f"slack {self.channel}"


def post_messages(
    messages: Sequence[dict[str, Any]],
    target: SlackTarget,
    *,
    start: int = 0,
    on_sent: Callable[[int], None] | None = None,
    pacing: float = 1.0,
    max_retry_after: float = 60.0,
    max_attempts: int = 3,
    timeout: float = 30.0,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Post ``messages[start:]`` in order; return how many were posted.

    ``on_sent(i)`` runs after message ``i`` is accepted, so a caller can record progress and resume after a
    failure without posting a message twice. ``pacing`` seconds pass between messages (Slack allows about
    one a second per channel). A 429 is retried after its Retry-After when that is at most
    ``max_retry_after`` seconds, up to ``max_attempts`` tries. Raises ``DeliveryError``.
    """
    posted = 0
    with _redacted(target), httpx2.Client(timeout=timeout, follow_redirects=False) as client:
        for index in range(start, len(messages)):
            if posted and pacing > 0:
                sleep(pacing)
            _post_one(client, target, messages[index], index, max_retry_after, max_attempts, sleep)
            posted += 1
            if on_sent:
                on_sent(index)
    return posted


def _post_one(
    client: httpx2.Client,
    target: SlackTarget,
    message: dict[str, Any],
    index: int,
    max_retry_after: float,
    max_attempts: int,
    sleep: Callable[[float], None],
) -> None:
    what = f"{target.name}: message {index + 1}"
    for attempt in range(1, max_attempts + 1):
        try:
            if target.webhook_url is not None:
                response = client.post(target.webhook_url.get_secret_value(), json=message)
            else:
                assert target.token is not None
                response = client.post(
                    target.api_url,
                    json={**message, "channel": target.channel},
                    headers={"Authorization": f"Bearer {target.token.get_secret_value()}"},
                )
        except httpx2.TimeoutException:
            raise DeliveryError(f"{what}: Slack did not answer in time") from None
        except httpx2.HTTPError as exc:
            raise DeliveryError(f"{what}: cannot reach Slack ({type(exc).__name__})") from None
        if response.status_code == 429:
            wait = _retry_after(response)
            if wait is None or wait > max_retry_after or attempt == max_attempts:
                raise DeliveryError(f"{what}: rate limited by Slack (Retry-After {wait})")
            sleep(wait)
            continue
        _check(response, target, what)
        return


def _check(response: httpx2.Response, target: SlackTarget, what: str) -> None:
    body = response.text.strip()
    if target.webhook_url is not None:
        # Webhooks answer 200 "ok", or a 4xx/5xx with a short text code such as invalid_blocks.
        if response.status_code != 200:
            raise DeliveryError(f"{what}: HTTP {response.status_code} {body[:100]}".rstrip())
        return
    try:
        payload = json.loads(body)
    except json.JSONDecodeError:
        payload = None
    if response.status_code != 200 or not isinstance(payload, dict):
        raise DeliveryError(f"{what}: HTTP {response.status_code} {body[:100]}".rstrip())
    if not payload.get("ok"):
        raise DeliveryError(f"{what}: chat.postMessage failed ({payload.get('error', 'no error code')})")


def _retry_after(response: httpx2.Response) -> float | None:
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return None


class _Redact(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple("<redacted>" if self.secret in str(arg) else arg for arg in record.args)
        if self.secret in str(record.msg):
            record.msg = str(record.msg).replace(self.secret, "<redacted>")
        return True


@contextmanager
def _redacted(target: SlackTarget) -> Iterator[None]:
    if target.webhook_url is None:
        yield
        return
    logger = logging.getLogger("httpx2")
    redact = _Redact(target.webhook_url.get_secret_value())
    logger.addFilter(redact)
    try:
        yield
    finally:
        logger.removeFilter(redact)
