"""Turning an article into a brief: text utilities, engines and the verifier."""
