"""The demo profile's biometric devices: the SBI simulator, so the fingerprint and iris steps work out of the box.

`start_devices` runs the simulated finger slap scanner and iris camera
(`app.biometrics.simulator`) on a free port of 4501-4600 of 127.0.0.1, where
the steps look for devices, in a thread of this process; the window stops it
when it closes. None when no port is free: the steps then say no device answers.
"""

from __future__ import annotations

import logging

from app.biometrics.simulator import Simulator

log = logging.getLogger(__name__)


def start_devices() -> Simulator | None:
    """The simulator, started; None when it cannot listen (every port of 4501-4600 taken)."""
    try:
        simulator = Simulator().start()
    except OSError as exc:
        log.warning("demo biometric simulator not started (%s)", type(exc).__name__)
        return None
    log.info("demo biometric simulator on port %d", simulator.port)
    return simulator
