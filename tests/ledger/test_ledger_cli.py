"""`summit pledges` as a user runs it: filters, text/JSON/CSV to the contract, --rebuild,
bad input; and the watcher files what it briefs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest

from bot.brief.extractive.engine import ExtractiveEngine
from bot.cli import main
from bot.config import load_config
from bot.core.ledger import LedgerQuery
from bot.ledger.export import CSV_FIELDS
from bot.store import Store
from bot.watch import WatchedSource, Watcher
from tests.support.ledger_cases import CORPUS, grid_loans

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "summit.ledger-1.schema.json"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _brief(capsys: pytest.CaptureFixture[str], *names: str) -> None:
    for name in names:
        assert run(capsys, "brief", str(CORPUS / f"{name}.txt"))[0] == 0


def _validate(document: object) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, format_checker=jsonschema.FormatChecker())


@needs_corpus
def test_json_validates_against_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _brief(capsys, "d01", "d04")
    code, out, err = run(capsys, "pledges", "--format", "json")
    document = json.loads(out)
    _validate(document)
    assert (code, err) == (0, "")
    assert document["schema"] == "summit.ledger/1"
    assert {e["actor"] for e in document["entries"]} >= {"China", "Japan"}
    loans = [e for e in document["entries"] if "10 billion U.S. dollars" in e["figures"]]
    assert [a["value"] for a in loans[0]["amounts"]] == [10_000_000_000]
    assert loans[0]["amounts"][0]["currency"] == "USD"


def test_the_schema_rejects_what_breaks_the_contract() -> None:
    entry = {"id": "x", "actor": "Japan", "kind": "pledge", "pillar": "economic", "text": "t",
             "figures": [], "amounts": [], "summit": None, "date": "2026-10-10",
             "status": "new", "first_seen": None, "previous_figures": [],
             "sources": [{"title": "t", "outlet": None, "url": None, "quote": "q",
                          "span": [0, 1]}]}  # fmt: skip
    _validate({"schema": "summit.ledger/1", "entries": [entry]})
    with pytest.raises(jsonschema.ValidationError):
        _validate({"schema": "summit.ledger/1", "entries": [{**entry, "status": "old"}]})
    with pytest.raises(jsonschema.ValidationError):
        _validate({"schema": "summit.ledger/1", "entries": [{**entry, "sources": []}]})


@needs_corpus
def test_csv_for_one_actor_opens_in_a_spreadsheet(capsys: pytest.CaptureFixture[str]) -> None:
    _brief(capsys, "d01", "d04", "d06")
    code, out, _ = run(capsys, "pledges", "--actor", "Japan", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    as_json = json.loads(run(capsys, "pledges", "--actor", "japan", "--format", "json")[1])
    assert code == 0
    assert rows[0] == list(CSV_FIELDS)
    assert len(rows) - 1 == len(as_json["entries"]) >= 8
    assert out.count("\r\n") >= len(rows)  # RFC 4180 line ends
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {r["actor"] for r in records} == {"Japan"}
    assert [r["id"] for r in records] == [e["id"] for e in as_json["entries"]]
    # A comma or a quote inside a field survives the round trip (RFC 4180 quoting).
    quoted = [r for r in records if "," in r["text"] or '"' in r["source_quotes"]]
    assert quoted
    for record, entry in zip(records, as_json["entries"], strict=True):
        assert record["text"] == entry["text"]
        assert record["source_urls"].split("\n") == [s["url"] or "" for s in entry["sources"]]


@needs_corpus
def test_rebuilding_from_stored_briefs_gives_the_same_ledger(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _brief(capsys, "d01", "d02", "d04", "d06")
    before = run(capsys, "pledges", "--format", "json")[1]
    code, after, _ = run(capsys, "pledges", "--rebuild", "--format", "json")
    assert code == 0
    assert json.loads(after) == json.loads(before)
    assert len(json.loads(after)["entries"]) > 20


def test_filters_narrow_the_ledger(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for amount, summit, day in (
        ("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10)),
        ("$15 billion", "30th ASEAN-Japan Summit", date(2027, 10, 12)),
    ):
        path = tmp_path / f"{day}.txt"
        article = grid_loans(amount, summit, day)
        path.write_text(article.text, encoding="utf-8")
        assert run(capsys, "brief", str(path))[0] == 0

    def ids(*argv: str) -> int:
        return len(json.loads(run(capsys, "pledges", "--format", "json", *argv)[1])["entries"])

    assert ids() == 2
    assert ids("--status", "changed") == 1
    assert ids("--since", "2027") == 1
    assert ids("--until", "2026-12-31") == 1
    assert ids("--summit", "30th asean-japan") == 1
    assert ids("--actor", "Tokyo", "--pillar", "economic", "--kind", "pledge") == 2
    assert ids("--actor", "China") == 0
    text = run(capsys, "pledges", "--status", "changed")[1]
    assert "[was $10 billion]" in text
    assert "USD 15,000 million" in text
    assert "nothing in the coverage" in run(capsys, "pledges", "--actor", "China")[1]


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["--since", "yesterday"], "since: 'yesterday' is not a date"),
        (["--status", "old"], "unknown status 'old'"),
        (["--kind", "promise"], "unknown kind 'promise'"),
        (["--since", "2027", "--until", "2026-06"], "since (2027-01-01) is after until"),
    ],
)
def test_bad_filters_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], reason: str
) -> None:
    code, out, err = run(capsys, "pledges", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert reason in err


async def test_the_watcher_files_what_it_briefs(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    day = date.today() - timedelta(days=1)
    (folder / "loans.txt").write_text(
        grid_loans("$10 billion", "29th ASEAN-Japan Summit", day).text, encoding="utf-8"
    )
    source = WatchedSource(key=str(folder), name="coverage", kind="folder", seed_on_add=False)
    engine = ExtractiveEngine(load_config().pillars())
    async with Watcher(store, engine, [source]) as watcher:
        (report,) = await watcher.poll()
    (entry,) = await store.ledger.query(LedgerQuery(actor="Japan"))
    assert report.brief_id is not None
    assert entry.figures == ["$10 billion"]
    assert entry.status == "new"
    assert entry.sources[0].title == "Japan pledges grid loans at ASEAN-Japan summit"
