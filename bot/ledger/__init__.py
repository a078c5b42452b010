"""The pledge ledger: every commitment briefed, kept across articles, outlets and summits.

Import the parts (`bot.ledger.ledger`, `bot.ledger.export`, ...) directly: the store imports
this package's plain types, so this file imports nothing.
"""
