"""Deterministic claim verification: is each piece of generated prose supported by its source?

Numbers, names, quotes and negation are checked exactly; the rest by lexical alignment to source
sentences, which also yields the evidence spans shown to readers.
"""

from __future__ import annotations

from briefing.model import VerificationReport
from briefing.verify.claims import CheckResult, check_claim
from briefing.verify.jsonl import check_jsonl
from briefing.verify.summary import verify_summary

__all__ = ["CheckResult", "VerificationReport", "check_claim", "check_jsonl", "verify_summary"]
