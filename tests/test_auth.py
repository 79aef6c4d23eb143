"""Teacher sign-in: scrypt hashes, the teacher-password command, the throttle and OIDC detection."""

from __future__ import annotations

import base64
import hashlib
import io
import stat
import unicodedata

import pytest

from classroom import auth, settings
from classroom.cli import main

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def password_path(tmp_path, monkeypatch):
    """Every test writes its password file under tmp_path, never into the project's data/."""
    path = tmp_path / "secret" / "teacher-password"
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_FILE", str(path))
    return path


# --- hashing ---------------------------------------------------------------


def test_hash_verifies_the_right_password_and_not_a_wrong_one():
    stored = auth.hash_password(PASSWORD)
    assert auth.verify_password(PASSWORD, stored)
    assert not auth.verify_password(PASSWORD + "!", stored)
    assert not auth.verify_password("", stored)


def test_hash_line_describes_itself():
    algorithm, n, r, p, salt, digest = auth.hash_password(PASSWORD).split("$")
    assert (algorithm, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16
    assert len(base64.b64decode(digest)) == 64


def test_salts_differ_so_equal_passwords_hash_differently():
    first, second = auth.hash_password(PASSWORD), auth.hash_password(PASSWORD)
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]
    assert auth.verify_password(PASSWORD, first) and auth.verify_password(PASSWORD, second)


def test_composed_and_decomposed_accents_are_the_same_password():
    composed = "répétition-1789"
    stored = auth.hash_password(composed)
    assert auth.verify_password(unicodedata.normalize("NFD", composed), stored)


def test_hash_made_with_other_stored_parameters_still_verifies():
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(PASSWORD.encode(), salt=salt, n=2**10, r=4, p=2, dklen=32)
    stored = f"scrypt$1024$4$2${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert auth.verify_password(PASSWORD, stored)


GOOD = auth.hash_password(PASSWORD).split("$")


def _with(index: int, value: str) -> str:
    """A good stored line with one field replaced."""
    parts = list(GOOD)
    parts[index] = value
    return "$".join(parts)


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n", id="blank"),
        pytest.param(PASSWORD, id="plain password"),
        pytest.param("scrypt", id="algorithm only"),
        pytest.param("$".join(GOOD[:5]), id="hash missing"),
        pytest.param("$".join([*GOOD, "extra"]), id="extra field"),
        pytest.param(_with(0, "bcrypt"), id="other algorithm"),
        pytest.param(_with(1, "abc"), id="n not a number"),
        pytest.param(_with(1, "-16384"), id="n negative"),
        pytest.param(_with(1, "10000"), id="n not a power of two"),
        pytest.param(_with(1, "1048576"), id="n beyond the memory cap"),
        pytest.param(_with(2, "0"), id="r zero"),
        pytest.param(_with(3, "0"), id="p zero"),
        pytest.param(_with(3, "999"), id="p absurd"),
        pytest.param(_with(4, ""), id="salt empty"),
        pytest.param(_with(4, "not base64!"), id="salt not base64"),
        pytest.param(_with(4, "YWJj"), id="salt too short"),
        pytest.param(_with(5, "AAAA"), id="hash too short"),
        pytest.param(_with(5, GOOD[5][:-3]), id="hash truncated"),
        pytest.param(_with(5, "A" * 86 + "=="), id="hash tampered"),
        pytest.param("scrypt$١٦٣٨٤$8$1$" + "$".join(GOOD[4:]), id="non-ASCII digits"),
        pytest.param(None, id="None"),
    ],
)
def test_malformed_stored_lines_verify_as_false_and_never_raise(stored):
    assert auth.verify_password(PASSWORD, stored) is False


def test_unencodable_password_is_false_not_an_error():
    assert auth.verify_password("\ud800 lone surrogate", auth.hash_password(PASSWORD)) is False


# --- the password file -----------------------------------------------------


def test_no_file_or_empty_file_means_no_password(password_path):
    assert auth.stored_hash() is None
    password_path.parent.mkdir(parents=True)
    password_path.write_text("\n", encoding="utf-8")
    assert auth.stored_hash() is None


def test_a_hash_in_the_environment_comes_before_the_file(password_path, monkeypatch):
    """A container gets its secrets from the environment only (deploy/compose.yaml)."""
    password_path.parent.mkdir(parents=True)
    password_path.write_text(auth.hash_password("the file's password") + "\n", encoding="utf-8")
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_HASH", auth.hash_password(PASSWORD))
    assert auth.verify_password(PASSWORD, auth.stored_hash())
    assert not auth.verify_password("the file's password", auth.stored_hash())
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_HASH", "  ")
    assert auth.verify_password("the file's password", auth.stored_hash())


def test_password_file_defaults_to_the_data_folder(monkeypatch):
    monkeypatch.delenv("CLASSROOM_TEACHER_PASSWORD_FILE")
    assert auth.password_file() == settings.PROJECT_ROOT / "data" / "teacher-password"
    assert auth.password_file().parts[-2:] == ("data", "teacher-password")


def test_set_password_refuses_a_short_password(password_path):
    with pytest.raises(ValueError, match="at least 10 characters"):
        auth.set_password("123456789")
    assert not password_path.parent.exists()


# --- python -m classroom teacher-password ----------------------------------


def _stdin(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_cli_stores_only_a_private_hash(monkeypatch, capsys, password_path):
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["teacher-password", "--stdin"]) == 0
    out, err = capsys.readouterr()
    assert str(password_path) in out
    assert "sign in" in out
    assert PASSWORD not in out + err

    text = password_path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    assert text.startswith("scrypt$16384$8$1$") and text.count("\n") == 1
    assert stat.S_IMODE(password_path.stat().st_mode) == 0o600
    assert [p.name for p in password_path.parent.iterdir()] == ["teacher-password"]  # no temporary file left
    assert auth.verify_password(PASSWORD, auth.stored_hash())


def test_cli_prints_a_hash_for_the_environment_and_writes_nothing(monkeypatch, capsys, password_path):
    _stdin(monkeypatch, PASSWORD + "\n")
    assert main(["teacher-password", "--stdin", "--print-hash"]) == 0
    printed = capsys.readouterr().out.strip()
    assert PASSWORD not in printed and auth.verify_password(PASSWORD, printed)
    assert not password_path.exists()


def test_cli_migrate_brings_a_new_database_up_to_date(monkeypatch, capsys, tmp_path):
    from classroom.results.migrations import MIGRATIONS

    monkeypatch.setenv("CLASSROOM_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    assert main(["migrate"]) == 0
    assert f"{len(MIGRATIONS)} migrations applied" in capsys.readouterr().out


def test_cli_replaces_an_existing_password(monkeypatch, password_path):
    for password in ("first password 1", "second password 2"):
        _stdin(monkeypatch, password + "\n")
        assert main(["teacher-password", "--stdin"]) == 0
    assert auth.verify_password("second password 2", auth.stored_hash())
    assert not auth.verify_password("first password 1", auth.stored_hash())
    assert stat.S_IMODE(password_path.stat().st_mode) == 0o600


def test_cli_keeps_spaces_inside_and_around_the_password(monkeypatch):
    _stdin(monkeypatch, "  spaced out  \r\n")
    assert main(["teacher-password", "--stdin"]) == 0
    assert auth.verify_password("  spaced out  ", auth.stored_hash())


@pytest.mark.parametrize("text", ["123456789\n", "\n", ""], ids=["nine characters", "empty line", "no input"])
def test_cli_refuses_a_short_password(monkeypatch, capsys, password_path, text):
    _stdin(monkeypatch, text)
    assert main(["teacher-password", "--stdin"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    assert not password_path.exists()


def test_cli_asks_twice_and_stores_when_both_match(monkeypatch, capsys):
    prompts = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["teacher-password"]) == 0
    assert len(prompts) == 2
    assert PASSWORD not in capsys.readouterr().out
    assert auth.verify_password(PASSWORD, auth.stored_hash())


def test_cli_refuses_two_different_passwords(monkeypatch, capsys, password_path):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["teacher-password"]) == 1
    err = capsys.readouterr().err
    assert "differ" in err and PASSWORD not in err
    assert not password_path.exists()


def test_cli_refuses_a_short_password_before_asking_again(monkeypatch, capsys, password_path):
    answers = iter(["short"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))  # a second prompt would raise
    assert main(["teacher-password"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    assert not password_path.exists()


def test_cli_treats_end_of_input_at_the_prompt_as_no_password(monkeypatch, capsys, password_path):
    def eof(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", eof)
    assert main(["teacher-password"]) == 1
    assert "no password given" in capsys.readouterr().err
    assert not password_path.exists()


# --- OIDC (st.login) detection ---------------------------------------------

SHARED = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "a long random secret"}
PROVIDER = {
    "client_id": "classroom",
    "client_secret": "client secret",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}


class NoSecretsFile(dict):
    """Behaves like st.secrets when there is no secrets.toml: any lookup raises FileNotFoundError."""

    def get(self, key, default=None):
        raise FileNotFoundError("No secrets found")


@pytest.mark.parametrize(
    ("secrets", "providers"),
    [
        pytest.param({"auth": {**SHARED, **PROVIDER}}, ["default"], id="default provider"),
        pytest.param({"auth": {**SHARED, "google": PROVIDER}}, ["google"], id="named provider"),
        pytest.param({"auth": {**SHARED, "google": PROVIDER, "okta": PROVIDER}}, ["google", "okta"], id="two named"),
        pytest.param(
            {"auth": {**SHARED, **PROVIDER, "client_kwargs": {"prompt": "login"}}},
            ["default"],
            id="client_kwargs is not a provider",
        ),
        pytest.param({}, [], id="no secrets"),
        pytest.param({"auth": {}}, [], id="empty auth"),
        pytest.param({"auth": "yes"}, [], id="auth not a section"),
        pytest.param({**SHARED, **PROVIDER}, [], id="keys outside [auth]"),
        pytest.param({"auth": PROVIDER}, [], id="no redirect_uri or cookie_secret"),
        pytest.param({"auth": {**PROVIDER, "redirect_uri": SHARED["redirect_uri"]}}, [], id="no cookie_secret"),
        pytest.param({"auth": {**PROVIDER, "cookie_secret": "s"}}, [], id="no redirect_uri"),
        pytest.param({"auth": SHARED}, [], id="no provider"),
        pytest.param({"auth": {**SHARED, "client_id": "x", "client_secret": "y"}}, [], id="no server_metadata_url"),
        pytest.param({"auth": {**SHARED, **PROVIDER, "client_secret": ""}}, [], id="empty value"),
        pytest.param({"auth": {**SHARED, "google": {"client_id": "x"}}}, [], id="incomplete named provider"),
        pytest.param({"auth": {**SHARED, "my_idp": PROVIDER}}, [], id="underscore in name (Streamlit refuses it)"),
        pytest.param(
            {"auth": {**SHARED, **PROVIDER, "default": {"client_id": "x"}}}, [], id="incomplete [auth.default] wins"
        ),
        pytest.param(NoSecretsFile(), [], id="st.secrets without secrets.toml"),
    ],
)
def test_configured_oidc(secrets, providers):
    assert auth.oidc_providers(secrets) == providers
    assert auth.configured_oidc(secrets) is bool(providers)
