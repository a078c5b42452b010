"""Load ONE article from a file, an http(s) URL, or "-" (stdin).

Each source is read into text (with its limits and one-line BadInput reasons), HTML goes
through trafilatura, and `article_from_text` does the rest, so every source yields the same
kind of `Article`.
"""

from __future__ import annotations

import asyncio
import re
import stat
import typing
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.errors import BadInput
from bot.core.models import Article
from bot.ingest.article import article_from_text
from bot.ingest.decode import charset_from_content_type, decode
from bot.ingest.html import extract_html, looks_like_html
from bot.ingest.meta import SourceMeta, read_sidecar
from bot.ingest.userinfo import without_userinfo

if TYPE_CHECKING:
    from bot.ingest.fetch import FetchPolicy

MAX_FILE_BYTES = 5 * 1024 * 1024
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_WEB = re.compile(r"^https?://", re.I)


async def load_article(
    source: str, *, stdin: typing.BinaryIO | None = None, policy: FetchPolicy | None = None
) -> Article:
    """The article at `source`: a file path, an http(s) URL, or "-" to read `stdin`.

    `policy` limits URL fetches; the default trusts the address (operator-given sources). Pass
    `FetchPolicy(allow_private=False)` for URLs that chat users supply.
    """
    if source == "-":
        return await _from_stdin(stdin)
    if _WEB.match(source):
        return await _from_url(source, policy)
    if _URL.match(source):
        raise BadInput(f"only http and https URLs can be loaded, not {without_userinfo(source)}")
    return await _from_file(source)


async def _from_url(url: str, policy: FetchPolicy | None) -> Article:
    # Deferred: httpx (with its CLI's rich and pygments) loads only when a URL is fetched.
    from bot.ingest.fetch import FetchPolicy, fetch

    result = await fetch(url, policy or FetchPolicy())
    declared = result.content_type
    text = decode(result.content, name=url, declared=charset_from_content_type(declared))
    meta = SourceMeta(url=result.url)
    return await _article(text, name=url, meta=meta, content_type=declared)


async def article_from_bytes(data: bytes, *, url: str, content_type: str | None) -> Article:
    """The article in a response body already fetched (a feed's linked page, a watched page)."""
    text = decode(data, name=url, declared=charset_from_content_type(content_type))
    return await _article(text, name=url, meta=SourceMeta(url=url), content_type=content_type)


async def _from_file(source: str) -> Article:
    path = Path(source)
    data = await asyncio.to_thread(_read_file, path)
    text = decode(data, name=source)
    meta = await asyncio.to_thread(read_sidecar, path)
    return await _article(text, name=source, meta=meta)


def _read_file(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as exc:  # a name too long for the file system, a path it cannot look at
        raise BadInput(f"{str(path)[:80]}: {exc.strerror or 'cannot be read'}") from exc
    _refuse_special(path, info.st_mode)
    try:
        with path.open("rb") as handle:
            # Bounded by bytes read, not by st_size: a pipe or /dev/fd/N reports size 0.
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(str(path))
    if not data.strip():
        raise BadInput(f"{path} is empty")
    return data


def _too_large(name: str) -> BadInput:
    from bot.ingest.fetch import format_size  # an error path: the fetcher's httpx loads late

    return BadInput(f"{name} is larger than {format_size(MAX_FILE_BYTES)}")


def _refuse_special(path: Path, mode: int) -> None:
    """Directories, devices and sockets are refused before they are opened (opening some
    devices has effects of its own); regular files and pipes (`<(curl …)`) are read."""
    if stat.S_ISDIR(mode):
        raise BadInput(f"{path} is a directory, not an article file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise BadInput(f"{path} is a device, not an article file")
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise BadInput(f"{path} is not a regular file")


async def _from_stdin(stdin: typing.BinaryIO | None) -> Article:
    if stdin is None:
        raise BadInput("no standard input to read the article from")
    data = await asyncio.to_thread(stdin.read, MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large("standard input")
    if not data.strip():
        raise BadInput("standard input is empty")
    return await _article(decode(data, name="standard input"), name="standard input")


async def _article(
    text: str, *, name: str, meta: SourceMeta | None = None, content_type: str | None = None
) -> Article:
    # Extraction and language identification are CPU-bound (trafilatura takes seconds on big
    # pages, the language model loads on first use): off the event loop the bot serves from.
    return await asyncio.to_thread(_build, text, name, meta or SourceMeta(), content_type)


def _build(text: str, name: str, meta: SourceMeta, content_type: str | None) -> Article:
    if not looks_like_html(text, content_type):
        if not text.strip():
            raise BadInput(f"{name} is empty")
        return _with_meta(text, meta)
    page = extract_html(text, name=name, url=meta.url)
    known = {
        "title": meta.title or page.title,
        "source": meta.source or page.sitename,
        "published": meta.published or page.published,
    }
    return _with_meta(page.text, meta.model_copy(update=known))


def _with_meta(text: str, meta: SourceMeta) -> Article:
    return article_from_text(
        text,
        title=meta.title,
        url=meta.url,
        source=meta.source,
        published=meta.published,
        dateline=meta.dateline,
        language=meta.language,
    )
