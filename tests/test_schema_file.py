"""schema.graphql in the tree is the schema the server runs (`make schema` rewrites it)."""

from pathlib import Path

from api.schema import schema


def test_exported_sdl_matches_running_schema() -> None:
    exported = (Path(__file__).resolve().parent.parent / "schema.graphql").read_text("utf-8")
    assert exported.strip() == schema.as_str().strip(), "run `make schema` and commit the result"
