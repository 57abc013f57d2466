"""Biometric devices through MOSIP SBI 0.9.5 on 127.0.0.1: discovery, device info, capture, preview.

`discovery` finds the device services (ports 4501-4600), `client.SbiClient`
asks for device info and registration captures and checks what comes back
(signed blocks, hash chain, ISO records), `stream.PreviewStream` reads the
M-JPEG preview, and `simulator` is a device service of our own for tests and
the demo. Blocking I/O throughout: the window calls it from worker threads.
The pure rules (fingers, eyes, segments, error codes, ISO records) are in
app/core (`biometric_positions`, `sbi_codes`, `biometric_records`).
"""
