"""Single-instance plumbing without Qt: the per-user socket address, the instance lock, and the IPC client.

The address is derived from the user and the config folder, so two users (or two config folders) never
meet. On POSIX it is a Unix socket in a folder only the user can enter; an flock()ed lock file beside it
says which process owns it, and the kernel drops that lock when the process dies, however it dies.
Messages are one JSON line each way: {"v": 1, "verb": ..., "args": {...}} -> {"v": 1, "ok": ..., ...}.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import tempfile
import zlib
from pathlib import Path
from typing import IO, Any

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 64 * 1024
CLIENT_TIMEOUT = 5.0


class NotRunning(Exception):
    pass


class ProtocolError(Exception):
    pass


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(config_dir: Path) -> str:
    """A short stable name per user and config folder. Two 32-bit checksums, not hashlib: only a few config
    folders ever need telling apart, and importing hashlib starts OpenSSL, half a megabyte for the day."""
    key = f"{_user()}\0{config_dir.resolve()}".encode()
    return f"stretchbreak-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def runtime_dir() -> Path:
    """A folder only this user can enter: $XDG_RUNTIME_DIR/stretchbreak, else a private folder in /tmp."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    # A Unix socket path must fit in about 100 bytes; a runtime dir too deep for that is passed over.
    if base and Path(base).is_dir() and len(base) <= 60:
        folder = Path(base) / "stretchbreak"
    else:
        folder = Path(tempfile.gettempdir()) / f"stretchbreak-{os.getuid() if hasattr(os, 'getuid') else _user()}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        info = folder.stat()
        if info.st_uid != os.getuid():
            raise PermissionError(f"{folder} belongs to another user; refusing to use it")
        if info.st_mode & 0o077:
            folder.chmod(0o700)
    return folder


def socket_address(config_dir: Path) -> str:
    """What the command server listens on: a Unix socket path on POSIX, a pipe name on Windows."""
    name = server_name(config_dir)
    if sys.platform == "win32":
        return name
    return str(runtime_dir() / f"{name}.sock")


class InstanceLock:
    """Held by the one running instance for its whole life; released by the OS if the process dies."""

    def __init__(self, address: str) -> None:
        self.path = Path(address + ".lock") if sys.platform != "win32" else \
            Path(tempfile.gettempdir()) / f"{address}.lock"
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the process lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def _connect(address: str, timeout: float) -> Any:
    if sys.platform == "win32":
        try:
            return open(rf"\\.\pipe\{address}", "r+b", buffering=0)
        except OSError as error:
            raise NotRunning(str(error)) from None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(address)
    except OSError as error:
        sock.close()
        raise NotRunning(str(error)) from None
    return sock


def request(address: str, verb: str, args: dict[str, Any] | None = None,
            timeout: float = CLIENT_TIMEOUT) -> dict[str, Any]:
    """Send one request to the running instance and return its reply; NotRunning when nobody listens."""
    conn = _connect(address, timeout)
    try:
        payload = encode({"v": PROTOCOL_VERSION, "verb": verb, "args": args or {}})
        if sys.platform == "win32":
            conn.write(payload)
            line = conn.readline(MAX_LINE_BYTES + 1)
        else:
            conn.sendall(payload)
            line = _read_line(conn)
    except TimeoutError:
        raise ProtocolError("the running stretchbreak did not answer in time") from None
    except OSError as error:
        raise NotRunning(str(error)) from None
    finally:
        with contextlib.suppress(OSError):
            conn.close()
    if not line:
        raise NotRunning("the connection closed without an answer")
    try:
        reply = json.loads(line)
    except (ValueError, RecursionError):
        raise ProtocolError("the running stretchbreak sent a reply that is not JSON") from None
    if not isinstance(reply, dict):
        raise ProtocolError("the running stretchbreak sent a reply that is not a JSON object")
    return reply


def _read_line(sock: socket.socket) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if b"\n" in chunk or size > MAX_LINE_BYTES:
            break
    return b"".join(chunks).split(b"\n", 1)[0]
