"""Paths the Q&A tests share (a plain module: conftest files are not for importing)."""

from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_2b9aaedf29d83c14.txt"
