"""The CLI end to end in real processes: help everywhere, one-line errors, summarize/split contracts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from faultserver import FaultServer

from briefing.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
THREE = FIXTURES / "cli-three-stories.txt"


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            out.extend(all_commands(command, (*prefix, name)))
        else:
            out.append((*prefix, name))
    return out


@pytest.mark.parametrize("command", all_commands(cli), ids=lambda c: " ".join(c) or "briefing")
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_summarize_json_three_stories_spans_cover_text_and_figures_match_source() -> None:
    text = THREE.read_text(encoding="utf-8")
    result = run("summarize", str(THREE), "--engine", "extractive", "--format", "json", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    briefing = json.loads(result.stdout)
    stories = [item["story"] for item in briefing["items"]]
    assert len(stories) == 3
    assert stories[0]["start"] == 0 and stories[-1]["end"] == len(text.rstrip())
    for before, after in zip(stories, stories[1:], strict=False):
        assert before["end"] <= after["start"]
        assert text[before["end"] : after["start"]].strip() == ""
    assert "Halden Brewing" in stories[1]["text"] and stories[1]["text"].count("\n") == 0
    for item in briefing["items"]:
        summary = item["summary"]
        assert summary["headline"]["text"] and summary["bullets"]
        for figure in summary["key_figures"]:
            assert text[figure["start"] : figure["end"]] == figure["value"]
        for quote in summary["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    assert briefing["stats"]["engine"] == "extractive" and briefing["stats"]["stories"] == 3


def test_split_jsonl_contract(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": THREE.read_text(encoding="utf-8")}) + "\n")
    result = run("split", "--input-format", "jsonl", str(rows))
    assert result.returncode == 0, result.stderr.decode()
    [row] = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert row["id"] == "a" and len(row["stories"]) == 3
    assert set(row["stories"][0]) == {"start", "end", "title"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "input is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "looks like binary data"),
        ("UTF-16 text without a byte order mark".encode("utf-16-le"), "looks like binary data"),
        (b"caf\x81\x8d\x8f undecodable", "not valid text"),
    ],
    ids=["empty", "binary", "utf16-no-bom", "undecodable"],
)
def test_bad_input_is_one_line_error_with_nonzero_exit(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("summarize", str(path), "--engine", "extractive")
    err = result.stderr.decode()
    assert result.returncode != 0
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("briefing: error: ") and str(path) in err and expected in err


@pytest.mark.parametrize(
    "args",
    [
        ("summarize", "/nonexistent/file.txt"),
        ("summarize", "--format", "pdf", str(THREE)),
        ("summarize", "--concurrency", "0", "--engine", "extractive", str(THREE)),
        ("no-such-command",),
        ("check", "--judge", "--engine", "extractive", str(FIXTURES / "cli-three-stories.txt")),
        ("summarize", "--judge", "--engine", "extractive", str(FIXTURES / "cli-three-stories.txt")),
    ],
    ids=["missing-file", "bad-format", "bad-setting", "bad-command", "check-judge-no-llm", "judge-no-llm"],
)
def test_usage_and_config_errors_are_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    err = result.stderr.decode()
    assert result.returncode != 0 and err.count("\n") == 1 and "Traceback" not in err, err


def test_stdin_summarize_markdown() -> None:
    result = run("summarize", "-", "--engine", "extractive", "--quiet", stdin=THREE.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert "Halden Brewing" in result.stdout.decode()


def test_sources_flag_footnotes_each_story() -> None:
    args = ("summarize", "-", "--engine", "extractive", "--quiet")
    plain = run(*args, stdin=THREE.read_bytes()).stdout.decode()
    noted = run(*args, "--sources", stdin=THREE.read_bytes()).stdout.decode()
    assert plain.count("✓ Grounded: ") == noted.count("✓ Grounded: ") == 3
    assert "From the source" not in plain and noted.count("From the source") == 3


def test_demo_runs_the_sample_bundle(tmp_path: Path) -> None:
    out = tmp_path / "demo.md"
    result = run("demo", "--engine", "extractive", "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert "Jess Phillips" in out.read_text(encoding="utf-8")


def test_unsupported_llm_prose_is_dropped_and_strict_fails(tmp_path: Path) -> None:
    """The fault server's canned bullets are not in the story: they must never be shown unmarked."""
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    args = ["summarize", str(THREE), "--engine", "openai", "--base-url", "", "--quiet", "--format"]
    with FaultServer() as server:
        args[5] = server.base_url
        shown = run(*args, "md", env=env)
        strict = run(*args, "json", "--strict", "--no-cache", env=env)
    assert shown.returncode == 0, shown.stderr.decode()
    assert "fault server" not in shown.stdout.decode().lower()
    assert strict.returncode == 6 and "--strict" in strict.stderr.decode()
    briefing = json.loads(strict.stdout)
    bullets = [b for item in briefing["items"] for b in item["summary"]["bullets"]]
    assert {b["status"] for b in bullets if "fault server" in b["text"]} == {"dropped"}
    assert briefing["stats"]["engine"] == "openai" and briefing["stats"]["failed_checks"] > 0


def test_planted_errors_in_real_llm_answers_never_show_unmarked(tmp_path: Path) -> None:
    """Recorded 1.5B answers for a bundle no prompt was tuned on, served over loopback, with a wrong
    number, an invented speaker and an invented quote planted: all marked, none shown; --strict fails."""
    recorded = json.loads((FIXTURES / "cli-three-stories.llm-answers.json").read_text(encoding="utf-8"))
    recorded.pop("_recorded")
    planted = {key: dict(answer) for key, answer in recorded.items()}
    crypto, brewing, schools = planted
    planted[crypto]["bullets"] = [b.replace("14 people", "41 people") for b in planted[crypto]["bullets"]]
    planted[brewing]["bullets"] = [
        *planted[brewing]["bullets"][:1],
        'Chief executive Mark Olsen said "the sale secures our future".',
    ]
    planted[schools]["bullets"] = [b.replace("£45m", "£54m") for b in planted[schools]["bullets"]]
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    replies = {key: json.dumps(answer) for key, answer in planted.items()}
    with FaultServer(replies=replies) as server:
        args = ["summarize", str(THREE), "--engine", "openai", "--base-url", server.base_url, "--no-cache"]
        shown = run(*args, "-q", "--format", "md", env=env)
        strict = run(*args, "-q", "--format", "json", "--strict", env=env)
    assert server.served["reply"] >= 6 and not server.served["canned"]
    markdown = shown.stdout.decode()
    assert shown.returncode == 0, shown.stderr.decode()
    for invented in ("41 people", "Mark Olsen", "secures our future", "£54m"):
        assert invented not in markdown
    assert strict.returncode == 6 and "--strict" in strict.stderr.decode()
    items = json.loads(strict.stdout)["items"]
    assert [item["summary"]["engine"] for item in items] == ["openai"] * 3
    bullets = {b["text"]: b for item in items for b in item["summary"]["bullets"]}
    for text, bullet in bullets.items():
        if any(invented in text for invented in ("41 people", "Mark Olsen", "£54m")):
            assert bullet["status"] == "dropped" and bullet["issues"], bullet
        elif bullet["status"] != "dropped":
            assert bullet["status"] in ("supported", "grounded") and bullet["evidence"], bullet
