"""uploads.py: any process takes a signed-in teacher's upload into the database; nobody else's."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from classroom import limits
from classroom.people import sessions
from classroom.results import shared_files
from server import auth_routes, uploads

XSRF = "ab" * 32
URL = "/_stcore/upload_file/page-1/file-1"


def _streamlits_own_route(request) -> PlainTextResponse:
    return PlainTextResponse("reached Streamlit's route", status_code=418)


@pytest.fixture
def client(store, monkeypatch) -> TestClient:
    monkeypatch.setattr(auth_routes, "store", lambda: store)
    routes = [Route("/_stcore/upload_file/{page}/{file}", _streamlits_own_route, methods=["PUT", "DELETE", "GET"])]
    app = Starlette(routes=routes, middleware=[Middleware(uploads.Uploads)])
    http = TestClient(app, base_url="http://classroom.local")
    http.cookies.set("_streamlit_xsrf", XSRF)
    return http


def _sign_in(client: TestClient, store, role: str) -> str:
    if role == sessions.TEACHER:
        opened, claim = sessions.open_session(store, sessions.TEACHER, teacher="password")
    else:
        student = store.add_student(store.create_class("9B").id, "Ana")
        opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=student.id)
    _, token = sessions.claim(store, claim)
    client.cookies.set(sessions.COOKIE[role], token)
    return opened.id


def _put(client: TestClient, data: bytes, xsrf: str = XSRF):
    return client.put(URL, files={"file": ("lesson.yaml", data, "text/yaml")}, headers={"X-Xsrftoken": xsrf})


def test_a_teachers_upload_goes_to_the_database(client, store) -> None:
    _sign_in(client, store, sessions.TEACHER)
    response = _put(client, b"id: lesson\n")
    assert response.status_code == 204
    [kept] = shared_files.uploads(store, "page-1", ["file-1"])
    assert (kept.name, kept.mimetype, kept.data) == ("lesson.yaml", "text/yaml", b"id: lesson\n")
    assert client.delete(URL, headers={"X-Xsrftoken": XSRF}).status_code == 204
    assert shared_files.uploads(store, "page-1", ["file-1"]) == []


@pytest.mark.parametrize("who", ["nobody", sessions.STUDENT])
def test_anyone_but_a_signed_in_teacher_is_refused_and_nothing_is_kept(client, store, who) -> None:
    if who != "nobody":
        _sign_in(client, store, who)
    response = _put(client, b"x" * 1000)
    assert response.status_code == 403 and response.content == uploads.REFUSED
    assert client.delete(URL, headers={"X-Xsrftoken": XSRF}).status_code == 403
    assert shared_files.uploads(store, "page-1", ["file-1"]) == []


def test_a_made_up_teacher_cookie_or_a_wrong_xsrf_token_is_refused(client, store) -> None:
    client.cookies.set(sessions.COOKIE[sessions.TEACHER], "made-up")
    assert _put(client, b"x").status_code == 403
    _sign_in(client, store, sessions.TEACHER)
    assert _put(client, b"x", xsrf="cd" * 32).status_code == 403
    assert shared_files.uploads(store, "page-1", ["file-1"]) == []


def test_a_file_over_the_limit_gets_413(client, store) -> None:
    _sign_in(client, store, sessions.TEACHER)
    response = _put(client, b"x" * (limits.MAX_UPLOAD_BYTES + uploads.MULTIPART_OVERHEAD_BYTES + 1))
    assert response.status_code == 413
    response = _put(client, b"x" * (limits.MAX_UPLOAD_BYTES + 10))  # under the body cap, over the file limit
    assert response.status_code == 413
    assert shared_files.uploads(store, "page-1", ["file-1"]) == []


def test_a_body_that_is_not_one_file_gets_400(client, store) -> None:
    _sign_in(client, store, sessions.TEACHER)
    response = client.put(URL, content=b"not a form", headers={"X-Xsrftoken": XSRF, "content-type": "text/plain"})
    assert response.status_code == 400


def test_other_requests_pass_through_to_the_app(client) -> None:
    assert client.get(URL).status_code == 418
