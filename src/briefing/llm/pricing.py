"""What a model costs per token, so a run can report its cost and stop before exceeding --max-cost.

Prices are US dollars per million tokens (input, output). Unknown models (local ones, self-hosted
servers) cost nothing. Callers may pass their own table; names match exactly, then by longest prefix
(so a dated snapshot such as ``gpt-4o-mini-2024-07-18`` is priced as ``gpt-4o-mini``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Price:
    input_per_m: float
    output_per_m: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.input_per_m + completion_tokens * self.output_per_m) / 1_000_000


FREE = Price(0.0, 0.0)

# Published list prices (USD per 1M tokens, standard tier) as of late 2026; override with your own table.
DEFAULT_PRICES: Mapping[str, Price] = {
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "gpt-5": Price(1.25, 10.00),
    "gpt-5-mini": Price(0.25, 2.00),
    "gpt-5-nano": Price(0.05, 0.40),
}


def price_for(model: str | None, table: Mapping[str, Price] = DEFAULT_PRICES) -> Price:
    """The price of ``model``: exact name, else the longest table key it starts with, else free."""
    if not model:
        return FREE
    if model in table:
        return table[model]
    prefixes = [key for key in table if model.startswith(key + "-")]
    return table[max(prefixes, key=len)] if prefixes else FREE
