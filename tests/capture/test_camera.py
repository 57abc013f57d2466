"""Frame sources on real files: images, folders, MJPG videos, missing devices, lost streams."""

from __future__ import annotations

import os
import time

import cv2
import numpy as np
import pytest

from app.capture.camera import (
    CameraLost,
    CameraSource,
    CameraUnavailable,
    CaptureError,
    FolderSource,
    ImageSource,
    VideoFileSource,
    open_source,
)


def _solid(value: int, size=(120, 160)) -> np.ndarray:
    return np.full((size[0], size[1], 3), value, np.uint8)


def _write_pngs(folder, values):
    folder.mkdir()
    for i, v in enumerate(values):
        cv2.imwrite(str(folder / f"{i:02d}.png"), _solid(v))
    return folder


def _numbered_frames(n: int) -> list[np.ndarray]:
    """Frames whose mean grey level tells their index (MJPG keeps flat levels)."""
    return [_solid(10 + 5 * i, (96, 128)) for i in range(n)]


def _level(frame: np.ndarray) -> int:
    return int(round((float(frame.mean()) - 10) / 5))


# ------------------------------------------------------------------ image

def test_image_source_repeats_the_frame_as_fresh_copies(tmp_path, cases):
    path = tmp_path / "face.jpg"
    cv2.imwrite(str(path), cases.clean())
    with ImageSource(path) as src:
        a = src.read()
        a[:] = 0  # the caller draws on its frame
        b = src.read()
    assert a.shape == (480, 640, 3)
    assert b.mean() > 50
    assert src.description == "Gambar: face.jpg"
    assert not src.is_open


def test_image_source_missing_and_broken_files(tmp_path):
    with pytest.raises(CameraUnavailable):
        ImageSource(tmp_path / "nope.jpg").open()
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg at all")
    with pytest.raises(CameraUnavailable, match="tidak bisa dibuka"):
        ImageSource(broken).open()


def test_read_before_open_is_an_error(tmp_path):
    with pytest.raises(CameraUnavailable, match="belum dibuka"):
        ImageSource(tmp_path / "x.jpg").read()


# ------------------------------------------------------------------ folder

def test_folder_source_cycles_in_name_order(tmp_path):
    folder = _write_pngs(tmp_path / "shots", [30, 90, 150])
    with FolderSource(folder) as src:
        seen = [int(src.read().mean()) for _ in range(7)]
    assert seen == [30, 90, 150, 30, 90, 150, 30]


def test_folder_source_skips_a_vanished_file(tmp_path):
    folder = _write_pngs(tmp_path / "shots", [30, 90, 150])
    with FolderSource(folder) as src:
        assert int(src.read().mean()) == 30
        os.remove(folder / "01.png")
        seen = [int(src.read().mean()) for _ in range(4)]
    assert seen == [150, 30, 150, 30]


def test_folder_whose_files_all_vanish_is_lost(tmp_path):
    folder = _write_pngs(tmp_path / "shots", [30, 90])
    src = FolderSource(folder)
    src.open()
    src.read()
    for p in folder.iterdir():
        p.unlink()
    with pytest.raises(CameraLost) as info:
        src.read()
    assert "hilang" in str(info.value)
    assert not src.is_open


def test_empty_folder_is_unavailable(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("bukan gambar")
    with pytest.raises(CameraUnavailable, match="tidak berisi gambar"):
        FolderSource(tmp_path / "empty").open()


# ------------------------------------------------------------------ video

@pytest.fixture
def video(tmp_path, cases):
    return cases.write_video(tmp_path / "cam.avi", _numbered_frames(12))


def test_mjpg_video_plays_to_the_end_without_loop(video):
    with VideoFileSource(video, loop=False) as src:
        frames = list(src.frames())
        assert src.finished
        assert src.read() is None
        assert src.nominal_fps == pytest.approx(15.0)
    assert [_level(f) for f in frames] == list(range(12))


def test_video_loops_like_a_demo_camera(video):
    with VideoFileSource(video, loop=True) as src:
        levels = [_level(f) for f in src.frames(limit=30)]
    assert levels[:12] == list(range(12))
    assert levels[12:24] == list(range(12))


def test_live_video_that_ends_is_a_lost_camera(video):
    src = VideoFileSource(video, live=True)
    src.open()
    read = 0
    with pytest.raises(CameraLost) as info:
        for _ in range(100):
            src.read()
            read += 1
    assert read == 12
    assert str(info.value).startswith("Kamera terputus")
    assert info.value.kind == "camera.lost"
    assert not src.is_open


def test_truncated_video_fails_mid_stream(tmp_path, cases):
    """A file cut in the middle (a stream that broke) raises CameraLost, never hangs."""
    path = cases.write_video(tmp_path / "cut.avi", [cases.clean()] * 40)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    src = VideoFileSource(path, live=True)
    src.open()
    read = 0
    with pytest.raises(CameraLost):
        for _ in range(200):
            frame = src.read()
            assert frame.shape == (480, 640, 3)
            read += 1
    assert 0 < read < 40


def test_missing_and_unreadable_video(tmp_path):
    with pytest.raises(CameraUnavailable, match="tidak ditemukan"):
        VideoFileSource(tmp_path / "gone.avi").open()
    fake = tmp_path / "fake.avi"
    fake.write_bytes(b"RIFF....AVI garbage" * 10)
    with pytest.raises(CameraUnavailable, match="video"):
        VideoFileSource(fake).open()


# ------------------------------------------------------------------ camera

def test_missing_camera_index_fails_fast():
    started = time.monotonic()
    with pytest.raises(CameraUnavailable) as info:
        CameraSource(9).open()
    assert time.monotonic() - started < 5.0  # generous: the point is "no hang"
    assert str(info.value).startswith("Kamera yang dipilih tidak ditemukan")
    assert isinstance(info.value, CaptureError)


def test_negative_camera_index_is_unavailable():
    with pytest.raises(CameraUnavailable):
        CameraSource(-3).open()


# ------------------------------------------------------------------ open_source

def test_open_source_chooses_by_spec(tmp_path, video):
    img = tmp_path / "a.JPG"
    cv2.imwrite(str(img), _solid(100))
    folder = _write_pngs(tmp_path / "dir", [10])
    assert isinstance(open_source(0), CameraSource)
    assert isinstance(open_source(" 2 "), CameraSource) and open_source("2").index == 2
    assert isinstance(open_source(str(img)), ImageSource)
    assert isinstance(open_source(folder), FolderSource)
    chosen = open_source(str(video))
    assert isinstance(chosen, VideoFileSource) and not chosen.live and not chosen.is_open
    assert open_source(str(video), live=True).live
    stream = open_source("rtsp://operator:rahasia@127.0.0.1:9/stream")
    assert stream.live and "rahasia" not in stream.description
    with pytest.raises(CameraUnavailable):
        open_source("   ")


def test_open_source_on_missing_path_fails_at_open(tmp_path):
    src = open_source(str(tmp_path / "missing.mp4"))
    with pytest.raises(CameraUnavailable):
        src.open()
