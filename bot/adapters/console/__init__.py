"""The console adapter: briefs as plain text or Markdown for a terminal or a file."""
