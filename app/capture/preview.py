"""The preview's checks at a camera's pace on one core: follow the face, search again often, eyes when still.

`PreviewChecker.check(frame, expected, thresholds)` gives, for a stream of
frames, the `QualityReport` that `quality.assess` gives (the same function
judges both, from the same measures) at a fraction of the work:

* the full face search (`FaceDetector.detect`, the dear part: 12-45 ms on one
  core) runs on the first frame, every `detect_every` frames (6: five times a
  second at 30 fps), when the scene changes (mean grey difference of a 16x12
  thumbnail above `scene_change`) and when the face is lost. The search due on
  the same scene with a face skips faces too small to count beside it (below
  0.8 x `second_face_min_ratio` of its height): the same boxes, about a third
  less work. In between the face is followed with `FaceDetector.find_near` (a
  window around the last box, sizes near the last one: a few ms); further
  faces and "no face" carry over from the last full search until the next
  one (at most 1/5 s at 30 fps).
* the cheap checks (size, position, sharpness, light, background, the glasses
  bridge line) run on every frame, at the followed face.
* the eye search (tilt, and where the bridge line is measured; ~8 ms) runs on
  the first frame of a face, then when the face is still (within the cascade's
  jitter of where it was: it then keeps its box, so a still face is measured
  on the box of the last full search, as `assess` measures it) at most every
  `eyes_every` frames, and at latest after `eyes_max_age` frames. Between
  searches the eyes are carried in face-box units onto the followed face.

The photo that is taken is always checked in full: `quality.assess` on
exactly that frame (app/ui/widgets/photo_take.py). A preview report says
``metrics["checked"] == "preview"``, whether this frame had a full search
(``full_search``) and how many frames old its eyes are (``eyes_age``).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from app.capture import quality
from app.capture.face import Box, Detection, Eyes, FaceDetector

_COUNTED_SLACK = 0.8
"""A due search beside a followed face looks for faces down to 0.8 x the smallest that counts
(`second_face_min_ratio` of the face): room for the cascade's jitter. A smaller face can never
be the subject either (`order_subjects`: a face of half the height has a quarter of the area)."""

_THUMB = (16, 12)  # coarse: a face moving 16 px a frame differs by ~13, another scene by 26-195


def _to_face_units(eyes: Eyes, face: Box) -> tuple[tuple[float, float], tuple[float, float]]:
    def rel(p: tuple[float, float]) -> tuple[float, float]:
        return ((p[0] - face.x) / face.w, (p[1] - face.y) / face.h)
    return rel(eyes.left), rel(eyes.right)


def _from_face_units(rel: tuple[tuple[float, float], tuple[float, float]], face: Box) -> Eyes:
    def back(p: tuple[float, float]) -> tuple[float, float]:
        return (face.x + p[0] * face.w, face.y + p[1] * face.h)
    return Eyes(back(rel[0]), back(rel[1]))


class PreviewChecker:
    """Checks consecutive preview frames of one source (see module doc). One per thread.

    Args:
        detector: the face detector (its cascades belong to the calling thread).
        detect_every: frames between full face searches.
        eyes_every: frames between eye searches while the face is still.
        eyes_max_age: frames after which the eyes are searched even on a moving face.
        still_centre, still_size: a followed face whose centre moved at most `still_centre` and
            whose width changed at most `still_size` face widths (the cascade's own jitter,
            measured on identical frames up to 0.05 and 0.10) is still and keeps its box.
        scene_change: mean grey difference (0-255) of the thumbnails that forces a full search.

    Attributes:
        frames, full_searches, eye_searches: counters since the last `reset`.
    """

    def __init__(self, detector: FaceDetector | None = None, *, detect_every: int = 6,
                 eyes_every: int = 3, eyes_max_age: int = 15, still_centre: float = 0.08,
                 still_size: float = 0.12,
                 scene_change: float = 20.0) -> None:
        self.detector = detector or FaceDetector()
        self.detect_every = max(1, int(detect_every))
        self.eyes_every = max(1, int(eyes_every))
        self.eyes_max_age = max(1, int(eyes_max_age))
        self.still_centre = float(still_centre)
        self.still_size = float(still_size)
        self.scene_change = float(scene_change)
        self.reset()

    def reset(self) -> None:
        """Forget what was seen (a new source): the next frame gets every check from scratch."""
        self.frames = self.full_searches = self.eye_searches = 0
        self._last_full = -(10 ** 9)
        self._faces: tuple[Box, ...] = ()
        self._cascade = "none"
        self._thumb: np.ndarray | None = None
        self._eyes_rel: tuple[tuple[float, float], tuple[float, float]] | None = None
        self._eyes_at: int | None = None

    def _within_jitter(self, box: Box, prev: Box) -> bool:
        """`box` is `prev` again, within the cascade's jitter: the face is still."""
        w = float(prev.w)
        return (max(abs(box.cx - prev.cx), abs(box.cy - prev.cy)) <= self.still_centre * w
                and abs(box.w - prev.w) <= self.still_size * w)

    def check(self, frame: np.ndarray, expected_background: Any = None,
              thresholds: quality.QualityThresholds | None = None) -> quality.QualityReport:
        """The report for the next frame of the stream (the same findings `quality.assess` gives)."""
        if frame.ndim == 2:
            frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
        det = self.detector
        self.frames += 1
        n = self.frames
        small, scale, grey_eq = det.prepare(frame)
        thumb = cv2.cvtColor(cv2.resize(small, _THUMB, interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2GRAY)
        changed = (self._thumb is None or thumb.shape != self._thumb.shape
                   or float(cv2.absdiff(thumb, self._thumb).mean()) > self.scene_change)
        self._thumb = thumb
        prev = self._faces[0] if self._faces else None
        subject: Box | None = None
        full = changed or n - self._last_full >= self.detect_every
        if not full and prev is not None:
            near = det.find_near(grey_eq, scale, prev)
            full = near is None  # lost: search the whole frame
            # The cascade's box jitters by several per cent from frame to frame (the window
            # grid moves with the search area): a face that stays within that keeps its box.
            subject = prev if near is not None and self._within_jitter(near, prev) else near
        if full:
            found = None
            if prev is not None and not changed and n - self._last_full >= self.detect_every:
                # Due on the same scene with a face: faces too small to count beside it nor to be
                # chosen over it are not looked for (the same boxes, about a third less work).
                t = thresholds or quality.DEFAULT_THRESHOLDS
                found = det.detect(frame, (small, scale, grey_eq),
                                   min_height=int(_COUNTED_SLACK * t.second_face_min_ratio * prev.h))
            if found is None or not found.faces:
                found = det.detect(frame, (small, scale, grey_eq))
            self._last_full = n
            self.full_searches += 1
            self._faces, self._cascade = found.faces, found.cascade
            subject = found.subject
        else:
            if subject is not None:
                self._faces = (subject,) + self._faces[1:]
            found = Detection(self._faces, grey_eq, scale, small if small.ndim == 3 else None, self._cascade)

        still = False
        if subject is not None and prev is not None and not changed:
            moved = max(abs(subject.cx - prev.cx), abs(subject.cy - prev.cy))
            if moved > 0.5 * subject.w:
                self._eyes_at = self._eyes_rel = None  # another face: its eyes are not known yet
            still = self._within_jitter(subject, prev)
        elif changed:
            self._eyes_at = self._eyes_rel = None

        eyes: Eyes | None = None
        age: int | None = None
        if subject is not None:
            age = None if self._eyes_at is None else n - self._eyes_at
            due = age is None or age >= self.eyes_max_age or (still and age >= self.eyes_every)
            if due and not (full and age is not None):  # spread the dear work over frames
                grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
                found_eyes = det.find_eyes(grey, subject)
                self._eyes_rel = _to_face_units(found_eyes, subject) if found_eyes is not None else None
                self._eyes_at, age = n, 0
                self.eye_searches += 1
            if self._eyes_rel is not None:
                eyes = _from_face_units(self._eyes_rel, subject)

        report = quality.assess(frame, expected_background, thresholds, detector=det,
                                detection=found, eyes=eyes)
        m = report.metrics
        m["checked"] = "preview"
        m["full_search"] = full
        m["still"] = still
        m["eyes_age"] = age
        return report
