"""Prompt templates from `prompts/`, versioned by file name (`brief.v1.md` → "brief.v1").

A template is a system part and a user part separated by a `---user---` line; `{{name}}`
placeholders are filled by plain replacement, so braces in an article mean nothing. Untrusted
text goes inside delimiters whose name carries a nonce derived from the content, which the
content therefore cannot contain; any look-alike delimiter in it is defused anyway.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import ConfigError
from bot.resources import defaults_dir

_SEPARATOR = "\n---user---\n"
_VERSION = re.compile(r"^(?P<name>[a-z_]+)\.v(?P<number>\d+)\.md$")


@dataclass(frozen=True, slots=True)
class Prompt:
    version: str  # "brief.v1": stored with every brief it made
    system: str
    user: str

    def render(self, **values: str) -> tuple[str, str]:
        """The system and user messages with every `{{name}}` filled."""
        return _fill(self.system, values), _fill(self.user, values)


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    """The newest version of prompt `name` in `directory` (default: the shipped prompts)."""
    directory = directory or defaults_dir("prompts")
    found = [
        (int(m["number"]), path)
        for path in directory.glob(f"{name}.v*.md")
        if (m := _VERSION.match(path.name)) and m["name"] == name
    ]
    if not found:
        raise ConfigError(f"no prompt {name}.v*.md in {directory}")
    number, path = max(found)
    system, separator, user = path.read_text(encoding="utf-8").partition(_SEPARATOR)
    if not separator:
        raise ConfigError(f"{path}: expected a `---user---` line between system and user parts")
    return Prompt(version=f"{name}.v{number}", system=system.strip(), user=user.strip())


def nonce(*parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8"))
    return digest.hexdigest()[:12]


def defuse(text: str, tag: str) -> str:
    """`text` with anything shaped like the `<tag-…>` delimiters broken up."""
    return re.sub(rf"<(/?){tag}", rf"<\1 {tag}", text, flags=re.I)


def _fill(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values.get(m.group(1), m.group(0)), template)
