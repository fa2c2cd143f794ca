"""PySide6 keeps no module's source text once read_sources_once is in place, and still tells modules that use
it from modules that do not. A fresh interpreter, since the check runs at each first import."""

import json
import subprocess
import sys

CHECK = """
import json, linecache, sys
from stretchbreak.ui.pyside_sources import read_sources_once
installed = read_sources_once()
kept_at_install = len(linecache.cache)
import stretchbreak.app, stretchbreak.core.clock
feature = sys.modules["shibokensupport.feature"].pyside_feature_dict
cached = [name for name in linecache.cache if "stretchbreak" in name or "apscheduler" in name]
print(json.dumps({"installed": installed, "cached": len(cached), "kept_at_install": kept_at_install,
                  "tray": feature.get("stretchbreak.ui.tray"), "clock": feature.get("stretchbreak.core.clock")}))
"""

BEFORE = CHECK.replace("installed = read_sources_once()", "import PySide6.QtCore; installed = None")


def run(code: str) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    found: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return found


def test_no_source_is_kept_and_the_answers_stay_the_same() -> None:
    plain, patched = run(BEFORE), run(CHECK)
    # Without it, PySide6 leaves the source of every module imported after it in linecache
    assert isinstance(plain["cached"], int) and plain["cached"] > 30
    # With it, none of them
    assert patched["installed"] is True
    assert patched["cached"] == 0
    # And what PySide6 read while loading itself is dropped too
    assert isinstance(plain["kept_at_install"], int) and plain["kept_at_install"] > 0
    assert patched["kept_at_install"] == 0
    # And a module using PySide6 (the tray) and one free of it (the clock) are told apart as before
    assert (patched["tray"], patched["clock"]) == (plain["tray"], plain["clock"]) == (0, -1)
