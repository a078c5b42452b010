"""Summit Brief: keeps a team briefed on summit diplomacy inside Slack and Discord."""

__version__ = "0.1.0"
