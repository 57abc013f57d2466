"""Optional background replacement: segment the person with GrabCut, paint a uniform colour behind.

Never applied silently: `replace_background` returns the new image together
with the mask and a mask-quality score, and the UI shows the original and the
replacement side by side for the operator (and the resident) to accept.

Segmentation runs on a copy shrunk to 320 px wide (GrabCut costs grow with
the pixel count), seeded from the face box with a head-and-shoulders prior:
    * sure person: an ellipse inside the face and a band down the chest;
    * probably person: the head (face box grown for hair and ears) and a
      trapezoid from the neck to the shoulders and down to the frame bottom;
    * sure background: the top corners beside and above the head;
    * probably background: everything else.
The mask is cleaned (largest part touching the face, holes filled), scaled
back up, feathered by ~2 px and used as alpha.

The score (0-1) needs no reference: the smaller of two shares, pixels in a
3-px band just inside the outline that GrabCut's own colour models call
"person", and pixels just outside called "background"; 0 when the mask is
implausible (face not covered, person not reaching the frame bottom, almost
all or nothing kept). `clean` is score >= 0.75. It is only a hint: on the
reference cases it ranks the masks roughly like the hand-traced truth but
misses some bad ones. How often the edge really is clean, against a
hand-traced outline of obama.jpg, is measured by
tests/benchmarks/bench_capture.py (``bg_replace_clean_rate``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import cv2
import numpy as np

from app.capture.face import Box, FaceDetector, NoFaceFound, default_detector

# Reference colours (RGB) used when the caller gives only the name. The core's
# `BackgroundColour.rgb`, when passed in, wins.
DEFAULT_RGB = {
    "merah": (219, 0, 0),
    "biru": (0, 112, 192),
    "oranye": (255, 128, 0),
}

WORK_WIDTH = 320
SIDE = 0.68
CLEAN_SCORE = 0.75


@dataclass
class BackgroundResult:
    """A proposed replacement.

    Attributes:
        image: the frame with the new background (BGR, same size as the input).
        mask: the person mask, uint8 0-255 (feathered alpha), same size.
        score: 0-1, colour agreement on both sides of the outline (0 if implausible).
        clean: score >= the clean threshold (a hint for the UI, not a decision).
        metrics: intermediate measures (fg fraction, face coverage, ...).
    """

    image: np.ndarray
    mask: np.ndarray
    score: float
    clean: bool
    metrics: dict[str, Any] = field(default_factory=dict)


def colour_bgr(colour: Any) -> tuple[int, int, int]:
    """A BGR tuple from a `BackgroundColour`, a name ('biru'/'merah'/'oranye') or an (R, G, B) tuple."""
    if isinstance(colour, Enum):
        rgb = getattr(colour, "rgb", None)
        if rgb is not None:
            r, g, b = (int(v) for v in rgb)
            return (b, g, r)
        colour = colour.value
    if isinstance(colour, str):
        key = colour.strip().lower()
        if key not in DEFAULT_RGB:
            raise ValueError(f"unknown background colour: {colour!r}")
        r, g, b = DEFAULT_RGB[key]
        return (b, g, r)
    r, g, b = (int(v) for v in colour)
    return (b, g, r)


def seed_mask(shape: tuple[int, int], face: Box) -> np.ndarray:
    """The GrabCut seed mask (GC_* labels) for a head-and-shoulders subject.

    Proportions in face-box units, checked against the hand-traced outline of
    obama.jpg: crown ~0.3 above the box, ears within 0.55 of the centre,
    shoulders from ~1.0 below the box top, ~1.3 wide each side.
    """
    H, W = shape
    mask = np.full((H, W), cv2.GC_PR_BGD, np.uint8)
    cx, fw, fh = face.cx, face.w, face.h
    # Sure background: beside the head down to the shoulders, and above the crown.
    rows = max(0, int(face.y + 0.95 * fh))
    mask[:rows, : max(0, int(cx - SIDE * fw))] = cv2.GC_BGD
    mask[:rows, min(W, int(cx + SIDE * fw)):] = cv2.GC_BGD
    crown = face.y - 0.38 * fh
    if crown > 1:
        mask[: int(crown), :] = cv2.GC_BGD
    # Probably person: the head, and a neck-to-shoulders trapezoid down to the bottom.
    cv2.ellipse(mask, (int(cx), int(face.y + 0.45 * fh)), (int(0.56 * fw), int(0.8 * fh)), 0, 0, 360,
                int(cv2.GC_PR_FGD), -1)
    body = np.array([
        [cx - 0.35 * fw, face.y + 0.95 * fh],
        [cx + 0.35 * fw, face.y + 0.95 * fh],
        [cx + 1.45 * fw, face.y + 1.55 * fh],
        [cx + 1.6 * fw, H],
        [cx - 1.6 * fw, H],
        [cx - 1.45 * fw, face.y + 1.55 * fh],
    ], np.int32)
    cv2.fillPoly(mask, [body], int(cv2.GC_PR_FGD))
    # Sure person: inside the face, and a band down the chest.
    cv2.ellipse(mask, (int(cx), int(face.cy)), (int(0.32 * fw), int(0.42 * fh)), 0, 0, 360,
                int(cv2.GC_FGD), -1)
    chest_top = int(face.y + 1.25 * fh)
    if chest_top < H:
        mask[chest_top:, max(0, int(cx - 0.5 * fw)):min(W, int(cx + 0.5 * fw))] = cv2.GC_FGD
    return mask


def _clean_mask(fg: np.ndarray, face: Box) -> np.ndarray:
    """Keep the part that holds the face centre, fill its holes."""
    n, labels = cv2.connectedComponents(fg, connectivity=8)
    if n > 2:
        cx = int(np.clip(face.cx, 0, fg.shape[1] - 1))
        cy = int(np.clip(face.cy, 0, fg.shape[0] - 1))
        keep = labels[cy, cx]
        if keep == 0:  # face centre not in the mask: keep the largest part
            counts = np.bincount(labels.ravel())
            counts[0] = 0
            keep = int(np.argmax(counts))
        fg = np.where(labels == keep, 255, 0).astype(np.uint8)
    # Fill holes: background not connected to the border becomes person.
    inv = cv2.bitwise_not(fg)
    n, labels = cv2.connectedComponents(inv, connectivity=4)
    if n > 2:
        border = set(np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]])))
        holes = ~np.isin(labels, list(border)) & (inv > 0)
        fg[holes] = 255
    return fg


def outline(mask: np.ndarray) -> np.ndarray:
    """The inner boundary pixels of a binary mask (uint8 0/255), frame border excluded."""
    eroded = cv2.erode(mask, np.ones((3, 3), np.uint8), borderType=cv2.BORDER_REPLICATE)
    edge = cv2.subtract(mask, eroded)
    edge[0, :] = edge[-1, :] = 0
    edge[:, 0] = edge[:, -1] = 0
    return edge


@dataclass(frozen=True)
class MaskComparison:
    """How a mask matches a reference mask.

    Attributes:
        iou: intersection over union of the two person areas.
        precision: share of the mask's outline within `tolerance` px of the reference outline.
        recall: share of the reference outline within `tolerance` px of the mask's outline.
    """

    iou: float
    precision: float
    recall: float
    tolerance: float

    def clean(self, minimum: float = 0.8) -> bool:
        """A clean edge: both outline shares at least `minimum`."""
        return self.precision >= minimum and self.recall >= minimum


def compare_masks(mask: np.ndarray, reference: np.ndarray, tolerance: float) -> MaskComparison:
    """Compare a person mask (0-255, thresholded at 128) with a reference mask (0/255)."""
    m = np.where(mask >= 128, 255, 0).astype(np.uint8)
    r = np.where(reference >= 128, 255, 0).astype(np.uint8)
    union = np.count_nonzero(m | r)
    iou = float(np.count_nonzero(m & r)) / union if union else 1.0
    e_m, e_r = outline(m), outline(r)
    if not np.any(e_m) or not np.any(e_r):
        return MaskComparison(iou, 0.0, 0.0, tolerance)
    dist_to_r = cv2.distanceTransform(cv2.bitwise_not(e_r), cv2.DIST_L2, 3)
    dist_to_m = cv2.distanceTransform(cv2.bitwise_not(e_m), cv2.DIST_L2, 3)
    precision = float(np.mean(dist_to_r[e_m > 0] <= tolerance))
    recall = float(np.mean(dist_to_m[e_r > 0] <= tolerance))
    return MaskComparison(iou, precision, recall, tolerance)


def _gmm_density(model: np.ndarray, pixels: np.ndarray) -> np.ndarray:
    """Density of a GrabCut colour model (1x65: 5 weights, 5 BGR means, 5 3x3 covariances)."""
    m = model.ravel()
    k = 5
    weights, means, covs = m[:k], m[k:4 * k].reshape(k, 3), m[4 * k:].reshape(k, 3, 3)
    out = np.zeros(len(pixels))
    for w, mu, cov in zip(weights, means, covs):
        if w <= 0:
            continue
        cov = cov + np.eye(3) * 0.01
        inv = np.linalg.inv(cov)
        d = pixels - mu
        q = np.einsum("ni,ij,nj->n", d, inv, d)
        out += w * np.exp(-0.5 * q) / np.sqrt(np.linalg.det(cov) * (2 * np.pi) ** 3)
    return out


def mask_score(image_small: np.ndarray, fg: np.ndarray, face: Box,
               bgd_model: np.ndarray, fgd_model: np.ndarray) -> tuple[float, dict[str, Any]]:
    """Reference-free quality of a person mask at work size (see module doc).

    Colour agreement on both sides of the outline: the share of pixels in a
    3-px band just inside that GrabCut's own colour models call "person", and
    the share in the band just outside called "background"; the score is
    the smaller of the two. Where hair meets a dark wall or a shirt meets a
    bright window the models disagree near the edge and the score drops.
    It is 0 when the mask is implausible (face core not covered, person not
    reaching the frame bottom, almost all or almost nothing kept).
    """
    H, W = fg.shape
    metrics: dict[str, Any] = {}
    fg_fraction = float(np.count_nonzero(fg)) / fg.size
    core = np.zeros_like(fg)
    cv2.ellipse(core, (int(face.cx), int(face.cy)), (max(1, int(0.4 * face.w)), max(1, int(0.48 * face.h))),
                0, 0, 360, 255, -1)
    n_core = max(1, int(np.count_nonzero(core)))
    face_cover = float(np.count_nonzero(fg[core > 0])) / n_core
    bottom_cover = float(np.count_nonzero(fg[-1])) / W
    plausible = face_cover >= 0.85 and bottom_cover >= 0.05 and 0.08 <= fg_fraction <= 0.92
    metrics.update(fg_fraction=fg_fraction, face_cover=face_cover, bottom_cover=bottom_cover,
                   plausible=plausible)
    kernel = np.ones((3, 3), np.uint8)
    inner = cv2.subtract(fg, cv2.erode(fg, kernel, iterations=3))
    outer = cv2.subtract(cv2.dilate(fg, kernel, iterations=3), fg)
    pixels = image_small.reshape(-1, 3).astype(np.float64)
    shares = []
    for band, want_person in ((inner, True), (outer, False)):
        idx = np.flatnonzero(band.ravel())
        if idx.size == 0:
            shares.append(0.0)
            continue
        p_fg = _gmm_density(fgd_model, pixels[idx])
        p_bg = _gmm_density(bgd_model, pixels[idx])
        agree = (p_fg > p_bg) if want_person else (p_bg >= p_fg)
        shares.append(float(np.mean(agree)))
    metrics.update(inner_agreement=shares[0], outer_agreement=shares[1])
    score = min(shares) if plausible else 0.0
    return score, metrics


def segment_person(frame: np.ndarray, face: Box, *, work_width: int = WORK_WIDTH,
                   iterations: int = 4) -> tuple[np.ndarray, np.ndarray, Box, float, dict[str, Any]]:
    """GrabCut at work size. Returns (fg mask 0/255, work image, face at work size, score, metrics)."""
    H, W = frame.shape[:2]
    scale = min(1.0, work_width / float(W))
    small = cv2.resize(frame, (max(1, int(round(W * scale))), max(1, int(round(H * scale)))),
                       interpolation=cv2.INTER_AREA) if scale < 1.0 else frame.copy()
    face_s = face.scaled(scale)
    gc = seed_mask(small.shape[:2], face_s)
    bgd = np.zeros((1, 65), np.float64)
    fgd = np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(20240701)  # GrabCut seeds its k-means from OpenCV's RNG: same frame, same mask
    cv2.grabCut(small, gc, None, bgd, fgd, iterations, cv2.GC_INIT_WITH_MASK)
    fg = np.where((gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD), 255, 0).astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    fg = _clean_mask(fg, face_s)
    score, metrics = mask_score(small, fg, face_s, bgd, fgd)
    return fg, small, face_s, score, metrics


def replace_background(
    frame: np.ndarray,
    colour: Any,
    face: Box | None = None,
    *,
    detector: FaceDetector | None = None,
    work_width: int = WORK_WIDTH,
    iterations: int = 4,
    feather_px: float = 2.0,
    clean_threshold: float = CLEAN_SCORE,
) -> BackgroundResult:
    """Put a uniform `colour` behind the person in `frame` (a proposal; see module doc).

    Args:
        frame: BGR image (a webcam frame or a portrait crop).
        colour: 'biru' / 'merah' / 'oranye', a `BackgroundColour`, or (R, G, B).
        face: the face box in `frame`; found with the detector when None.

    Raises:
        NoFaceFound: no face given and none found.
    """
    paint_bgr = colour_bgr(colour)  # reject an unknown colour before the slow part
    if face is None:
        face = (detector or default_detector()).detect(frame).subject
        if face is None:
            raise NoFaceFound("Wajah tidak ditemukan; latar belakang tidak bisa diganti.")
    H, W = frame.shape[:2]
    fg_small, small, _, score, metrics = segment_person(frame, face, work_width=work_width,
                                                        iterations=iterations)
    # Back to full size: smooth the upscaled mask, then feather the edge.
    alpha = cv2.resize(fg_small, (W, H), interpolation=cv2.INTER_LINEAR)
    if feather_px > 0:
        # feather_px is in work pixels; scale the blur to the full frame.
        alpha = cv2.GaussianBlur(alpha, (0, 0), feather_px * W / float(max(1, small.shape[1])) / 2.0)
    a = alpha.astype(np.float32)[..., None] / 255.0
    paint = np.empty_like(frame)
    paint[:] = paint_bgr
    out = (frame.astype(np.float32) * a + paint.astype(np.float32) * (1.0 - a))
    image = np.clip(out + 0.5, 0, 255).astype(np.uint8)
    metrics["work_size"] = (small.shape[1], small.shape[0])
    return BackgroundResult(image=image, mask=alpha, score=score, clean=score >= clean_threshold,
                            metrics=metrics)
