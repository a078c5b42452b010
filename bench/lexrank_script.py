"""The yardstick for `bench/cli_start.py`: a plain sumy LexRank script, as a user might write
one instead of installing the bot. Reads an article, prints its top sentences as JSON.

    python bench/lexrank_script.py ARTICLE.txt [--sentences 5]

Sentences are split by a regular expression: sumy's own tokenizer needs NLTK's punkt data,
which a fresh machine does not have.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w+(?:[-']\w+)*")


class RegexTokenizer:
    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [s for s in _SENTENCE_END.split(text) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("article", type=Path)
    parser.add_argument("--sentences", type=int, default=5)
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8")
    document = PlaintextParser.from_string(text, RegexTokenizer()).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    picked = [str(s) for s in summarizer(document, args.sentences)]
    print(json.dumps({"article": str(args.article), "sentences": picked}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
