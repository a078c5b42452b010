"""Word lists the Q&A rules rest on: stop words, irregular verbs, country names, months.

They describe English (and a little Indonesian/Malay, the region's other news language), not
any article, so answers on unseen coverage follow the same rules as on the sample corpus.
"""

from __future__ import annotations

import re

import Stemmer

from bot.language import calendar, commitment, places, word_classes


def words(text: str) -> list[str]:
    return text.split()


STOPWORDS = frozenset(
    words(
        "a an the and or but nor of to in on at by for from with without into onto over under "
        "about after before between during through per via as than then so if that this these "
        "those there here it its it's is are was were be been being am do does did done doing has "
        "have had having will would shall should can could may might must i me my we our us you "
        "your he him his she her they them their what which who whom whose when where why how "
        "much many also not no yes all any both each few more most other some such only own same "
        "too very just upon while whereas again further once up down out off s t yang dan di ke "
        "dari untuk dengan pada ini itu dalam akan oleh juga atau bagi sebagai apa siapa kapan "
        "mana berapa"
    )
)

# Words a question is built from but an answer needn't repeat: asking, saying, reporting.
QUESTION_ONLY = frozenset(
    words(
        "say said says tell told telling according mention mentioned report reported reports "
        "article coverage story piece news exactly specifically actually worth speak spoke spoken "
        "topic subject"
    )
)

# The commitment vocabulary is the product's one (`bot.language.commitment`), compiled here
# for answering: whether a clause commits, hedges, or only states a programme.
COMMITMENT_VERBS = word_classes.COMMITMENT_VERBS
COMMITMENT_CUES = commitment.detector("pledge", "offer")
HEDGE = re.compile(
    commitment.detector("hedge").pattern
    + r"|\b(?:"
    + "|".join(sorted(word_classes.HEDGE_VERBS))
    + r")(?:s|ed|ing)?\b|\bpossibly\b|\bstopped short\b",
    re.I,
)
ITINERARY = re.compile(
    r"\b(?:will|would)\s(?:also\s)?(?:"
    + "|".join(sorted(word_classes.ITINERARY_VERBS))
    + r"|return|join|be held)\b|\b(?:is|are) (?:due|scheduled|expected) to\b",
    re.I,
)
MONTHS = calendar.MONTHS
WEEKDAYS = calendar.WEEKDAYS
COUNTRIES = places.COUNTRY_NAMES

# Everyday verbs of giving and doing: "pay into the fund" is reported as "contribution to the
# fund", "hold a summit" as "convene a summit"; a missing one says little about relevance.
GENERIC_VERBS = frozenset(
    words(
        "pay give put get provide spend make take hold host open build set receive contribute "
        "send do happen plan begin start launch use go come keep bring allocate mobilise mobilize "
        "fund deliver reach achieve meet attain extend go"
    )
)

# Words reporting uses for the same thing: a question about "funding" is answered by a
# sentence about "financing". Each group is a set of equals; a word may sit in several.
SYNONYMS = (
    words("money funding fund funds financing finance financial capital"),
    words("defence defense security military"),
    words("summit meeting talks conference gathering"),
    words("attend attended participate participated join joined meeting"),
    words("next upcoming coming following"),
    words("headquarters headquartered seat based"),
    words("aid assistance support"),
    words("trade commerce"),
    words("loan loans credit lending"),
    words("cut reduce shorten slash"),
    words("start begin launch commence"),
    words("goal target aim objective"),
    words("leader leaders head heads"),
    words("country countries nation nations state states"),
    words("agreement deal accord pact treaty"),
    words("propose proposed suggest suggested proposal"),
    words("increase raise boost expand"),
    words("doses vaccines"),
    words("economy economic economies"),
    words("build construct"),
    # An alliance's members are its allies; a forum's members its member states.
    words("allies members"),
)

# Phrases a question uses for one word of the text: "took part" is "participated".
PHRASES = ((re.compile(r"\b(?:take|took|taking|takes|taken) part\b", re.I), "participate"),)

# Snowball leaves irregular forms alone ("wore" never meets "wear"); map them first.
IRREGULAR = {
    "wore": "wear",
    "worn": "wear",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "made": "make",
    "went": "go",
    "gone": "go",
    "met": "meet",
    "held": "hold",
    "built": "build",
    "sent": "send",
    "spent": "spend",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "brought": "bring",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "lent": "lend",
    "set": "set",
    "chose": "choose",
    "chosen": "choose",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "grew": "grow",
    "grown": "grow",
    "drew": "draw",
    "drawn": "draw",
    "flew": "fly",
    "flown": "fly",
    "left": "leave",
    "led": "lead",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "kept": "keep",
    "came": "come",
    "became": "become",
    "stood": "stand",
    "sought": "seek",
}

# "co-chaired" and "cochairing" are one word written two ways.
_PREFIX_HYPHEN = re.compile(r"\b(co|re|pre|non|multi|inter)-(?=[a-z])", re.I)


def joined_prefixes(text: str) -> str:
    return _PREFIX_HYPHEN.sub(r"\1", text)


_WORD = re.compile(r"(?u)\d+(?:[.,]\d+)*|\b\w\w+\b")
TOKEN_PATTERN = _WORD.pattern


_SENTENCE_CACHE = 4096


class Stems:
    """Lower-cased, stop-word-free, stemmed tokens; one instance shares its stem cache.

    Passed to `bm25s.tokenize` as its stemmer (it calls `stemWords`), and used on questions
    and candidate sentences, so all three are normalised the same way.
    """

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._cache: dict[str, str] = {}
        self._synonyms: dict[str, frozenset[str]] | None = None
        self._sentences: dict[str, tuple[str, ...]] = {}

    def stemWords(self, words: list[str]) -> list[str]:
        return [self.stem(word) for word in words]

    def stem(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = self._stemmer.stemWord(IRREGULAR.get(word, word))
            self._cache[word] = found
        return found

    def synonyms(self, stem: str) -> frozenset[str]:
        """The stems of the words that mean what `stem` does (itself excluded)."""
        if self._synonyms is None:
            found: dict[str, set[str]] = {}
            for group in SYNONYMS:
                group_stems = {self.stem(w) for w in group}
                for member in group_stems:
                    found.setdefault(member, set()).update(group_stems - {member})
            self._synonyms = {k: frozenset(v) for k, v in found.items()}
        return self._synonyms.get(stem, frozenset())

    def tokens(self, text: str) -> tuple[str, ...]:
        # Judging a question reads each candidate sentence (and the one before it) several
        # times: remember recent sentences, not all of them.
        found = self._sentences.get(text)
        if found is None:
            if len(self._sentences) >= _SENTENCE_CACHE:
                self._sentences.clear()
            found = self.fresh_tokens(text)
            self._sentences[text] = found
        return found

    def fresh_tokens(self, text: str) -> tuple[str, ...]:
        """`tokens` without remembering the sentence: for indexing, which sees each once."""
        words = _WORD.findall(joined_prefixes(text.lower()))
        return tuple(self.stem(w) for w in words if w not in STOPWORDS)
