#!/ usr / bin / python3
"""A real SMTP server for the mail tests (aiosmtpd, Debian's python3-aiosmtpd).

Saves each message it accepts as <dir>/<n>.eml, with <dir>/<n>.json naming its
envelope, written under a temporary name and renamed, so a reader never sees
half a message. Prints "listening on http://127.0.0.1:<port>" (the line the
tests' ChildProcess waits for) once it accepts connections.

Options: --tls-cert/--tls-key offer STARTTLS and require it; --auth-user with
--auth-password-file require AUTH (the file is read at each attempt, so a
test can fix a wrong password between retries); --stall-recipient ADDR holds
the first DATA for ADDR without answering until the client goes away (or
--stall-seconds pass, then 451), and writes <dir>/stalled-<ADDR> meanwhile.
"""

import argparse
import asyncio
import itertools
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as out:
        out.write(data)
    os.rename(temporary, path)


class Sink:
    def __init__(self, directory, stall_recipient, stall_seconds):
        self.directory = directory
        self.stall_recipient = stall_recipient
        self.stall_seconds = stall_seconds
        self.stalled = False
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        if self.stall_recipient in envelope.rcpt_tos and not self.stalled:
            self.stalled = True
            marker = os.path.join(self.directory, "stalled-" + self.stall_recipient)
            write_atomically(marker, b"")
            deadline = time.monotonic() + self.stall_seconds
            while time.monotonic() < deadline:
                if server._reader.at_eof() or server.transport is None or server.transport.is_closing():
                    break
                await asyncio.sleep(0.05)
            return "451 4.3.0 Try again later"
        number = next(self.numbers)
        base = os.path.join(self.directory, "%06d" % number)
        write_atomically(base + ".eml", envelope.original_content)
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                "tls": session.ssl is not None,
                "authenticated": bool(session.authenticated),
                "peer_port": session.peer[1]}
        write_atomically(base + ".json", json.dumps(meta).encode())
        return "250 2.0.0 Message accepted"


class PasswordFile:
    def __init__(self, user, path):
        self.user = user
        self.path = path

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        with open(self.path, "rb") as f:
            password = f.read().strip()
        ok = auth_data.login == self.user.encode() and auth_data.password == password
        return AuthResult(success=ok, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password-file")
    parser.add_argument("--stall-recipient", default="")
    parser.add_argument("--stall-seconds", type=float, default=60)
    args = parser.parse_args()

    options = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(tls_context=context, require_starttls=True)
    if args.auth_user:
        options.update(authenticator=PasswordFile(args.auth_user, args.auth_password_file),
                       auth_required=True, auth_require_tls=bool(args.tls_cert))
    else:
        options.update(auth_require_tls=False)
    port = free_port()
    controller = Controller(Sink(args.dir, args.stall_recipient, args.stall_seconds),
                            hostname="127.0.0.1", port=port, server_kwargs=options)
    controller.start()
    print("listening on http://127.0.0.1:%d" % port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
