"""Hard cases for the capture tests, made from the public-domain test photos.

Every fault is produced by a known operation on a real photo (darken, blur,
rotate, repaint the background through a hand-traced mask...), so each test
knows exactly what is wrong with its frame. Also used by
tests/benchmarks/bench_capture.py.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

FACES_DIR = Path(__file__).resolve().parent.parent / "data" / "faces"
FRAME_W, FRAME_H = 640, 480

# Landscape 4:3 windows of each photo that a webcam would see: (x, y, w, h).
WEBCAM_WINDOWS = {
    "obama": (0, 0, 910, 682),
    "biden": (0, 0, 970, 727),
    "obama-480p": (106, 0, 640, 480),
}

# Reference colours (BGR) for painted backgrounds.
BLUE_BGR = (200, 110, 20)
RED_BGR = (30, 30, 200)
ORANGE_BGR = (20, 130, 245)


@lru_cache(maxsize=None)
def _photo(name: str) -> np.ndarray:
    image = cv2.imread(str(FACES_DIR / f"{name}.jpg"), cv2.IMREAD_COLOR)
    if image is None:
        raise FileNotFoundError(FACES_DIR / f"{name}.jpg")
    image.setflags(write=False)
    return image


def photo(name: str) -> np.ndarray:
    """The original test photo (a fresh, writable copy)."""
    return _photo(name).copy()


def _webcam(image: np.ndarray, window: tuple[int, int, int, int]) -> np.ndarray:
    x, y, w, h = window
    return cv2.resize(image[y:y + h, x:x + w], (FRAME_W, FRAME_H), interpolation=cv2.INTER_AREA)


def webcam_frame(name: str = "obama") -> np.ndarray:
    """A 640x480 frame cut from a test photo as a webcam would frame it."""
    return _webcam(_photo(name), WEBCAM_WINDOWS[name])


@lru_cache(maxsize=None)
def _obama_person_mask_full() -> np.ndarray:
    data = json.loads((FACES_DIR / "obama.person.json").read_text(encoding="utf-8"))
    w, h = data["size"]
    mask = np.zeros((h, w), np.uint8)
    cv2.fillPoly(mask, [np.array(data["polygon"], np.int32)], 255)
    mask.setflags(write=False)
    return mask


def obama_person_mask(full: bool = False) -> np.ndarray:
    """The hand-traced person mask of obama.jpg (255 = person), full size or as the webcam frame."""
    mask = _obama_person_mask_full()
    if full:
        return mask.copy()
    x, y, w, h = WEBCAM_WINDOWS["obama"]
    small = cv2.resize(mask[y:y + h, x:x + w], (FRAME_W, FRAME_H), interpolation=cv2.INTER_NEAREST)
    return small


# ----------------------------------------------------------------- faults

def clean() -> np.ndarray:
    """obama.jpg as a webcam frame: one face, red curtains beside the head."""
    return webcam_frame("obama")


def two_faces() -> np.ndarray:
    """Two people crowding the camera: the middle halves of the obama and biden frames side by side."""
    a = webcam_frame("obama")[:, 189:189 + FRAME_W // 2]
    b = webcam_frame("biden")[:, 229:229 + FRAME_W // 2]
    return np.ascontiguousarray(np.hstack([a, b]))


def dark(factor: float = 0.22) -> np.ndarray:
    """Underexposed: every pixel multiplied by `factor`."""
    return cv2.convertScaleAbs(clean(), alpha=factor, beta=0)


def bright(gain: float = 1.9, offset: float = 90) -> np.ndarray:
    """Overexposed: gain and offset, clipped at white."""
    return cv2.convertScaleAbs(clean(), alpha=gain, beta=offset)


def uneven_light(lit: float = 1.1, shaded: float = 0.3) -> np.ndarray:
    """Side light: gain falls from `lit` at the face's left edge to `shaded` at its right edge.

    Outside the face the gain stays at the edge values (a lamp on one side).
    """
    frame = clean().astype(np.float32)
    x0, x1 = 244, 454  # the face box of the clean frame
    ramp = np.interp(np.arange(FRAME_W), [x0, x1], [lit, shaded]).astype(np.float32)
    return np.clip(frame * ramp[None, :, None], 0, 255).astype(np.uint8)


def blurred(sigma: float = 4.0) -> np.ndarray:
    """Out of focus / moving: Gaussian blur of the whole frame."""
    return cv2.GaussianBlur(clean(), (0, 0), sigma)


def _rotate(image: np.ndarray, angle_deg: float, centre: tuple[float, float],
            interp: int = cv2.INTER_LINEAR) -> np.ndarray:
    m = cv2.getRotationMatrix2D(centre, angle_deg, 1.0)
    return cv2.warpAffine(image, m, (image.shape[1], image.shape[0]), flags=interp,
                          borderMode=cv2.BORDER_REPLICATE)


OBAMA_FACE_CENTRE = (349.0, 172.0)  # in the clean frame


def rotated(angle_deg: float = 20.0, name: str = "obama") -> np.ndarray:
    """Head tilted: the frame rotated about the face centre (edges replicated)."""
    centre = OBAMA_FACE_CENTRE if name == "obama" else (FRAME_W / 2.0, FRAME_H / 2.0)
    return _rotate(webcam_frame(name), angle_deg, centre)


def background_painted(colour_bgr: tuple[int, int, int], texture: float = 8.0) -> np.ndarray:
    """The background (outside the hand-traced person) painted one colour, with light noise."""
    frame = clean()
    mask = obama_person_mask()
    rng = np.random.default_rng(7)
    paint = np.empty_like(frame)
    paint[:] = colour_bgr
    noise = rng.normal(0.0, texture, frame.shape[:2]).astype(np.float32)[..., None]
    paint = np.clip(paint.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    # Soft 3-px edge, as a real backdrop seen through a lens.
    alpha = cv2.GaussianBlur(mask, (0, 0), 1.5).astype(np.float32)[..., None] / 255.0
    out = frame.astype(np.float32) * alpha + paint.astype(np.float32) * (1.0 - alpha)
    return out.astype(np.uint8)


def wrong_background() -> np.ndarray:
    """A blue backdrop (the obama frame with blue painted behind the person)."""
    return background_painted(BLUE_BGR)


def busy_background() -> np.ndarray:
    """A cluttered backdrop: vertical stripes of unrelated colours (a shelf, a poster wall)."""
    frame = clean()
    mask = obama_person_mask()
    stripes = np.zeros_like(frame)
    palette = [(40, 160, 40), (230, 230, 230), (30, 30, 200), (200, 110, 20),
               (20, 200, 230), (60, 60, 60), (180, 60, 160)]
    width = 18
    for i, x in enumerate(range(0, FRAME_W, width)):
        stripes[:, x:x + width] = palette[i % len(palette)]
    for j, y in enumerate(range(0, FRAME_H, 60)):
        stripes[y:y + 6, :] = (20, 20, 20)  # shelf boards
    out = frame.copy()
    out[mask == 0] = stripes[mask == 0]
    return out


def textured_background() -> np.ndarray:
    """A red but busy backdrop: fine bright/dark red stripes (a patterned cloth).

    Every pixel is red, so only the texture (edge density) is wrong.
    """
    frame = clean()
    mask = obama_person_mask()
    pattern = np.zeros_like(frame)
    pattern[:] = (40, 40, 210)
    for x in range(0, FRAME_W, 8):
        pattern[:, x:x + 4] = (15, 15, 110)
    for y in range(0, FRAME_H, 8):
        pattern[y:y + 2, :] = (15, 15, 110)
    out = frame.copy()
    out[mask == 0] = pattern[mask == 0]
    return out


def _shrink_onto(image: np.ndarray, scale: float, fill, interp: int = cv2.INTER_AREA) -> np.ndarray:
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=interp)
    canvas = np.empty_like(image)
    canvas[:] = fill
    y = (image.shape[0] - small.shape[0]) // 2
    x = (image.shape[1] - small.shape[1]) // 2
    canvas[y:y + small.shape[0], x:x + small.shape[1]] = small
    return canvas


def small_face(scale: float = 0.4) -> np.ndarray:
    """Resident too far away: the frame shrunk onto a same-size red-ish wall."""
    return _shrink_onto(clean(), scale, (40, 50, 150))


def _zoom(image: np.ndarray, zoom: float, interp: int = cv2.INTER_CUBIC) -> np.ndarray:
    cx, cy = int(OBAMA_FACE_CENTRE[0]), int(OBAMA_FACE_CENTRE[1])
    w, h = int(FRAME_W / zoom), int(FRAME_H / zoom)
    x0 = max(0, min(FRAME_W - w, cx - w // 2))
    y0 = max(0, min(FRAME_H - h, cy - h // 2))
    return cv2.resize(image[y0:y0 + h, x0:x0 + w], (FRAME_W, FRAME_H), interpolation=interp)


def large_face(zoom: float = 1.8) -> np.ndarray:
    """Resident too close: the face region enlarged to fill the frame."""
    return _zoom(clean(), zoom)


def _shift(image: np.ndarray, dx: int, interp: int = cv2.INTER_LINEAR) -> np.ndarray:
    m = np.float32([[1, 0, dx], [0, 1, 0]])
    return cv2.warpAffine(image, m, (image.shape[1], image.shape[0]), flags=interp,
                          borderMode=cv2.BORDER_REPLICATE)


def off_centre(dx: int = 190) -> np.ndarray:
    """Resident not in the middle: the frame shifted sideways (edges replicated)."""
    return _shift(clean(), dx)


def glasses(name: str = "obama", colour: tuple[int, int, int] = (25, 25, 25),
            thickness: float = 0.015) -> np.ndarray:
    """Eyeglasses drawn on the face: two rims, a bridge and the temple arms.

    `thickness` is the rim width as a fraction of the face width (0.015 is a
    usual plastic frame: 3 px on a 210 px face).
    """
    from app.capture.face import FaceDetector

    frame = webcam_frame(name)
    det = FaceDetector()
    face = det.detect(frame).subject
    assert face is not None
    eyes = det.find_eyes(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), face)
    assert eyes is not None
    left, right = eyes.left, eyes.right
    t = max(2, int(round(face.w * thickness)))
    rx, ry = int(eyes.distance * 0.42), int(eyes.distance * 0.30)
    for c in (left, right):
        cv2.ellipse(frame, (int(c[0]), int(c[1])), (rx, ry), 0, 0, 360, colour, t, cv2.LINE_AA)
    y = int((left[1] + right[1]) / 2 - ry * 0.35)
    cv2.line(frame, (int(left[0] + rx * 0.93), y), (int(right[0] - rx * 0.93), y), colour, t, cv2.LINE_AA)
    cv2.line(frame, (int(left[0] - rx), int(left[1])), (int(face.x - 0.02 * face.w), int(left[1] - 4)),
             colour, t, cv2.LINE_AA)
    cv2.line(frame, (int(right[0] + rx), int(right[1])),
             (int(face.x + 1.02 * face.w), int(right[1] - 4)), colour, t, cv2.LINE_AA)
    return frame


def no_face_gradient() -> np.ndarray:
    """A landscape-like picture: sky gradient, a hill, no one in it."""
    y = np.linspace(0, 1, FRAME_H, dtype=np.float32)[:, None]
    sky = np.zeros((FRAME_H, FRAME_W, 3), np.float32)
    sky[..., 0] = 230 - 80 * y
    sky[..., 1] = 180 - 60 * y
    sky[..., 2] = 120 - 40 * y
    frame = sky.astype(np.uint8)
    pts = np.array([[0, 330], [160, 270], [340, 310], [520, 250], [640, 290], [640, 480], [0, 480]],
                   np.int32)
    cv2.fillPoly(frame, [pts], (40, 120, 60))
    return frame


def blank_wall() -> np.ndarray:
    """An empty grey wall with camera noise."""
    rng = np.random.default_rng(3)
    wall = np.full((FRAME_H, FRAME_W, 3), 170, np.float32) + rng.normal(0, 3, (FRAME_H, FRAME_W, 1))
    return np.clip(wall, 0, 255).astype(np.uint8)


def obama_480p_person_mask() -> np.ndarray:
    """The hand-traced mask carried over to obama-480p.jpg.

    That file is obama.jpg scaled to 505 px high (404 wide), placed at x=224,
    y=0 and cut at 480 px (found by template matching, correlation 0.996).
    """
    full = _obama_person_mask_full()
    small = cv2.resize(full, (404, 505), interpolation=cv2.INTER_NEAREST)[:480]
    canvas = np.zeros((480, 853), np.uint8)
    canvas[:, 224:224 + 404] = small
    wx, wy, ww, wh = WEBCAM_WINDOWS["obama-480p"]
    return canvas[wy:wy + wh, wx:wx + ww].copy()


def with_reference() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Frames whose person outline is known (from the hand trace), by case name.

    Geometric faults move the reference mask with the frame; photometric ones
    (dark, blur, glasses, side light) leave it as it is.
    """
    ref = obama_person_mask()
    near = cv2.INTER_NEAREST
    return {
        "obama": (clean(), ref),
        "obama-full": (photo("obama"), obama_person_mask(full=True)),
        "obama-480p": (webcam_frame("obama-480p"), obama_480p_person_mask()),
        "off_centre": (off_centre(), _shift(ref, 190, near)),
        "small_face": (small_face(), _shrink_onto(ref, 0.4, 0, near)),
        "large_face": (large_face(), _zoom(ref, 1.8, near)),
        "rotated": (rotated(), _rotate(ref, 20.0, OBAMA_FACE_CENTRE, near)),
        "dark": (dark(), ref),
        "uneven_light": (uneven_light(), ref),
        "blurred": (blurred(), ref),
        "glasses": (glasses(), ref),
    }


def write_video(path: Path, frames: list[np.ndarray], fps: float = 15.0, repeat: int = 1) -> Path:
    """Write `frames` (each `repeat` times) to an MJPG .avi that OpenCV can read back."""
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (w, h))
    if not writer.isOpened():
        raise RuntimeError("MJPG VideoWriter not available")
    try:
        for frame in frames:
            for _ in range(repeat):
                writer.write(frame)
    finally:
        writer.release()
    return path
