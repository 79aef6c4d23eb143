"""The cookie routes beside the app: a claim sets an HttpOnly, SameSite=Lax cookie once; clear ends it."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from classroom.people import sessions
from server import auth_routes


@pytest.fixture
def client(store, monkeypatch):
    monkeypatch.setattr(auth_routes, "store", lambda: store)
    return TestClient(Starlette(routes=auth_routes.routes()), base_url="http://classroom.local")


@pytest.fixture
def ana(store):
    return store.add_student(store.create_class("9B").id, "Ana")


def test_a_claim_sets_the_students_cookie_once(client, store, ana):
    opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id)
    response = client.get("/auth/claim", params={"c": claim})
    assert response.status_code == 200 and response.headers["content-type"] == "image/gif"
    assert response.headers["cache-control"] == "no-store"
    header = response.headers["set-cookie"]
    assert header.startswith("classroom_student=")
    assert "HttpOnly" in header and "SameSite=lax" in header and "Path=/" in header and "Secure" not in header
    token = response.cookies["classroom_student"]
    assert sessions.by_token(store, token).id == opened.id
    again = client.get("/auth/claim", params={"c": claim})
    assert "set-cookie" not in again.headers  # a claim works once


def test_over_https_the_cookie_is_secure(store, ana, monkeypatch):
    monkeypatch.setattr(auth_routes, "store", lambda: store)
    secure = TestClient(Starlette(routes=auth_routes.routes()), base_url="https://classroom.local")
    _, claim = sessions.open_session(store, sessions.TEACHER, teacher="password")
    header = secure.get("/auth/claim", params={"c": claim}).headers["set-cookie"]
    assert header.startswith("classroom_teacher=") and "Secure" in header


def test_an_unknown_claim_sets_nothing(client):
    for params in ({"c": "made-up"}, {}, {"c": "x" * 5000}):
        response = client.get("/auth/claim", params=params)
        assert response.status_code == 200 and "set-cookie" not in response.headers


def test_clear_ends_the_session_and_deletes_the_cookie(client, store, ana):
    opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id)
    client.get("/auth/claim", params={"c": claim})
    response = client.get("/auth/clear", params={"role": "student"})
    assert 'classroom_student=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
    assert sessions.by_id(store, opened.id) is None


def test_clear_of_an_unknown_role_does_nothing(client, store, ana):
    opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id)
    client.get("/auth/claim", params={"c": claim})
    response = client.get("/auth/clear", params={"role": "admin"})
    assert "set-cookie" not in response.headers
    assert sessions.by_id(store, opened.id) is not None


def test_the_database_down_gives_no_cookie_and_no_error_page(client, monkeypatch):
    def down():
        raise ConnectionError("database down")

    monkeypatch.setattr(auth_routes, "store", down)
    response = client.get("/auth/claim", params={"c": "anything"})
    assert response.status_code == 200 and "set-cookie" not in response.headers
