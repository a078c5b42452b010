"""Slack: pure renderers and command parsing, plus the bolt glue. The only package that
imports slack_bolt / slack_sdk."""
