"""Who may write: tokens with roles, hashed; refusals change nothing. Tokens too short
to hold and token files others may read are refused at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.auth import MIN_TOKEN_CHARS, Access, AuthError, digest
from bench.server import ROOT, free_port
from cli.main import app
from graph.settings import settings
from graph.store.base import Store
from tests.hardening.test_query_shape import fragment_bomb
from tests.helpers import GraphQLClient

CREATE = 'mutation { createInstitution(input: {name: "KUA Genuk", type: "KUA", ' \
         'regionCode: "33.74.05"}) { id } }'
READ = "{ institutions { totalCount } }"
ACCESS = Access({digest("r-token"): ("reader", "r"), digest("e-token"): ("editor", "e"),
                 digest("a-token"): ("admin", "a")})
LONG = "x" * MIN_TOKEN_CHARS


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Access.from_env reads the cached settings: each test sees its own environment."""
    settings.cache_clear()
    yield
    settings.cache_clear()


def _private(path: Path, text: str) -> Path:
    path.write_text(text, "utf-8")
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(
    ("token", "code"),
    [(None, "UNAUTHENTICATED"), ("wrong", "UNAUTHENTICATED"), ("r-token", "FORBIDDEN")],
)
def test_mutations_need_an_editor_and_refusals_change_nothing(
        demo_store: Store, token: str | None, code: str) -> None:
    before = demo_store.stats()
    version = demo_store.version()
    client = GraphQLClient(demo_store, access=ACCESS, token=token)
    [error] = client.errors(CREATE)
    assert error["extensions"]["code"] == code
    assert demo_store.stats() == before and demo_store.version() == version
    assert client.data(READ)["institutions"]["totalCount"] == 36  # reading stays open


@pytest.mark.parametrize("token", ["e-token", "a-token"])
def test_editors_and_admins_may_write(demo_store: Store, token: str) -> None:
    client = GraphQLClient(demo_store, access=ACCESS, token=token)
    assert client.data(CREATE)["createInstitution"]["id"].startswith("ins_")


def test_reading_can_require_a_token(demo_store: Store) -> None:
    closed = Access(ACCESS.hashes, read_needs_token=True)
    refused = GraphQLClient(demo_store, access=closed, token=None).http.post(
        "/graphql", json={"query": READ})
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert GraphQLClient(demo_store, access=closed, token="r-token").data(READ)


def test_tokens_from_environment_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = _private(tmp_path / "tokens", f"# role hash name\neditor {digest('from-file')} "
                                          "planner ana\n")
    monkeypatch.setenv("TPPS_TOKENS", "reader:from-env-and-long-enough")
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(file))
    monkeypatch.setenv("TPPS_READ", "token")
    access = Access.from_env()
    assert access.read_needs_token
    assert access.principal("Bearer from-file").role == "editor"
    assert access.principal("Bearer from-file").name == "planner ana"
    assert access.principal("Bearer from-env-and-long-enough").role == "reader"
    assert access.principal("Basic from-env-and-long-enough").role is None
    assert "from-file" not in repr(access.hashes) and "from-env" not in repr(access.hashes)


@pytest.mark.parametrize(
    ("env", "fragment"),
    [({"TPPS_TOKENS": "boss:x"}, "TPPS_TOKENS item 1"),
     ({"TPPS_TOKENS": f"reader:{LONG},editor:a"},
      r"TPPS_TOKENS item 2 \(role editor\): the token has 1 characters; at least 16"),
     ({"TPPS_TOKENS": f"admin:{LONG[1:]}"}, r"item 1 \(role admin\): the token has 15"),
     ({"TPPS_READ": "sometimes"}, "TPPS_READ"),
     ({"TPPS_TOKENS_FILE": "FILE"}, ":2: expected ROLE SHA256"),
     ({"TPPS_TOKENS_FILE": "MISSING"}, "TPPS_TOKENS_FILE .*missing: No such file")],
)
def test_broken_token_configuration_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               env: dict[str, str], fragment: str) -> None:
    file = _private(tmp_path / "tokens", f"editor {digest('x')}\neditor not-a-hash\n")
    paths = {"FILE": str(file), "MISSING": str(tmp_path / "missing")}
    for key, value in env.items():
        monkeypatch.setenv(key, paths.get(value, value))
    with pytest.raises(AuthError, match=fragment):
        Access.from_env()


def test_a_long_enough_token_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TPPS_TOKENS", f"editor:{LONG}")
    assert Access.from_env().principal(f"Bearer {LONG}").role == "editor"


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644, 0o620])
def test_a_token_file_others_may_open_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  mode: int) -> None:
    file = _private(tmp_path / "tokens", f"editor {digest(LONG)} ana\n")
    file.chmod(mode)
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(file))
    with pytest.raises(AuthError, match=r"mode rw.* lets group or others open it; `chmod 600"):
        Access.from_env()


def test_an_open_token_file_is_accepted_when_told_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    file = _private(tmp_path / "tokens", f"editor {digest(LONG)} ana\n")
    file.chmod(0o644)
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(file))
    monkeypatch.setenv("TPPS_TOKENS_FILE_ANY_MODE", "1")
    with caplog.at_level("WARNING", logger="tpps.auth"):
        assert Access.from_env().principal(f"Bearer {LONG}").role == "editor"
    assert "lets group or others open it" in caplog.text


def test_reload_reads_the_file_again_and_keeps_the_old_tokens_on_a_refusal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = _private(tmp_path / "tokens", f"editor {digest(LONG)} ana\n")
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(file))
    access = Access.from_env()
    _private(file, f"reader {digest(LONG + 'new')} budi\n")
    assert access.reload()
    assert access.principal(f"Bearer {LONG}").role is None
    assert access.principal(f"Bearer {LONG}new").role == "reader"
    file.chmod(0o644)
    assert not access.reload()  # refused: the tokens already loaded stay
    assert access.principal(f"Bearer {LONG}new").role == "reader"


@pytest.mark.parametrize(
    ("env", "line"),
    [({"TPPS_TOKENS": "editor:a"}, "TPPS_TOKENS item 1 (role editor): the token has 1 "
                                   "characters; at least 16 are needed"),
     ({"TPPS_TOKENS_FILE": "OPEN"}, "lets group or others open it")],
)
def test_tpps_serve_refuses_to_start_in_one_line(tmp_path: Path, env: dict[str, str],
                                                 line: str) -> None:
    file = _private(tmp_path / "tokens", f"editor {digest(LONG)}\n")
    file.chmod(0o644)
    full = {**{k: v for k, v in os.environ.items() if not k.startswith("TPPS_")},
            **{k: str(file) if v == "OPEN" else v for k, v in env.items()}}
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "serve", "--db", str(tmp_path / "x.db"),
         "--port", str(free_port())], cwd=ROOT, env=full, capture_output=True, text=True,
        timeout=60)
    assert done.returncode == 2
    errors = [x for x in done.stderr.splitlines() if x.strip()]
    assert len(errors) == 1 and line in errors[0], done.stderr
    assert "Traceback" not in done.stderr


def test_tpps_token_makes_a_working_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(app, ["token", "--role", "editor", "--name", "dinkes"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    secret = lines[0].removeprefix("token: ")
    entry = lines[1].removeprefix("line for TPPS_TOKENS_FILE: ")
    _private(tmp_path / "tokens", entry + "\n")
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(tmp_path / "tokens"))
    assert Access.from_env().principal(f"Bearer {secret}").role == "editor"
    assert secret not in entry


@pytest.mark.parametrize("headers", [{}, {"Authorization": f"Bearer {LONG}-not-known"},
                                     {"Authorization": "Basic r-token"}])
@pytest.mark.parametrize("query", ["{ institutoins { totalCount } }",  # a typo: hints
                                   "query { ...F } fragment F on Nope { x }",
                                   "{ institutions(first: 1.5) { totalCount } }",
                                   "{ this is not graphql",
                                   fragment_bomb(40)])
def test_reads_needing_a_token_refuse_strangers_before_validation(
        demo_store: Store, headers: dict[str, str], query: str) -> None:
    closed = Access(ACCESS.hashes, read_needs_token=True)
    http = GraphQLClient(demo_store, access=closed, token=None).http
    for response in (http.post("/graphql", json={"query": query}, headers=headers),
                     http.get("/graphql", params={"query": query}, headers=headers)):
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "UNAUTHENTICATED"
        text = response.text.lower()
        assert "did you mean" not in text and "institution" not in text
        assert "nope" not in text and "syntax" not in text and "node" not in text


def test_a_known_token_is_validated_as_before(demo_store: Store) -> None:
    closed = Access(ACCESS.hashes, read_needs_token=True)
    reader = GraphQLClient(demo_store, access=closed, token="r-token")
    [error] = reader.errors("{ institutoins { totalCount } }")
    assert "Did you mean 'institutions'" in error["message"]  # a holder may be helped
    [error] = reader.errors(CREATE)
    assert error["extensions"]["code"] == "FORBIDDEN"
