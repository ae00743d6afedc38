"""Fetching against a real loopback server: caps, timeouts, redirects, robots.txt, pacing,
and no connection to private, loopback, link-local or metadata addresses unless allowed."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from newsgraph.ingest.addresses import BlockedAddress, refusal
from newsgraph.ingest.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings, GuardedTransport
from tests.webserver import Answer, cut_short, drip, endless, gzip_bomb, redirect, serve, slow

PAGE = b"<html><body><article><p>Putin met Khan in Moscow.</p></article></body></html>"
MB = 1024 * 1024


@pytest.fixture
def site():
    yield from serve()


def fetcher_for(site, **settings) -> Fetcher:
    """A fetcher that trusts the test server's own origin only (not all of loopback)."""
    settings.setdefault("allowed_hosts", frozenset({f"127.0.0.1:{site.port}"}))
    return Fetcher(FetchSettings(pace=0, **settings))


def failure(fetcher: Fetcher, url: str) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return str(caught.value)


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "a loopback address"), ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"), ("10.1.2.3", "a private address"),
    ("172.16.0.1", "a private address"), ("192.168.1.1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"), ("fd00:ec2::254", "a cloud metadata address"),
    ("100.100.100.200", "a cloud metadata address"), ("169.254.10.1", "a link-local address"),
    ("fe80::1", "a link-local address"), ("0.0.0.0", "an unspecified address"),
    ("100.64.0.1", "not a public address"), ("8.8.8.8", None), ("2606:4700::1111", None),
])
def test_which_addresses_are_refused(address, reason):
    assert refusal(ipaddress.ip_address(address)) == reason


def test_a_page_is_fetched_with_the_user_agent_after_robots_txt(site):
    site.routes["/story"] = Answer(body=PAGE)
    with fetcher_for(site) as fetcher:
        page = fetcher.fetch(site.url("/story"))
        fetcher.fetch(site.url("/story"))
    assert (page.url, page.body) == (site.url("/story"), PAGE)
    assert site.paths() == ["/robots.txt", "/story", "/story"]  # robots.txt read once
    assert {agent for _, agent in site.requests} == {USER_AGENT}


def test_robots_txt_is_honoured_without_requesting_the_page(site):
    site.routes["/robots.txt"] = Answer(body=b"User-agent: newsgraph\nDisallow: /private/\n",
                                        content_type="text/plain")
    site.routes["/private/story"] = Answer(body=PAGE)
    with fetcher_for(site) as fetcher:
        message = failure(fetcher, site.url("/private/story"))
    assert message == "disallowed by the site's robots.txt"
    assert site.paths() == ["/robots.txt"]


def test_requests_to_one_host_are_paced():
    clock = [100.0]
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        clock[0] += seconds

    for site in serve():
        site.routes["/a"] = Answer(body=PAGE)
        settings = FetchSettings(pace=2.0, allowed_hosts=frozenset({f"127.0.0.1:{site.port}"}))
        with Fetcher(settings, clock=lambda: clock[0], sleep=sleep) as fetcher:
            fetcher.fetch(site.url("/a"))
            fetcher.fetch(site.url("/a"))
    # robots.txt, then the page 2 s later, then the page again 2 s after that
    assert pauses == [2.0, 2.0]


@pytest.mark.parametrize(("status", "message"), [
    (404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"),
])
def test_an_error_status_is_one_line(site, status, message):
    site.routes["/x"] = Answer(status, b"error page")
    with fetcher_for(site) as fetcher:
        assert failure(fetcher, site.url("/x")) == message


def test_a_url_that_does_not_answer_times_out(site):
    site.routes["/slow"] = slow(3)
    with fetcher_for(site, timeout=0.3) as fetcher:
        assert failure(fetcher, site.url("/slow")) == "timed out after 0.3 s"


@pytest.mark.parametrize("declare", [True, False], ids=["declared", "streamed"])
def test_a_50_mb_body_is_refused_at_the_cap(site, declare):
    site.routes["/huge"] = endless(50 * MB, declare)
    with fetcher_for(site) as fetcher:
        message = failure(fetcher, site.url("/huge"))
    expected = ("body of 52,428,800 bytes is over the 10,485,760-byte limit" if declare
                else "body is over the 10,485,760-byte limit")
    assert message == expected


def test_a_compressed_50_mb_body_is_refused_at_the_cap_after_decoding(site):
    site.routes["/bomb"] = gzip_bomb(50 * MB)
    with fetcher_for(site) as fetcher:
        assert failure(fetcher, site.url("/bomb")) == "body is over the 10,485,760-byte limit"


def test_a_page_that_trickles_in_is_refused_at_the_deadline(site):
    site.routes["/drip"] = drip(declared=10_000, every=0.05)
    with fetcher_for(site, timeout=1, deadline=0.5) as fetcher:
        message = failure(fetcher, site.url("/drip"))
    assert message == "still downloading when the page's deadline passed"


def test_a_body_cut_short_is_one_line(site):
    site.routes["/cut"] = cut_short(PAGE[:40], declared=len(PAGE))
    with fetcher_for(site) as fetcher:
        message = failure(fetcher, site.url("/cut"))
    assert message.startswith("body cut short or garbled (") and "received 40 bytes" in message


def test_five_redirects_are_followed_and_a_sixth_is_refused(site):
    for hop in range(6):
        site.routes[f"/r{hop}"] = redirect(f"/r{hop + 1}")
    site.routes["/r6"] = Answer(body=PAGE)
    with fetcher_for(site) as fetcher:
        assert fetcher.fetch(site.url("/r1")).url == site.url("/r6")
        assert failure(fetcher, site.url("/r0")) == "more than 5 redirects"


def test_a_loopback_url_is_refused_before_any_request(site):
    site.routes["/story"] = Answer(body=PAGE)
    with Fetcher(FetchSettings(pace=0)) as fetcher:
        message = failure(fetcher, site.url("/story"))
    assert message == "127.0.0.1 is a loopback address: refused (--allow-private allows it)"
    assert site.requests == []


def test_a_name_is_checked_after_it_is_resolved(site):
    with Fetcher(FetchSettings(pace=0)) as fetcher:
        message = failure(fetcher, f"http://localhost:{site.port}/story")
    assert message.startswith("localhost (")
    assert "is a loopback address: refused" in message
    assert site.requests == []


@pytest.mark.parametrize(("target", "reason"), [
    ("http://127.0.0.1:{other}/admin", "127.0.0.1 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
    ("http://localhost:{port}/story", "is a loopback address"),
    ("http://[::1]:{port}/story", ":1 is a loopback address"),
])
def test_a_redirect_to_a_private_address_is_refused(site, target, reason):
    target = target.format(port=site.port, other=site.port + 1 if site.port < 65535 else 1)
    site.routes["/go"] = redirect(target)
    site.routes["/story"] = Answer(body=PAGE)
    with fetcher_for(site) as fetcher:
        message = failure(fetcher, site.url("/go"))
    assert message.startswith(f"redirected to {target}: ")
    assert reason in message and message.endswith("refused (--allow-private allows it)")
    assert site.paths() == ["/robots.txt", "/go"]


def test_allow_private_allows_loopback(site):
    site.routes["/story"] = Answer(body=PAGE)
    with Fetcher(FetchSettings(pace=0, allow_private=True)) as fetcher:
        assert fetcher.fetch(site.url("/story")).body == PAGE


def test_the_transport_refuses_at_connect_time_too(site):
    # Without the fetcher's own check, the connection itself is refused.
    site.routes["/story"] = Answer(body=PAGE)
    with httpx.Client(transport=GuardedTransport(allow_private=False)) as client, \
            pytest.raises(BlockedAddress, match="127.0.0.1 is a loopback address"):
        client.get(site.url("/story"))
    assert site.requests == []


NETWORK_MODULES = ("httpx", "httpcore", "socket", "urllib.request", "urllib3", "requests")


def test_only_ingest_fetch_and_addresses_touch_the_network():
    from tests.test_architecture import MODULES, imported_names

    reaching = {
        name for name, path in MODULES.items()
        if any(imported == module or imported.startswith(module + ".")
               for imported in imported_names(path) for module in NETWORK_MODULES)
    }
    assert reaching == {"newsgraph.ingest.fetch", "newsgraph.ingest.addresses"}
