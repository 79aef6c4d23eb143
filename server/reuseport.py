"""One port shared by several server processes (``SO_REUSEPORT``), the kernel spreading the connections.

Nothing a student needs lives only in one process any more (issue 15): identity, attempts
and lesson progress are in the database, and so are uploads and download files
(``server/uploads.py``, ``server/shared_storage.py``). So the kernel may hand any
connection to any process, by its usual hash of both ends' addresses and ports: a school
behind one NAT or one reverse proxy spreads over every process like anyone else.

``route_by_address=True`` keeps the earlier routing as an option for comparisons in the
benchmark: a small classic-BPF program picks the socket from the client's IP address, so
every connection from one device lands in the same process (and everyone behind one
address in one process). Linux only; ``shared_sockets`` raises ``OSError`` elsewhere and
the caller serves from one process instead.

The parent binds every socket and keeps them open, so a worker that crashes and is
restarted gets the same socket and the same devices back.
"""

from __future__ import annotations

import ctypes
import socket
import struct

SO_ATTACH_REUSEPORT_CBPF = 51  # linux/asm-generic/socket.h
SKF_NET_OFF = -0x100000  # classic BPF: offsets from the network (IP) header
# Classic BPF opcodes (linux/bpf_common.h).
LD_W_ABS = 0x20  # A = 32-bit word at k
MUL_K = 0x24  # A *= k
RSH_K = 0x74  # A >>= k
MOD_K = 0x94  # A %= k
RET_A = 0x16  # return A: the index of the socket in the group
GOLDEN = 0x9E3779B1  # Fibonacci hashing: neighbouring addresses land far apart
# Where the last 32 bits of the source address sit in the IP header.
SOURCE_OFFSET: dict[int, int] = {socket.AF_INET: 12, socket.AF_INET6: 20}


def pick_by_source_program(count: int, family: int = socket.AF_INET) -> list[tuple[int, int, int, int]]:
    """The filter's instructions: socket index = hash(source address) mod count."""
    load = (SKF_NET_OFF + SOURCE_OFFSET[family]) & 0xFFFFFFFF
    return [(LD_W_ABS, 0, 0, load), (MUL_K, 0, 0, GOLDEN), (RSH_K, 0, 0, 16), (MOD_K, 0, 0, count), (RET_A, 0, 0, 0)]


def pick_by_source(address: str, count: int) -> int:
    """What the filter computes for an IPv4 address, for tests and for telling which worker serves whom."""
    word = int.from_bytes(socket.inet_aton(address), "big")
    return (((word * GOLDEN) & 0xFFFFFFFF) >> 16) % count


def attach_program(sock: socket.socket, instructions: list[tuple[int, int, int, int]]) -> None:
    code = ctypes.create_string_buffer(b"".join(struct.pack("HBBI", *i) for i in instructions))
    fprog = struct.pack("HL", len(instructions), ctypes.addressof(code))  # struct sock_fprog
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, fprog)  # the kernel copies the code


def shared_sockets(
    host: str, port: int, count: int, backlog: int = 4096, route_by_address: bool = False
) -> list[socket.socket]:
    """``count`` listening sockets on host:port, one per worker (routed by client address if asked)."""
    if not hasattr(socket, "SO_REUSEPORT"):  # Windows
        raise OSError("this system cannot share a port between processes (no SO_REUSEPORT)")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say so (see server/serve.py).
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            port = sock.getsockname()[1]  # port 0: the others join the one the first was given
            sock.listen(backlog)
            sock.set_inheritable(True)
        if route_by_address:
            attach_program(sockets[0], pick_by_source_program(count, family))  # one program for the whole group
    except OSError:  # also on a system without the classic-BPF option: the caller serves from one process
        for sock in sockets:
            sock.close()
        raise
    return sockets
