"""Loading from local files and stdin, with sidecar metadata; every bad input is BadInput."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import socket
import threading
from datetime import date
from pathlib import Path

import pytest

from bot.core.errors import BadInput
from bot.ingest import load_article

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_2b9aaedf29d83c14.txt"
NEWS_PAGE = REPO / "tests" / "data" / "news_page.html"
BODY = (
    "Australia pledges A$120 million for disaster early warning\n\n"
    "MANILA, Oct 29 (Straits Wire) - Australia will provide A$120 million over four years to "
    "expand early-warning systems for floods, typhoons and tsunamis in Southeast Asia.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


async def test_plain_text_file(tmp_path: Path) -> None:
    article = await load_article(str(write(tmp_path, "d08.txt", BODY)))
    assert article.title == "Australia pledges A$120 million for disaster early warning"
    assert article.text == BODY.strip()
    assert (article.dateline, article.source, article.language) == ("Manila", "Straits Wire", "en")
    assert article.url is None
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()


async def test_the_seed_is_repaired_and_described_by_its_sidecar() -> None:
    article = await load_article(str(SEED))
    assert "â–" not in article.text
    assert "â" not in article.text
    assert "Li added. ■ Chinese Premier" in article.text
    assert article.title == (
        "Chinese premier urges joint efforts with ASEAN to fend off external disruptions"
    )
    assert (article.source, article.published, article.dateline, article.language) == (
        "Xinhua",
        date(2025, 10, 28),
        "Kuala Lumpur",
        "en",
    )


async def test_sidecar_wins_over_what_the_text_says(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", BODY)
    write(
        tmp_path,
        "story.meta.yaml",
        "title: Canberra funds early warning\nsource: Pacific Desk\npublished: 2026-10-29\n"
        "dateline: Pasay\nurl: https://example.org/story\nlanguage: en\n",
    )
    article = await load_article(str(path))
    assert (article.title, article.source, article.published, article.dateline, article.url) == (
        "Canberra funds early warning",
        "Pacific Desk",
        date(2026, 10, 29),
        "Pasay",
        "https://example.org/story",
    )


async def test_sidecar_keys_are_optional_and_outlet_means_source(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", BODY)
    write(tmp_path, "story.meta.yaml", "outlet: Pacific Desk\n")
    article = await load_article(str(path))
    assert article.source == "Pacific Desk"
    assert article.title.startswith("Australia pledges")  # still inferred


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("titel: typo\n", "bad metadata in .*story.meta.yaml: titel"),
        ("published: last tuesday\n", "bad metadata in .*published"),
        ("title: [unclosed\n", "cannot read .*story.meta.yaml"),
    ],
)
async def test_bad_sidecar_is_bad_input(tmp_path: Path, sidecar: str, reason: str) -> None:
    path = write(tmp_path, "story.txt", BODY)
    write(tmp_path, "story.meta.yaml", sidecar)
    with pytest.raises(BadInput, match=reason):
        await load_article(str(path))


async def test_saved_html_page_goes_through_extraction() -> None:
    article = await load_article(str(NEWS_PAGE))
    assert article.title == "ASEAN, Korea agree maritime data hub at Manila summit"
    assert article.source == "Asia Pacific Wire"
    assert article.published == date(2026, 10, 28)
    assert article.text.startswith("MANILA, Oct. 28 (Asia Pacific Wire) --")
    for boilerplate in ("cookies", "Subscribe", "All rights reserved", "Related stories"):
        assert boilerplate not in article.text


async def test_utf8_bom_and_cp1252_files_decode(tmp_path: Path) -> None:
    bom = await load_article(str(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode())))
    assert bom.text == BODY.strip()
    legacy = BODY.replace("Southeast Asia", "“Southeast Asia” café and résumé naïveté")
    cp1252 = await load_article(str(write(tmp_path, "old.txt", legacy.encode("cp1252"))))
    assert "“Southeast Asia” café" in cp1252.text


async def test_stdin() -> None:
    article = await load_article("-", stdin=io.BytesIO(BODY.encode()))
    assert article.text == BODY.strip()


async def test_stdin_html() -> None:
    article = await load_article("-", stdin=io.BytesIO(NEWS_PAGE.read_bytes()))
    assert article.title == "ASEAN, Korea agree maritime data hub at Manila summit"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty.txt is empty"),
        ("blank.txt", b"  \n\n\t ", "blank.txt is empty"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)), "binary"),
        # An uncompressed PDF has no NUL early on: its text operators read like words.
        (
            "communique.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT /F1 24 Tf 72 712 Td "
            b"(Leaders pledged to cut tariffs) Tj ET\n%%EOF\n",
            r"communique\.pdf is a PDF, not text or HTML: convert it to text first",
        ),
        (
            "broken.txt",
            "Leaders met in Hà Nội and pledged ".encode() + b"\xff\xfe$5 billion.\n",
            r"broken\.txt is not valid UTF-8 \(at byte 37\); save it as UTF-8",
        ),
        (
            "stub.html",
            b"<html><body><nav>Home</nav><p>Subscribe.</p></body></html>",
            "no article text found in .*stub.html",
        ),
    ],
)
async def test_bad_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        await load_article(str(write(tmp_path, name, data)))


async def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"nope\.txt: no such file"):
        await load_article(str(tmp_path / "nope.txt"))


async def test_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="is a directory"):
        await load_article(str(tmp_path))


async def test_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 6 MB on paper, nothing on disk
        handle.truncate(6 * 1024 * 1024)
    with pytest.raises(BadInput, match=r"huge\.txt is larger than 5 MB"):
        await load_article(str(path))


@pytest.mark.parametrize(
    ("stdin", "reason"),
    [
        (io.BytesIO(b""), "standard input is empty"),
        (io.BytesIO(b" \n "), "standard input is empty"),
        (io.BytesIO(b"x" * (5 * 1024 * 1024 + 1)), "standard input is larger than 5 MB"),
        (io.BytesIO(b"\x00\x01\x02binary"), "standard input is a binary file"),
        (None, "no standard input"),
    ],
)
async def test_bad_stdin(stdin: io.BytesIO | None, reason: str) -> None:
    with pytest.raises(BadInput, match=reason):
        await load_article("-", stdin=stdin)


@pytest.mark.parametrize("source", ["ftp://example.org/a.txt", "file:///etc/passwd"])
async def test_other_schemes_refused(source: str) -> None:
    with pytest.raises(BadInput, match="only http and https"):
        await load_article(source)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
async def test_a_device_is_refused_without_being_read(device: str) -> None:
    # /dev/zero reports st_size 0: a size check alone would read it until memory ran out.
    with pytest.raises(BadInput, match=rf"^{device} is a device, not an article file$"):
        await load_article(device)


def test_summit_brief_dev_zero_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    assert main(["brief", "/dev/zero"]) == 2
    err = capsys.readouterr().err
    assert err == "summit: /dev/zero is a device, not an article file\n"


async def test_a_pipe_is_read_with_the_same_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def pour(data: bytes) -> None:
        # BrokenPipeError: the reader stopped at the cap, as it should.
        with fifo.open("wb") as sink, contextlib.suppress(BrokenPipeError):
            sink.write(data)

    # A pipe's st_size is 0 whatever flows through it: the cap must count the bytes read.
    writer = threading.Thread(target=pour, args=(b"x" * (6 * 1024 * 1024),))
    writer.start()
    with pytest.raises(BadInput, match=r"feed is larger than 5 MB"):
        await load_article(str(fifo))
    writer.join(timeout=10)

    writer = threading.Thread(target=pour, args=(BODY.encode(),))
    writer.start()
    article = await load_article(str(fifo))
    writer.join(timeout=10)
    assert article.title == "Australia pledges A$120 million for disaster early warning"


async def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(BadInput, match=r"s\.sock is not a regular file$"):
            await load_article(str(path))
