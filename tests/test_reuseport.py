"""reuseport.py: one port, several listening sockets; the kernel spreads connections (or routes by address if asked)."""

from __future__ import annotations

import select
import socket
from collections import defaultdict

import pytest

from server import reuseport


def _accepting(sockets: list[socket.socket], source: str) -> int:
    """Connect from ``source`` and return the index of the socket the kernel handed the connection to."""
    port = sockets[0].getsockname()[1]
    with socket.create_connection(("127.0.0.1", port), source_address=(source, 0), timeout=5):
        ready, _, _ = select.select(sockets, [], [], 5)
        assert len(ready) == 1, "exactly one socket of the group gets the connection"
        conn, (peer, _) = ready[0].accept()
        conn.close()
        assert peer == source
        return sockets.index(ready[0])


@pytest.mark.parametrize("count", [2, 3])
def test_routed_by_address_every_connection_from_one_address_goes_to_the_same_socket(count: int) -> None:
    sockets = reuseport.shared_sockets("127.0.0.1", 0, count, route_by_address=True)
    try:
        assert len({s.getsockname() for s in sockets}) == 1, "all on one port"
        seen: dict[str, set[int]] = defaultdict(set)
        for n in range(1, 31):
            source = f"127.0.0.{n}"
            for _ in range(3):
                seen[source].add(_accepting(sockets, source))
        assert all(len(chosen) == 1 for chosen in seen.values()), seen
        # The kernel runs the program we attached: it agrees with the Python version for every address.
        assert {source: chosen.pop() for source, chosen in seen.items()} == {
            source: reuseport.pick_by_source(source, count) for source in seen
        }
    finally:
        for sock in sockets:
            sock.close()


def test_by_default_connections_from_one_address_spread_over_every_socket() -> None:
    """A school behind one NAT or one proxy: every connection has the same source address."""
    sockets = reuseport.shared_sockets("127.0.0.1", 0, 2)
    try:
        chosen = [_accepting(sockets, "127.0.0.1") for _ in range(40)]
        assert min(chosen.count(0), chosen.count(1)) >= 5, chosen
    finally:
        for sock in sockets:
            sock.close()


def test_addresses_spread_over_every_socket() -> None:
    devices = [f"10.0.{n // 250}.{n % 250 + 1}" for n in range(300)]
    for count in (2, 3, 4):
        per_socket = [0] * count
        for device in devices:
            per_socket[reuseport.pick_by_source(device, count)] += 1
        assert min(per_socket) > 0.7 * len(devices) / count, per_socket


def test_sockets_are_inheritable_and_say_they_are_tcp() -> None:
    """Workers inherit them; asyncio sets TCP_NODELAY only when the socket's protocol is TCP."""
    sockets = reuseport.shared_sockets("127.0.0.1", 0, 2)
    try:
        assert all(s.get_inheritable() for s in sockets)
        assert all(s.proto == socket.IPPROTO_TCP for s in sockets)
    finally:
        for sock in sockets:
            sock.close()


def test_a_port_in_use_is_an_error_and_leaves_nothing_open() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError):
            reuseport.shared_sockets("127.0.0.1", taken.getsockname()[1], 2)


def test_a_system_without_so_reuseport_is_an_os_error(monkeypatch) -> None:
    """So the server falls back to one process (it catches OSError) instead of crashing."""
    monkeypatch.delattr(socket, "SO_REUSEPORT")
    with pytest.raises(OSError, match="cannot share a port"):
        reuseport.shared_sockets("127.0.0.1", 0, 2)
