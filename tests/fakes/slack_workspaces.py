"""The workspaces the fake Slack Web API knows, and `oauth.v2.access` as Slack documents it.

Every workspace has a team id, a bot user and, once installed, its own bot token. The default
workspace (T0001) is the single-workspace bot's, installed from the start with the fake's
`bot_token`. Others are added by a test with a one-time code, as Slack's consent page would
hand it to the redirect; `oauth.v2.access` exchanges it (client credentials in HTTP Basic
auth, or `client_id`/`client_secret` in the body) for a bot token:

    {"ok": true, "access_token": "xoxb-…", "token_type": "bot", "scope": "commands,…",
     "bot_user_id": "U…", "app_id": "A…", "team": {"name": …, "id": "T…"},
     "enterprise": null, "is_enterprise_install": false, "authed_user": {"id": "U…"}}

Errors, HTTP 200 `ok:false`: `invalid_client_id`, `bad_client_secret`, `invalid_code` (unknown
or already used). `revoke(team_id)` plays an uninstall: that token then gets `token_revoked`.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

APP_ID = "A0001"
SCOPES = "commands,chat:write,app_mentions:read,channels:history,groups:history"


@dataclass
class Workspace:
    team_id: str
    name: str
    bot_token: str = field(repr=False)
    bot_user_id: str
    bot_id: str
    code: str = ""
    installer: str = "U0INSTALLER"

    def auth_test(self) -> dict[str, Any]:
        return {
            "url": f"https://{self.name.lower().replace(' ', '-')}.slack.com/",
            "team": self.name, "user": "summit", "team_id": self.team_id,
            "user_id": self.bot_user_id, "bot_id": self.bot_id, "is_enterprise_install": False,
        }  # fmt: skip


@dataclass
class Workspaces:
    client_id: str = "1111.2222"
    client_secret: str = field(default="test-client-secret", repr=False)
    by_token: dict[str, Workspace] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    _codes: dict[str, Workspace] = field(default_factory=dict)

    def add(self, team_id: str, name: str) -> Workspace:
        """A workspace ready to install: its code is what the redirect will carry."""
        n = len(self._codes) + len(self.by_token) + 1
        token = f"xoxb-test-{team_id.lower()}-{n}"
        bot_user, bot_id, code = f"UBOT{team_id}", f"B{team_id}", f"code-{team_id}-{n}"
        workspace = Workspace(team_id, name, token, bot_user, bot_id, code=code)
        self._codes[workspace.code] = workspace
        return workspace

    def installed(self, workspace: Workspace) -> None:
        self.by_token[workspace.bot_token] = workspace

    def revoke(self, team_id: str) -> None:
        for token, workspace in self.by_token.items():
            if workspace.team_id == team_id:
                self.revoked.add(token)

    def oauth_v2_access(self, params: dict[str, Any], authorization: str) -> dict[str, Any]:
        client_id, secret = _client(params, authorization)
        if client_id != self.client_id:
            return {"ok": False, "error": "invalid_client_id"}
        if secret != self.client_secret:
            return {"ok": False, "error": "bad_client_secret"}
        workspace = self._codes.pop(str(params.get("code") or ""), None)
        if workspace is None:
            return {"ok": False, "error": "invalid_code"}
        self.installed(workspace)
        return {
            "ok": True, "access_token": workspace.bot_token, "token_type": "bot",
            "scope": SCOPES, "bot_user_id": workspace.bot_user_id, "app_id": APP_ID,
            "team": {"name": workspace.name, "id": workspace.team_id}, "enterprise": None,
            "is_enterprise_install": False, "authed_user": {"id": workspace.installer},
        }  # fmt: skip


def _client(params: dict[str, Any], authorization: str) -> tuple[str, str]:
    if authorization.startswith("Basic "):
        decoded = base64.b64decode(authorization.removeprefix("Basic ")).decode()
        client_id, _, secret = decoded.partition(":")
        return client_id, secret
    return str(params.get("client_id") or ""), str(params.get("client_secret") or "")
