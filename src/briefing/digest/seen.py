"""Items already briefed: tomorrow's digest holds only what is new.

An item is known by its URL (feed items, articles) and by a hash of its normalised text (the same article
under another URL, or a local file still sitting in the inbox). Items are marked with the digest date they
went into, so rebuilding that same date's digest still includes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Iterable

from briefing.model import Bundle

_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    digest TEXT NOT NULL, key TEXT NOT NULL, date TEXT NOT NULL, PRIMARY KEY (digest, key));
"""


def item_keys(bundle: Bundle) -> list[str]:
    """What identifies ``bundle`` as already briefed: its content hash, and its URL when it has one."""
    digest = hashlib.sha256(" ".join(bundle.text.split()).encode("utf-8")).hexdigest()
    keys = [f"sha256:{digest}"]
    if bundle.source.startswith(("http://", "https://")):
        keys.append(f"url:{bundle.source}")
    return keys


class SeenStore:
    """The seen table in the state database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(_SCHEMA)

    def briefed_before(self, digest: str, date: dt.date, bundle: Bundle) -> bool:
        """True when any key of ``bundle`` went into this digest on another date."""
        keys = item_keys(bundle)
        marks = ",".join("?" * len(keys))
        row = self.conn.execute(
            f"SELECT 1 FROM seen WHERE digest = ? AND date != ? AND key IN ({marks}) LIMIT 1",
            (digest, date.isoformat(), *keys),
        ).fetchone()
        return row is not None

    def mark(self, digest: str, date: dt.date, bundles: Iterable[Bundle]) -> None:
        """Record ``bundles`` as briefed in ``date``'s digest (the first date an item went out is kept)."""
        rows = [(digest, key, date.isoformat()) for bundle in bundles for key in item_keys(bundle)]
        with self.conn:
            self.conn.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", rows)
