"""Errors the CLI turns into exit status 2 with a one-line reason."""


class BadInput(Exception):
    """Input the user can fix: a missing file, an unreachable URL, a binary or oversized file."""


class ConfigError(Exception):
    """Configuration the operator can fix: a malformed YAML file, a missing setting."""
