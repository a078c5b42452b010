"""The article and brief store: SQLAlchemy 2 (async) tables, Alembic migrations, a repository."""

from bot.store import installation_tables  # noqa: F401 - Slack installations in the metadata
from bot.store.database import DEFAULT_URL, create_engine, database_url
from bot.store.repository import Store, StoredBrief

__all__ = ["DEFAULT_URL", "Store", "StoredBrief", "create_engine", "database_url"]
