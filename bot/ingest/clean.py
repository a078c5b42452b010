"""Text repair: mojibake and line breaks, nothing else.

Evidence spans index the text as loaded, so this is the only place the text is changed: no
end-mark stripping, no boilerplate removal (the engine copes with "■" and "Enditem").
"""

from __future__ import annotations

import re

import ftfy

# UTF-8 read as windows-1252, three or two bytes long, that ftfy's heuristics leave alone
# because each piece is a plausible character on its own ("â–\xa0" is a mangled "■").
_CP1252_HIGH = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONT = f"[{re.escape(_CP1252_HIGH)}]"
_RESIDUE = re.compile(f"[\u00e0-\u00ef]{_CONT}{{2}}|[\u00c2-\u00df]{_CONT}")
# "”" is E2 80 9D; 0x9D has no windows-1252 character, so the mangled form lost its last byte.
_LOST_RIGHT_QUOTE = re.compile("â€(?=[ \\t\\n.,;:!?)]|$)")


def repair(text: str) -> str:
    """Mojibake repaired, line breaks made "\\n", outer whitespace trimmed."""
    # Before ftfy, which would read "â€ " as a dagger whose no-break space became a space.
    fixed = _LOST_RIGHT_QUOTE.sub("”", text)
    fixed = ftfy.fix_text(
        fixed,
        uncurl_quotes=False,  # curly quotes are the outlet's, and quoted evidence keeps them
        fix_character_width=False,  # full-width CJK punctuation is correct as it is
    )
    fixed = _RESIDUE.sub(_redecode, fixed)
    return fixed.strip()


def _redecode(match: re.Match[str]) -> str:
    piece = match.group()
    try:
        return piece.encode("cp1252").decode("utf-8")
    except UnicodeError:  # not mojibake after all: "Ã©" yes, "â€x" no
        return piece
