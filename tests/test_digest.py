"""Daily digests end to end: local files and a feed on loopback, through the real pipeline (extractive
engine), delivered to a real SMTP server and a Slack endpoint on loopback — exactly once."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

import pytest
from servers import WEBHOOK_OK, HttpServer, free_port, slack_endpoint, slack_violations, smtp_server, static

from briefing.digest import run_digest
from briefing.digest.config import load_config
from briefing.digest.run import apply_sections
from briefing.errors import BriefingError
from briefing.model import Briefing

FIXTURES = Path(__file__).parent / "fixtures" / "digest"
DAY = dt.date(2026, 11, 24)
HOOK = "/services/T0/B0/digest-secret"


@dataclass
class Site:
    """A digest config in a folder, with its feed and Slack endpoint served on loopback."""

    config: Path
    inbox: Path
    http: HttpServer
    smtp_port: int
    env: dict[str, str]

    def slack_posts(self) -> list[dict[str, object]]:
        return [r.json() for r in self.http.hits(HOOK)]


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "inbox-council.txt", inbox / "council.txt")
    smtp_port = free_port()
    with HttpServer() as http:
        feed = (FIXTURES / "feed.xml").read_text(encoding="utf-8").replace("{base}", http.url).encode()
        http.routes["/feed.xml"] = static(feed, "application/rss+xml", etag='"feed-v1"')
        http.routes[HOOK] = slack_endpoint(webhook=True)
        config = tmp_path / "digest.toml"
        config.write_text(
            f"""
title = "Port Ellis digest"
[[inputs]]
path = "inbox/*.txt"
[[inputs]]
url = "{http.url}/feed.xml"
[engine]
name = "extractive"
cache_dir = "cache"
[email]
to = ["desk@example.com"]
from = "Digest <digest@example.com>"
host = "127.0.0.1"
port = {smtp_port}
security = "none"
timeout = 5
list_unsubscribe = ["mailto:leave@example.com"]
[slack]
webhook_url_env = "DIGEST_HOOK"
pacing = 0
""",
            encoding="utf-8",
        )
        yield Site(config, inbox, http, smtp_port, {"DIGEST_HOOK": http.url + HOOK})


def _html_and_text(message: EmailMessage) -> tuple[str, str]:
    html = message.get_body(preferencelist=("html",))
    text = message.get_body(preferencelist=("plain",))
    assert isinstance(html, EmailMessage) and isinstance(text, EmailMessage)
    return str(html.get_content()), str(text.get_content())


def test_send_delivers_one_email_and_slack_messages_then_nothing_twice(site: Site) -> None:
    with smtp_server(site.smtp_port) as (_, sink):
        result = run_digest(site.config, date=DAY, send=True, env=site.env)
        assert result.exit_code == 0, result.lines()
        assert [(o.destination, o.status) for o in result.outcomes] == [("email", "sent"), ("slack", "sent")]
        [message] = sink.messages
        assert message.get_content_type() == "multipart/alternative"
        assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
        assert message["Subject"] == "Port Ellis digest — 2026-11-24"
        assert message["Message-ID"] and message["Date"] and message["List-Unsubscribe"]
        html, text = _html_and_text(message)
        for words in ("cycle lanes", "winter crossings", "booking portal"):  # files and feed items
            assert words in text.lower() and words in html.lower()
        posts = site.slack_posts()
        assert posts and all(not slack_violations(post) for post in posts)
        out = site.config.parent / "digests" / "2026-11-24"
        names = ["briefing.json", "digest.html", "digest.md", "digest.txt", "slack.json"]
        assert sorted(p.name for p in out.iterdir()) == names
        assert result.output_dir == out and result.stories >= 3

        again = run_digest(site.config, date=DAY, send=True, env=site.env)
        assert again.exit_code == 0
        assert [o.status for o in again.outcomes] == ["skipped", "skipped"]
        assert "already sent at" in again.outcomes[0].reason
        assert (
            again.lines()[0] == "Port Ellis digest — 2026-11-24: already delivered (--force sends it again)"
        )
        assert len(sink.messages) == 1 and len(site.slack_posts()) == len(posts)


def test_hostile_feed_article_arrives_escaped_in_email_and_slack(site: Site) -> None:
    with smtp_server(site.smtp_port) as (_, sink):
        run_digest(site.config, date=DAY, send=True, env=site.env)
    html, _ = _html_and_text(sink.messages[0])
    slack = "".join(str(post) for post in site.slack_posts())
    assert "&lt;script&gt;" in html and "&lt;!channel&gt;" in html and "&lt;http://evil|click&gt;" in html
    assert "&lt;script&gt;" in slack and "&lt;!channel&gt;" in slack and "&lt;http://evil|click&gt;" in slack
    assert "<script" not in html.lower()
    for live in ("<script>", "<!channel>", "<http://evil|click>"):
        assert live not in html and live not in slack


def test_smtp_down_slack_still_gets_it_and_a_rerun_sends_only_the_email(site: Site) -> None:
    down = run_digest(site.config, date=DAY, send=True, env=site.env)
    assert down.exit_code != 0
    assert [(o.destination, o.status) for o in down.outcomes] == [("email", "failed"), ("slack", "sent")]
    assert f"cannot reach 127.0.0.1:{site.smtp_port}" in down.failed[0].reason
    assert "  email: failed (cannot reach 127.0.0.1:" in "\n".join(down.lines())
    posts = len(site.slack_posts())
    assert posts >= 1

    with smtp_server(site.smtp_port) as (_, sink):
        rerun = run_digest(site.config, date=DAY, send=True, env=site.env)
    assert rerun.exit_code == 0 and rerun.reused
    assert [(o.destination, o.status) for o in rerun.outcomes] == [("email", "sent"), ("slack", "skipped")]
    assert len(sink.messages) == 1 and len(site.slack_posts()) == posts
    # The email is the digest Slack got, not a rebuild.
    html, _ = _html_and_text(sink.messages[0])
    assert "winter crossings" in html


def test_slack_failing_midway_resumes_after_the_last_accepted_message(site: Site) -> None:
    towns = ["Ardley", "Brindle", "Carrow", "Dunmere", "Elsby", "Fenwick", "Galloway", "Hartfield",
             "Ilsworth",
             "Jarrow", "Kestle", "Lindow", "Marshend", "Norcombe", "Oakhurst", "Pellin", "Quarryhill",
             "Rosmarket", "Selby", "Tollard", "Upwey", "Varrick", "Wenlow", "Yarnton"]  # fmt: skip
    for number, town in enumerate(towns, 1):
        (site.inbox / f"town-{number:02d}.txt").write_text(
            f"{town} opens a new community centre\n\n"
            f"The {town} parish council on Monday opened a community centre that cost £{number * 37},000 and "
            f"will host {number + 11} clubs, the council said. Attendance at the old hall fell {number}% "
            f'last year. "This gives {town} a living room," said council chair Rhona {town}son.\n',
            encoding="utf-8",
        )
    site.http.routes[HOOK] = slack_endpoint(webhook=True, replies=[WEBHOOK_OK, (500, {}, b"internal_error")])
    with smtp_server(site.smtp_port):
        first = run_digest(site.config, date=DAY, send=True, env=site.env)
        assert [(o.destination, o.status) for o in first.outcomes] == [("email", "sent"), ("slack", "failed")]
        assert "message 2: HTTP 500 internal_error" in first.failed[0].reason
        second = run_digest(site.config, date=DAY, send=True, env=site.env)
    out = first.output_dir or Path()
    messages = json.loads((out / "slack.json").read_text(encoding="utf-8"))
    assert len(messages) >= 2
    assert "resumed after 1" in second.outcomes[-1].reason
    # Message 1 went out once; message 2 was tried twice (the 500, then accepted); the rest once each.
    assert site.slack_posts() == [messages[0], messages[1], *messages[1:]]


def test_dry_run_writes_but_sends_nothing_and_changes_no_state(site: Site) -> None:
    dry = run_digest(site.config, date=DAY, dry_run=True, send=True, env=site.env)
    assert dry.outcomes == [] and dry.dry_run and (dry.output_dir or Path()).joinpath("digest.html").exists()
    assert site.slack_posts() == []
    with smtp_server(site.smtp_port) as (_, sink):
        real = run_digest(site.config, date=DAY, send=True, env=site.env)
    assert not real.reused and real.stories == dry.stories  # nothing was marked seen by the dry run
    assert len(sink.messages) == 1


def test_next_day_briefs_only_what_is_new(site: Site) -> None:
    with smtp_server(site.smtp_port) as (_, sink):
        run_digest(site.config, date=DAY, send=True, env=site.env)
        quiet = run_digest(site.config, date=DAY + dt.timedelta(days=1), send=True, env=site.env)
        assert quiet.output_dir is None and "nothing new" in " ".join(quiet.lines())
        assert len(sink.messages) == 1
        # The feed was fetched conditionally the next day (and answered 304).
        assert site.http.hits("/feed.xml")[-1].headers.get("if-none-match") == '"feed-v1"'

        (site.inbox / "library.txt").write_text(
            "Library extends Sunday hours\n\nThe Port Ellis central library will open on Sundays from "
            "6 December, the library board said on Wednesday. Opening hours rise to 58 a week from 50.\n",
            encoding="utf-8",
        )
        fresh = run_digest(site.config, date=DAY + dt.timedelta(days=2), send=True, env=site.env)
    assert fresh.exit_code == 0 and len(sink.messages) == 2
    html, text = _html_and_text(sink.messages[1])
    assert "Sunday" in text and "cycle lanes" not in text and "winter crossings" not in text


def test_an_unreachable_feed_is_a_note_not_a_failure(site: Site) -> None:
    config = site.config.read_text(encoding="utf-8")
    extra = f'[[inputs]]\nurl = "{site.http.url}/gone.xml"\n'
    site.config.write_text(config.replace("[engine]", extra + "[engine]"), encoding="utf-8")
    result = run_digest(site.config, date=DAY, env=site.env)
    assert result.exit_code == 0 and result.output_dir is not None
    built = Briefing.model_validate_json((result.output_dir / "briefing.json").read_text(encoding="utf-8"))
    assert len(built.sources) == 3  # the inbox file and both items of the feed that did answer
    assert any(f"{site.http.url}/gone.xml: HTTP 404" in note for note in result.notes)
    assert "not sent: run with --send to deliver" in result.notes


def test_force_rebuilds_and_sends_again(site: Site) -> None:
    with smtp_server(site.smtp_port) as (_, sink):
        run_digest(site.config, date=DAY, send=True, env=site.env)
        forced = run_digest(site.config, date=DAY, send=True, force=True, env=site.env)
    assert [o.status for o in forced.outcomes] == ["sent", "sent"] and not forced.reused
    assert len(sink.messages) == 2
    # Items briefed on this same date stay in a rebuild of this date's digest.
    assert "winter crossings" in _html_and_text(sink.messages[1])[1]


def test_a_second_concurrent_run_is_refused(site: Site) -> None:
    state = site.config.parent / "state"
    state.mkdir()
    with open(state / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(BriefingError, match="holds the lock"):
            run_digest(site.config, date=DAY, env=site.env)


def test_sections_order_and_limit_stories(sample_briefing: Briefing, tmp_path: Path) -> None:
    config_path = tmp_path / "d.toml"
    config_path.write_text(
        'title = "t"\n[[inputs]]\npath = "x"\n'
        '[[sections]]\nname = "Library"\ntopics = ["library"]\n'
        '[[sections]]\nname = "Harbour"\ntopics = ["barrier", "portal"]\nlimit = 1\n',
        encoding="utf-8",
    )
    ordered = apply_sections(sample_briefing, load_config(config_path))
    headlines = [item.story.title for item in ordered.items]
    assert headlines == [
        "Library extends weekend hours",
        "Harbour council approves £20m flood barrier",
    ]  # the portal story matched "portal" but the Harbour section was full
    assert ordered.stats.stories == 2


def test_sources_setting_footnotes_the_email_and_markdown_not_slack(site: Site) -> None:
    site.config.write_text(
        site.config.read_text(encoding="utf-8").replace("[engine]\n", "[engine]\nsources = true\n"),
        encoding="utf-8",
    )
    with smtp_server(site.smtp_port) as (_, sink):
        result = run_digest(site.config, date=DAY, send=True, env=site.env)
    assert result.exit_code == 0, result.lines()
    html, text = _html_and_text(sink.messages[0])
    markdown = (site.config.parent / "digests" / "2026-11-24" / "digest.md").read_text(encoding="utf-8")
    for shown in (html, text, markdown):
        assert "From the source" in shown and "[a]" in shown
    assert 'href="#note-1-a"' in html
    assert "From the source" not in json.dumps(site.slack_posts())
