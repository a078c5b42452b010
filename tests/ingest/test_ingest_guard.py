"""The SSRF guard's idea of a public address."""

from __future__ import annotations

import ipaddress

import pytest

from bot.core.errors import BadInput
from bot.ingest.guard import check_public_host, is_public

PUBLIC = ["8.8.8.8", "203.0.114.1", "2001:4860:4860::8888", "1.1.1.1"]
NOT_PUBLIC = [
    "127.0.0.1",  # loopback
    "127.8.9.10",
    "10.1.2.3",  # private
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",  # link-local: cloud metadata
    "100.64.0.1",  # carrier-grade NAT
    "0.0.0.0",  # unspecified
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "192.0.2.1",  # documentation
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
]


@pytest.mark.parametrize("address", PUBLIC)
def test_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_not_public(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "localhost", "169.254.169.254"])
async def test_check_refuses_local_hosts(host: str) -> None:
    with pytest.raises(BadInput, match="not a public address"):
        await check_public_host(host, 80)


async def test_check_passes_a_public_literal() -> None:
    await check_public_host("8.8.8.8", 443)  # no DNS, no connection: nothing to refuse
