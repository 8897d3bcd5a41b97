"""Machinery shared by the LLM engines: prompt, response schema, cache, retries, tokens, prices.

Engines (``briefing.engines.openai_engine``, ``briefing.engines.local``) only say how to send one chat
request; :class:`briefing.llm.engine.LLMEngine` does the rest (cache, budget, validation, re-ask).
"""

from __future__ import annotations
