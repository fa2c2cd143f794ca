"""Fixtures of the end-to-end tests: a real X desktop (Xvfb + openbox + trayer) to run the app on.

    @pytest.mark.e2e
    def test_something(desktop: Desktop) -> None:
        app = desktop.spawn("app", [sys.executable, "-m", "stretchbreak"])
        icons = desktop.wait_for(desktop.tray_icons, 10, what="the tray icon")
        desktop.click(icons[0], 3)
        desktop.screenshot("something.png")   # into artifacts/e2e/

See desktop.py for what a Desktop offers. When a test fails, the screen goes to
artifacts/e2e/<test>-failure.png and the logs of the desktop's processes into the report.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import Desktop, DesktopError, format_logs, missing_tools

_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


# Function scope: each test gets a new X server, window manager, tray and HOME. Start-up costs a few
# tenths of a second, and in exchange no window, tray icon, grab, focus or settings file of one test
# can leak into the next; a test that kills the tray or crashes the app cannot break the others.
@pytest.fixture
def desktop(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        pytest.fail(
            "the end-to-end tests need these tools, which are not installed: "
            + ", ".join(missing)
            + ". scripts/test installs them (or: apt-get install xvfb openbox trayer xdotool x11-utils"
            " imagemagick).",
            pytrace=False,
        )
    # The same HOME and XDG directories as tests/conftest.py's isolated_dirs gives this process, so that
    # what a test reads here (settings, state) is what the app on the desktop wrote.
    desk = Desktop(tmp_path / "desktop", home=tmp_path / "home")
    try:
        desk.start()
    except (DesktopError, TimeoutError) as error:
        logs = format_logs(desk)
        desk.stop()
        pytest.fail(f"the test desktop did not start: {error}\n{logs}", pytrace=False)
    try:
        yield desk
    finally:
        report = request.node.stash.get(_CALL_REPORT, None)
        if report is not None and report.failed:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{request.node.path.stem}.{request.node.name}")
            try:
                shot = desk.screenshot(f"{name}-failure.png")
                print(f"screenshot of the failure: {shot}")
            except DesktopError as error:
                print(f"no screenshot of the failure: {error}")
            print(format_logs(desk))
        desk.stop()
