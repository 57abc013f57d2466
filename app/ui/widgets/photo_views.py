"""The photo step's views: the preview with face box and crop guide, and the traffic-light list of checks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from app.capture import quality
from app.capture.face import Box, portrait_box
from app.core.findings import Severity
from app.ui.texts import finding_text
from app.ui.widgets.form_error import show_message

COLOURS = {"ok": "#1e7b34", "warning": "#c98a00", "error": "#b3261e", "unknown": "#9aa5b1"}
SYMBOLS = {"ok": "\u2713", "warning": "!", "error": "\u2715", "unknown": "\u2013"}

# One row per check: (key, finding codes it shows, text when it passes).
CHECK_ROWS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("face", ("photo.no_face", "photo.multiple_faces"), QT_TRANSLATE_NOOP("PhotoStep", "Satu wajah terlihat")),
    ("size", ("photo.face_too_small", "photo.face_too_large"), QT_TRANSLATE_NOOP("PhotoStep", "Ukuran wajah pas")),
    ("position", ("photo.off_centre",), QT_TRANSLATE_NOOP("PhotoStep", "Wajah di tengah bingkai")),
    ("tilt", ("photo.tilted",), QT_TRANSLATE_NOOP("PhotoStep", "Kepala tegak")),
    ("sharpness", ("photo.blurred",), QT_TRANSLATE_NOOP("PhotoStep", "Foto tajam")),
    ("light", ("photo.too_dark", "photo.too_bright"), QT_TRANSLATE_NOOP("PhotoStep", "Terang cukup")),
    ("even_light", ("photo.uneven_light",), QT_TRANSLATE_NOOP("PhotoStep", "Cahaya merata di wajah")),
    ("background", ("photo.background_not_uniform",), QT_TRANSLATE_NOOP("PhotoStep", "Latar polos")),
    ("background_colour", ("photo.background_wrong_colour",),
     QT_TRANSLATE_NOOP("PhotoStep", "Warna latar sesuai")),
    ("glasses", ("photo.glasses",), QT_TRANSLATE_NOOP("PhotoStep", "Tanpa kacamata")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotoStep", text)


class ImageView(QWidget):
    """Paints a `QImage` scaled to fit (aspect kept), with an optional face box and crop guide."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *, aspect: float = 4 / 3) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._report: quality.QualityReport | None = None
        self._placeholder = placeholder
        self._aspect = aspect
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def set_image(self, image: QImage | None, report: quality.QualityReport | None = None) -> None:
        self._image = image
        self._report = report
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False

    def _target(self) -> QRectF:
        if self._image is None or self._image.isNull():
            w, h = self.width(), self.width() / self._aspect
        else:
            w, h = self._image.width(), self._image.height()
        scale = min(self.width() / w, self.height() / h)
        tw, th = w * scale, h * scale
        return QRectF((self.width() - tw) / 2, (self.height() - th) / 2, tw, th)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#20262d"))
        if self._image is None or self._image.isNull():
            p.setPen(QColor("#d8dde3"))
            f = p.font()
            f.setPointSizeF(f.pointSizeF() * 1.15)
            p.setFont(f)
            p.drawText(self.rect().adjusted(16, 16, -16, -16),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        target = self._target()
        p.drawImage(target, self._image)
        report = self._report
        if report is None or report.face_box is None:
            return
        k = target.width() / self._image.width()
        face = Box(*report.face_box)
        guide = portrait_box(face)

        def rect(b: Box) -> QRectF:
            return QRectF(target.x() + b.x * k, target.y() + b.y * k, b.w * k, b.h * k)

        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(255, 255, 255, 190), 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawRect(rect(guide).intersected(target))
        state = "error" if report.has_errors else ("warning" if report.findings else "ok")
        p.setPen(QPen(QColor(COLOURS[state]), 3))
        p.drawRect(rect(face))


class _Dot(QWidget):
    """A coloured traffic-light dot with a symbol (colour is not the only cue)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "unknown"
        self.setFixedSize(18, 18)

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(COLOURS[self.state]))
        p.drawEllipse(QRectF(1, 1, 16, 16))
        p.setPen(QColor("white"))
        f = QFont(p.font())
        f.setBold(True)
        f.setPixelSize(12)
        p.setFont(f)
        p.drawText(QRectF(1, 1, 16, 16), Qt.AlignmentFlag.AlignCenter, SYMBOLS[self.state])


class ChecksList(QWidget):
    """The traffic-light list: one row per check, updated from each `QualityReport`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[_Dot, QLabel]] = {}
        for i, (key, _codes, _ok) in enumerate(CHECK_ROWS):
            dot = _Dot(self)
            text = QLabel(self)
            text.setWordWrap(True)
            text.setObjectName("checkText")
            grid.addWidget(dot, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1)
            self.rows[key] = (dot, text)
        self.update_report(None)

    def states(self) -> dict[str, str]:
        """Row key -> 'ok' / 'warning' / 'error' / 'unknown'."""
        return {k: dot.state for k, (dot, _t) in self.rows.items()}

    def text(self, key: str) -> str:
        return self.rows[key][1].text()

    def update_report(self, report: quality.QualityReport | None, *, colour_known: bool = True) -> None:
        by_code = {f.code: f for f in report.findings} if report is not None else {}
        metrics = report.metrics if report is not None else {}
        has_face = report is not None and report.face_box is not None
        bg_measured = metrics.get("background_pixels", 0) >= quality.DEFAULT_THRESHOLDS.min_background_pixels
        evaluated = {
            "face": report is not None,
            "size": has_face,
            "position": has_face,
            "tilt": has_face and report.eye_angle_deg is not None,
            "sharpness": "sharpness" in metrics,
            "light": report is not None,
            "even_light": "light_imbalance" in metrics,
            "background": has_face and bg_measured,
            "background_colour": has_face and bg_measured and colour_known,
            "glasses": has_face,
        }
        for key, codes, ok_text in CHECK_ROWS:
            dot, label = self.rows[key]
            found = next((by_code[c] for c in codes if c in by_code), None)
            if found is not None:
                dot.set_state("error" if found.severity is Severity.ERROR else "warning")
                label.setText(finding_text(found))
            elif evaluated[key]:
                dot.set_state("ok")
                label.setText(_tr(ok_text))
            else:
                dot.set_state("unknown")  # grey dot, grey text: not measured on this frame
                if key == "background_colour" and not colour_known:
                    label.setText(_tr("Warna latar: isi tahun lahir dulu"))
                else:
                    label.setText(_tr(ok_text))
            label.setStyleSheet("color: #7a848f;" if dot.state == "unknown" else "")


def set_message(label: QLabel, text: str, kind: str = "hint") -> None:
    """Show `text` in `label` styled as 'hint', 'errorText' or 'okText' (empty hides it)."""
    show_message(label, text, kind)
    label.setVisible(bool(text))
