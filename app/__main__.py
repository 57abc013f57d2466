"""`python -m app` opens the window (same as `jemput` with no subcommand)."""

from app.cli import main

raise SystemExit(main())
