"""The one exception root of briefing.

Every failure a user can cause or meet (bad input, broken config, a failing LLM, an undeliverable digest)
is a ``BriefingError`` subclass carrying the context needed for a one-line message. Only the CLI turns
these into exit codes; library code raises and never prints.

    BriefingError
    ├── InputError          unreadable, empty, binary or wrongly encoded input (names the file)
    ├── ConfigError         invalid settings or config file (names the key and the file)
    ├── TemplateError       a template or prompt that is missing or fails to render
    ├── EngineError         an engine that cannot run at all (missing model, missing extra)
    │   └── LLMError        an LLM call that failed after its retries (the story falls back)
    ├── BudgetError         a run that would exceed --max-cost
    ├── DeliveryError       a destination that could not be reached
    └── VerificationError   --strict and something failed verification
"""

from __future__ import annotations


class BriefingError(Exception):
    """Root of every error briefing raises on purpose. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(BriefingError):
    """Input that cannot be turned into a bundle; the message names the file."""

    exit_code = 2


class ConfigError(BriefingError):
    """Settings or a config file that are invalid; the message names the key (and the file)."""

    exit_code = 2


class TemplateError(BriefingError):
    """A template or prompt that is missing or fails to render."""

    exit_code = 2


class EngineError(BriefingError):
    """An engine that cannot run at all (no model installed, extra not installed, bad server)."""

    exit_code = 3


class LLMError(EngineError):
    """An LLM call that failed after its retries; callers fall back to the extractive engine."""


class BudgetError(BriefingError):
    """A run that would exceed its cost budget (``--max-cost``)."""

    exit_code = 4


class DeliveryError(BriefingError):
    """A destination (SMTP, Slack, file) that could not be reached."""

    exit_code = 5


class VerificationError(BriefingError):
    """``--strict`` was given and some summary item failed verification (the output is still written)."""

    exit_code = 6
