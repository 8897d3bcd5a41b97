"""Fetch RSS/Atom feeds and article pages over HTTP and turn them into Bundles (one per article).

Fetching is polite and bounded: conditional GET (ETag / Last-Modified, with the last body cached so a 304
still yields the feed), a timeout, and a size cap enforced while streaming. Feeds are parsed by feedparser
and article text is extracted from HTML by trafilatura, which drops navigation, ads and scripts.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import feedparser
import httpx2
import trafilatura

from briefing.deliver.files import atomic_write
from briefing.digest.config import HttpSpec, InputSpec
from briefing.errors import InputError
from briefing.model import Bundle

_FEED_TYPES = ("rss", "atom", "xml")


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes
    content_type: str
    cached: bool
    """True when the server answered 304 and ``body`` came from the cache."""


class Fetcher:
    """An HTTP client with a small conditional-GET cache under ``cache_dir``."""

    def __init__(
        self, cache_dir: Path, spec: HttpSpec, transport: httpx2.BaseTransport | None = None
    ) -> None:
        self.cache_dir = cache_dir
        self.spec = spec
        self.client = httpx2.Client(
            timeout=spec.timeout,
            follow_redirects=True,
            headers={"User-Agent": spec.user_agent},
            transport=transport,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str) -> Fetched:
        """GET ``url`` (conditionally, when cached); raise ``InputError`` naming the URL on any failure."""
        stem = self.cache_dir / hashlib.sha256(url.encode()).hexdigest()
        meta = _read_meta(stem.with_suffix(".json"))
        headers = {}
        if meta and stem.with_suffix(".body").exists():
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and meta:
                    body = stem.with_suffix(".body").read_bytes()
                    return Fetched(url, body, meta.get("content_type", ""), cached=True)
                if response.status_code != 200:
                    raise InputError(f"{url}: HTTP {response.status_code}")
                body = self._read_capped(response, url)
                content_type = response.headers.get("content-type", "")
                etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        except httpx2.TimeoutException:
            raise InputError(f"{url}: no answer within {self.spec.timeout:g} s") from None
        except httpx2.HTTPError as exc:
            raise InputError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
        if etag or modified:
            atomic_write(stem.with_suffix(".body"), body)
            meta = {
                "url": url,
                "etag": etag or "",
                "last_modified": modified or "",
                "content_type": content_type,
            }
            atomic_write(stem.with_suffix(".json"), json.dumps(meta))
        return Fetched(url, body, content_type, cached=False)

    def _read_capped(self, response: httpx2.Response, url: str) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.spec.max_bytes:
            raise InputError(f"{url}: {int(declared):,} bytes is over the {self.spec.max_bytes:,}-byte cap")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.spec.max_bytes:
                raise InputError(f"{url}: more than the {self.spec.max_bytes:,}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)


def fetch_input(spec: InputSpec, fetcher: Fetcher) -> list[Bundle]:
    """Bundles for one url input: every item of a feed, or the one article a page holds."""
    assert spec.url is not None
    fetched = fetcher.get(spec.url)
    kind = spec.kind
    if kind == "auto":
        kind = "feed" if _looks_like_feed(fetched) else "article"
    if kind == "article":
        return [Bundle(text=article_text(fetched.body, fetched.url), source=fetched.url)]
    return feed_items(fetched, fetcher, full_text=spec.full_text, max_items=spec.max_items)


def feed_items(fetched: Fetched, fetcher: Fetcher, *, full_text: bool, max_items: int | None) -> list[Bundle]:
    """One Bundle per feed entry (source = the entry's link): its title, then its text."""
    parsed = feedparser.parse(fetched.body)
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(f"{fetched.url}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    bundles: list[Bundle] = []
    for number, entry in enumerate(parsed.entries[:max_items] if max_items else parsed.entries, 1):
        link = str(entry.get("link") or f"{fetched.url}#{entry.get('id', number)}")
        body = ""
        if full_text and entry.get("link"):
            try:
                body = article_text(fetcher.get(link).body, link)
            except InputError:
                body = ""  # the feed's own text stands in for a page we could not read
        if not body:
            contents = entry.get("content") or []
            html = contents[0].get("value", "") if contents else entry.get("summary", "")
            body = fragment_text(str(html))
        title = " ".join(str(entry.get("title", "")).split())
        text = f"{title}\n\n{body}".strip() if title and not body.startswith(title) else body.strip()
        if text:
            bundles.append(Bundle(text=text, source=link))
    return bundles


def article_text(html: bytes | str, url: str) -> str:
    """The main text of an article page (title first), or ``InputError`` when the page has none."""
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(f"{url}: no article text found in the page")
    return text.strip()


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content or summary)."""
    if "<" not in html and "&" not in html:
        return html.strip()
    document = f"<html><body>{html}</body></html>"
    return (trafilatura.extract(document, include_comments=False) or trafilatura.html2txt(document)).strip()


def _looks_like_feed(fetched: Fetched) -> bool:
    content_type = fetched.content_type.lower()
    if "html" in content_type:
        return False
    if any(kind in content_type for kind in _FEED_TYPES):
        return True
    head = fetched.body[:512].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _read_meta(path: Path) -> dict[str, str] | None:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None
