"""The pledge ledger: every commitment briefed, kept across articles, outlets and summits.

Import the parts (`bot.ledger.ledger`, `bot.ledger.export`, ...) directly. The shapes it files
into and returns are below it (`bot.core.ledger`, `bot.store.ledger_records`), so the store
never imports this package.
"""
