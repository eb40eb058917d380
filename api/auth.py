"""Who may read and who may write: bearer tokens with roles, kept hashed.

Tokens come from TPPS_TOKENS ("role:token,role:token") or a file named by
TPPS_TOKENS_FILE, one "ROLE SHA256-OF-TOKEN [name]" per line (`tpps token` makes
both). Only hashes are held in memory. Roles rank reader < editor < admin: every
mutation needs editor; reading needs reader when TPPS_READ=token (default: open).

Refused at start-up, in one line naming the role and the rule: a TPPS_TOKENS token
shorter than MIN_TOKEN_CHARS (a short token is guessed; the file holds hashes, so
its tokens' length cannot be checked, and `tpps token` makes 48-character ones),
and a token file that group or others may read or write (mode & 0o077), unless
TPPS_TOKENS_FILE_ANY_MODE=1 says the operator means it (then a warning is logged).
`reload()` re-reads both (`kill -USR1`, api/serving.py) and keeps the old tokens
when the new ones are refused.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from graph.settings import Settings, settings

ROLES = ("reader", "editor", "admin")
MIN_TOKEN_CHARS = 16  # ~95 bits even in lower-case letters and digits
log = logging.getLogger("tpps.auth")


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
    def from_env(cls, config: Settings | None = None) -> Access:
        """The tokens the settings name (TPPS_TOKENS, TPPS_TOKENS_FILE, TPPS_READ)."""
        config = config or settings()
        hashes: dict[str, tuple[str, str]] = {}
        for n, item in enumerate(filter(None, config.tokens.split(","))):
            role, _, token = item.strip().partition(":")
            if role not in ROLES or not token:
                raise AuthError(f"TPPS_TOKENS item {n + 1}: expected ROLE:TOKEN with ROLE one "
                                f"of {', '.join(ROLES)}")
            if len(token) < MIN_TOKEN_CHARS:
                raise AuthError(f"TPPS_TOKENS item {n + 1} (role {role}): the token has "
                                f"{len(token)} characters; at least {MIN_TOKEN_CHARS} are "
                                "needed (`tpps token` makes one)")
            hashes[digest(token)] = (role, f"env#{n + 1}")
        if config.tokens_file:
            hashes.update(_read_file(Path(config.tokens_file), config.tokens_file_any_mode))
        if config.read not in ("open", "token"):
            raise AuthError("TPPS_READ must be open or token")
        return cls(hashes, config.read == "token")

    def reload(self) -> bool:
        """Re-read the tokens (the file may have changed; the environment cannot). On a
        refusal the current tokens stay and the reason is logged; True when reloaded."""
        settings.cache_clear()  # TPPS_TOKENS_FILE_ANY_MODE and the rest, read afresh
        try:
            fresh = Access.from_env()
        except (AuthError, OSError, ValueError) as exc:
            log.error("tokens not reloaded, the previous ones stay: %s", exc)
            return False
        self.hashes, self.read_needs_token = fresh.hashes, fresh.read_needs_token
        return True

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


def _read_file(path: Path, any_mode: bool) -> dict[str, tuple[str, str]]:
    """The hashes of a token file, refused when group or others may read or write it."""
    try:
        mode = path.stat().st_mode
        text = path.read_text("utf-8")
    except OSError as exc:
        raise AuthError(f"TPPS_TOKENS_FILE {path}: {exc.strerror or exc}") from None
    if mode & 0o077:
        rule = (f"TPPS_TOKENS_FILE {path}: mode {stat.filemode(mode)[1:]} lets group or others "
                f"open it; `chmod 600 {path}` (or TPPS_TOKENS_FILE_ANY_MODE=1)")
        if not any_mode:
            raise AuthError(rule)
        log.warning("%s; accepted because TPPS_TOKENS_FILE_ANY_MODE=1", rule)
    hashes: dict[str, tuple[str, str]] = {}
    for line_no, line in enumerate(text.splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) < 2 or parts[0] not in ROLES or len(parts[1]) != 64:
            raise AuthError(f"{path}:{line_no}: expected ROLE SHA256 [NAME]")
        hashes[parts[1].lower()] = (parts[0], " ".join(parts[2:]) or f"line {line_no}")
    return hashes
