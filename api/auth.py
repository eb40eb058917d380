"""Who may read and who may write: bearer tokens with roles, kept hashed.

Tokens come from TPPS_TOKENS ("role:token,role:token") or a file named by
TPPS_TOKENS_FILE, one "ROLE SHA256-OF-TOKEN [name]" per line (`tpps token` makes
both). Only hashes are held in memory. Roles rank reader < editor < admin: every
mutation needs editor; reading needs reader when TPPS_READ=token (default: open).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from graph.settings import settings

ROLES = ("reader", "editor", "admin")


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return "tpps_" + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Principal:
    role: str | None  # None: no valid token
    name: str = "anonymous"

    def may(self, role: str) -> bool:
        return self.role is not None and ROLES.index(self.role) >= ROLES.index(role)


ANONYMOUS = Principal(None)


class AuthError(ValueError):
    """The token configuration is broken; the message says where."""


@dataclass
class Access:
    """The configured tokens (hashed) and whether reading needs one."""

    hashes: dict[str, tuple[str, str]]  # sha256 -> (role, name)
    read_needs_token: bool = False

    @classmethod
    def from_env(cls) -> Access:
        hashes: dict[str, tuple[str, str]] = {}
        for n, item in enumerate(filter(None, settings().tokens.split(","))):
            role, _, token = item.strip().partition(":")
            if role not in ROLES or not token:
                raise AuthError(f"TPPS_TOKENS item {n + 1}: expected ROLE:TOKEN with ROLE one "
                                f"of {', '.join(ROLES)}")
            hashes[digest(token)] = (role, f"env#{n + 1}")
        path = settings().tokens_file
        if path:
            for line_no, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
                parts = line.split()
                if not parts or parts[0].startswith("#"):
                    continue
                if len(parts) < 2 or parts[0] not in ROLES or len(parts[1]) != 64:
                    raise AuthError(f"{path}:{line_no}: expected ROLE SHA256 [NAME]")
                hashes[parts[1].lower()] = (parts[0], " ".join(parts[2:]) or f"line {line_no}")
        read = settings().read
        if read not in ("open", "token"):
            raise AuthError("TPPS_READ must be open or token")
        return cls(hashes, read == "token")

    def principal(self, authorization: str | None) -> Principal:
        if not authorization:
            return ANONYMOUS
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return Principal(None, "malformed")
        wanted = digest(token.strip())
        for known, (role, name) in self.hashes.items():
            if hmac.compare_digest(known, wanted):
                return Principal(role, name)
        return Principal(None, "unknown token")
