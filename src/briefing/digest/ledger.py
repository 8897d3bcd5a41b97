"""The delivery ledger: what was built and sent, per digest, date and destination, so each goes out once.

A row is written only after the destination accepted the digest, so a crash or a failure means "not sent"
and the next run retries it. Slack digests span several messages: each accepted message is recorded as a
part, and a retry resumes after the last one instead of posting the first ones twice.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

_SCHEMA = """
CREATE TABLE IF NOT EXISTS builds (
    digest TEXT NOT NULL, date TEXT NOT NULL, sha256 TEXT NOT NULL, path TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries (
    digest TEXT NOT NULL, date TEXT NOT NULL, destination TEXT NOT NULL, sha256 TEXT NOT NULL,
    detail TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS parts (
    digest TEXT NOT NULL, date TEXT NOT NULL, destination TEXT NOT NULL, sha256 TEXT NOT NULL,
    part INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY (digest, date, destination, sha256, part));
"""


@dataclass(frozen=True)
class Entry:
    """A ledger row: a build (``destination`` is empty) or a delivery."""

    sha256: str
    detail: str
    at: str


class Ledger:
    """Ledger tables in the state database. Every write commits at once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(_SCHEMA)

    def built(self, digest: str, date: dt.date) -> Entry | None:
        """The latest digest built for ``date`` (``detail`` is the briefing.json path)."""
        row = self.conn.execute(
            "SELECT sha256, path, at FROM builds WHERE digest = ? AND date = ? ORDER BY rowid DESC LIMIT 1",
            (digest, date.isoformat()),
        ).fetchone()
        return Entry(*row) if row else None

    def record_build(self, digest: str, date: dt.date, sha256: str, path: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO builds VALUES (?, ?, ?, ?, ?)", (digest, date.isoformat(), sha256, path, _now())
            )

    def delivered(self, digest: str, date: dt.date, destination: str) -> Entry | None:
        """The latest delivery of ``date``'s digest to ``destination``, if any."""
        row = self.conn.execute(
            "SELECT sha256, detail, at FROM deliveries WHERE digest = ? AND date = ? AND destination = ?"
            " ORDER BY rowid DESC LIMIT 1",
            (digest, date.isoformat(), destination),
        ).fetchone()
        return Entry(*row) if row else None

    def record_delivery(self, digest: str, date: dt.date, destination: str, sha256: str, detail: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO deliveries VALUES (?, ?, ?, ?, ?, ?)",
                (digest, date.isoformat(), destination, sha256, detail, _now()),
            )

    def parts_sent(self, digest: str, date: dt.date, destination: str, sha256: str) -> int:
        """How many leading parts (messages) of this digest ``destination`` has already accepted."""
        rows = self.conn.execute(
            "SELECT part FROM parts WHERE digest = ? AND date = ? AND destination = ? AND sha256 = ?",
            (digest, date.isoformat(), destination, sha256),
        ).fetchall()
        done = {part for (part,) in rows}
        count = 0
        while count in done:
            count += 1
        return count

    def record_part(self, digest: str, date: dt.date, destination: str, sha256: str, part: int) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?, ?)",
                (digest, date.isoformat(), destination, sha256, part, _now()),
            )

    def forget_parts(self, digest: str, date: dt.date, destination: str) -> None:
        """Start a destination's parts afresh (a forced resend posts every message again)."""
        with self.conn:
            self.conn.execute(
                "DELETE FROM parts WHERE digest = ? AND date = ? AND destination = ?",
                (digest, date.isoformat(), destination),
            )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
