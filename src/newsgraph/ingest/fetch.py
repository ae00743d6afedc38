"""Fetching web pages politely and safely (httpx): the only network code in newsgraph.

Every request: a clear user agent, timeouts, at most ``max_redirects`` redirects, a body
cap read as a stream, robots.txt honoured, a pause between requests to one host, and no
connection to a private, loopback, link-local or cloud-metadata address unless allowed —
checked on the resolved addresses of every hop, again at connect time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from newsgraph import __version__
from newsgraph.ingest.addresses import BlockedAddress, allowed_addresses

log = logging.getLogger(__name__)

USER_AGENT = f"newsgraph/{__version__} (news event extraction; honours robots.txt)"
ROBOTS_AGENT = "newsgraph"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
# A robots.txt Crawl-delay longer than this is capped: a feed of 20 items must still finish.
MAX_CRAWL_DELAY = 30.0
PRIVATE_HINT = "refused (--allow-private allows it)"


@dataclass(frozen=True)
class FetchSettings:
    """How newsgraph fetches: ``timeout`` per connect/read, ``deadline`` per page in all."""

    timeout: float = 10.0
    deadline: float = 60.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    pace: float = 1.0
    allow_private: bool = False
    allowed_hosts: frozenset[str] = frozenset()
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Page:
    """A fetched page: where it ended up after redirects, its content type and body."""

    url: str
    content_type: str
    body: bytes


class FetchError(Exception):
    """A URL that could not be fetched; the message says why in one line. ``status``: the
    HTTP status when the server answered with an error."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses the guard allows: the name is resolved here, checked,
    and the checked address is the one connected to."""

    def __init__(self, allow_private: bool, trusted: frozenset[str]) -> None:
        self.allow_private = allow_private
        self.trusted = trusted

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        addresses = allowed_addresses(host, port, self.allow_private, self.trusted)
        error: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(str(address), port, timeout, local_address,
                                           socket_options)
            except httpcore.ConnectError as failed:
                error = failed
        assert error is not None
        raise error


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over the guarded backend (httpx takes no backend argument, so its
    connection pool is rebuilt with one)."""

    def __init__(self, allow_private: bool, trusted: frozenset[str] = frozenset()) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=GuardedBackend(allow_private, trusted),
        )


class Fetcher:
    """Fetches pages with one client; remembers each host's robots.txt and last request."""

    def __init__(self, settings: FetchSettings | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings or FetchSettings()
        self.clock, self.sleep = clock, sleep
        self.client = httpx.Client(
            transport=GuardedTransport(self.settings.allow_private,
                                       self.settings.allowed_hosts),
            headers={"User-Agent": self.settings.user_agent},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False, trust_env=False,
        )
        self.robots: dict[str, RobotFileParser | None] = {}
        self.last_request: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Page:
        """The page at ``url`` after at most ``max_redirects`` redirects; raises FetchError
        with a one-line reason (naming the redirect that failed, if one did)."""
        return self.get(url, check_robots=True, max_bytes=self.settings.max_bytes)

    # --- one request chain ---------------------------------------------------------
    def get(self, url: str, check_robots: bool, max_bytes: int) -> Page:
        started = self.clock()
        for hop in range(self.settings.max_redirects + 1):
            via = f"redirected to {url}: " if hop else ""
            self.check_target(url, via)
            if check_robots and not self.robots_allow(url):
                raise FetchError(f"{via}disallowed by the site's robots.txt")
            self.wait_turn(url)
            try:
                with self.client.stream("GET", url) as response:
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{via}HTTP {response.status_code} "
                                         f"{response.reason_phrase}".rstrip(),
                                         response.status_code)
                    body = read_capped(response, max_bytes, started + self.settings.deadline,
                                       self.clock)
                    return Page(str(response.url), response.headers.get("content-type", ""),
                                body)
            except FetchError as error:
                if via and not str(error).startswith(via):
                    raise FetchError(f"{via}{error}", error.status) from None
                raise
            except BlockedAddress as error:
                raise FetchError(f"{via}{error}: {PRIVATE_HINT}") from None
            except httpx.TimeoutException:
                raise FetchError(f"{via}timed out after {self.settings.timeout:g} s") from None
            except httpx.RemoteProtocolError as error:
                raise FetchError(f"{via}body cut short or garbled ({describe(error)})") from None
            except (httpx.HTTPError, OSError) as error:
                raise FetchError(f"{via}{describe(error)}") from None
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    def check_target(self, url: str, via: str) -> None:
        """Only http(s) URLs to allowed addresses; says which hop was refused and why."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{via}not an http(s) URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            allowed_addresses(parts.hostname, port, self.settings.allow_private,
                              self.settings.allowed_hosts)
        except BlockedAddress as error:
            raise FetchError(f"{via}{error}: {PRIVATE_HINT}") from None
        except OSError as error:
            raise FetchError(f"{via}{error}") from None

    # --- politeness -----------------------------------------------------------------
    def wait_turn(self, url: str) -> None:
        """Sleep until this host's pause since its last request is over."""
        host = urlsplit(url).netloc.lower()
        pause = max(self.settings.pace, self.crawl_delay(url))
        last = self.last_request.get(host)
        if last is not None:
            wait = last + pause - self.clock()
            if wait > 0:
                self.sleep(wait)
        self.last_request[host] = self.clock()

    def crawl_delay(self, url: str) -> float:
        parser = self.robots.get(origin_of(url))
        delay = parser.crawl_delay(ROBOTS_AGENT) if parser else None
        return min(float(delay or 0), MAX_CRAWL_DELAY)

    def robots_allow(self, url: str) -> bool:
        """What the site's robots.txt says for our agent (read once per site). A missing
        robots.txt (4xx) allows everything; one that cannot be read (5xx, no answer)
        allows nothing, as RFC 9309 asks."""
        origin = origin_of(url)
        if origin not in self.robots:
            self.robots[origin] = self.read_robots(origin)
        parser = self.robots[origin]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    def read_robots(self, origin: str) -> RobotFileParser | None:
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            page = self.get(f"{origin}/robots.txt", check_robots=False,
                            max_bytes=ROBOTS_MAX_BYTES)
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return None
            log.warning("robots.txt of %s cannot be read (%s): its pages are not fetched",
                        origin, error)
            parser.disallow_all = True
            return parser
        parser.parse(page.body.decode("utf-8", errors="replace").splitlines())
        return parser


def read_capped(response: httpx.Response, max_bytes: int, deadline: float,
                clock: Callable[[], float]) -> bytes:
    """The body, streamed; refused as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"body of {int(declared):,} bytes is over the {max_bytes:,}-byte "
                         "limit")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"body is over the {max_bytes:,}-byte limit")
        if clock() > deadline:
            raise FetchError("still downloading when the page's deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def describe(error: Exception) -> str:
    """A short reason for a transport error."""
    text = str(error) or type(error).__name__
    return " ".join(text.split())[:200]
