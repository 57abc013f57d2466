"""Photo capture without Qt: frame sources, face finding, portrait crop, quality checks.

Modules:
    camera: frame sources (camera index, video file, image, folder) behind one interface.
    face: face detection, subject choice, pas-foto crop and JPEG encoding.
    quality: frame -> findings (`app.core.findings.Finding`) for the operator.
    background: optional background replacement (GrabCut), never applied silently.

Nothing here imports PySide6: the Qt worker thread and widgets live in `app.ui`.
"""
