"""Which network addresses newsgraph may connect to: public ones only, unless allowed.

A URL from a feed or a redirect must not make newsgraph reach into the machine's own
network (loopback, private ranges, link-local, cloud metadata services). The check is on
the addresses a name resolves to, and it is made again at connect time (see fetch.py), so
a name that resolves differently the second time cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud instance-metadata services (AWS, GCP, Azure, OpenStack; AWS over IPv6; Alibaba).
METADATA = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "fd00:ec2::254", "100.100.100.200",
))


class BlockedAddress(Exception):
    """A connection to a non-public address, refused."""


def refusal(address: IPAddress) -> str | None:
    """Why newsgraph will not connect to this address by default, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address in METADATA:
        return "a cloud metadata address"
    for kind, flag in (("a loopback", address.is_loopback),
                       ("an unspecified", address.is_unspecified),
                       ("a link-local", address.is_link_local),
                       ("a multicast", address.is_multicast),
                       ("a private", address.is_private)):
        if flag:
            return f"{kind} address"
    return None if address.is_global else "not a public address"


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address a host name (or literal) resolves to, in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise OSError(f"cannot resolve {host}: {error}") from None
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


def allowed_addresses(host: str, port: int, allow_private: bool,
                      trusted: frozenset[str] = frozenset()) -> list[IPAddress]:
    """The addresses of ``host`` newsgraph may connect to; raises BlockedAddress when there
    is none (naming the first refused address and why). ``trusted`` names hosts (``host``
    or ``host:port``) the user allowed whatever their addresses."""
    addresses = resolve(host, port)
    if allow_private or is_trusted(host, port, trusted):
        return addresses
    allowed = [a for a in addresses if refusal(a) is None]
    if not allowed:
        first = addresses[0]
        shown = host if host == str(first) else f"{host} ({first})"
        raise BlockedAddress(f"{shown} is {refusal(first)}")
    return allowed


def is_trusted(host: str, port: int, trusted: frozenset[str]) -> bool:
    """The host (any port) or the host and port are among those the user allowed."""
    host = host.lower().strip("[]")
    return host in trusted or f"{host}:{port}" in trusted
