"""Email delivery through a real SMTP server on loopback (aiosmtpd), parsed the way a mail client would."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from email.message import EmailMessage
from pathlib import Path

import pytest
from pydantic import SecretStr
from servers import free_port, self_signed_cert, smtp_server

from briefing.deliver.email import SmtpServer, build_message, email_html, send_message
from briefing.errors import DeliveryError
from briefing.model import Briefing


def _message(briefing: Briefing) -> EmailMessage:
    return build_message(
        briefing,
        sender="Briefing <briefing@example.com>",
        to=["ana@example.com", "ben@example.com"],
        list_unsubscribe=["mailto:leave@example.com"],
    )


def _parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    return str(text.get_content()), str(html.get_content())


def test_one_well_formed_multipart_email_arrives(sample_briefing: Briefing) -> None:
    with smtp_server() as (port, sink):
        refused = send_message(_message(sample_briefing), SmtpServer("127.0.0.1", port, security="none"))
    assert refused == {}
    [message] = sink.messages
    assert sink.envelopes == [("briefing@example.com", ["ana@example.com", "ben@example.com"])]
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Subject"] == f"{sample_briefing.title} — {sample_briefing.date.isoformat()}"
    assert message["Message-ID"].endswith("@example.com>") and message["Date"]
    assert message["List-Unsubscribe"] == "<mailto:leave@example.com>"
    text, html = _parts(message)
    headline = "Port Ellis approves £20m flood barrier"
    assert headline in text and headline in html
    assert html.lstrip().lower().startswith("<!doctype html") or "<html" in html[:200].lower()


def test_html_part_has_css_inlined_and_hostile_text_escaped(sample_briefing: Briefing) -> None:
    with smtp_server() as (port, sink):
        send_message(_message(sample_briefing), SmtpServer("127.0.0.1", port, security="none"))
    text, html = _parts(sink.messages[0])
    assert 'style="' in html  # css_inline moved the <style> rules onto the elements
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html and "&lt;!channel&gt;" in html and "&lt;http://evil|click&gt;" in html
    # Plain text is not markup: the article's words arrive as written.
    assert "<script>alert(1)</script>" in text


def test_sources_footnotes_reach_both_parts_escaped_in_html(sample_briefing: Briefing) -> None:
    message = build_message(sample_briefing, sender="b@example.com", to=["a@example.com"], sources=True)
    text, html = _parts(message)
    assert "[a] “In a demonstration, a comment reading <script>alert(1)</script> opened" in text
    assert "comment reading &lt;script&gt;alert(1)&lt;/script&gt; opened" in html
    assert 'id="note-2-a"' in html and 'style="' in html.split('id="note-2-a"')[1][:40]
    assert "From the source" not in _parts(_message(sample_briefing))[0]


needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl command not installed")


@needs_openssl
def test_starttls_with_login(sample_briefing: Briefing, tmp_path: Path) -> None:
    cert = self_signed_cert(tmp_path)
    server = SmtpServer(
        "127.0.0.1", 0, "starttls", username="digest", password=SecretStr("s3cret"), ca_file=cert[0]
    )
    with smtp_server(cert=cert, users={"digest": "s3cret"}) as (port, sink):
        send_message(_message(sample_briefing), SmtpServer(**{**server.__dict__, "port": port}))
        with pytest.raises(DeliveryError, match="refused the login"):
            bad = SmtpServer(**{**server.__dict__, "port": port, "password": SecretStr("wrong")})
            send_message(_message(sample_briefing), bad)
    assert len(sink.messages) == 1


@needs_openssl
def test_implicit_tls(sample_briefing: Briefing, tmp_path: Path) -> None:
    cert = self_signed_cert(tmp_path)
    with smtp_server(cert=cert, implicit_tls=True) as (port, sink):
        send_message(_message(sample_briefing), SmtpServer("127.0.0.1", port, "ssl", ca_file=cert[0]))
    assert len(sink.messages) == 1


@needs_openssl
def test_untrusted_certificate_is_refused(sample_briefing: Briefing, tmp_path: Path) -> None:
    cert = self_signed_cert(tmp_path)
    with smtp_server(cert=cert) as (port, sink), pytest.raises(DeliveryError, match="TLS"):
        send_message(_message(sample_briefing), SmtpServer("127.0.0.1", port, "starttls"))
    assert sink.messages == []


def test_server_down_is_a_delivery_error(sample_briefing: Briefing) -> None:
    port = free_port()
    with pytest.raises(DeliveryError, match=f"cannot reach 127.0.0.1:{port}"):
        send_message(_message(sample_briefing), SmtpServer("127.0.0.1", port, "none", timeout=5))


def _png_size_and_rows(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct scanlines (a blank page has one or two)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    bit_depth, colour = png[24], png[25]
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    idat = b""
    offset = 8
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        if kind == b"IDAT":
            idat += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels * bit_depth // 8
    rows = {raw[i + 1 : i + stride] for i in range(0, len(raw), stride) if raw[i] == 0}
    rows |= {raw[i : i + stride] for i in range(0, len(raw), stride) if raw[i] != 0}
    return width, height, len(rows)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed (.ci/run installs it)")
@pytest.mark.parametrize("sources", [False, True], ids=["plain", "sources"])
def test_email_html_renders_phone_width_and_not_blank(
    sample_briefing: Briefing, tmp_path: Path, sources: bool
) -> None:
    page = tmp_path / "email.html"
    page.write_text(email_html(sample_briefing, sources=sources), encoding="utf-8")
    shot = tmp_path / "email.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=390,1600",
         f"--screenshot={shot}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    width, height, distinct_rows = _png_size_and_rows(shot.read_bytes())
    assert (width, height) == (390, 1600)
    assert distinct_rows > 50, "the screenshot looks blank"
