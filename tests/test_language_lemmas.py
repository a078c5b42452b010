"""`bot.language.lemmas` reads lemminflect's table without lemminflect: it must answer exactly
as `lemminflect.getAllLemmas` does, for every word the table holds and for words it lacks."""

from __future__ import annotations

import gzip

import lemminflect
import pytest

from bot.language.lemmas import _resources, all_lemmas


def table_words() -> list[str]:
    lines = gzip.decompress((_resources() / "lemma_lu.csv.gz").read_bytes()).decode()
    overrides = (_resources() / "lemma_overrides.csv").read_text().splitlines()
    words = {line.split(",")[0] for line in lines.splitlines()}
    words |= {line.split(",")[0] for line in overrides if line and not line.startswith("#")}
    return sorted(word.lower() for word in words)


def expected(word: str) -> dict[str, tuple[str, ...]]:
    return {
        upos: tuple(form.lower() for form in forms)
        for upos, forms in lemminflect.getAllLemmas(word).items()
    }


def test_every_word_of_the_table_has_lemminflects_lemmas() -> None:
    words = table_words()
    assert len(words) > 60_000  # the whole table, not a sample
    wrong = [w for w in words if dict(all_lemmas(w)) != expected(w)]
    assert wrong == []


@pytest.mark.parametrize(
    "word",
    ["Pledged", "ESTABLISH", "", "zzzz", "a", "zyzzyva", "'d", "aaa,", "pledge/", "über", "don't"],
)
def test_edges_and_unknown_words_match_lemminflect(word: str) -> None:
    assert dict(all_lemmas(word)) == expected(word)


def test_the_engine_reads_classes_it_relies_on() -> None:
    assert "pledge" in all_lemmas("pledged")["VERB"]
    assert "establish" in all_lemmas("establish")["VERB"]  # a base form is its own lemma
    assert "ADJ" in all_lemmas("bilateral")
    assert not all_lemmas("qwertyuiop")
