"""Which cameras this laptop has, for the chooser of the photo step and Pengaturan.

`list_cameras` finds the webcams and adds the configured file and folder
sources (a folder a tethered camera drops pictures into, the demo's and the
tests' pictures). It can take a second on Windows (each index is opened
once): call it off the GUI thread.

* Linux: every ``/dev/videoN`` that is a capture node, named from
  ``/sys/class/video4linux/videoN/name``. A webcam exposes two or more nodes
  (the picture, its metadata); only the one whose ``index`` is 0 is a camera.
* Windows: indices 0..`max_index` opened with DirectShow (fast), then Media
  Foundation, each released at once. macOS: AVFoundation the same way.

Labels never hold a full path (a folder may be named after a resident): only
the last part, as `FrameSource.description` does.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

LINUX_DEV = Path("/dev")
LINUX_SYSFS = Path("/sys/class/video4linux")
MAX_PROBED_INDEX = 5
"""Indices tried on Windows and macOS, where no device list is cheap to read."""

_VIDEO_NODE = re.compile(r"^video(\d+)$")


@dataclass(frozen=True)
class CameraChoice:
    """One entry of the camera chooser.

    Attributes:
        spec: what `app.capture.camera.open_source` opens: a camera index or a file/folder path.
        label: what the operator reads, e.g. ``Kamera 0 — Integrated Camera`` or ``Folder: foto``.
    """

    spec: int | str
    label: str

    @property
    def is_camera(self) -> bool:
        return isinstance(self.spec, int)


def list_cameras(configured: Iterable[str | int] = (), *, dev_dir: Path = LINUX_DEV,
                 sysfs_dir: Path = LINUX_SYSFS, platform: str = sys.platform,
                 max_index: int = MAX_PROBED_INDEX) -> list[CameraChoice]:
    """The webcams found, then the configured file/folder sources that exist (each once, in that order)."""
    if platform.startswith("linux"):
        found = _linux_cameras(dev_dir, sysfs_dir)
    elif platform.startswith(("win", "darwin")):
        found = _probed_cameras(platform, max_index)
    else:
        found = []
    seen = {choice.spec for choice in found}
    for spec in configured:
        choice = source_choice(spec)
        if choice is not None and choice.spec not in seen:
            seen.add(choice.spec)
            found.append(choice)
    return found


def source_choice(spec: str | int) -> CameraChoice | None:
    """A configured source as a chooser entry: a camera index, or a file/folder that exists (else None)."""
    if isinstance(spec, int) or str(spec).strip().isdigit():
        index = int(spec)
        return CameraChoice(index, f"Kamera {index}")
    text = str(spec).strip()
    if not text or "://" in text:
        return None
    path = Path(text).expanduser()
    if path.is_dir():
        return CameraChoice(str(path), f"Folder: {path.name}")
    if path.is_file():
        return CameraChoice(str(path), f"Berkas: {path.name}")
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""


def _linux_cameras(dev_dir: Path, sysfs_dir: Path) -> list[CameraChoice]:
    try:
        names = os.listdir(dev_dir)
    except OSError:
        return []
    out = []
    for index in sorted(int(m.group(1)) for m in map(_VIDEO_NODE.match, names) if m):
        node = sysfs_dir / f"video{index}"
        if _read(node / "index") not in ("", "0"):
            continue  # the metadata node of a webcam listed already
        name = " ".join(_read(node / "name").split())[:60]
        out.append(CameraChoice(index, f"Kamera {index} — {name}" if name else f"Kamera {index}"))
    return out


def _probed_cameras(platform: str, max_index: int) -> list[CameraChoice]:
    import cv2

    apis = [cv2.CAP_DSHOW, cv2.CAP_MSMF] if platform.startswith("win") else [cv2.CAP_AVFOUNDATION]
    out = []
    for index in range(max(0, max_index)):
        for api in apis:
            cap = cv2.VideoCapture(index, api)
            try:
                if cap.isOpened():
                    out.append(CameraChoice(index, f"Kamera {index}"))
                    break
            finally:
                cap.release()
    return out
