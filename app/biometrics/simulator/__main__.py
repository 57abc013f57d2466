"""`python -m app.biometrics.simulator --port N [--fault NAME …] [--score S]`: a device service in the foreground."""

from __future__ import annotations

import argparse
import sys

from app.biometrics.simulator import FAULTS, Simulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.biometrics.simulator",
                                     description="Simulated MOSIP SBI 0.9.5 device service on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=None,
                        help="port (default: a free one of 4501-4600, where clients look; 0: any free port)")
    parser.add_argument("--fault", action="append", default=[], choices=FAULTS, help="a fault (repeatable)")
    parser.add_argument("--score", type=float, default=85.0, help="quality score of the captures (0-100)")
    parser.add_argument("--low-score", type=float, default=25.0, help="score while the low_score fault is on")
    parser.add_argument("--hang-seconds", type=float, default=30.0, help="delay of the timeout fault")
    args = parser.parse_args(argv)
    simulator = Simulator(args.port, faults=tuple(args.fault), score=args.score, low_score=args.low_score,
                          hang_seconds=args.hang_seconds)
    print(f"SBI simulator ready on 127.0.0.1:{simulator.port}", flush=True)
    try:
        simulator.service.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    finally:
        simulator.service.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
