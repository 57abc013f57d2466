"""Photo quality checks: one frame in, a list of findings for the operator out.

`assess(frame, expected_background=None, thresholds=None)` runs every check
on a preview frame and returns a `QualityReport` (findings, face box, eye
angle, measured metrics). Findings reuse `app.core.findings.Finding` with
field ``photo``; ``photo.no_face`` and ``photo.multiple_faces`` are errors
(no photo can be cut), every other finding is a warning: the checks are
heuristics, so the operator may confirm a warning with a reason.

All thresholds live in `QualityThresholds`. They were calibrated on the
public-domain test photos (tests/data/faces) cut as 640x480 webcam frames and
on faults made from them (tests/capture/cases.py). The table is reprinted by
``.venv/bin/python tests/benchmarks/bench_capture.py --calibrate``; numbers
from OpenCV 4.14:

Sharpness: variance of the Laplacian of the inner face (grey, resized to 128 px
    wide, contrast stretched 1st-99th percentile so dark faces are not "blurred").
    Sharp frames: obama 5190, biden 2510, obama-480p 4580; every unblurred case
    >= 2510 (dark x0.22: 5680). Gaussian blur of the frame: sigma 1.5 -> 385-759,
    sigma 2 -> 252-491, sigma 3 -> 160-270, sigma 4 -> 106-179.
    `min_sharpness` = 350: flags sigma >= 3 on all three photos, sigma 2 on two
    of three, never sigma 1.5 (a soft webcam must not nag), 7x below sharp frames.

Brightness: mean grey of the inner face. Photos 103-152 (biden, in shade, 103);
    dark case (x0.22) 33; bright case (x1.9 + 90) 250 with 89 % of pixels >= 250.
    Limits 55 and 215, clipped share 0.25 (photos: 0.0 %).

Uneven light: |left third - right third| / brighter third of the inner face.
    Photos 0.10-0.22 (biden's natural side light 0.19); side-lit case (gain
    1.1 -> 0.3 across the face) 0.47. Limit 0.30.

Size and position: face box height / frame height: photos 0.27-0.44; shrunk
    0.4x 0.21; zoomed 1.8x 0.77. Limits 0.24 and 0.65. Centre |cx/W - 0.5|:
    photos 0.03-0.11, shifted 190 px 0.33, limit 0.15; cy/H: photos 0.22-0.51,
    allowed 0.18-0.62.

Tilt: angle of the eye line. obama 1.4, obama-480p 2.0, rotated 20 degrees
    -> 21.0. Limit 8 degrees (the roll tolerance of ISO/IEC 19794-5 best
    practice). biden measures 9.3: his head really is tilted in that photo, so
    his frame gets the (warning) finding.

Background: pixels beside the head (and above it when there is room) of the
    320 px detection image, HSV classes: merah H <= 8 or >= 165, oranye 9-22,
    biru 95-130, each with S >= 70 and V >= 45; other hues 'lain', unsaturated
    or dark 'netral'. obama's curtains: 100 % merah, Canny edge density
    0.07-0.12 (folds); painted blue: 100 % biru; striped shelf: largest class
    33 %; fine red pattern: 100 % merah but edges 0.26. Wrong colour when the
    expected class covers < 50 %; not uniform when the largest class covers
    < 60 % or edges > 0.18.

Glasses: dark-line response across the bridge of the nose, between the eyes,
    over the face contrast. Clean faces and their variants 0.03-0.26; drawn
    frames (rims, bridge and arms at 1.5 % of the face width) 1.98-2.11 on
    all three photos. Limit 0.7. Rimless or thin metal frames are not seen by
    this heuristic; very thick dark frames (>= 2.5 % of the face width) can
    hide the face from the cascade, then the finding is photo.no_face.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

import cv2
import numpy as np

from app.capture.face import Box, Detection, Eyes, FaceDetector, default_detector
from app.core.findings import Finding, Severity, finding
from app.core.messages import PHOTO

FIELD = "photo"

BACKGROUND_CLASSES = ("merah", "oranye", "biru", "lain", "netral")


@dataclass(frozen=True)
class QualityThresholds:
    """Every tunable limit of the photo checks (defaults calibrated, see module doc)."""

    # Faces
    second_face_min_ratio: float = 0.5  # other faces smaller than this x subject height are ignored
    face_min_height: float = 0.24  # face box height / frame height
    face_max_height: float = 0.65
    max_centre_offset_x: float = 0.15  # |face centre x / width - 0.5|
    centre_y_min: float = 0.18  # face centre y / height
    centre_y_max: float = 0.62
    max_eye_angle_deg: float = 8.0
    # Sharpness and light (inner face, grey)
    min_sharpness: float = 350.0  # variance of the Laplacian, face 128 px wide, contrast stretched
    min_brightness: float = 55.0
    max_brightness: float = 215.0
    max_clipped_fraction: float = 0.25  # share of face pixels >= 250
    max_light_imbalance: float = 0.30  # |left - right| / max(left, right)
    # Background
    min_background_pixels: int = 150  # fewer sampled pixels: no background verdict
    min_expected_colour_fraction: float = 0.5
    min_background_purity: float = 0.6
    max_background_edges: float = 0.18  # Canny edge pixels / sampled pixels
    saturation_min: int = 70  # HSV S for a coloured pixel
    value_min: int = 45  # HSV V for a coloured pixel
    # Glasses
    max_bridge_line: float = 0.7


DEFAULT_THRESHOLDS = QualityThresholds()


CODES = frozenset(PHOTO)
"""Every finding code `assess` can give (their templates: app/core/messages.py)."""

COLOUR_LABELS = {
    "merah": "merah",
    "oranye": "oranye",
    "biru": "biru",
    "lain": "warna lain",
    "netral": "abu-abu/putih/hitam",
}


@dataclass
class QualityReport:
    """What `assess` found in one frame.

    Attributes:
        findings: problems for the operator (empty = a good photo).
        face_box: the subject's face (x, y, w, h) in frame pixels, or None.
        eye_angle_deg: roll of the eye line, or None when the eyes were not found.
        metrics: every measured value (for calibration, logs and the UI's hints).
    """

    findings: list[Finding] = field(default_factory=list)
    face_box: tuple[int, int, int, int] | None = None
    eye_angle_deg: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)


def _colour_name(value: Any) -> str | None:
    """Accept a `BackgroundColour` enum (value 'biru'/'merah'/'oranye') or the string."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    text = str(value).strip().lower()
    if text not in ("merah", "oranye", "biru"):
        raise ValueError(f"unknown background colour: {value!r}")
    return text


# ----------------------------------------------------------------- measures

_FACE_NORM_W = 128


def _inner_face(grey: np.ndarray, face: Box) -> np.ndarray | None:
    """The inside of the face box (no hair, no background), resized to 128 px wide."""
    H, W = grey.shape[:2]
    x0 = max(0, int(face.x + 0.15 * face.w))
    x1 = min(W, int(face.x + 0.85 * face.w))
    y0 = max(0, int(face.y + 0.10 * face.h))
    y1 = min(H, int(face.y + 0.92 * face.h))
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    roi = grey[y0:y1, x0:x1]
    k = _FACE_NORM_W / roi.shape[1]
    interp = cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
    return cv2.resize(roi, (_FACE_NORM_W, max(8, int(round(roi.shape[0] * k)))), interpolation=interp)


def sharpness(inner: np.ndarray) -> float:
    """Variance of the Laplacian after stretching the face to full contrast (higher = sharper).

    The stretch (1st-99th percentile to 0-255) keeps a dark or flat-lit face
    from reading as blurred: the raw variance scales with contrast squared.
    """
    lo, hi = np.percentile(inner, (1, 99))
    span = max(float(hi - lo), 8.0)
    stretched = (inner.astype(np.float32) - float(lo)) * (255.0 / span)
    lap = cv2.Laplacian(stretched, cv2.CV_32F, ksize=3)
    return float(lap.var())


def light_measures(inner: np.ndarray) -> tuple[float, float, float]:
    """(mean grey, share of clipped pixels >= 250, left/right imbalance)."""
    mean = float(inner.mean())
    clipped = float(np.count_nonzero(inner >= 250)) / inner.size
    third = inner.shape[1] // 3
    left = float(inner[:, :third].mean())
    right = float(inner[:, -third:].mean())
    imbalance = abs(left - right) / max(left, right, 1.0)
    return mean, clipped, imbalance


def bridge_line(grey: np.ndarray, face: Box, eyes: Eyes | None) -> float:
    """Dark-line response across the bridge of the nose, relative to the face contrast.

    Spectacles put a dark horizontal bar (the bridge) between the eyes, a bit
    above their centres, where a bare face has smooth skin. For each row of a
    narrow band between the eyes: mean(row - 3) + mean(row + 3) - 2 mean(row)
    (positive for a dark line); the maximum over the rows is divided by the
    standard deviation of the inner face.
    """
    if eyes is not None:
        mx, my = eyes.midpoint
        d = max(eyes.distance, 0.2 * face.w)
    else:
        mx, my = face.cx, face.y + 0.38 * face.h
        d = 0.36 * face.w
    H, W = grey.shape[:2]
    half_w = 0.16 * d
    x0, x1 = int(max(0, mx - half_w)), int(min(W, mx + half_w))
    y0, y1 = int(max(0, my - 0.35 * d)), int(min(H, my + 0.12 * d))
    if x1 - x0 < 3 or y1 - y0 < 8:
        return 0.0
    band = grey[y0:y1, x0:x1].astype(np.float32)
    # Normalise the band to a fixed height so the row step is scale-free.
    band = cv2.resize(band, (16, 40), interpolation=cv2.INTER_AREA)
    rows = band.mean(axis=1)
    step = 3
    line = rows[:-2 * step] + rows[2 * step:] - 2.0 * rows[step:-step]
    inner = _inner_face(grey, face)
    contrast = float(inner.std()) if inner is not None else 1.0
    return float(max(0.0, line.max()) / max(contrast, 1.0))


def _background_regions(shape: tuple[int, int], face: Box) -> list[tuple[int, int, int, int]]:
    """Rectangles (x0, y0, x1, y1) beside the head, and above it when there is room."""
    H, W = shape
    gap, width = 0.25 * face.w, 0.4 * face.w
    top = face.y - 0.45 * face.h
    bottom = face.y + 0.9 * face.h
    regions = [
        (face.x - gap - width, top, face.x - gap, bottom),
        (face.x + face.w + gap, top, face.x + face.w + gap + width, bottom),
    ]
    crown = face.y - 0.35 * face.h
    above_h = 0.25 * face.h
    if crown - above_h >= 0:
        regions.append((face.x + 0.1 * face.w, crown - above_h, face.x + 0.9 * face.w, crown))
    out = []
    for x0, y0, x1, y1 in regions:
        x0, y0 = int(max(0, x0)), int(max(0, y0))
        x1, y1 = int(min(W, x1)), int(min(H, y1))
        if x1 - x0 >= 3 and y1 - y0 >= 3:
            out.append((x0, y0, x1, y1))
    return out


def classify_hsv(hsv: np.ndarray, t: QualityThresholds = DEFAULT_THRESHOLDS) -> np.ndarray:
    """Per-pixel class index into `BACKGROUND_CLASSES` for an (N, 3) HSV array."""
    h = hsv[:, 0].astype(np.int16)
    s = hsv[:, 1]
    v = hsv[:, 2]
    coloured = (s >= t.saturation_min) & (v >= t.value_min)
    cls = np.full(h.shape, 3, np.uint8)  # lain
    cls[coloured & ((h <= 8) | (h >= 165))] = 0  # merah
    cls[coloured & (h >= 9) & (h <= 22)] = 1  # oranye
    cls[coloured & (h >= 95) & (h <= 130)] = 2  # biru
    cls[~coloured] = 4  # netral
    return cls


def background_measures(small_bgr: np.ndarray, face_small: Box,
                        t: QualityThresholds = DEFAULT_THRESHOLDS) -> dict[str, Any]:
    """Colour classes and edge density of the background regions (detection-size image)."""
    regions = _background_regions(small_bgr.shape[:2], face_small)
    pixels = []
    edges = 0
    total = 0
    for x0, y0, x1, y1 in regions:
        patch = small_bgr[y0:y1, x0:x1]
        pixels.append(cv2.cvtColor(patch, cv2.COLOR_BGR2HSV).reshape(-1, 3))
        grey = cv2.cvtColor(patch, cv2.COLOR_BGR2GRAY)
        edges += int(np.count_nonzero(cv2.Canny(grey, 80, 160)))
        total += grey.size
    if total == 0:
        return {"background_pixels": 0}
    hsv = np.concatenate(pixels)
    counts = np.bincount(classify_hsv(hsv, t), minlength=len(BACKGROUND_CLASSES)).astype(float)
    fractions = counts / counts.sum()
    top = int(np.argmax(fractions))
    return {
        "background_pixels": int(total),
        "background_regions": len(regions),
        "background_fractions": {name: round(float(f), 3)
                                 for name, f in zip(BACKGROUND_CLASSES, fractions)},
        "background_colour": BACKGROUND_CLASSES[top],
        "background_purity": float(fractions[top]),
        "background_edges": edges / float(total),
    }


# ----------------------------------------------------------------- assess

FIND_EYES = object()
"""`assess(eyes=...)` default: look for the eyes on the frame itself."""


def assess(
    frame: np.ndarray,
    expected_background: Any = None,
    thresholds: QualityThresholds | None = None,
    *,
    detector: FaceDetector | None = None,
    detection: Detection | None = None,
    eyes: Eyes | None | object = FIND_EYES,
) -> QualityReport:
    """Check one BGR frame for a pas foto and list what is wrong.

    Args:
        frame: a BGR image, e.g. a 640x480 webcam frame.
        expected_background: 'biru' / 'merah' / 'oranye' or a `BackgroundColour`;
            None skips the colour check (uniformity is still checked).
        thresholds: limits; defaults to `QualityThresholds()`.
        detector: the face detector (default: one per thread).
        detection: a detection of this frame already made by the caller.
        eyes: the subject's eyes as the caller knows them (`app.capture.preview`
            follows them between frames); by default they are looked for here.
    """
    t = thresholds or DEFAULT_THRESHOLDS
    expected = _colour_name(expected_background)
    if frame.ndim == 2:
        frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    det = detector or default_detector()
    found = detection if detection is not None else det.detect(frame)
    H, W = frame.shape[:2]
    report = QualityReport()
    m = report.metrics
    m["frame_size"] = (W, H)
    m["checked"] = "full"  # `app.capture.preview` marks its reports "preview"
    m["faces_found"] = len(found.faces)
    m["cascade"] = found.cascade
    findings = report.findings

    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    face = found.subject
    if face is None:
        findings.append(finding("photo.no_face", FIELD, Severity.ERROR))
        raw_mean = float(cv2.mean(grey)[0])
        m["frame_brightness"] = raw_mean
        # Without a face, say at least whether the scene is too dark or too bright.
        if raw_mean < t.min_brightness:
            findings.append(finding("photo.too_dark", FIELD, Severity.WARNING))
        elif raw_mean > t.max_brightness:
            findings.append(finding("photo.too_bright", FIELD, Severity.WARNING))
        return report

    report.face_box = face.as_tuple()
    others = [f for f in found.faces[1:] if f.h >= t.second_face_min_ratio * face.h]
    m["faces_counted"] = 1 + len(others)
    if others:
        findings.append(finding("photo.multiple_faces", FIELD, Severity.ERROR))

    # Size and position.
    height_frac = face.h / float(H)
    offset_x = face.cx / float(W) - 0.5
    centre_y = face.cy / float(H)
    m.update(face_height=height_frac, centre_offset_x=offset_x, centre_y=centre_y)
    if height_frac < t.face_min_height:
        findings.append(finding("photo.face_too_small", FIELD, Severity.WARNING))
    elif height_frac > t.face_max_height:
        findings.append(finding("photo.face_too_large", FIELD, Severity.WARNING))
    if abs(offset_x) > t.max_centre_offset_x or not t.centre_y_min <= centre_y <= t.centre_y_max:
        findings.append(finding("photo.off_centre", FIELD, Severity.WARNING))

    # Tilt.
    if eyes is FIND_EYES:
        eyes = det.find_eyes(grey, face)
    if eyes is not None:
        report.eye_angle_deg = eyes.angle_deg
        m["eye_angle_deg"] = eyes.angle_deg
        if abs(eyes.angle_deg) > t.max_eye_angle_deg:
            findings.append(finding("photo.tilted", FIELD, Severity.WARNING, angle=f"{abs(eyes.angle_deg):.0f}"))

    # Sharpness and light on the inner face.
    inner = _inner_face(grey, face)
    if inner is not None:
        sharp = sharpness(inner)
        mean, clipped, imbalance = light_measures(inner)
        m.update(sharpness=sharp, brightness=mean, clipped=clipped, light_imbalance=imbalance)
        if sharp < t.min_sharpness:
            findings.append(finding("photo.blurred", FIELD, Severity.WARNING))
        if mean < t.min_brightness:
            findings.append(finding("photo.too_dark", FIELD, Severity.WARNING))
        elif mean > t.max_brightness or clipped > t.max_clipped_fraction:
            findings.append(finding("photo.too_bright", FIELD, Severity.WARNING))
        if imbalance > t.max_light_imbalance:
            findings.append(finding("photo.uneven_light", FIELD, Severity.WARNING))

    # Background, on the detection-size image.
    small_bgr = found.small_bgr
    if small_bgr is None:
        small_bgr, _ = det.shrink(frame)
    bg = background_measures(small_bgr, face.scaled(found.scale), t)
    m.update(bg)
    if bg.get("background_pixels", 0) >= t.min_background_pixels:
        if bg["background_purity"] < t.min_background_purity or bg["background_edges"] > t.max_background_edges:
            findings.append(finding("photo.background_not_uniform", FIELD, Severity.WARNING))
        if expected is not None and bg["background_fractions"][expected] < t.min_expected_colour_fraction:
            # The right colour most seen but covering too little: "should be red, seen red" would confuse.
            seen = {} if bg["background_colour"] == expected else {"seen": COLOUR_LABELS[bg["background_colour"]]}
            findings.append(finding("photo.background_wrong_colour", FIELD, Severity.WARNING,
                                    expected=expected, **seen))

    # Glasses.
    bridge = bridge_line(grey, face, eyes)
    m["bridge_line"] = bridge
    if bridge > t.max_bridge_line:
        findings.append(finding("photo.glasses", FIELD, Severity.WARNING))
    return report


def frame_score(report: QualityReport) -> float:
    """How good a frame is as a pas foto, to keep the best one when the checks keep failing (higher is better).

    A face counts most (a portrait can be cut around it), several faces count
    against; then every failed check costs the same, and among frames with the
    same checks the sharper, straighter and better lit one wins. Used by the
    camera thread to keep the best frame for a photo with an exception.
    """
    m = report.metrics
    score = 0.0
    if report.face_box is not None:
        score += 100.0
    codes = report.codes
    if "photo.multiple_faces" in codes:
        score -= 60.0
    score -= 10.0 * sum(1 for f in report.findings if f.severity is Severity.WARNING)
    score += min(float(m.get("sharpness", 0.0)), 2000.0) / 400.0  # 0-5
    if report.eye_angle_deg is not None:
        score -= min(abs(report.eye_angle_deg), 45.0) / 9.0  # 0-5
    brightness = m.get("brightness", m.get("frame_brightness"))
    if brightness is not None:
        score -= min(abs(float(brightness) - 130.0), 130.0) / 26.0  # 0-5
    return score


def thresholds_from_dict(data: dict[str, Any]) -> QualityThresholds:
    """Build thresholds from a settings dict, ignoring unknown keys (settings may be older/newer)."""
    known = set(asdict(DEFAULT_THRESHOLDS))
    return QualityThresholds(**{k: v for k, v in data.items() if k in known})
