"""Daily digests: a TOML config names inputs (files, feeds, articles), sections and destinations;
``run_digest`` builds what is new and delivers it exactly once per destination and date.
"""

from __future__ import annotations

from briefing.digest.config import DigestConfig, load_config
from briefing.digest.run import DigestResult, Outcome, run_digest, write_example_config

__all__ = ["DigestConfig", "DigestResult", "Outcome", "load_config", "run_digest", "write_example_config"]
