"""A real HTTP server on a free loopback port, in a thread, serving what a test sets."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# What a route answers: a status, headers and a body, or a function that writes the answer.
Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    """The server's routes (path -> Answer or Handler) and the requests it received."""

    port: int = 0
    routes: dict[str, Answer | Handler] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    # Errors raised while serving (a client hanging up mid-answer, say), kept here rather
    # than printed: the server shares stderr with the command under test, whose own
    # stderr the tests read.
    errors: list[BaseException] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def make_handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class RequestHandler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path, Answer(404, b"not found", "text/plain"))
            if callable(route):
                route(self)
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    return RequestHandler


class RecordingServer(http.server.ThreadingHTTPServer):
    """A threading server that records a request's error in its Site instead of printing
    a traceback to the (shared) stderr."""

    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if error is not None:
            self.site.errors.append(error)


def serve() -> Iterator[Site]:
    """Start a server; yields its Site; stops it afterwards."""
    site = Site()
    server = RecordingServer(("127.0.0.1", 0), make_handler(site))
    server.site = site
    server.daemon_threads = True
    server.block_on_close = False
    site.port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


# --- handlers for hostile answers ---------------------------------------------------
def redirect(location: str) -> Answer:
    return Answer(302, b"", "text/plain", {"Location": location})


def slow(seconds: float) -> Handler:
    """Answers only after ``seconds``."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        request.send_response(200)
        request.send_header("Content-Length", "0")
        request.end_headers()

    return handle


def endless(total: int, declare: bool) -> Handler:
    """A body of ``total`` bytes written in chunks until the client hangs up; with its
    length declared, or delimited by closing the connection."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        if declare:
            request.send_header("Content-Length", str(total))
        else:
            request.send_header("Connection", "close")
            request.close_connection = True
        request.end_headers()
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        try:
            for _ in range(total // len(chunk)):
                request.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handle


def cut_short(body: bytes, declared: int) -> Handler:
    """Declares ``declared`` bytes, sends ``body`` (fewer) and hangs up."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(declared))
        request.end_headers()
        request.wfile.write(body)
        request.close_connection = True

    return handle


def gzip_bomb(size: int) -> Handler:
    """``size`` bytes of zeros, sent gzip-encoded (a few kilobytes on the wire)."""
    body = gzip.compress(bytes(size), compresslevel=9)

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Encoding", "gzip")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            request.wfile.write(body)

    return handle


def drip(declared: int, every: float) -> Handler:
    """Declares ``declared`` bytes and sends one every ``every`` seconds (never idle long
    enough for a read timeout)."""

    def handle(request: http.server.BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(declared))
        request.end_headers()
        try:
            for _ in range(declared):
                request.wfile.write(b"x")
                request.wfile.flush()
                time.sleep(every)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handle
