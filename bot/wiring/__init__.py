"""Wiring: where settings become the engines, answerers, store and adapters the bot runs
with. Nothing below the front ends imports this package."""
