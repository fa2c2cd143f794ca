"""The built wheel carries its assets: installed into a clean venv, the stretches, art, icons and sounds
come from inside the installed package."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from stretchbreak.paths import assets_dir
from stretchbreak.core.stretches import load_library
folder = assets_dir()
library = load_library(folder / "stretches", None, folder / "art")
print(json.dumps({
    "assets": str(folder),
    "stretches": sorted(library.stretches),
    "problems": [str(p) for p in library.problems],
    "sounds": sorted(p.name for p in (folder / "sounds").glob("*.wav")),
    "icons": sorted(p.name for p in (folder / "icons").glob("*.svg")),
    "icon_pngs": sorted(p.name for p in (folder / "icons" / "png").glob("*.png")),
}))
"""


def test_an_installed_wheel_finds_its_assets_inside_the_package(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "--wheel-dir", str(dist), str(ROOT)], check=True, capture_output=True)
    [wheel] = dist.glob("stretchbreak-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "stretchbreak/assets/stretches/cobra-low.toml" in names
    assert "stretchbreak/assets/art/cobra-low.svg" in names

    clean = tmp_path / "clean"
    venv.create(clean, with_pip=True)
    python = clean / "bin" / "python"
    # No dependencies: the core and the asset lookup must work with the standard library alone.
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    result = subprocess.run([python, "-c", PROBE], check=True, capture_output=True, text=True, cwd=tmp_path)
    found = json.loads(result.stdout)
    assert Path(found["assets"]).is_relative_to(clean)
    assert found["problems"] == []
    assert {"reverse-stretch", "cobra-low", "chest-opener", "hip-flexor-release"} <= set(found["stretches"])
    assert {"finished.wav", "hold-end.wav", "hold-start.wav"} <= set(found["sounds"])
    assert "stretchbreak.svg" in found["icons"]
    assert {"stretchbreak-256.png", "tray-ready-22.png", "tray-paused-64.png"} <= set(found["icon_pngs"])
    assert (clean / "bin" / "stretchbreak").is_file()
