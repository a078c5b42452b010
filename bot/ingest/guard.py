"""The SSRF guard: URLs that chat users supply never reach the bot's own network.

A user who can make the bot fetch `http://169.254.169.254/` or `http://localhost:8080/admin`
reads what only the bot should see. Every address a host name resolves to must be public;
one private address is enough to refuse, since the connection may use any of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

from bot.core.errors import BadInput

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(address: IPAddress) -> bool:
    """True for an address on the public internet, looking through IPv4-in-IPv6 forms."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return is_public(embedded)
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


async def check_public_host(host: str, port: int) -> None:
    """BadInput unless every address of `host` is public (resolved in a worker thread)."""
    for address in await resolve(host, port):
        if not is_public(address):
            raise BadInput(f"refusing to fetch from {host}: {address} is not a public address")


async def resolve(host: str, port: int) -> list[IPAddress]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BadInput(f"cannot resolve host {host}") from exc
    return [ipaddress.ip_address(str(info[4][0])) for info in infos]


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None
