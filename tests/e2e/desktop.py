"""A throwaway X desktop for the end-to-end tests: Xvfb, the openbox window manager and a trayer tray.

Everything runs in its own process group and is ended by `Desktop.stop()`; apps under test are started
with `Desktop.spawn()` so that they are ended too. The X side is driven and inspected with the usual
command-line tools (xdotool, xprop, xwininfo, ImageMagick's import); the one thing those cannot tell,
who owns an X selection (how a tray announces itself), is asked of libX11 directly through ctypes.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, NamedTuple, TypeVar

T = TypeVar("T")

ARTIFACTS_DIR = Path(__file__).parents[2] / "artifacts" / "e2e"

SCREEN = "1280x800x24"

# Command -> the Debian package that has it (scripts/test installs them all).
REQUIRED_TOOLS: Mapping[str, str] = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "trayer": "trayer",
    "xdotool": "xdotool",
    "xprop": "x11-utils",
    "xwininfo": "x11-utils",
    "import": "imagemagick",
}

TRAYER_ARGS: Sequence[str] = (
    "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "28",
    "--transparent", "false", "--tint", "0x2f5d62", "--SetDockType", "true",
    "--SetPartialStrut", "true", "--expand", "true",
)  # fmt: skip

TRAY_SELECTION = "_NET_SYSTEM_TRAY_S0"

# The X server gives each client a block of window ids: id & ~mask is the client's base. With
# `-maxclients 256` (passed below, also the default) the mask is 2**21 - 1. That is how the windows
# that apps embedded in the tray are told apart from the tray's own windows.
MAX_CLIENTS = 256
RESOURCE_ID_MASK = (1 << (29 - (MAX_CLIENTS.bit_length() - 1))) - 1  # 29 id bits, log2(clients) for the client

# In the environment of every process of a desktop, so that stop() finds any that left their process
# group (a daemon, something a test started itself with desktop.env).
_MARKER_VAR = "STRETCHBREAK_E2E_DESKTOP"

# Debian's openbox configuration, less the generated menu that only exists on a full desktop install
# (openbox complains when it is missing), plus an empty menu of our own.
_OPENBOX_SYSTEM_RC = Path("/etc/xdg/openbox/rc.xml")
_OPENBOX_MENU = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_menu xmlns="http://openbox.org/3.4/menu">
  <menu id="root-menu" label="Openbox"/>
</openbox_menu>
"""


class DesktopError(RuntimeError):
    """The desktop could not be started or a tool failed."""


class Geometry(NamedTuple):
    """A window's position on the screen (absolute) and size, in pixels."""

    x: int
    y: int
    width: int
    height: int

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


def missing_tools() -> list[str]:
    """The required commands that are not on PATH, each with its Debian package."""
    return [f"{tool} (package {package})" for tool, package in REQUIRED_TOOLS.items() if not shutil.which(tool)]


def wait_for(
    predicate: Callable[[], T | None],
    timeout: float = 10.0,
    *,
    interval: float = 0.05,
    what: str | None = None,
) -> T:
    """Calls `predicate` until it returns something truthy, and returns that.

    Raises TimeoutError, naming `what` (or the predicate) and its last result, after `timeout` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() >= deadline:
            name = what or getattr(predicate, "__qualname__", repr(predicate))
            raise TimeoutError(f"timed out after {timeout:g}s waiting for {name} (last result: {result!r})")
        time.sleep(interval)


@functools.cache
def _xlib() -> _XLib:
    return _XLib()


class _XLib:
    """The few libX11 calls that no command-line tool offers."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11") or "libX11.so.6"
        try:
            lib = ctypes.CDLL(name)
        except OSError as error:
            raise DesktopError(f"cannot load libX11 ({name}): {error}; install package libx11-6") from error
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XCloseDisplay.restype = ctypes.c_int
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        self._lib = lib

    def selection_owner(self, display: str, selection: str) -> int:
        """The window that owns `selection` (0: nobody); raises DesktopError if the display is not up."""
        connection = self._lib.XOpenDisplay(display.encode())
        if not connection:
            raise DesktopError(f"cannot connect to X display {display}")
        try:
            atom = self._lib.XInternAtom(connection, selection.encode(), 0)
            return int(self._lib.XGetSelectionOwner(connection, atom))
        finally:
            self._lib.XCloseDisplay(connection)


def _parse_window_ids(text: str) -> list[int]:
    return [int(line) for line in text.split()]


class Desktop:
    """An X display with a window manager and a system tray, for one test.

    Use as a context manager, or call start() and stop(). `env` is the environment for anything that
    should run on this desktop: DISPLAY set, HOME (default: `workdir`/home) with the XDG directories
    inside, Qt on xcb, nothing from the caller's Wayland or D-Bus session. Logs go to `workdir`/logs.
    """

    def __init__(self, workdir: Path, *, home: Path | None = None, artifacts_dir: Path = ARTIFACTS_DIR) -> None:
        self.workdir = workdir
        self.artifacts_dir = artifacts_dir
        self.home = home or workdir / "home"
        self.logs_dir = workdir / "logs"
        self.display = ""
        self.env: dict[str, str] = {}
        self.startup_seconds = 0.0
        self._token = uuid.uuid4().hex
        self._procs: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: dict[str, IO[bytes]] = {}
        self._xlib: _XLib | None = None
        self._xvfb_pid: int | None = None

    # -- life cycle -----------------------------------------------------------------------------------

    def __enter__(self) -> Desktop:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        missing = missing_tools()
        if missing:
            raise DesktopError("missing: " + ", ".join(missing))
        began = time.monotonic()
        self._xlib = _xlib()
        self._make_home()
        try:
            self._start_xvfb()
            self.env = self._make_env()
            self._start_openbox()
            self.start_tray()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began

    def stop(self) -> None:
        """Ends every process of this desktop, newest first, and anything that escaped its group."""
        for name in reversed(list(self._procs)):
            status = self._end(name)
            if name == "Xvfb" and status == -signal.SIGKILL:
                self._remove_x_files()
        for pid in self._stragglers():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self._procs.clear()
        for log in self._logs.values():
            log.close()
        self._logs.clear()

    def spawn(
        self,
        name: str,
        argv: Sequence[str | os.PathLike[str]],
        *,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        pass_fds: Sequence[int] = (),
    ) -> subprocess.Popen[bytes]:
        """Starts a program on this desktop, in its own process group, output to logs_dir/NAME.log.

        `env` is added to (and overrides) the desktop's env. The process is ended by stop(), or by
        end(name) earlier; a name can be reused once its process has ended. Its output so far: log(name).
        """
        previous = self._procs.get(name)
        if previous is not None:
            if previous.poll() is None:
                raise ValueError(f"a process named {name!r} is already running on this desktop")
            self._end(name)  # it exited by itself; its group may not have
        log = self._logs.get(name)
        if log is None:
            log = self._logs[name] = (self.logs_dir / f"{name}.log").open("ab")
        proc_env = {**(self.env or os.environ), **(env or {}), _MARKER_VAR: self._token}
        proc = subprocess.Popen(
            [os.fspath(arg) for arg in argv],
            env=proc_env,
            cwd=cwd or self.home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            pass_fds=pass_fds,
        )
        self._procs[name] = proc
        return proc

    def end(self, name: str, timeout: float = 5.0) -> int | None:
        """Ends a spawned process's group (SIGTERM, then SIGKILL); returns its exit status."""
        return self._end(name, timeout)

    def log(self, name: str) -> str:
        """What a spawned process has printed so far."""
        path = self.logs_dir / f"{name}.log"
        log = self._logs.get(name)
        if log is not None:
            log.flush()
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> dict[str, str]:
        return {path.stem: self.log(path.stem) for path in sorted(self.logs_dir.glob("*.log"))}

    # -- the tray -------------------------------------------------------------------------------------

    def start_tray(self, timeout: float = 10.0) -> None:
        """Starts trayer and waits until it owns the tray selection and its panel is on screen."""
        proc = self.spawn("trayer", ["trayer", *TRAYER_ARGS])

        def ready() -> bool:
            self._check_alive("trayer", proc)
            return self.tray_owner() != 0 and self.tray_window() is not None

        try:
            wait_for(ready, timeout, what="trayer to own the tray and show its panel")
        except TimeoutError as error:
            state = f"tray selection owner: {self.tray_owner():#x}, visible panel: {self.tray_window()}"
            raise TimeoutError(f"{error}; {state}") from None

    def kill_tray(self, timeout: float = 5.0) -> None:
        """Ends trayer and waits until the tray selection has no owner."""
        self._end("trayer", timeout)
        wait_for(lambda: self.tray_owner() == 0, timeout, what="the tray selection to be released")

    def tray_owner(self) -> int:
        """The window owning the system tray selection of screen 0 (0: no tray)."""
        assert self._xlib is not None, "desktop not started"
        return self._xlib.selection_owner(self.display, TRAY_SELECTION)

    def tray_window(self) -> int | None:
        """trayer's visible panel window, if it is there."""
        ids = self.window_ids(r"^panel$", by="classname")
        return ids[0] if ids else None

    def tray_icons(self) -> list[int]:
        """The windows other clients have embedded in the tray and that are on screen, left to right."""
        panel = self.tray_window()
        if panel is None:
            return []
        tray_client = panel & ~RESOURCE_ID_MASK
        icons: list[int] = []
        pending = [panel]
        while pending:
            for child in self._children(pending.pop()):
                if child & ~RESOURCE_ID_MASK == tray_client:
                    pending.append(child)  # one of trayer's own (the sockets that hold the icons)
                else:
                    icons.append(child)
        shown = [(geometry, icon) for icon in icons if (geometry := self._viewable_geometry(icon))]
        return [icon for _, icon in sorted(shown)]

    # -- windows and input ----------------------------------------------------------------------------

    def window_ids(self, pattern: str, *, by: Literal["name", "class", "classname"] = "name") -> list[int]:
        """Visible windows whose name (or `by`: class, classname) matches the regular expression."""
        result = self._run(["xdotool", "search", "--onlyvisible", f"--{by}", pattern], check=False)
        # xdotool exits 1 when nothing matches.
        if result.returncode not in (0, 1):
            raise DesktopError(f"xdotool search failed: {result.stderr.strip()}")
        return _parse_window_ids(result.stdout)

    def geometry(self, window_id: int) -> Geometry:
        """The window's absolute position and size."""
        return self._geometry_from(self._run(["xwininfo", "-id", str(window_id)]).stdout)

    def window_name(self, window_id: int) -> str:
        return self._run(["xdotool", "getwindowname", str(window_id)]).stdout.rstrip("\n")

    def root_property(self, name: str) -> str | None:
        """xprop's rendering of a property of the root window, None when it is not set."""
        out = self._run(["xprop", "-root", name]).stdout.strip()
        return None if out.endswith("not found.") or "no such atom" in out else out

    def click(self, window_id: int, button: int = 1) -> None:
        """Moves the pointer to the middle of the window and clicks (real input events, via XTEST)."""
        x, y = self.geometry(window_id).center
        self.click_at(x, y, button)

    def click_at(self, x: int, y: int, button: int = 1) -> None:
        self._run(["xdotool", "mousemove", str(x), str(y), "click", str(button)])

    def key(self, *keys: str, window: int | None = None) -> None:
        """Presses keys (xdotool names: "Return", "Escape", "ctrl+q", ...) as real input events.

        With `window`, the window is activated first; otherwise they go where the focus or a grab is.
        """
        command = ["xdotool"]
        if window is not None:
            command += ["windowactivate", "--sync", str(window)]
        self._run([*command, "key", "--clearmodifiers", "--delay", "30", *keys])

    def type_text(self, text: str) -> None:
        self._run(["xdotool", "type", "--delay", "20", "--", text])

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """Saves the whole screen as an image (format from the suffix); relative paths go to artifacts_dir."""
        target = Path(path)
        if not target.is_absolute():
            target = self.artifacts_dir / target
        target.parent.mkdir(parents=True, exist_ok=True)
        self._run(["import", "-window", "root", str(target)], timeout=30)
        return target

    def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 10.0,
        *,
        interval: float = 0.05,
        what: str | None = None,
    ) -> T:
        """The module's wait_for(), here for convenience."""
        return wait_for(predicate, timeout, interval=interval, what=what)

    # -- internals ------------------------------------------------------------------------------------

    def _make_home(self) -> None:
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        for sub in (".config/openbox", ".local/share", ".local/state", ".cache"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        runtime = self.home / ".run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        runtime.chmod(0o700)  # mkdir's mode is filtered through the umask
        openbox_dir = self.home / ".config/openbox"
        (openbox_dir / "menu.xml").write_text(_OPENBOX_MENU)
        if _OPENBOX_SYSTEM_RC.is_file():
            rc = re.sub(r"\s*<file>[^<]*debian-menu\.xml</file>", "", _OPENBOX_SYSTEM_RC.read_text())
            (openbox_dir / "rc.xml").write_text(rc)

    def _make_env(self) -> dict[str, str]:
        # Things from the caller's session that would make apps look elsewhere than this desktop.
        dropped = {
            "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY",
            "SESSION_MANAGER", "DESKTOP_SESSION", "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP",
            "XDG_SESSION_TYPE", "XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "LANGUAGE", "LC_ALL", "LC_MESSAGES",
        }  # fmt: skip
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in dropped
            and not (key.startswith("QT_") and key not in {"QT_LOGGING_RULES", "QT_DEBUG_PLUGINS"})
        }
        runtime = self.home / ".run"
        env.update(
            DISPLAY=self.display,
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_STATE_HOME=str(self.home / ".local/state"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_SESSION_TYPE="x11",
            # A bus address where no bus listens: D-Bus clients fail at once instead of finding the
            # caller's session bus or auto-launching a daemon that would outlive the test.
            DBUS_SESSION_BUS_ADDRESS=f"unix:path={runtime / 'bus'}",
            QT_QPA_PLATFORM="xcb",
            LANG="C.UTF-8",
        )
        # Also in what tests run themselves with this env: stop() ends those too if they are left over.
        env[_MARKER_VAR] = self._token
        return env

    def _start_xvfb(self, timeout: float = 15.0) -> None:
        # -displayfd: Xvfb picks a free display itself and writes its number once it accepts connections,
        # so parallel runs cannot race for a number. -noreset: the server keeps its state (atoms,
        # selections) even when the last client disconnects, e.g. between kill_tray() and start_tray().
        read_end, write_end = os.pipe()
        try:
            xvfb = self.spawn(
                "Xvfb",
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp",
                 "-noreset", "-maxclients", str(MAX_CLIENTS)],
                pass_fds=(write_end,),
            )  # fmt: skip
        finally:
            os.close(write_end)
        self._xvfb_pid = xvfb.pid
        try:
            number = self._read_display_number(read_end, xvfb, timeout)
        finally:
            os.close(read_end)
        self.display = f":{number}"

    def _read_display_number(self, fd: int, proc: subprocess.Popen[bytes], timeout: float) -> int:
        data = b""
        deadline = time.monotonic() + timeout
        while not data.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DesktopError(f"Xvfb did not report its display in {timeout:g}s:\n{self.log('Xvfb')}")
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.1))
            if ready:
                chunk = os.read(fd, 64)
                if not chunk:
                    break
                data += chunk
            elif proc.poll() is not None:
                break
        if not data.strip().isdigit():
            raise DesktopError(f"Xvfb did not start (exit {proc.poll()}):\n{self.log('Xvfb')}")
        return int(data)

    def _start_openbox(self, timeout: float = 10.0) -> None:
        # openbox announces itself (_NET_SUPPORTING_WM_CHECK) early in its start-up; a dock mapped
        # between then and the end of the start-up was seen to stay unmapped for good (about one start
        # in twenty with both cores busy). The --startup command runs once openbox is fully up.
        started = self.workdir / "openbox-started"
        started.unlink(missing_ok=True)
        proc = self.spawn("openbox", ["openbox", "--sm-disable", "--startup", f"touch {shlex.quote(str(started))}"])

        def ready() -> bool:
            self._check_alive("openbox", proc)
            return started.exists() and self.root_property("_NET_SUPPORTING_WM_CHECK") is not None

        wait_for(ready, timeout, what="openbox to start and manage the screen")

    def _check_alive(self, name: str, proc: subprocess.Popen[bytes]) -> None:
        if proc.poll() is not None:
            raise DesktopError(f"{name} exited with status {proc.returncode}:\n{self.log(name)}")

    def _end(self, name: str, timeout: float = 5.0) -> int | None:
        proc = self._procs.pop(name, None)
        if proc is None:
            return None
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)  # the whole group: whatever the process started too
            try:
                return proc.wait(timeout)
            except subprocess.TimeoutExpired:
                continue
        return proc.wait()

    def _remove_x_files(self) -> None:
        """Removes the display's socket (and lock file, if any) that a killed Xvfb could not remove."""
        if not self.display:
            return
        number = self.display.lstrip(":")
        lock = Path(f"/tmp/.X{number}-lock")
        with contextlib.suppress(OSError, ValueError):
            if lock.exists() and int(lock.read_text().strip()) != self._xvfb_pid:
                return  # another server has this display number now
            lock.unlink(missing_ok=True)
            Path(f"/tmp/.X11-unix/X{number}").unlink(missing_ok=True)

    def _stragglers(self) -> list[int]:
        """Processes of this desktop (by their marker variable) that are still running."""
        needle = f"{_MARKER_VAR}={self._token}".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
        return found

    def _run(
        self, argv: Sequence[str], *, check: bool = True, timeout: float = 10.0
    ) -> subprocess.CompletedProcess[str]:
        env = self.env or {**os.environ, "DISPLAY": self.display}
        try:
            result = subprocess.run(list(argv), env=env, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as error:
            raise DesktopError(f"{' '.join(argv)} did not finish in {timeout:g}s") from error
        if check and result.returncode != 0:
            raise DesktopError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
        return result

    def _children(self, window_id: int) -> list[int]:
        result = self._run(["xwininfo", "-children", "-id", str(window_id)], check=False)
        if result.returncode != 0:  # the window went away meanwhile
            return []
        return [int(match, 16) for match in re.findall(r"^\s+(0x[0-9a-fA-F]+) ", result.stdout, re.M)]

    def _viewable_geometry(self, window_id: int) -> Geometry | None:
        result = self._run(["xwininfo", "-id", str(window_id)], check=False)
        if result.returncode != 0 or "Map State: IsViewable" not in result.stdout:
            return None
        return self._geometry_from(result.stdout)

    @staticmethod
    def _geometry_from(xwininfo_output: str) -> Geometry:
        def field(label: str) -> int:
            match = re.search(rf"^\s*{label}:\s*(-?\d+)", xwininfo_output, re.M)
            if match is None:
                raise DesktopError(f"no {label!r} in xwininfo output:\n{xwininfo_output}")
            return int(match.group(1))

        return Geometry(field("Absolute upper-left X"), field("Absolute upper-left Y"), field("Width"), field("Height"))


def format_logs(desktop: Desktop) -> str:
    """All process logs of a desktop, each headed by its name, for printing after a failure."""
    return "".join(f"----- {name}.log -----\n{text.rstrip()}\n" for name, text in desktop.logs().items())
