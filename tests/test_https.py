"""HTTPS (issue 14, finding 9): with a certificate and key the server speaks TLS only; bad files stop it."""

from __future__ import annotations

import datetime as dt
import os
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from test_serve import _free_port

from server.serve import parse_args, tls_problem
from support import ROOT


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, as docs/security.md has a teacher make one for a laptop."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "classroom test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_the_server_speaks_https_with_a_certificate_and_only_https(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    port = _free_port()
    env = {
        **os.environ,
        "CLASSROOM_DATABASE_URL": f"sqlite:///{tmp_path / 'results.db'}",
        "CLASSROOM_TLS_CERT": str(cert),
        "CLASSROOM_TLS_KEY": str(key),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        trusted = ssl.create_default_context(cafile=str(cert))
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"https://127.0.0.1:{port}/_stcore/health", context=trusted, timeout=2
                ) as r:
                    assert r.read().decode().strip() == "ok"
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.3)
        with pytest.raises((urllib.error.URLError, ConnectionError)):  # plain HTTP gets no answer
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5).read()
    finally:
        server.terminate()
        server.wait(timeout=20)
    first_line = server.stdout.readline() if server.stdout else ""
    assert first_line.startswith(f"Classroom app: https://127.0.0.1:{port}")


def test_half_or_unreadable_tls_settings_are_one_clear_line(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    assert tls_problem(parse_args(["--tls-cert", str(cert), "--tls-key", str(key)])) is None
    assert "needs both" in str(tls_problem(parse_args(["--tls-cert", str(cert)])))
    wrong = tmp_path / "not-a-key.pem"
    wrong.write_text("nonsense\n", encoding="utf-8")
    assert "cannot use the HTTPS certificate" in str(
        tls_problem(parse_args(["--tls-cert", str(cert), "--tls-key", str(wrong)]))
    )
    done = subprocess.run(
        [sys.executable, "-m", "server", "--port", "0", "--tls-cert", str(cert), "--tls-key", str(wrong)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: cannot use the HTTPS certificate")
