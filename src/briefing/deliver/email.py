"""Send a briefing as one email: multipart/alternative (plain text + HTML with CSS inlined) over SMTP.

Mail clients strip ``<style>`` blocks unevenly (Gmail keeps some, Outlook rewrites them), so the HTML part
carries its CSS inline; ``@media`` rules stay in a ``<style>`` for clients that honour them.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path
from typing import Literal

import css_inline
from pydantic import SecretStr

from briefing.errors import DeliveryError
from briefing.model import Briefing
from briefing.render import render

Security = Literal["starttls", "ssl", "none"]

DEFAULT_PORTS: dict[Security, int] = {"starttls": 587, "ssl": 465, "none": 25}


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to hand mail over. ``password`` is a SecretStr so it never lands in a repr or log."""

    host: str
    port: int
    security: Security = "starttls"
    username: str | None = None
    password: SecretStr | None = None
    timeout: float = 30.0
    ca_file: Path | None = None
    """Trust this CA bundle instead of the system's (an internal relay with its own certificate)."""


def email_html(briefing: Briefing, templates_dir: Path | None = None, *, sources: bool = False) -> str:
    """The HTML email body: the rendered document with its CSS inlined (no remote fetches).

    ``sources`` footnotes each bullet with the source sentences that back it (see ``render``).
    """
    html = render(briefing, "html", templates_dir, sources=sources)
    try:
        return str(css_inline.inline(html, load_remote_stylesheets=False, keep_at_rules=True))
    except ValueError as exc:
        raise DeliveryError(f"email: cannot inline the HTML template's CSS ({exc})") from None


def build_message(
    briefing: Briefing,
    *,
    sender: str,
    to: Sequence[str],
    subject: str | None = None,
    list_unsubscribe: Sequence[str] = (),
    templates_dir: Path | None = None,
    sources: bool = False,
) -> EmailMessage:
    """The email for ``briefing``: text part first (the fallback), HTML second (the preferred part).

    ``list_unsubscribe`` holds ``mailto:`` or ``https:`` URIs for the List-Unsubscribe header.
    """
    message = EmailMessage()
    message["Subject"] = subject or f"{briefing.title} — {briefing.date.isoformat()}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    if list_unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{uri}>" for uri in list_unsubscribe)
    message.set_content(render(briefing, "text", templates_dir, sources=sources))
    message.add_alternative(email_html(briefing, templates_dir, sources=sources), subtype="html")
    return message


def send_message(message: EmailMessage, server: SmtpServer) -> dict[str, tuple[int, bytes]]:
    """Hand ``message`` to ``server``; return the recipients it refused (the others got the mail).

    Raises ``DeliveryError`` when nothing was delivered: server unreachable, TLS or login failed, or every
    recipient refused.
    """
    where = f"{server.host}:{server.port}"
    context = ssl.create_default_context(cafile=str(server.ca_file) if server.ca_file else None)
    try:
        smtp: smtplib.SMTP
        if server.security == "ssl":
            smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
        with smtp:
            if server.security == "starttls":
                smtp.starttls(context=context)
            if server.username and server.password is not None:
                smtp.login(server.username, server.password.get_secret_value())
            return smtp.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(f"email: {where} refused the login ({exc.smtp_code})") from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"email: {where} refused every recipient ({', '.join(exc.recipients)})") from None
    except smtplib.SMTPResponseException as exc:
        reply = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        )
        raise DeliveryError(f"email: {where} answered {exc.smtp_code} {reply}".strip()) from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"email: {where}: {exc}") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"email: TLS with {where} failed ({exc.reason or exc})") from None
    except OSError as exc:
        raise DeliveryError(f"email: cannot reach {where} ({exc.strerror or exc})") from None
