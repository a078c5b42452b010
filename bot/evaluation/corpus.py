"""Loading a labelled folder: each `*.json` label with the article it labels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import BadInput
from bot.core.models import Article
from bot.evaluation.labels import Gold, load_gold
from bot.ingest.article import article_from_text


@dataclass(frozen=True, slots=True)
class Case:
    gold: Gold
    article: Article


def load_corpus(directory: Path) -> list[Case]:
    """Every labelled article in `directory`, in file-name order (d01 … d14, seed)."""
    if not directory.is_dir():
        raise BadInput(f"{directory} is not a folder")
    labels = sorted(directory.glob("*.json"))
    if not labels:
        raise BadInput(f"{directory} holds no *.json label files")
    return [load_case(path) for path in labels]


def load_case(label_path: Path, text_path: Path | None = None) -> Case:
    """One label and its article; `text_path` overrides where the article text is read from."""
    gold = load_gold(label_path)
    text_path = text_path or text_path_for(label_path, gold)
    try:
        raw = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{label_path}: cannot read its article {text_path}: {exc}") from exc
    headline, _ = split_headline(raw)
    # Loaded as `summit brief FILE` loads it (repair, dateline, language), so the scores are
    # the bot's; the label's title and date stand in for the sidecar metadata a feed carries.
    article = article_from_text(raw, title=headline or gold.title or None, published=gold.date)
    return Case(gold=gold, article=article)


def text_path_for(label_path: Path, gold: Gold) -> Path:
    """`seed.json` names its text file (relative to itself); a `dNN.json` sits beside `dNN.txt`."""
    if gold.text:
        return (label_path.parent / gold.text).resolve()
    return label_path.with_suffix(".txt")


def split_headline(text: str) -> tuple[str | None, str]:
    """A corpus file is "headline\\n\\nbody"; a scraped page (the seed) has no such split,
    and its title comes from the label instead."""
    first, sep, rest = text.partition("\n\n")
    if sep and first.strip() and "\n" not in first:
        return first.strip(), rest
    return None, text
