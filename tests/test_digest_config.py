"""The digest config file: strict validation, one-line errors naming key and file, secrets kept out."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.digest.config import engine_settings, load_config, slack_target, smtp_server
from briefing.digest.run import EXAMPLE, write_example_config
from briefing.errors import ConfigError

MINIMAL = 'title = "Morning"\n[[inputs]]\npath = "inbox"\n'


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "digest.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str) -> str:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    return message


def test_example_config_loads_and_init_writes_it(tmp_path: Path) -> None:
    config = load_config(EXAMPLE)
    assert config.title == "Morning briefing" and config.destinations == ["email", "slack"]
    target = tmp_path / "sub" / "digest.toml"
    write_example_config(target)
    assert target.read_text() == EXAMPLE.read_text()
    with pytest.raises(ConfigError, match="already exists"):
        write_example_config(target)


def test_relative_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    text = 'output_dir = "out"\n' + MINIMAL + '[engine]\nname = "extractive"\ntemplates_dir = "tpl"\n'
    config = load_config(_write(tmp_path, text))
    assert config.inputs[0].path == str(tmp_path / "inbox")
    assert config.output_dir == tmp_path / "out" and config.state_dir == tmp_path / "state"
    settings = engine_settings(config, env={})
    assert settings.engine == "extractive" and settings.templates_dir == tmp_path / "tpl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("colour = 1\n" + MINIMAL, "'colour': unknown key"),
        (MINIMAL + "colour = 1\n", "'inputs[0].colour': unknown key"),
        ('title = "x"\n', "'inputs': missing required key"),
        (
            MINIMAL + "[[inputs]]\npath = 'a'\nurl = 'https://x'\n",
            "'inputs[1]': give exactly one of path or url",
        ),
        (MINIMAL + "[[inputs]]\nurl = 'ftp://x'\n", "'inputs[1]': url must start with http"),
        (MINIMAL + "[email]\nto = []\nfrom = 'a@b.c'\nhost = 'h'\n", "'email.to'"),
        (MINIMAL + "[email]\nto = ['a@b.c']\nhost = 'h'\n", "'email.from': missing required key"),
        (MINIMAL + "[email]\nto=['a@b.c']\nfrom='a@b.c'\nhost='h'\nport=99999\n", "'email.port'"),
        (MINIMAL + "[slack]\nchannel = '#x'\n", "'slack': give webhook"),
        (MINIMAL + "[[sections]]\nname = 'Empty'\n", "'sections[0]': a section needs topics or sources"),
        (MINIMAL + "[engine]\nname = 'gpt'\n", "engine"),
        (MINIMAL + "[engine]\nflavour = 'x'\n", "flavour"),
        ('title = "x"\ninputs = [', "not valid TOML"),
    ],
)
def test_errors_name_the_key_and_the_file(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in _error(tmp_path, text)


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ("[email]\npassword = 'hunter2'", "email.password"),
        ("[slack]\nwebhook_url = 'https://x'", "slack.webhook_url"),
        ("[engine]\napi_key = 'sk-1'", "engine.api_key"),
        ("[slack]\ntoken = 'xoxb'", "slack.token"),
    ],
)
def test_literal_secrets_are_rejected_with_the_way_out(tmp_path: Path, table: str, key: str) -> None:
    message = _error(tmp_path, MINIMAL + table + "\n")
    assert f"'{key}': secrets may not be written in the config file" in message
    assert f'{key.rsplit(".", 1)[1]}_env = "ENV_VAR"' in message
    assert "hunter2" not in message and "sk-1" not in message


def test_password_in_clear_to_a_remote_host_is_refused(tmp_path: Path) -> None:
    text = MINIMAL + "[email]\nto=['a@b.c']\nfrom='a@b.c'\nhost='smtp.example.com'\nsecurity='none'\n"
    assert "send the password in clear" in _error(tmp_path, text + "password_env = 'P'\n")


def test_secrets_come_from_env_or_file(tmp_path: Path) -> None:
    (tmp_path / "pw").write_text("from-file\n")
    text = MINIMAL + (
        "[email]\nto=['a@b.c']\nfrom='a@b.c'\nhost='h'\nusername_env='U'\npassword_file='pw'\n"
        "[slack]\nwebhook_url_env='HOOK'\n"
    )
    config = load_config(_write(tmp_path, text))
    server = smtp_server(config, {"U": "me"})
    assert server.username == "me" and server.password is not None
    assert server.password.get_secret_value() == "from-file" and server.port == 587
    assert "from-file" not in repr(server)
    hook = slack_target(config, {"HOOK": "https://hooks.example/T/B/x"}).webhook_url
    assert hook is not None and hook.get_secret_value() == "https://hooks.example/T/B/x"
    with pytest.raises(ConfigError, match=r"'slack.webhook_url_env' names \$HOOK, which is not set"):
        slack_target(config, {})
    with pytest.raises(ConfigError, match="'email.username_env' names"):
        smtp_server(config, {})
    (tmp_path / "pw").unlink()
    with pytest.raises(ConfigError, match="'email.password_file': cannot read"):
        smtp_server(config, {"U": "me"})


def test_engine_api_key_from_env(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, MINIMAL + "[engine]\nname='openai'\napi_key_env='MY_KEY'\n"))
    settings = engine_settings(config, {"MY_KEY": "sk-test"})
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-test"
    with pytest.raises(ConfigError, match=r"\$MY_KEY"):
        engine_settings(config, {})


def test_key_is_a_slug_of_the_title(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, 'title = "Morning — Briefing!"\n[[inputs]]\npath = "x"\n'))
    assert config.key == "morning-briefing"
