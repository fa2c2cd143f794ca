"""What stretchbreak costs a desktop, against the floor: the least a tray app on the same stack can be.

Each run gets its own X desktop (Xvfb, the openbox window manager, a trayer tray) and a fresh HOME. On it
this starts (a) the floor, benchmarks/floor_app.py, and (b) stretchbreak, one after the other, several times,
and measures from the outside, by reading /proc and asking the X server:

- startup: from launch to the tray icon being embedded in the tray and on screen;
- PSS and RSS after settling (/proc/PID/smaps_rollup; PSS also as if nothing else mapped the same files,
  since on a shared machine other Qt programs come and go and take their share of it);
- CPU seconds (utime + stime in /proc/PID/stat; the scheduler's run time from task/*/schedstat beside it)
  and context switches (voluntary + involuntary, over all threads: each is a wake-up) over an idle window;
- the same over a second idle window after 50 snoozes (`stretchbreak snooze`; the floor gets SIGUSR1,
  on which it reschedules its job);
- the wall time of `stretchbreak status --json`.

stretchbreak runs with a config that keeps it steadily "sitting" (all days, all hours, an 8 h sit limit, a
2 h natural break, unlimited snoozes). Counts over a window are given per minute. It prints a table with
the medians, the ratio stretchbreak / floor and the budgets with pass or fail, then the same table in
Markdown for the README, and writes benchmarks/results/footprint.json. It is not a test: the exit status
is 0 whether budgets pass or not, 1 when the benchmark itself could not run.

    python benchmarks/footprint.py            # 3 runs each, 60 s idle windows: about 15 minutes
    python benchmarks/footprint.py --quick    # 2 runs each, 15 s idle windows

Needs Linux, Xvfb, openbox, trayer and libX11 (Debian: xvfb openbox trayer libx11-6), and stretchbreak
installed in the Python that runs this (or --stretchbreak naming its command).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import json
import os
import platform
import re
import select
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "footprint.json"
FLOOR_APP = HERE / "floor_app.py"

SCREEN = "1280x800x24"
MAX_CLIENTS = 256
RESOURCE_ID_MASK = (1 << 21) - 1
"""With -maxclients 256 each X client owns the ids sharing the bits above these: how a window's owner is told."""
TRAY_SELECTION = "_NET_SYSTEM_TRAY_S0"
TRAYER_ARGS = ("--edge", "top", "--align", "right", "--widthtype", "request", "--height", "28",
               "--transparent", "false", "--SetDockType", "true", "--SetPartialStrut", "true", "--expand", "true")
OPENBOX_MENU = ('<?xml version="1.0" encoding="UTF-8"?>\n<openbox_menu xmlns="http://openbox.org/3.4/menu">\n'
                '  <menu id="root-menu" label="Openbox"/>\n</openbox_menu>\n')
OPENBOX_SYSTEM_RC = Path("/etc/xdg/openbox/rc.xml")

STEADY_CONFIG = """\
[reminder]
sit_limit = "8h"
natural_break = "2h"
warn_before = "0s"
max_snoozes = 0

[schedule]
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
hours = ""
"""

TRAY_POLL_SECONDS = 0.01
START_TIMEOUT = 30.0
AFTER_COMMANDS_SECONDS = 5.0
FLOOR_SIGNAL_GAP = 0.05
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MB = 1_000_000

# Budgets, judged on the medians.
PSS_VS_FLOOR = 1.15
RSS_LIMIT_MB = 90.0
STARTUP_VS_FLOOR = 1.5
IDLE_CPU_PER_MINUTE = 0.05
WAKEUPS_VS_FLOOR = 2.0
AFTER_SNOOZE_TOLERANCE = 0.10
STATUS_LIMIT_MS = 150.0


class BenchmarkError(RuntimeError):
    """The benchmark itself could not run (a tool missing, a process that did not start)."""


# ---- /proc ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counters:
    """Cumulative counters of a process and its descendants, all threads summed."""

    at: float
    cpu_seconds: float
    run_seconds: float
    voluntary: int
    involuntary: int
    threads: int
    processes: int

    @property
    def switches(self) -> int:
        return self.voluntary + self.involuntary


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces and parentheses)."""
    text = _read(Path(f"/proc/{pid}/stat"))
    if text is None:
        return None
    return text[text.rindex(")") + 2:].split()


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields is not None:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(children.get(current, []))
    return found


def _switches(task: Path) -> tuple[int, int]:
    text = _read(task / "status") or ""
    voluntary = re.search(r"^voluntary_ctxt_switches:\s*(\d+)", text, re.M)
    involuntary = re.search(r"^nonvoluntary_ctxt_switches:\s*(\d+)", text, re.M)
    return (int(voluntary.group(1)) if voluntary else 0, int(involuntary.group(1)) if involuntary else 0)


def _run_seconds(task: Path) -> float:
    text = _read(task / "schedstat")
    return int(text.split()[0]) / 1e9 if text else 0.0


def read_counters(pid: int) -> Counters:
    """CPU time, scheduler run time and context switches of `pid` and its descendants, all threads."""
    cpu = run = 0.0
    voluntary = involuntary = threads = 0
    processes = descendants(pid)
    for process in processes:
        fields = _stat_fields(process)
        if fields is not None:
            cpu += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime: all threads
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            for task in Path(f"/proc/{process}/task").iterdir():
                vol, invol = _switches(task)
                voluntary, involuntary, threads = voluntary + vol, involuntary + invol, threads + 1
                run += _run_seconds(task)
    return Counters(time.monotonic(), cpu, run, voluntary, involuntary, threads, len(processes))


@dataclass(frozen=True)
class Memory:
    """In MB, of a process and its descendants.

    PSS splits each page among the processes that map it, so it drops whenever some other program maps the
    same libraries; on a shared machine other Qt programs come and go from minute to minute. `pss_alone` is
    the PSS it would have on its desktop with nothing else running: its private pages, and each mapped
    file's resident pages split only among the processes of its desktop (and this benchmark) that map the
    same file. The budget is judged on that.
    """

    pss: float
    pss_alone: float
    rss: float
    anonymous: float
    other_qt_processes: int
    """Processes outside the measured ones that map libQt6Core, sharing (and so lowering) the PSS."""


_MAPPING = re.compile(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$")


def _mappings(pid: int) -> Iterator[tuple[str, dict[str, int]]]:
    """(the file, or "" for anonymous memory; {field: kB}) for each mapping in /proc/PID/smaps."""
    path, fields = "", dict[str, int]()
    for line in (_read(Path(f"/proc/{pid}/smaps")) or "").splitlines():
        header = _MAPPING.match(line)
        if header:
            if fields:
                yield path, fields
            name = header.group(1)
            path, fields = (name if name.startswith("/") and not name.endswith("(deleted)") else ""), {}
        elif line.endswith(" kB"):
            key, value = line.split(":", 1)
            fields[key] = int(value.split()[0])
    if fields:
        yield path, fields


def _mapped_files(pid: int) -> set[str]:
    maps = _read(Path(f"/proc/{pid}/maps")) or ""
    return {parts[5] for parts in (line.split(None, 5) for line in maps.splitlines()) if len(parts) == 6}


def read_memory(pid: int, neighbours: Sequence[int]) -> Memory:
    """Memory of `pid` and its descendants; `neighbours` are the other processes of its desktop."""
    processes = descendants(pid)
    neighbour_files = [_mapped_files(n) for n in (*neighbours, os.getpid()) if n not in processes]
    pss = rss = anonymous = alone = 0.0
    for process in processes:
        for path, fields in _mappings(process):
            pss, rss = pss + fields.get("Pss", 0), rss + fields.get("Rss", 0)
            if not path:
                anonymous += fields.get("Pss", 0)
                alone += fields.get("Pss", 0)
                continue
            private = fields.get("Anonymous", 0)  # copy-on-write pages of a file mapping
            sharers = 1 + sum(path in files for files in neighbour_files)
            alone += private + (fields.get("Rss", 0) - private) / sharers

    def mb(kilobytes: float) -> float:
        return kilobytes * 1024 / MB

    return Memory(mb(pss), mb(alone), mb(rss), mb(anonymous), qt_processes(exclude=set(processes)))


def qt_processes(exclude: set[int]) -> int:
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in exclude and int(entry.name) != os.getpid():
            maps = _read(entry / "maps")
            count += bool(maps and "libQt6Core" in maps)
    return count


# ---- the X server, through libX11 -----------------------------------------------------------------------

class XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]


IS_VIEWABLE = 2
_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_ignore_errors = _ErrorHandler(lambda display, event: 0)
"""Windows come and go while the tree is walked; an X error about one must not end this process."""


def _load_xlib() -> Any:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        lib = ctypes.CDLL(name)
    except OSError as error:
        raise BenchmarkError(f"cannot load libX11 ({name}): {error}; install libx11-6") from error
    ulong, pointer = ctypes.c_ulong, ctypes.POINTER
    lib.XOpenDisplay.argtypes, lib.XOpenDisplay.restype = [ctypes.c_char_p], ctypes.c_void_p
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler.argtypes = [_ErrorHandler]
    lib.XDefaultRootWindow.argtypes, lib.XDefaultRootWindow.restype = [ctypes.c_void_p], ulong
    lib.XInternAtom.argtypes, lib.XInternAtom.restype = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int], ulong
    lib.XGetSelectionOwner.argtypes, lib.XGetSelectionOwner.restype = [ctypes.c_void_p, ulong], ulong
    lib.XQueryTree.argtypes = [ctypes.c_void_p, ulong, pointer(ulong), pointer(ulong), pointer(pointer(ulong)),
                               pointer(ctypes.c_uint)]
    lib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ulong, pointer(XWindowAttributes)]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler(_ignore_errors)
    return lib


class XServer:
    """One connection to a display, for what the command-line tools are too slow to poll."""

    def __init__(self, display: str) -> None:
        self._lib = _load_xlib()
        self._display = self._lib.XOpenDisplay(display.encode())
        if not self._display:
            raise BenchmarkError(f"cannot connect to X display {display}")
        self._root = self._lib.XDefaultRootWindow(self._display)
        self._tray_atom = self._lib.XInternAtom(self._display, TRAY_SELECTION.encode(), 0)

    def close(self) -> None:
        if self._display:
            self._lib.XCloseDisplay(self._display)
            self._display = None

    def tray_owner(self) -> int:
        return int(self._lib.XGetSelectionOwner(self._display, self._tray_atom))

    def children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        kids, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        if not self._lib.XQueryTree(self._display, window, ctypes.byref(root), ctypes.byref(parent),
                                    ctypes.byref(kids), ctypes.byref(count)):
            return []
        found = [int(kids[i]) for i in range(count.value)]
        if kids:
            self._lib.XFree(kids)
        return found

    def viewable(self, window: int) -> bool:
        attributes = XWindowAttributes()
        if not self._lib.XGetWindowAttributes(self._display, window, ctypes.byref(attributes)):
            return False
        return bool(attributes.map_state == IS_VIEWABLE)

    def tree(self) -> Iterator[tuple[int, int]]:
        """(parent, window) for every window on the screen."""
        pending = [self._root]
        while pending:
            parent = pending.pop()
            for child in self.children(parent):
                yield parent, child
                pending.append(child)

    def tray_panel_shown(self) -> bool:
        """The tray owns its selection and one of its windows is on screen."""
        owner = self.tray_owner()
        base = owner & ~RESOURCE_ID_MASK
        return owner != 0 and any(window & ~RESOURCE_ID_MASK == base and self.viewable(window)
                                  for _, window in self.tree())

    def embedded_icons(self) -> list[int]:
        """Windows of other clients that sit inside the tray's windows and are on screen."""
        owner = self.tray_owner()
        if owner == 0:
            return []
        base = owner & ~RESOURCE_ID_MASK
        return [window for parent, window in self.tree()
                if parent & ~RESOURCE_ID_MASK == base and window & ~RESOURCE_ID_MASK != base
                and self.viewable(window)]


# ---- a throwaway desktop --------------------------------------------------------------------------------

def wait_until(predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise BenchmarkError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(interval)


class Desktop:
    """Xvfb + openbox + trayer and a fresh HOME under `workdir`; apps are started with spawn()."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.home = workdir / "home"
        self.logs = workdir / "logs"
        self.display = ""
        self.env: dict[str, str] = {}
        self.x: XServer | None = None
        self._procs: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> Desktop:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._make_home()
        self._start_xvfb()
        self.env = self._make_env()
        self.x = XServer(self.display)
        self._start_openbox()
        self.spawn("trayer", ["trayer", *TRAYER_ARGS])
        x = self.x
        wait_until(x.tray_panel_shown, 15, "trayer to own the tray and show its panel")

    def stop(self) -> None:
        if self.x is not None:  # first: libX11 ends this process when its server goes away under it
            self.x.close()
            self.x = None
        for proc in reversed(self._procs):
            end_group(proc)
        self._procs.clear()

    def spawn(self, name: str, argv: Sequence[str], pass_fds: Sequence[int] = ()) -> subprocess.Popen[bytes]:
        """Starts a program on this desktop in its own session; its output goes to logs/NAME.log."""
        with (self.logs / f"{name}.log").open("ab") as log:
            proc = subprocess.Popen(list(argv), env=self.env or None, cwd=self.home, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                    pass_fds=pass_fds)
        self._procs.append(proc)
        return proc

    def pids(self) -> list[int]:
        return [proc.pid for proc in self._procs if proc.poll() is None]

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _make_home(self) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        for sub in (".config/openbox", ".local/share", ".local/state", ".cache"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        runtime = self.home / ".run"
        runtime.mkdir(exist_ok=True)
        runtime.chmod(0o700)
        (self.home / ".config/openbox/menu.xml").write_text(OPENBOX_MENU)
        if OPENBOX_SYSTEM_RC.is_file():
            rc = re.sub(r"\s*<file>[^<]*debian-menu\.xml</file>", "", OPENBOX_SYSTEM_RC.read_text())
            (self.home / ".config/openbox/rc.xml").write_text(rc)

    def _make_env(self) -> dict[str, str]:
        # PYTHONDONTWRITEBYTECODE goes too: on a user's machine the compiled modules are cached (pip compiles
        # them at install), so the warm-up launch may cache them here as well instead of every launch compiling.
        dropped = ("PYTHONDONTWRITEBYTECODE", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "DBUS_SESSION_BUS_ADDRESS",
                   "XAUTHORITY", "SESSION_MANAGER", "DESKTOP_SESSION", "XDG_CURRENT_DESKTOP", "XDG_SESSION_DESKTOP",
                   "XDG_CONFIG_DIRS", "XDG_DATA_DIRS", "LANGUAGE", "LC_ALL", "LC_MESSAGES")
        env = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("QT_")}
        runtime = self.home / ".run"
        env.update(
            DISPLAY=self.display, HOME=str(self.home), XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"), XDG_STATE_HOME=str(self.home / ".local/state"),
            XDG_CACHE_HOME=str(self.home / ".cache"), XDG_RUNTIME_DIR=str(runtime), XDG_SESSION_TYPE="x11",
            # Where no bus listens: D-Bus clients give up at once instead of finding the caller's session.
            DBUS_SESSION_BUS_ADDRESS=f"unix:path={runtime / 'bus'}", QT_QPA_PLATFORM="xcb", LANG="C.UTF-8",
        )
        return env

    def _start_xvfb(self) -> None:
        read_end, write_end = os.pipe()
        try:
            xvfb = self.spawn("Xvfb", ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten",
                                       "tcp", "-noreset", "-maxclients", str(MAX_CLIENTS)], pass_fds=(write_end,))
        finally:
            os.close(write_end)
        try:
            self.display = ":" + _read_display_number(read_end, xvfb, self.log)
        finally:
            os.close(read_end)

    def _start_openbox(self) -> None:
        # A dock mapped while openbox is still starting may stay unmapped; its --startup runs once it is up.
        started = self.workdir / "openbox-started"
        self.spawn("openbox", ["openbox", "--sm-disable", "--startup", f"touch {shlex.quote(str(started))}"])
        wait_until(started.exists, 15, "openbox to start")


def _read_display_number(fd: int, xvfb: subprocess.Popen[bytes], log: Callable[[str], str]) -> str:
    data = b""
    deadline = time.monotonic() + 15
    while not data.endswith(b"\n") and time.monotonic() < deadline and xvfb.poll() is None:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            chunk = os.read(fd, 64)
            if not chunk:
                break
            data += chunk
    if not data.strip().isdigit():
        raise BenchmarkError(f"Xvfb did not start:\n{log('Xvfb')}")
    return data.decode().strip()


def end_group(proc: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """SIGTERM to the process's group, SIGKILL if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout)
            return
        except subprocess.TimeoutExpired:
            continue


# ---- the two subjects -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Subject:
    """An app under measurement: how to start it, prepare its HOME, snooze it and ask its status."""

    name: str
    argv: tuple[str, ...]
    cli: tuple[str, ...] = ()
    """The command line that talks to the running app; empty for the floor."""

    def prepare(self, home: Path) -> None:
        if self.cli:
            config = home / ".config" / "stretchbreak" / "config.toml"
            config.parent.mkdir(parents=True, exist_ok=True)
            config.write_text(STEADY_CONFIG)

    def command(self, env: Mapping[str, str], *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
        """Runs the command line once; (wall seconds, its result)."""
        start = time.perf_counter()
        result = subprocess.run([*self.cli, *args], env=dict(env), capture_output=True, text=True, timeout=30,
                                check=False)
        return time.perf_counter() - start, result

    def snooze(self, env: Mapping[str, str], proc: subprocess.Popen[bytes]) -> None:
        if not self.cli:
            os.kill(proc.pid, signal.SIGUSR1)
            time.sleep(FLOOR_SIGNAL_GAP)  # standard signals do not queue: one at a time
            return
        _, result = self.command(env, "snooze")
        if result.returncode != 0:
            raise BenchmarkError(f"stretchbreak snooze failed ({result.returncode}): {result.stderr.strip()}")


def subjects(stretchbreak: str) -> tuple[Subject, Subject]:
    command = tuple(shlex.split(stretchbreak))
    return (Subject("floor", (sys.executable, str(FLOOR_APP))),
            Subject("stretchbreak", command, cli=command))


def default_stretchbreak() -> str:
    beside = Path(sys.executable).with_name("stretchbreak")
    return str(beside) if beside.exists() else (shutil.which("stretchbreak") or "stretchbreak")


# ---- one run --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    runs: int
    idle_seconds: float
    settle_seconds: float
    snoozes: int
    status_calls: int


@dataclass
class Window:
    """One idle window: what it cost, per minute."""

    seconds: float
    cpu_per_minute: float
    run_per_minute: float
    switches_per_minute: float
    voluntary: int
    involuntary: int
    threads: int
    processes: int


@dataclass
class Run:
    subject: str
    startup_seconds: float
    memory: Memory
    idle: Window
    after_snoozes: Window
    memory_after: Memory
    snooze_seconds: float
    status_ms: list[float] = field(default_factory=list)
    state_before: str | None = None
    state_after: str | None = None
    exit_status: int | None = None
    """How it ended on SIGTERM at the end of the run (0: cleanly)."""
    exit_output: str = ""
    """Its output when it did not end cleanly."""

    @property
    def pss_mb(self) -> float:
        return self.memory.pss_alone

    @property
    def rss_mb(self) -> float:
        return self.memory.rss


def launch(desktop: Desktop, subject: Subject) -> tuple[subprocess.Popen[bytes], float]:
    """Starts the subject; returns it and the seconds until its tray icon was embedded and on screen."""
    x = desktop.x
    assert x is not None
    if x.embedded_icons():
        raise BenchmarkError("the tray already holds an icon before the launch")
    start = time.monotonic()
    proc = desktop.spawn(subject.name, subject.argv)
    while not x.embedded_icons():
        if proc.poll() is not None:
            raise BenchmarkError(f"{subject.name} exited ({proc.returncode}):\n{desktop.log(subject.name)}")
        if time.monotonic() - start > START_TIMEOUT:
            raise BenchmarkError(f"{subject.name} showed no tray icon in {START_TIMEOUT:g} s:\n"
                                 f"{desktop.log(subject.name)}")
        time.sleep(TRAY_POLL_SECONDS)
    return proc, time.monotonic() - start


def idle_window(pid: int, seconds: float) -> Window:
    before = read_counters(pid)
    time.sleep(seconds)
    after = read_counters(pid)
    span = after.at - before.at
    per_minute = 60.0 / span
    return Window(round(span, 3), (after.cpu_seconds - before.cpu_seconds) * per_minute,
                  (after.run_seconds - before.run_seconds) * per_minute,
                  (after.switches - before.switches) * per_minute, after.voluntary - before.voluntary,
                  after.involuntary - before.involuntary, after.threads, after.processes)


def app_state(subject: Subject, env: Mapping[str, str]) -> str | None:
    if not subject.cli:
        return None
    _, result = subject.command(env, "status", "--json")
    try:
        state = json.loads(result.stdout).get("state")
    except (ValueError, AttributeError):
        return None
    return state if isinstance(state, str) else None


def status_times(subject: Subject, env: Mapping[str, str], calls: int) -> list[float]:
    """Milliseconds for each of `calls` runs of `status --json`."""
    times = []
    for _ in range(calls):
        seconds, result = subject.command(env, "status", "--json")
        if result.returncode != 0:
            raise BenchmarkError(f"status --json failed ({result.returncode}): {result.stderr.strip()}")
        times.append(seconds * 1000)
    return times


def measure(subject: Subject, plan: Plan, workdir: Path) -> Run:
    """One run of one subject on a desktop of its own."""
    with Desktop(workdir) as desktop:
        subject.prepare(desktop.home)
        proc, startup = launch(desktop, subject)
        time.sleep(plan.settle_seconds)
        memory = read_memory(proc.pid, desktop.pids())
        status_ms = status_times(subject, desktop.env, plan.status_calls) if subject.cli else []
        state_before = app_state(subject, desktop.env)
        time.sleep(AFTER_COMMANDS_SECONDS if subject.cli else 0)
        idle = idle_window(proc.pid, plan.idle_seconds)
        began = time.monotonic()
        for _ in range(plan.snoozes):
            subject.snooze(desktop.env, proc)
        snooze_seconds = time.monotonic() - began
        state_after = app_state(subject, desktop.env)
        time.sleep(AFTER_COMMANDS_SECONDS)
        after = idle_window(proc.pid, plan.idle_seconds)
        memory_after = read_memory(proc.pid, desktop.pids())
        if proc.poll() is not None:
            raise BenchmarkError(f"{subject.name} ended during the run:\n{desktop.log(subject.name)}")
        status = terminate(proc)
        output = "" if status == 0 else desktop.log(subject.name)[-4000:]
    return Run(subject.name, startup, memory, idle, after, memory_after, snooze_seconds, status_ms, state_before,
               state_after, status, output)


def terminate(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> int | None:
    """SIGTERM, as a session ending would send it; its exit status, None if it had to be killed."""
    os.kill(proc.pid, signal.SIGTERM)
    try:
        return proc.wait(timeout)
    except subprocess.TimeoutExpired:
        return None


def warm_up(subject: Subject, workdir: Path) -> float:
    """One launch to the tray, not counted: the first start reads its files from disk and caches its compiled
    modules."""
    with Desktop(workdir) as desktop:
        subject.prepare(desktop.home)
        _, startup = launch(desktop, subject)
    return startup


# ---- summary --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    label: str
    unit: str
    floor: float | None
    app: float
    budget: str
    passed: bool | None

    @property
    def ratio(self) -> float | None:
        return self.app / self.floor if self.floor else None


def median(runs: Sequence[Run], value: Callable[[Run], float]) -> float:
    return statistics.median(value(run) for run in runs)


def summarize(floor: Sequence[Run], app: Sequence[Run], plan: Plan) -> list[Row]:
    """The table: medians of both, and each budget judged on the medians. Before and after the snoozes may
    differ by 10 %, or by one wake-up in a window when that is more (the count's resolution)."""
    def both(value: Callable[[Run], float]) -> tuple[float, float]:
        return median(floor, value), median(app, value)

    startup = both(lambda r: r.startup_seconds * 1000)
    pss, rss = both(lambda r: r.pss_mb), both(lambda r: r.rss_mb)
    pss_shared, anonymous = both(lambda r: r.memory.pss), both(lambda r: r.memory.anonymous)
    cpu, run_time = both(lambda r: r.idle.cpu_per_minute), both(lambda r: r.idle.run_per_minute)
    wakeups = both(lambda r: r.idle.switches_per_minute)
    cpu_after = both(lambda r: r.after_snoozes.cpu_per_minute)
    wakeups_after = both(lambda r: r.after_snoozes.switches_per_minute)
    status = statistics.median(ms for run in app for ms in run.status_ms)
    drift = abs(wakeups_after[1] - wakeups[1])
    allowed_drift = max(AFTER_SNOOZE_TOLERANCE * wakeups[1], 60.0 / plan.idle_seconds)
    snoozes = plan.snoozes
    return [
        Row("startup to tray icon", "ms", *startup, f"<= {STARTUP_VS_FLOOR:g} x floor",
            startup[1] <= STARTUP_VS_FLOOR * startup[0]),
        Row("PSS after settling, alone", "MB", *pss, f"<= {PSS_VS_FLOOR:g} x floor", pss[1] <= PSS_VS_FLOOR * pss[0]),
        Row("PSS as measured (shared)", "MB", *pss_shared, "", None),
        Row("anonymous memory", "MB", *anonymous, "", None),
        Row("RSS after settling", "MB", *rss, f"<= {RSS_LIMIT_MB:g} MB", rss[1] <= RSS_LIMIT_MB),
        Row("idle CPU (utime+stime)", "s/min", *cpu, f"<= {IDLE_CPU_PER_MINUTE:g} s/min",
            cpu[1] <= IDLE_CPU_PER_MINUTE),
        Row("idle CPU (scheduler run time)", "s/min", *run_time, "", None),
        Row("idle context switches", "/min", *wakeups, f"<= {WAKEUPS_VS_FLOOR:g} x floor",
            wakeups[1] <= WAKEUPS_VS_FLOOR * wakeups[0]),
        Row(f"idle CPU after {snoozes} snoozes", "s/min", *cpu_after, f"<= {IDLE_CPU_PER_MINUTE:g} s/min",
            cpu_after[1] <= IDLE_CPU_PER_MINUTE),
        Row(f"idle context switches after {snoozes} snoozes", "/min", *wakeups_after,
            f"within {AFTER_SNOOZE_TOLERANCE:.0%} of before", drift <= allowed_drift),
        Row("status --json wall time", "ms", None, status, f"<= {STATUS_LIMIT_MS:g} ms", status <= STATUS_LIMIT_MS),
    ]


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s/min":
        return f"{value:.3f}"
    return f"{value:.1f}" if unit in ("MB", "/min") else f"{value:.0f}"


def _verdict(passed: bool | None) -> str:
    return "" if passed is None else ("pass" if passed else "FAIL")


def table_lines(rows: Sequence[Row]) -> list[list[str]]:
    header = ["measure", "unit", "floor", "stretchbreak", "ratio", "budget", "result"]
    body = [[r.label, r.unit, _number(r.floor, r.unit), _number(r.app, r.unit),
             f"{r.ratio:.2f}" if r.ratio is not None else "—", r.budget, _verdict(r.passed)] for r in rows]
    return [header, *body]


def plain_table(rows: Sequence[Row]) -> str:
    lines = table_lines(rows)
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    numeric = {2, 3, 4}
    return "\n".join("  ".join(cell.rjust(w) if i in numeric else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(line, widths, strict=True))).rstrip()
                     for line in lines)


def markdown_table(rows: Sequence[Row]) -> str:
    header, *body = table_lines(rows)
    align = ["---", "---", "---:", "---:", "---:", "---", "---"]
    return "\n".join("| " + " | ".join(line) + " |" for line in (header, align, *body))


def environment() -> dict[str, str]:
    versions = {"stretchbreak_from": os.environ.get("PYTHONPATH", "") or "installed", "git_head": git_head()}
    for module in ("PySide6", "apscheduler"):
        try:
            versions[module] = str(__import__(module).__version__)
        except (ImportError, AttributeError):
            versions[module] = "?"
    return {"python": platform.python_version(), "machine": f"{platform.system()} {platform.release()} "
            f"{platform.machine()}", "cpus": str(os.cpu_count()), **versions}


def git_head() -> str:
    try:
        result = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10, check=False)
    except OSError:
        return "?"
    return result.stdout.strip() or "?"


def write_results(path: Path, plan: Plan, rows: Sequence[Row], floor: Sequence[Run], app: Sequence[Run],
                  warm: Mapping[str, float]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "footprint of stretchbreak against the floor app",
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),  # noqa: UP017 - reads plainly
        "plan": asdict(plan),
        "summary": [{**asdict(row), "ratio": row.ratio} for row in rows],
        "all_passed": all(row.passed is not False for row in rows),
        "warm_up_startup_seconds": dict(warm),
        "runs": {"floor": [asdict(r) for r in floor], "stretchbreak": [asdict(r) for r in app]},
        "unclean_exits": sum(run.exit_status != 0 for run in (*floor, *app)),
        "environment": environment(),
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


# ---- main -----------------------------------------------------------------------------------------------

def check_tools() -> None:
    missing = [tool for tool in ("Xvfb", "openbox", "trayer") if not shutil.which(tool)]
    if missing:
        raise BenchmarkError(f"missing: {', '.join(missing)} (Debian: apt-get install xvfb openbox trayer)")
    if not Path("/proc/self/smaps_rollup").exists():
        raise BenchmarkError("this needs Linux's /proc (smaps_rollup: kernel 4.14 or later)")


def parse_args(argv: Sequence[str] | None) -> tuple[Plan, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 runs each, 15 s idle windows (for development)")
    parser.add_argument("--runs", type=int, help="runs of each app (default 3; quick 2)")
    parser.add_argument("--idle-seconds", type=float, help="length of each idle window (default 60; quick 15)")
    parser.add_argument("--snoozes", type=int, default=50)
    parser.add_argument("--stretchbreak", default=default_stretchbreak(), help="the command that runs it")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"the JSON file (default {RESULTS})")
    parser.add_argument("--keep", action="store_true", help="keep the runs' HOMEs and logs (printed at the end)")
    args = parser.parse_args(argv)
    plan = Plan(runs=args.runs or (2 if args.quick else 3),
                idle_seconds=args.idle_seconds or (15.0 if args.quick else 60.0),
                settle_seconds=5.0 if args.quick else 10.0, snoozes=args.snoozes,
                status_calls=5 if args.quick else 10)
    return plan, args


def run_all(plan: Plan, floor: Subject, app: Subject, root: Path) -> tuple[list[Run], list[Run], dict[str, float]]:
    warm = {s.name: warm_up(s, root / f"warm-{s.name}") for s in (floor, app)}
    results: dict[str, list[Run]] = {floor.name: [], app.name: []}
    for number in range(1, plan.runs + 1):
        for subject in (floor, app):
            print(f"run {number}/{plan.runs}: {subject.name} ...", end=" ", flush=True)
            run = measure(subject, plan, root / f"{subject.name}-{number}")
            results[subject.name].append(run)
            print(f"tray {run.startup_seconds * 1000:.0f} ms, PSS {run.pss_mb:.1f} MB, "
                  f"{run.idle.switches_per_minute:.0f} / {run.after_snoozes.switches_per_minute:.0f} switches/min, "
                  f"exit {run.exit_status}", flush=True)
    return results[floor.name], results[app.name], warm


def main(argv: Sequence[str] | None = None) -> int:
    plan, args = parse_args(argv)
    floor, app = subjects(args.stretchbreak)
    root = Path(tempfile.mkdtemp(prefix="fp-"))  # short: the app's socket path must fit in ~100 bytes
    try:
        check_tools()
        floor_runs, app_runs, warm = run_all(plan, floor, app, root)
    except BenchmarkError as error:
        print(f"\nfootprint: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"runs kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    rows = summarize(floor_runs, app_runs, plan)
    caption = (f"Medians of {plan.runs} runs each on Xvfb + openbox + trayer, idle windows of {plan.idle_seconds:g} s, "
               f"{plan.snoozes} snoozes; MB = 10^6 bytes; {datetime.now():%Y-%m-%d}.")
    print(f"\n{caption}\n")
    print(plain_table(rows))
    unclean = [f"{run.subject} ({run.exit_status})" for run in (*floor_runs, *app_runs) if run.exit_status != 0]
    if unclean:
        print(f"\nnot ended cleanly by SIGTERM: {', '.join(unclean)}; their output is in the JSON")
    print("\nMarkdown:\n")
    print(markdown_table(rows))
    print(f"\n{caption} `python benchmarks/footprint.py` (`--quick` for a short run).")
    write_results(args.output, plan, rows, floor_runs, app_runs, warm)
    print(f"\nwritten {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
