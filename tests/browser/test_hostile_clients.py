"""What a student's own client can send that a browser never would: uploads without an upload box, huge frames.

Against the server as `make run` starts it (two processes), with a plain websocket and HTTP
client (the protocol of bench/load.py): findings 2 and 3 of issue 14.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
from collections.abc import Iterator

import httpx
import psutil
import pytest
import websockets
from conftest import AppServer
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from server import options, uploads
from support import run_async

MB = 1024 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    own = AppServer(tmp_path_factory.mktemp("hostile"))
    own.start()
    yield own
    own.stop()


def server_rss(server: AppServer) -> int:
    assert server.process is not None
    parent = psutil.Process(server.process.pid)
    return sum(proc.memory_info().rss for proc in [parent, *parent.children(recursive=True)])


async def _session_id_and_upload(base: str, size: int) -> tuple[str, int, bytes]:
    """Open a student's session (no sign-in), then upload ``size`` bytes into it as its own client could."""
    async with httpx.AsyncClient(base_url=base) as http:
        await http.get("/_stcore/health")  # where the browser gets its XSRF cookie
        xsrf = http.cookies.get("_streamlit_xsrf", "")
        assert xsrf, "no XSRF cookie: the upload would be refused for another reason"
        url = base.replace("http://", "ws://") + "/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
            rerun = BackMsg()
            rerun.rerun_script.query_string = ""
            rerun.rerun_script.page_name = ""
            await ws.send(rerun.SerializeToString())
            session_id = ""
            while not session_id:
                message = ForwardMsg()
                message.ParseFromString(await ws.recv())
                if message.WhichOneof("type") == "new_session":
                    session_id = message.new_session.initialize.session_id
            response = await http.put(
                f"/_stcore/upload_file/{session_id}/hostile-file",
                files={"file": ("big.bin", b"x" * size, "application/octet-stream")},
                headers={"X-Xsrftoken": xsrf},
            )
            return session_id, response.status_code, response.content


def test_a_students_own_session_cannot_receive_uploads(server: AppServer) -> None:
    before = server_rss(server)
    for _ in range(3):
        session_id, status, body = run_async(_session_id_and_upload(server.base, 4 * MB))
        assert session_id and status == 403 and body == uploads.REFUSED
    assert server_rss(server) - before < 40 * MB  # nothing was kept


async def _huge_frame(base: str, size: int) -> tuple[int | None, float]:
    """Announce a ``size``-byte frame and send only its header: a server that waits for the payload fails."""
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    loop = asyncio.get_running_loop()
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        start = loop.time()
        # FIN + binary opcode; masked, 64-bit length; a mask key (a client must mask), and no payload at all.
        ws.transport.write(bytes([0x82, 0xFF]) + struct.pack("!Q", size) + b"\x01\x02\x03\x04")
        with contextlib.suppress(websockets.ConnectionClosed, TimeoutError):
            await asyncio.wait_for(ws.recv(), timeout=10)
        return ws.close_code, loop.time() - start


def test_a_frame_over_the_limit_closes_that_connection_and_others_carry_on(server: AppServer) -> None:
    before = server_rss(server)
    for _ in range(4):
        # 150 MB announced: refused from the header alone (without the cap the server waits for the payload)
        code, seconds = run_async(_huge_frame(server.base, 150 * MB))
        assert code == 1009 and seconds < 10  # "message too big"
    assert server_rss(server) - before < 60 * MB
    # A legitimate client on the same server is served as usual.
    with httpx.Client(base_url=server.base) as http:
        assert http.get("/_stcore/health").text == "ok"


def test_the_limits_are_the_ones_the_options_name() -> None:
    assert options.CLASSROOM_OPTIONS["server.maxUploadSize"] == options.UPLOAD_LIMIT_MB == 5
    assert options.INCOMING_MESSAGE_LIMIT_BYTES == 2 * MB
