"""Errors the CLI turns into exit status 2 with a one-line reason."""


class BadInput(Exception):
    """Input the user can fix: a missing file, an unreachable URL, a binary or oversized file."""


class ConfigError(Exception):
    """Configuration the operator can fix: a malformed YAML file, a missing setting."""


class LLMUnavailable(Exception):
    """The language model gave no usable answer; `reason` is short and safe to show users
    ("timeout", "rate limited", "server error", "refusal", "truncated", "invalid output")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
