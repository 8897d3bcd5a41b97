"""Slack delivery against a real HTTP server on loopback that checks payloads the way Slack does."""

from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr
from servers import CHAT_OK, HttpServer, slack_endpoint, slack_violations

from briefing.deliver.slack import SlackTarget, post_messages
from briefing.errors import DeliveryError
from briefing.model import Briefing
from briefing.render import slack_messages

SECRET_PATH = "/services/T0SECRET/B0SECRET/xoxsecretwebhookpath"


def test_webhook_posts_every_message_in_order_within_limits(
    sample_briefing: Briefing, caplog: pytest.LogCaptureFixture
) -> None:
    messages = slack_messages(sample_briefing)
    with HttpServer() as server:
        server.routes[SECRET_PATH] = slack_endpoint(webhook=True)
        target = SlackTarget(webhook_url=SecretStr(server.url + SECRET_PATH))
        caplog.set_level(logging.DEBUG)
        sent: list[int] = []
        assert post_messages(messages, target, pacing=0, on_sent=sent.append) == len(messages)
    received = [r.json() for r in server.hits(SECRET_PATH)]
    assert received == messages
    assert sent == list(range(len(messages)))
    assert all(not slack_violations(payload) for payload in received)
    # The webhook URL is a credential: httpx2 logs request URLs at INFO, and we must have redacted it.
    assert "xoxsecretwebhookpath" not in caplog.text
    assert "HTTP Request: POST <redacted>" in caplog.text


def test_hostile_article_text_arrives_escaped(sample_briefing: Briefing) -> None:
    with HttpServer() as server:
        server.routes["/hook"] = slack_endpoint(webhook=True)
        post_messages(
            slack_messages(sample_briefing), SlackTarget(webhook_url=SecretStr(server.url + "/hook"))
        )
    body = b"".join(r.body for r in server.hits("/hook")).decode()
    assert "&lt;script&gt;" in body and "&lt;!channel&gt;" in body and "&lt;http://evil|click&gt;" in body
    for live in ("<script>", "<!channel>", "<@U123>", "<http://evil|click>"):
        assert live not in body


def test_429_retry_after_is_honoured_then_posting_resumes(sample_briefing: Briefing) -> None:
    messages = slack_messages(sample_briefing)[:1] * 2
    waits: list[float] = []
    with HttpServer() as server:
        server.routes["/hook"] = slack_endpoint(webhook=True, replies=[(429, {"Retry-After": "3"}, b"")])
        target = SlackTarget(webhook_url=SecretStr(server.url + "/hook"))
        post_messages(messages, target, pacing=0.5, sleep=waits.append)
    assert len(server.hits("/hook")) == 3  # the rate-limited try, its retry, the second message
    assert waits == [3.0, 0.5]


def test_retry_after_beyond_the_bound_fails_without_waiting(sample_briefing: Briefing) -> None:
    waits: list[float] = []
    with HttpServer() as server:
        server.routes["/hook"] = slack_endpoint(webhook=True, replies=[(429, {"Retry-After": "900"}, b"")])
        target = SlackTarget(webhook_url=SecretStr(server.url + "/hook"))
        with pytest.raises(DeliveryError, match="rate limited"):
            post_messages(slack_messages(sample_briefing), target, max_retry_after=60, sleep=waits.append)
    assert waits == []


def test_webhook_error_code_raises_without_the_url(sample_briefing: Briefing) -> None:
    with HttpServer() as server:
        server.routes[SECRET_PATH] = slack_endpoint(webhook=True, replies=[(404, {}, b"no_service")])
        target = SlackTarget(webhook_url=SecretStr(server.url + SECRET_PATH))
        with pytest.raises(DeliveryError) as caught:
            post_messages(slack_messages(sample_briefing), target)
    assert "HTTP 404 no_service" in str(caught.value)
    assert "xoxsecret" not in str(caught.value) and caught.value.__cause__ is None


def test_unreachable_webhook_names_no_secret(sample_briefing: Briefing) -> None:
    with HttpServer() as server:
        url = server.url + SECRET_PATH
    with pytest.raises(DeliveryError, match="cannot reach Slack") as caught:
        post_messages(slack_messages(sample_briefing), SlackTarget(webhook_url=SecretStr(url)), timeout=2)
    assert "xoxsecret" not in str(caught.value)


def test_chat_post_message_sends_bearer_token_and_channel(sample_briefing: Briefing) -> None:
    messages = slack_messages(sample_briefing)
    with HttpServer() as server:
        server.routes["/api/chat.postMessage"] = slack_endpoint(webhook=False, token="xoxb-test")
        target = SlackTarget(
            token=SecretStr("xoxb-test"), channel="#briefing", api_url=server.url + "/api/chat.postMessage"
        )
        post_messages(messages, target, pacing=0)
    hits = server.hits("/api/chat.postMessage")
    assert [h.headers["authorization"] for h in hits] == ["Bearer xoxb-test"] * len(messages)
    assert [h.json() for h in hits] == [{**m, "channel": "#briefing"} for m in messages]


def test_chat_post_message_ok_false_is_a_delivery_error(sample_briefing: Briefing) -> None:
    with HttpServer() as server:
        server.routes["/api/chat.postMessage"] = slack_endpoint(webhook=False, token="right")
        target = SlackTarget(
            token=SecretStr("wrong"), channel="#x", api_url=server.url + "/api/chat.postMessage"
        )
        with pytest.raises(DeliveryError, match=r"chat.postMessage failed \(invalid_auth\)"):
            post_messages(slack_messages(sample_briefing), target)


def test_start_skips_messages_already_accepted(sample_briefing: Briefing) -> None:
    messages = slack_messages(sample_briefing)[:1] * 3
    with HttpServer() as server:
        server.routes["/api/chat.postMessage"] = lambda request: CHAT_OK
        target = SlackTarget(token=SecretStr("t"), channel="#x", api_url=server.url + "/api/chat.postMessage")
        sent: list[int] = []
        assert post_messages(messages, target, start=2, pacing=0, on_sent=sent.append) == 1
    assert sent == [2] and len(server.requests) == 1


def test_target_needs_exactly_one_way_in() -> None:
    with pytest.raises(ValueError):
        SlackTarget()
    with pytest.raises(ValueError):
        SlackTarget(token=SecretStr("t"))
    with pytest.raises(ValueError):
        SlackTarget(webhook_url=SecretStr("https://x"), token=SecretStr("t"), channel="#c")
