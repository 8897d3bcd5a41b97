"""Run a digest: gather what is new, build the briefing, write it to a dated folder, deliver it exactly once.

Exactly once means: a destination is recorded in the ledger only after it accepted the digest; a rerun on
the same date reuses the digest already built and sends it only where it has not gone yet (``force``
rebuilds and resends everywhere). One failing destination never stops the others. A dry run builds and
writes but sends nothing and changes no state. A lock on the state folder keeps two runs (cron and a
human) from sending the same digest twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import fnmatch
import glob
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from briefing.deliver.email import build_message, send_message
from briefing.deliver.files import write_outputs
from briefing.deliver.slack import post_messages
from briefing.digest.config import DigestConfig, engine_settings, load_config, slack_target, smtp_server
from briefing.digest.feeds import Fetcher, fetch_input
from briefing.digest.ledger import Ledger
from briefing.digest.seen import SeenStore
from briefing.errors import BriefingError, ConfigError, DeliveryError, InputError
from briefing.ingest import read_paths
from briefing.model import Briefing, BriefingItem, Bundle
from briefing.pipeline import build_briefing
from briefing.render import slack_messages
from briefing.settings import Settings

EXAMPLE = Path(__file__).with_name("example.toml")


@dataclass(frozen=True)
class Outcome:
    """What happened to one destination in this run."""

    destination: str
    status: Literal["sent", "skipped", "failed"]
    reason: str = ""


@dataclass(frozen=True)
class DigestResult:
    """What a run did, for the CLI to print (``lines()``) and exit with (``exit_code``)."""

    title: str
    date: dt.date
    output_dir: Path | None = None
    files: list[Path] = field(default_factory=list)
    stories: int = 0
    reused: bool = False
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        return DeliveryError.exit_code if self.failed else 0

    def lines(self) -> list[str]:
        """A few human lines: what was built, where, and each destination's fate."""
        head = f"{self.title} — {self.date.isoformat()}"
        notes = list(self.notes)
        if self.output_dir is None:
            out = [f"{head}: {notes.pop() if notes else 'no digest built'}"]
        else:
            how = "reused the digest built earlier" if self.reused else f"{self.stories} stories"
            dry = " (dry run: nothing sent, no state changed)" if self.dry_run else ""
            out = [f"{head}: {how} in {self.output_dir}{dry}"]
        out += [f"  note: {note}" for note in notes]
        for o in self.outcomes:
            reason = o.reason.removeprefix(f"{o.destination}: ")
            out.append(f"  {o.destination}: {o.status}" + (f" ({reason})" if reason else ""))
        return out


def write_example_config(path: Path) -> None:
    """Write the commented example config to ``path``; refuse to overwrite an existing file."""
    if path.exists():
        raise ConfigError(f"{path}: already exists; not overwriting it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write ({exc.strerror or exc})") from None


def run_digest(
    config_path: Path,
    *,
    date: dt.date | None = None,
    dry_run: bool = False,
    send: bool = False,
    force: bool = False,
    env: Mapping[str, str] | None = None,
    quiet: bool = True,
) -> DigestResult:
    """Build ``date``'s digest (today by default) from the config at ``config_path`` and, with ``send``,
    deliver it to every destination that has not had it yet (every destination with ``force``).

    Raises ``ConfigError``/``InputError``/``TemplateError`` for problems that stop the build; delivery
    failures do not raise, they are in the result (``exit_code`` 5).
    """
    env = os.environ if env is None else env
    config = load_config(config_path)
    settings = engine_settings(config, env).model_copy(update={"quiet": quiet})
    date = date or dt.date.today()
    out_dir = config.output_dir / date.isoformat()
    key = config.key
    base = DigestResult(title=config.title, date=date, dry_run=dry_run)
    with _state(config.state_dir) as conn:
        ledger, seen = Ledger(conn), SeenStore(conn)
        pending = [d for d in config.destinations if force or not ledger.delivered(key, date, d)]
        if send and not dry_run and not pending and config.destinations:
            done = [Outcome(d, "skipped", _sent_at(ledger, key, date, d)) for d in config.destinations]
            return replace(base, notes=["already delivered (--force sends it again)"], outcomes=done)

        briefing, reused = None, False
        build = None if force or dry_run else ledger.built(key, date)
        if build and Path(build.detail).exists():
            briefing = Briefing.model_validate_json(Path(build.detail).read_text(encoding="utf-8"))
            reused = True
        notes: list[str] = []
        files: list[Path] = []
        if briefing is None:
            bundles, notes = gather(config, date, seen)
            if not bundles:
                skipped = [Outcome(d, "skipped", "nothing new to brief") for d in config.destinations]
                return replace(base, notes=[*notes, "nothing new since the last digest"], outcomes=skipped)
            built = build_briefing(bundles, settings, title=config.title, date=date)
            briefing = apply_sections(built, config)
            files = write_outputs(briefing, out_dir, settings.templates_dir, sources=settings.sources)
            if not dry_run:
                ledger.record_build(key, date, _digest_sha(briefing), str(out_dir / "briefing.json"))
                seen.mark(key, date, bundles)
        result = replace(
            base, output_dir=out_dir, files=files, stories=len(briefing.items), reused=reused, notes=notes
        )
        if dry_run or not send:
            if not dry_run and config.destinations:
                return replace(result, notes=[*result.notes, "not sent: run with --send to deliver"])
            return result
        sha = _digest_sha(briefing)
        already = [d for d in config.destinations if d not in pending]
        outcomes = [Outcome(d, "skipped", _sent_at(ledger, key, date, d)) for d in already]
        for destination in pending:
            try:
                detail = _deliver(destination, briefing, config, env, ledger, date, sha, force, settings)
            except (DeliveryError, ConfigError) as exc:
                outcomes.append(Outcome(destination, "failed", str(exc)))
                continue
            ledger.record_delivery(key, date, destination, sha, detail)
            outcomes.append(Outcome(destination, "sent", detail))
        order = config.destinations
        return replace(result, outcomes=sorted(outcomes, key=lambda o: order.index(o.destination)))


def gather(config: DigestConfig, date: dt.date, seen: SeenStore) -> tuple[list[Bundle], list[str]]:
    """Bundles from every input that this digest has not briefed on another date, and notes on inputs
    that failed (one unreachable feed does not stop the digest)."""
    bundles: list[Bundle] = []
    notes: list[str] = []
    fetcher = Fetcher(config.state_dir / "http", config.http)
    try:
        for spec in config.inputs:
            try:
                if spec.path is not None:
                    # An empty inbox glob is a quiet day, not an error; a missing named file is an error.
                    quiet_day = not Path(spec.path).exists() and not glob.glob(spec.path)
                    if glob.has_magic(spec.path) and quiet_day:
                        continue
                    bundles.extend(read_paths([spec.path]))
                else:
                    bundles.extend(fetch_input(spec, fetcher))
            except InputError as exc:
                if spec.path is not None:
                    raise
                notes.append(f"skipped input: {exc}")
    finally:
        fetcher.close()
    fresh: list[Bundle] = []
    known: set[str] = set()
    for bundle in bundles:
        digest = _sha(" ".join(bundle.text.split()).encode())
        if digest in known or seen.briefed_before(config.key, date, bundle):
            continue
        known.add(digest)
        fresh.append(bundle)
    if len(fresh) < len(bundles):
        notes.append(f"{len(bundles) - len(fresh)} input(s) already briefed, skipped")
    return fresh, notes


def apply_sections(briefing: Briefing, config: DigestConfig) -> Briefing:
    """Order stories by the config's sections (first matching section wins, each capped at its limit);
    stories no section claims come last, in their original order."""
    if not config.sections:
        return briefing
    buckets: list[list[BriefingItem]] = [[] for _ in config.sections]
    rest: list[BriefingItem] = []
    for item in briefing.items:
        for bucket, section in zip(buckets, config.sections, strict=True):
            if _matches(item, section.topics, section.sources):
                if section.limit is None or len(bucket) < section.limit:
                    bucket.append(item)
                break
        else:
            rest.append(item)
    items = [item for bucket in buckets for item in bucket] + rest
    stats = briefing.stats.model_copy(update={"stories": len(items)})
    return briefing.model_copy(update={"items": items, "stats": stats})


def _matches(item: BriefingItem, topics: list[str], sources: list[str]) -> bool:
    if any(fnmatch.fnmatch(item.story.source, pattern) for pattern in sources):
        return True
    summary = item.summary
    haystack = " ".join([summary.topic, summary.headline.text, item.story.title or ""]).lower()
    return any(re.search(rf"\b{re.escape(topic.lower())}\b", haystack) for topic in topics)


def _deliver(
    destination: str,
    briefing: Briefing,
    config: DigestConfig,
    env: Mapping[str, str],
    ledger: Ledger,
    date: dt.date,
    sha: str,
    force: bool,
    settings: Settings,
) -> str:
    """Send to one destination and return what to record about it."""
    if destination == "email":
        assert config.email is not None
        spec = config.email
        subject = spec.subject.format(title=briefing.title, date=date) if spec.subject else None
        message = build_message(
            briefing,
            sender=spec.sender,
            to=spec.to,
            subject=subject,
            list_unsubscribe=spec.list_unsubscribe,
            templates_dir=settings.templates_dir,
            sources=settings.sources,
        )
        refused = send_message(message, smtp_server(config, env))
        detail = f"{message['Message-ID']} to {len(spec.to) - len(refused)} recipient(s)"
        return detail + (f"; refused: {', '.join(refused)}" if refused else "")
    assert config.slack is not None
    target = slack_target(config, env)
    messages = slack_messages(briefing, settings.templates_dir)
    if force:
        ledger.forget_parts(config.key, date, destination)
    start = ledger.parts_sent(config.key, date, destination, sha)
    post_messages(
        messages,
        target,
        start=start,
        on_sent=lambda part: ledger.record_part(config.key, date, destination, sha, part),
        pacing=config.slack.pacing,
        max_retry_after=config.slack.max_retry_after,
        timeout=config.slack.timeout,
    )
    resumed = f", resumed after {start}" if start else ""
    return f"{len(messages)} message(s) to {target.name}{resumed}"


@contextlib.contextmanager
def _state(state_dir: Path) -> Iterator[sqlite3.Connection]:
    """The state database, held under an exclusive lock for the whole run."""
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        lock = open(state_dir / "lock", "w")  # noqa: SIM115 - held for the whole run, closed below
    except OSError as exc:
        raise ConfigError(f"state_dir {state_dir}: cannot use it ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise BriefingError(f"{state_dir}: another digest run holds the lock; try again later") from None
        conn = sqlite3.connect(state_dir / "state.sqlite3")
        try:
            yield conn
        finally:
            conn.close()
    finally:
        lock.close()


def _sent_at(ledger: Ledger, key: str, date: dt.date, destination: str) -> str:
    entry = ledger.delivered(key, date, destination)
    return f"already sent at {entry.at}" if entry else ""


def _digest_sha(briefing: Briefing) -> str:
    return _sha(briefing.model_dump_json().encode())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
