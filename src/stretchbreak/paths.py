"""Where things live: the shipped assets and the user's config, data and log folders."""

from __future__ import annotations

from functools import cache
from pathlib import Path

APP_NAME = "stretchbreak"


@cache
def assets_dir() -> Path:
    """The assets inside the installed package; in a source checkout, the repository's assets/ folder."""
    packaged = Path(__file__).resolve().parent / "assets"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "assets"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"stretchbreak's assets are missing: looked in {packaged} and {checkout}")


def config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_stretches_dir() -> Path:
    return data_dir() / "stretches"


def log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))
