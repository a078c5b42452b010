"""Bytes to text: the declared charset first, then UTF-8, then a detector.

The order follows what browsers do (BOM, HTTP header, `<meta charset>`), so a page reads the
way its publisher saw it. Binary data is refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from bot.core.errors import BadInput

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# Publishers label windows-1252 text "iso-8859-1" or "ascii"; browsers decode it as 1252 and
# so do we, or the curly quotes in 0x80-0x9F turn into control characters.
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii"})
_SNIFF_BYTES = 8192
_DOCUMENTS = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip archive (an Office document or EPUB?)"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
# One well-formed multi-byte UTF-8 character.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=utf-8")."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def decode(data: bytes, *, name: str, declared: str | None = None) -> str:
    """`data` as text. `name` says what it is in error messages ("notes.txt", a URL)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    _refuse_documents(data, name)
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise BadInput(f"{name} is a binary file, not text")
    for label in (declared, _meta_charset(data)):
        codec = _codec(label)
        if codec:
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # UTF-8 sequences beside bytes that break it: a damaged UTF-8 file, not a legacy
        # encoding, and a detector would turn it into confident mojibake.
        if _UTF8_SEQUENCE.search(data):
            where = f"byte {exc.start}"
            raise BadInput(f"{name} is not valid UTF-8 (at {where}); save it as UTF-8") from None
        return _detect(data, name)


def _refuse_documents(data: bytes, name: str) -> None:
    """Formats whose bytes look enough like text to be briefed as gibberish (a PDF's
    `BT /F1 24 Tf …` content streams), named so the user knows what to do instead."""
    for magic, kind in _DOCUMENTS:
        if data.startswith(magic):
            raise BadInput(f"{name} is {kind}, not text or HTML: convert it to text first")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """A Python codec for a charset label, or None for an unknown one (then we sniff)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in _WINDOWS_1252_ALIASES else name


def _detect(data: bytes, name: str) -> str:
    best = charset_normalizer.from_bytes(data[: 64 * 1024]).best()
    if best is None or best.encoding is None:
        raise BadInput(f"{name} is not readable text (unknown encoding)")
    return data.decode(best.encoding, errors="replace")
