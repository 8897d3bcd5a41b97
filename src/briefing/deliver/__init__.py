"""Delivery: put a rendered briefing somewhere people read it (files, an SMTP server, Slack).

Each deliverer is one function over a finished ``Briefing`` that raises ``DeliveryError`` with a one-line
message that never contains a secret. Deciding *whether* to deliver (ledger, retries across runs) is the
caller's job; see ``briefing.digest``.
"""

from __future__ import annotations

from briefing.deliver.email import SmtpServer, build_message, email_html, send_message
from briefing.deliver.files import OUTPUT_FILES, atomic_write, write_outputs
from briefing.deliver.slack import SlackTarget, post_messages

__all__ = [
    "OUTPUT_FILES",
    "SlackTarget",
    "SmtpServer",
    "atomic_write",
    "build_message",
    "email_html",
    "post_messages",
    "send_message",
    "write_outputs",
]
