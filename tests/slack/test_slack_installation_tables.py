"""Our migration creates slack_sdk's installation, bot and OAuth state tables: the copy in
bot/store/installation_tables.py must stay what slack_sdk's SQLAlchemy stores read and write."""

from __future__ import annotations

import pytest
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import MetaData, Table

from bot.store.installation_tables import bots, installations, oauth_states


def _shape(table: Table) -> list[tuple[str, str, bool, bool]]:
    return [(c.name, repr(c.type), bool(c.nullable), bool(c.primary_key)) for c in table.columns]


def _indexes(table: Table) -> set[tuple[str | None, tuple[str, ...]]]:
    return {(i.name, tuple(c.name for c in i.columns)) for i in table.indexes}


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        (installations, AsyncSQLAlchemyInstallationStore.build_installations_table),
        (bots, AsyncSQLAlchemyInstallationStore.build_bots_table),
        (oauth_states, AsyncSQLAlchemyOAuthStateStore.build_oauth_states_table),
    ],
)
def test_our_tables_are_slack_sdks(ours: Table, theirs: object) -> None:
    built: Table = theirs(MetaData(), ours.name)  # type: ignore[operator]
    assert _shape(ours) == _shape(built)
    assert _indexes(ours) == _indexes(built)
