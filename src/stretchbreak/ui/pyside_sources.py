"""Keeps PySide6 from holding the source text of every module imported after it.

PySide6 asks of each newly imported module whether its source mentions "PySide6" (to know whether its
`__feature__` switches may apply there). It asks through `inspect.getsource`, which leaves every line of the
module in `linecache` for the life of the process: several MB of text that nothing else reads, and clearing
the cache later frees it only into fragments the process keeps. `read_sources_once` swaps that check for one
that reads the file and lets it go, with the same answer. Where PySide6 no longer has the check, it does
nothing.
"""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

MARKER = b"PySide6"


def mentions_pyside(module: ModuleType) -> bool:
    """Whether the module's Python source mentions PySide6; False for built-in and compiled modules."""
    try:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False
        with open(path, "rb") as source:
            return MARKER in source.read()
    except Exception:  # runs inside every import: it must never be the reason one fails
        return False


def read_sources_once() -> bool:
    """Install the check; call after importing PySide6.QtCore. True when PySide6 had the check to replace."""
    import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    linecache.clearcache()  # what PySide6 kept while it loaded itself (enum.py and its own packages)
    return True
