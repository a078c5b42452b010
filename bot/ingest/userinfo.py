"""Credentials in URLs (`https://user:secret@host/…`): used for the request, never kept.

What is stored, shown in a post, listed by `summit sources` or logged is the URL without its
userinfo; only the fetch itself sees the original (httpx turns it into Basic auth). Pure.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

# For text that urlsplit refuses (a bad port, a broken IPv6 literal): drop "//…@" all the same.
_USERINFO = re.compile(r"(?<=//)[^/?#@\s]*@")


def without_userinfo(url: str) -> str:
    """`url` with any `user:password@` left out; anything else unchanged."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub("", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
