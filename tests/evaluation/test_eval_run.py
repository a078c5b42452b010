"""`run_eval` end to end on a tiny labelled folder in a temporary directory."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.config import AppConfig
from bot.core.errors import BadInput
from bot.core.models import Article, Brief
from bot.evaluation import evaluate, run_eval
from bot.evaluation.corpus import load_corpus, split_headline
from bot.evaluation.report import format_table, to_json
from tests.support.eval_builders import gold_dict, item, make_brief

ARTICLE = (
    "China pledges fund capital at tiny summit\n\n"
    "MANILA, Oct 27 (Wire) - China will inject more capital into the Cooperation Fund.\n"
    "China is ready to set up a Digital Academy.\n"
)
PILLARS_YAML = """pillars:
  - {key: political_security, title: Political-security, keywords: [security]}
  - {key: economic, title: Economic, keywords: [trade]}
  - {key: socio_cultural, title: Socio-cultural, keywords: [education]}
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "t01.json").write_text(json.dumps(gold_dict()), encoding="utf-8")
    (folder / "t01.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def config(tmp_path: Path) -> AppConfig:
    (tmp_path / "pillars.yaml").write_text(PILLARS_YAML, encoding="utf-8")
    return AppConfig(base_dir=tmp_path)


def fake_engine(article: Article) -> Brief:
    return make_brief(
        economic=[
            item("China will inject more capital into the Cooperation Fund."),
            item("China is ready to set up a Digital Academy.", "offer"),
        ]
    )


def test_table_output(corpus: Path, config: AppConfig, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(corpus, config) == 0
    out = capsys.readouterr().out
    assert "pledge+offer" in out
    assert "calls shown as pledges" in out
    row = next(line for line in out.splitlines() if line.startswith("t01"))
    assert row.split()[:2] == ["t01", "4"]


def test_json_output(corpus: Path, config: AppConfig, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_eval(corpus, config, output="json") == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert data["schema"] == "summit.eval/1"
    assert data["strict"]["all"]["gold"] == 4
    assert data["articles"][0]["id"] == "t01"
    assert data["questions"] is None


def test_scores_a_known_brief(corpus: Path) -> None:
    report = evaluate(load_corpus(corpus), fake_engine, engine="fake")
    data = to_json(report)
    assert data["strict"]["pledge+offer"]["recall"] == 1.0
    assert data["strict"]["all"]["precision"] == 1.0
    assert data["strict"]["all"]["recall"] == 0.5
    assert data["kind_accuracy"] == {"value": 1.0, "correct": 2, "pairs": 2}
    assert data["pillar_accuracy"]["value"] == 1.0
    table = format_table(report)
    assert table.startswith("Summit Brief evaluation · engine fake · 1 article\n")
    row = next(line for line in table.splitlines() if line.startswith("t01"))
    assert row.split() == ["t01", "4", "2", "2", "1.00", "0.50", "-"]


def test_answerer_hook_adds_question_scores(
    corpus: Path, config: AppConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.core.models import Answer

    def declines(article: Article, question: str) -> Answer:
        return Answer(answer="The article does not say.", answerable=False)

    run_eval(corpus, config, output="json", answerer=declines)
    questions = json.loads(capsys.readouterr().out)["questions"]
    assert questions["answerable"]["correct"] == 0
    assert questions["unanswerable_declined"] == {"value": 1.0, "correct": 1, "pairs": 1}


def test_article_is_loaded_as_the_bot_loads_it(corpus: Path) -> None:
    (case,) = load_corpus(corpus)
    assert case.article.title == "China pledges fund capital at tiny summit"
    assert "MANILA, Oct 27 (Wire)" in case.article.text
    assert split_headline("one long scraped line") == (None, "one long scraped line")


def test_seed_style_label_points_at_its_text(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("single scraped line", encoding="utf-8")
    (tmp_path / "labels").mkdir()
    label = gold_dict(id="seed", text="../texts/a.txt")
    (tmp_path / "labels" / "seed.json").write_text(json.dumps(label), encoding="utf-8")
    (case,) = load_corpus(tmp_path / "labels")
    assert (case.article.title, case.article.text) == ("Tiny summit", "single scraped line")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "no *.json"),
        ({"t01.json": "{not json"}, "not a valid JSON"),
        (
            {
                "t01.json": json.dumps(
                    gold_dict(
                        pledges=[{"actor": "A", "kind": "pledge", "pillar": "e", "terms": []}]
                    )
                )
            },
            "pledges.0.terms",
        ),
        (
            {
                "t01.json": json.dumps(
                    gold_dict(
                        pledges=[{"actor": "A", "kind": "promise", "pillar": "e", "terms": ["x"]}]
                    )
                )
            },
            "pledges.0.kind",
        ),
        ({"t01.json": json.dumps(gold_dict())}, "cannot read its article"),
    ],
)
def test_bad_folder_is_bad_input(
    tmp_path: Path, config: AppConfig, files: dict[str, str], message: str
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=message.replace("*", r"\*").replace(".", r"\.")):
        run_eval(folder, config)


def test_missing_folder_and_unknown_output(corpus: Path, config: AppConfig) -> None:
    with pytest.raises(BadInput, match="not a folder"):
        run_eval(corpus / "nope", config)
    with pytest.raises(BadInput, match="unknown eval output"):
        run_eval(corpus, config, output="xml")
