"""Face detection and the pas-foto crop on the public-domain test photos."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from app.capture.face import (
    MAX_JPEG_BYTES,
    PORTRAIT_SIZE,
    Box,
    FaceDetector,
    NoFaceFound,
    crop_padded,
    encode_jpeg,
    make_portrait,
    pick_subject,
    portrait_box,
)


@pytest.fixture(scope="module")
def detector():
    return FaceDetector()


@pytest.mark.parametrize("name", ["obama", "biden", "obama-480p"])
def test_one_face_in_each_test_photo(cases, detector, name):
    frame = cases.webcam_frame(name)
    found = detector.detect(frame)
    assert len(found.faces) == 1
    face = found.subject
    assert 0.2 < face.h / frame.shape[0] < 0.6
    eyes = detector.find_eyes(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), face)
    assert eyes is not None
    assert face.y < eyes.midpoint[1] < face.y + 0.6 * face.h
    assert 0.25 * face.w < eyes.distance < 0.65 * face.w


def test_full_size_photo_face_matches_the_readme(cases, detector):
    # testdata/README: obama.jpg face at about (342, 95, 300, 300).
    face = detector.detect(cases.photo("obama")).subject
    assert face is not None
    assert abs(face.x - 342) < 25 and abs(face.y - 95) < 25 and abs(face.w - 300) < 40


def test_two_people_are_both_found_and_ordered(cases, detector):
    frame = cases.two_faces()
    faces = detector.detect(frame).faces
    assert len(faces) == 2
    assert faces[0] == pick_subject(faces, frame.shape[:2])


def test_subject_is_the_larger_more_central_face():
    big_centre = Box(270, 150, 100, 100)
    small_corner = Box(10, 10, 60, 60)
    big_corner = Box(0, 0, 110, 110)
    assert pick_subject([small_corner, big_centre], (480, 640)) == big_centre
    # Slightly larger but in the corner loses to the central face.
    assert pick_subject([big_corner, big_centre], (480, 640)) == big_centre
    assert pick_subject([], (480, 640)) is None


def test_drawn_glasses_do_not_hide_the_face(cases, detector):
    found = detector.detect(cases.glasses("obama-480p"))
    assert len(found.faces) == 1


@pytest.mark.parametrize("name,full", [
    ("obama", False), ("biden", False), ("obama-480p", False),
    ("obama", True), ("biden", True), ("obama-480p", True),
])
def test_portrait_is_480x640_small_and_well_placed(cases, detector, name, full):
    frame = cases.photo(name) if full else cases.webcam_frame(name)
    portrait = make_portrait(frame, detector=detector)
    assert len(portrait.jpeg) <= MAX_JPEG_BYTES
    assert 75 <= portrait.quality <= 90
    image = cv2.imdecode(np.frombuffer(portrait.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert (image.shape[1], image.shape[0]) == PORTRAIT_SIZE == (480, 640)
    # The head as a pas foto expects it: one face, centred, eyes in the upper half,
    # face box ~46 % of the height (head ~65 % with hair and chin).
    faces = detector.detect(image).faces
    assert len(faces) == 1
    face = faces[0]
    assert abs(face.cx - 240) < 0.08 * 480
    assert 0.36 < face.h / 640 < 0.56
    eyes = detector.find_eyes(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), face)
    eye_y = eyes.midpoint[1] if eyes is not None else face.y + 0.38 * face.h
    assert eye_y < 320
    assert face.y > 0.12 * 640  # room above the head for hair


def test_portrait_box_is_3_by_4_around_the_face():
    face = Box(200, 100, 200, 200)
    box = portrait_box(face)
    assert box.w / box.h == pytest.approx(0.75, abs=0.01)
    assert box.cx == pytest.approx(face.cx, abs=1)
    assert box.y < face.y and box.y + box.h > face.y + face.h


def test_crop_leaving_the_frame_is_padded_with_edge_colour():
    frame = np.zeros((100, 100, 3), np.uint8)
    frame[:, :] = (10, 20, 30)
    frame[0, :] = (200, 100, 50)  # top row
    crop = crop_padded(frame, Box(-20, -30, 80, 90))
    assert crop.shape == (90, 80, 3)
    assert tuple(crop[0, 40]) == (200, 100, 50)  # replicated top row above the frame
    assert tuple(crop[60, 0]) == (10, 20, 30)  # replicated left column
    with pytest.raises(ValueError):
        crop_padded(frame, Box(500, 500, 10, 10))


def test_portrait_near_the_top_edge_still_full_size(cases, detector):
    frame = cases.webcam_frame("obama-480p")  # head close to the top: the crop needs padding
    portrait = make_portrait(frame, detector=detector)
    assert portrait.box.y < 0
    assert portrait.image.shape == (640, 480, 3)


def test_jpeg_quality_never_drops_below_75():
    rng = np.random.default_rng(1)
    noise = rng.integers(0, 256, (640, 480, 3), dtype=np.uint8)  # incompressible
    data, quality = encode_jpeg(noise)
    assert quality == 75
    assert len(data) > MAX_JPEG_BYTES  # honest: too big even at 75, the caller can see it
    flat = np.full((640, 480, 3), 128, np.uint8)
    data, quality = encode_jpeg(flat)
    assert quality == 90 and len(data) < 20_000


def test_no_face_no_portrait(cases, detector):
    with pytest.raises(NoFaceFound):
        make_portrait(cases.blank_wall(), detector=detector)
