"""`jemput` command line (placeholder until the CLI slice lands)."""


def main() -> int:
    raise SystemExit("jemput: belum tersedia")
