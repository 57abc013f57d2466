"""Benchmark: how long the GUI thread is blocked per photo take (standalone script, not a test).

The photo step runs with a real MJPG video as its camera (offscreen). A 2 ms
`QTimer` heartbeat runs on the GUI thread; the longest gap between two beats
from the press until the review page shows is the time the window could not
answer (paint, keys) during that take.

  * before: the take as `PhotoStep.capture()` did it until now, all on the GUI
    thread: the re-check and the portrait crop (`photo_take.run_take`), then the
    review page;
  * after: `PhotoStep.capture()` as it is now: the re-check and the crop run
    on the global thread pool, the GUI thread only starts the take and shows
    the review page.

Both run interleaved in the same process, so a busy machine weighs on both alike;
the same gap over windows with no take ("idle") shows what the load alone costs.
What remains "after" is mostly the worker holding the GIL in the Python parts of
the checks, and the review page's first paint.

Usage: .venv/bin/python tests/benchmarks/bench_photo_take.py [--takes N]
The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.capture.face import FaceDetector  # noqa: E402
from app.ui.widgets.photo_step import PhotoStep  # noqa: E402
from app.ui.widgets.photo_take import TakeJob, run_take  # noqa: E402

_spec = importlib.util.spec_from_file_location("capture_cases", ROOT / "tests" / "capture" / "cases.py")
cases = importlib.util.module_from_spec(_spec)
sys.modules["capture_cases"] = cases
_spec.loader.exec_module(cases)

BEAT_MS = 2


class Heartbeat:
    """Beats of a GUI-thread timer; `longest_gap_ms(t0, t1)` is the longest stall in a window."""

    def __init__(self) -> None:
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start()

    def longest_gap_ms(self, t0: float, t1: float) -> float:
        inside = [b for b in self.beats if t0 <= b <= t1]
        points = [t0, *inside, t1]
        return max(b - a for a, b in zip(points, points[1:])) * 1000.0


def spin(app: QApplication, until, timeout_s: float = 20.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not until():
        if time.perf_counter() > deadline:
            raise TimeoutError("the photo step did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def back_to_live(app: QApplication, step: PhotoStep, frames: list) -> None:
    """Retake, then wait for two fresh frames on the live page."""
    step.retake()
    seen = len(frames)
    spin(app, lambda: step.page == "live" and len(frames) >= seen + 2 and step.capture_button.isEnabled())


def take_before(app: QApplication, step: PhotoStep, detector: FaceDetector, beat: Heartbeat) -> float:
    """The old capture(): re-check and crop on the GUI thread, then the review page."""
    image = step.preview.image()

    def old_capture() -> None:
        outcome = run_take(TakeJob("camera", image=image, expected=step.expected_colour(),
                                   thresholds=step.camera.thresholds), detector)
        step._on_take_finished(outcome)  # shows the review page as capture() did

    t0 = time.perf_counter()
    QTimer.singleShot(0, old_capture)
    spin(app, lambda: step.page == "review")
    app.processEvents()
    return beat.longest_gap_ms(t0, time.perf_counter())


def idle_window(app: QApplication, beat: Heartbeat, seconds: float = 0.15) -> float:
    """The longest gap with the preview running and no take: what the machine's load alone costs."""
    t0 = time.perf_counter()
    spin(app, lambda: time.perf_counter() - t0 >= seconds)
    return beat.longest_gap_ms(t0, time.perf_counter())


def take_after(app: QApplication, step: PhotoStep, beat: Heartbeat) -> float:
    started = []
    t0 = time.perf_counter()
    QTimer.singleShot(0, lambda: started.append(step.capture()))
    spin(app, lambda: started and step.page == "review")
    app.processEvents()
    assert started == [True]
    return beat.longest_gap_ms(t0, time.perf_counter())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--takes", type=int, default=12, help="takes of each kind (default 12)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        video = cases.write_video(Path(tmp) / "clean.avi", [cases.clean()], repeat=20)
        step = PhotoStep()
        step.resize(900, 560)
        step.show()
        frames: list[int] = []
        step.camera.frameReady.connect(lambda *_a: frames.append(1))
        step.start_camera(str(video))
        spin(app, lambda: step.capture_button.isEnabled())
        detector = FaceDetector()
        beat = Heartbeat()
        before, after, idle = [], [], []
        take_after(app, step, beat)  # warm-up: the pool thread, the worker's detector
        back_to_live(app, step, frames)
        for _ in range(args.takes):  # interleaved
            before.append(take_before(app, step, detector, beat))
            back_to_live(app, step, frames)
            after.append(take_after(app, step, beat))
            back_to_live(app, step, frames)
            idle.append(idle_window(app, beat))
        step.stop_camera()
        step.deleteLater()
        app.processEvents()

    def p90(values: list[float]) -> float:
        return sorted(values)[max(0, round(0.9 * len(values)) - 1)]

    med_b, med_a = statistics.median(before), statistics.median(after)
    print(f"GUI thread blocked per take, {args.takes} takes each (longest gap of a {BEAT_MS} ms heartbeat):")
    print(f"  before (check + crop on the GUI thread): median {med_b:.1f} ms, p90 {p90(before):.1f} ms, "
          f"max {max(before):.1f} ms")
    print(f"  after  (check + crop on the pool):       median {med_a:.1f} ms, p90 {p90(after):.1f} ms, "
          f"max {max(after):.1f} ms")
    print(f"  no take (preview only, 150 ms windows):  median {statistics.median(idle):.1f} ms, "
          f"p90 {p90(idle):.1f} ms (the machine's own stalls)")
    print(json.dumps({
        "gui_blocked_ms_before": round(med_b, 1),
        "gui_blocked_ms_after": round(med_a, 1),
        "gui_blocked_ms_before_p90": round(p90(before), 1),
        "gui_blocked_ms_after_p90": round(p90(after), 1),
        "gui_blocked_ms_idle": round(statistics.median(idle), 1),
        "takes": args.takes,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
