"""An ISO finger or iris record is what its media kind claims, with a whole image inside.

Checked on the bytes of a complete file, like photos (`sync.server.media_check`):
the record is read with `app.core.biometric_policy.check_record` (a 19794-4
record for ``finger_NN`` at that finger's position, a 19794-6 record for
``iris_right``/``iris_left`` with that eye's label), then each view's image
is decoded: JPEG, PNG and JPEG 2000 with OpenCV, whose size must be the one
the record declares (checked against `MAX_SIDE`/`MAX_PIXELS` before anything
is decoded); raw pixels must fill exactly width × height × depth. WSQ cannot
be decoded here and is refused (SBI devices send JPEG 2000, as MOSIP asks).

Anything else raises `ProblemError` 422.6 (`Problems.MEDIA_NOT_BIOMETRIC`)
whose ``details.check`` is the ``iso.*`` code (or one of `Checks`), and the
upload is discarded. The words never quote the record's bytes.
"""

from __future__ import annotations

from app.core.biometric_policy import check_record
from app.core.biometric_records import IsoRecordError
from app.core.messages import render
from sync.protocol_problems import Problems
from sync.server.failures import ProblemError
from sync.server.media_check import MAX_PIXELS, MAX_SIDE


class Checks:
    """``details.check`` values of a 422.6 besides the ``iso.*`` codes of the record reader."""

    IMAGE_FORMAT = "iso.image_format"  # WSQ (or another format this server cannot decode)
    DIMENSIONS = "iso.dimensions"  # declared width/height beyond the limits
    UNDECODABLE = "iso.undecodable"  # the image inside does not decode to the declared size


_WHY = {
    Checks.IMAGE_FORMAT: "gambar di dalamnya berformat {format}, yang tidak dapat diperiksa server",
    Checks.DIMENSIONS: "ukuran gambar {width}x{height} piksel di luar batas",
    Checks.UNDECODABLE: "gambar di dalamnya rusak atau ukurannya lain dari yang tertulis",
}


def _refuse(check: str, why: str, **params: object) -> ProblemError:
    return ProblemError(Problems.MEDIA_NOT_BIOMETRIC, check=check, why=why, **params)


def _decode(view) -> None:  # noqa: ANN001 - a FingerView or IrisView
    import cv2  # heavy; only when a file is complete
    import numpy as np

    kind, width, height = view.image_kind, view.width, view.height
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise _refuse(Checks.DIMENSIONS, _WHY[Checks.DIMENSIONS].format(width=width, height=height),
                      width=width, height=height)
    if kind == "raw":
        if len(view.image) * 8 != width * height * max(view.bit_depth, 1):
            raise _refuse(Checks.UNDECODABLE, _WHY[Checks.UNDECODABLE])
        return
    if kind not in ("jpeg", "png", "jpeg2000"):
        raise _refuse(Checks.IMAGE_FORMAT, _WHY[Checks.IMAGE_FORMAT].format(format=kind.upper()), format=kind)
    image = cv2.imdecode(np.frombuffer(view.image, np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.shape[0] != height or image.shape[1] != width:
        raise _refuse(Checks.UNDECODABLE, _WHY[Checks.UNDECODABLE])


def check_biometric_record(kind: str, data: bytes | memoryview) -> None:
    """Raise `ProblemError` 422.6 unless `data` is the ISO record `kind` names, every image decodable."""
    try:
        record = check_record(kind, bytes(data))
    except IsoRecordError as exc:
        raise _refuse(exc.code, render(exc.code, exc.params).rstrip(".")) from None
    for view in record.views:
        _decode(view)
