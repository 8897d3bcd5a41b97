"""Engines turn (Story, Evidence) into a StorySummary. One seam, several implementations."""

from __future__ import annotations

from briefing.engines.base import Engine, Usage

__all__ = ["Engine", "Usage"]
