"""Feeds and article pages fetched from a real HTTP server on loopback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from servers import HttpServer, Reply, Request, static

from briefing.digest.config import HttpSpec, InputSpec
from briefing.digest.feeds import Fetcher, fetch_input, fragment_text
from briefing.errors import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "digest"


def feed_bytes(base: str) -> bytes:
    return (FIXTURES / "feed.xml").read_text(encoding="utf-8").replace("{base}", base).encode()


def _fetcher(tmp_path: Path, **http: float) -> Fetcher:
    return Fetcher(tmp_path / "http", HttpSpec.model_validate(http))


def test_each_feed_item_is_a_bundle_named_by_its_link(tmp_path: Path) -> None:
    with HttpServer() as server:
        server.routes["/feed.xml"] = static(feed_bytes(server.url), "application/rss+xml")
        bundles = fetch_input(InputSpec(url=server.url + "/feed.xml"), _fetcher(tmp_path))
    assert [b.source for b in bundles] == [
        server.url + "/news/ferry-winter-crossings",
        server.url + "/news/portal-flaw",
    ]
    ferry, portal = bundles
    assert ferry.text.startswith(
        "Ferry operator adds winter crossings to Skerrow\n\nThe Skerrow Ferry Company"
    )
    assert "<p>" not in ferry.text and "2,300 island residents" in ferry.text
    # Entities in the feed's HTML become the characters they stand for; escaping is the renderers' job.
    assert "<script>alert(1)</script>" in portal.text and "<!channel>" in portal.text


def test_atom_feed_entries_become_bundles(tmp_path: Path) -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Skerrow Notes</title><id>urn:skerrow</id>
<updated>2026-11-24T07:00:00Z</updated>
<entry><title>Island school gets solar roof</title><id>urn:skerrow:1</id>
<link href="https://skerrow.example/solar"/><updated>2026-11-24T07:00:00Z</updated>
<content type="html">&lt;p&gt;Skerrow primary school switched on a 40 kW solar roof on Monday.&lt;/p&gt;
</content>
</entry></feed>"""
    with HttpServer() as server:
        server.routes["/atom"] = static(atom, "application/atom+xml")
        [bundle] = fetch_input(InputSpec(url=server.url + "/atom"), _fetcher(tmp_path))
    assert bundle.source == "https://skerrow.example/solar"
    assert (
        bundle.text
        == "Island school gets solar roof\n\nSkerrow primary school switched on a 40 kW solar roof on Monday."
    )


def test_conditional_get_reuses_the_cached_body_on_304(tmp_path: Path) -> None:
    with HttpServer() as server:
        server.routes["/feed.xml"] = static(feed_bytes(server.url), "application/rss+xml", etag='"v1"')
        fetcher = _fetcher(tmp_path)
        first = fetcher.get(server.url + "/feed.xml")
        second = fetcher.get(server.url + "/feed.xml")
        again = fetch_input(InputSpec(url=server.url + "/feed.xml"), fetcher)
    assert not first.cached and second.cached and second.body == first.body
    assert [r.headers.get("if-none-match") for r in server.requests] == [None, '"v1"', '"v1"']
    assert len(again) == 2


def test_article_page_yields_its_main_text_only(tmp_path: Path) -> None:
    with HttpServer() as server:
        page = (FIXTURES / "article.html").read_bytes()
        server.routes["/museum"] = static(page, "text/html; charset=utf-8")
        [bundle] = fetch_input(InputSpec(url=server.url + "/museum"), _fetcher(tmp_path))
    assert bundle.source == server.url + "/museum"
    assert "£610,000 roof repair" in bundle.text and "Olwen Pryce" in bundle.text
    for junk in ("window.tracking", "Advertisement", "Subscribe", "All rights reserved"):
        assert junk not in bundle.text


def test_full_text_fetches_each_item_page(tmp_path: Path) -> None:
    with HttpServer() as server:
        server.routes["/feed.xml"] = static(feed_bytes(server.url), "application/rss+xml")
        page = (FIXTURES / "article.html").read_bytes()
        server.routes["/news/ferry-winter-crossings"] = static(page, "text/html")
        spec = InputSpec(url=server.url + "/feed.xml", full_text=True, max_items=2)
        ferry, portal = fetch_input(spec, _fetcher(tmp_path))
    assert "£610,000 roof repair" in ferry.text  # the page's text, not the feed's summary
    assert "318 accounts" in portal.text  # the page 404s: the feed's own text stands in


def test_size_cap_and_timeout_and_http_errors(tmp_path: Path) -> None:
    def slow(request: Request) -> Reply:
        time.sleep(1.0)
        return 200, {}, b"late"

    with HttpServer() as server:
        server.routes["/big"] = static(b"x" * 5000, "text/html")
        server.routes["/slow"] = slow
        fetcher = _fetcher(tmp_path, max_bytes=4096, timeout=0.3)
        with pytest.raises(InputError, match="byte cap"):
            fetcher.get(server.url + "/big")
        with pytest.raises(InputError, match="no answer within 0.3 s"):
            fetcher.get(server.url + "/slow")
        with pytest.raises(InputError, match="HTTP 404"):
            fetcher.get(server.url + "/missing")
        server.routes["/not-a-feed"] = static(b"\x00\x01 binary nonsense", "application/xml")
        with pytest.raises(InputError, match="not an RSS or Atom feed"):
            fetch_input(InputSpec(url=server.url + "/not-a-feed", kind="feed"), fetcher)


def test_fragment_text_strips_markup_and_keeps_plain_text() -> None:
    assert fragment_text("Plain words, no tags.") == "Plain words, no tags."
    text = fragment_text("<p>One <b>bold</b> claim &amp; more.</p><p>Second paragraph here.</p>")
    assert "<" not in text and "One bold claim & more." in text and "Second paragraph here." in text
