"""Offline token counts and prices."""

from __future__ import annotations

import pytest

from briefing.llm.pricing import FREE, Price, price_for
from briefing.llm.tokens import count_chat_tokens, count_tokens, o200k


def test_o200k_counts_offline_like_tiktoken() -> None:
    # known o200k_base encodings: "hello world" is [24912, 2375]
    assert o200k().encode("hello world") == [24912, 2375]
    assert count_tokens("<|endoftext|>") > 1  # special-token text in an article is ordinary text


def test_chat_overhead_is_counted() -> None:
    messages = [{"role": "system", "content": "hello world"}, {"role": "user", "content": "hello world"}]
    assert count_chat_tokens(messages) == 2 * (2 + 3) + 3


def test_prices_match_exact_names_then_dated_snapshots() -> None:
    assert price_for("gpt-4o-mini") == Price(0.15, 0.60)
    assert price_for("gpt-4o-mini-2024-07-18") == Price(0.15, 0.60)
    assert price_for("gpt-4o-2024-08-06") == Price(2.50, 10.00)
    assert price_for("qwen2.5-coder-1.5b-instruct-q4_k_m") is FREE and price_for(None) is FREE
    assert price_for("mine", {"mine": Price(1, 2)}).cost(1_000_000, 500_000) == pytest.approx(2.0)
