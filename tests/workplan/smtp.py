"""A real SMTP server (aiosmtpd) listening on a socket of the test process: mails are delivered over TCP by
Django's SMTP backend (in this process or in a worker process) and read back as the messages received."""

from __future__ import annotations

import email
import email.policy
import socket
import time

import pytest


class Inbox:
    def __init__(self):
        self.envelopes = []
        self.port = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self) -> list[tuple[list[str], email.message.EmailMessage]]:
        """(recipients of the envelope, parsed message) for every mail received."""
        return [(list(e.rcpt_tos), email.message_from_bytes(e.original_content, policy=email.policy.default))
                for e in self.envelopes]

    def wait_for(self, n: int, timeout: float = 10.0) -> list:
        deadline = time.monotonic() + timeout
        while len(self.envelopes) < n and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    import logging

    from aiosmtpd.controller import Controller

    # aiosmtpd's thread logs each connection it sees close ("mail.log", INFO), also after the test, into a stream
    # pytest has closed by then ("Logging error … I/O operation on closed file").
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    inbox = Inbox()
    inbox.port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp_settings(settings, smtp_server):
    """Django's SMTP backend pointed at the test's server (what XIEZUO_EMAIL_HOST/PORT set in production)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "xiezuo@example.gov.cn"
    settings.XIEZUO_SITE_URL = "https://xiezuo.example.gov.cn"
    return smtp_server
