"""Who may write: tokens with roles, hashed; refusals change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.auth import Access, AuthError, digest
from cli.main import app
from graph.store.base import Store
from tests.helpers import GraphQLClient

CREATE = 'mutation { createInstitution(input: {name: "KUA Genuk", type: "KUA", ' \
         'regionCode: "33.74.05"}) { id } }'
READ = "{ institutions { totalCount } }"
ACCESS = Access({digest("r-token"): ("reader", "r"), digest("e-token"): ("editor", "e"),
                 digest("a-token"): ("admin", "a")})


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
    [error] = GraphQLClient(demo_store, access=closed, token=None).errors(READ)
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert GraphQLClient(demo_store, access=closed, token="r-token").data(READ)


def test_tokens_from_environment_and_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "tokens"
    file.write_text(f"# role hash name\neditor {digest('from-file')} planner ana\n", "utf-8")
    monkeypatch.setenv("TPPS_TOKENS", "reader:from-env")
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(file))
    monkeypatch.setenv("TPPS_READ", "token")
    access = Access.from_env()
    assert access.read_needs_token
    assert access.principal("Bearer from-file").role == "editor"
    assert access.principal("Bearer from-file").name == "planner ana"
    assert access.principal("Bearer from-env").role == "reader"
    assert access.principal("Basic from-env").role is None
    assert "from-file" not in repr(access.hashes) and "from-env" not in repr(access.hashes)


@pytest.mark.parametrize(
    ("env", "fragment"),
    [({"TPPS_TOKENS": "boss:x"}, "TPPS_TOKENS item 1"),
     ({"TPPS_READ": "sometimes"}, "TPPS_READ"),
     ({"TPPS_TOKENS_FILE": "FILE"}, ":2: expected ROLE SHA256")],
)
def test_broken_token_configuration_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               env: dict[str, str], fragment: str) -> None:
    file = tmp_path / "tokens"
    file.write_text(f"editor {digest('x')}\neditor not-a-hash\n", "utf-8")
    for key, value in env.items():
        monkeypatch.setenv(key, str(file) if value == "FILE" else value)
    with pytest.raises(AuthError, match=fragment):
        Access.from_env()


def test_tpps_token_makes_a_working_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(app, ["token", "--role", "editor", "--name", "dinkes"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    secret = lines[0].removeprefix("token: ")
    entry = lines[1].removeprefix("line for TPPS_TOKENS_FILE: ")
    (tmp_path / "tokens").write_text(entry + "\n", "utf-8")
    monkeypatch.setenv("TPPS_TOKENS_FILE", str(tmp_path / "tokens"))
    assert Access.from_env().principal(f"Bearer {secret}").role == "editor"
    assert secret not in entry
