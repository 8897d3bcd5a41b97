"""briefing: turn messy article bundles into briefings people can trust."""

from __future__ import annotations

from briefing.errors import BriefingError
from briefing.model import Briefing, Bundle, Evidence, Story, StorySummary

__all__ = ["Briefing", "BriefingError", "Bundle", "Evidence", "Story", "StorySummary"]
__version__ = "0.1.0"
