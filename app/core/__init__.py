"""Pure domain rules of e-KTP recording: the resident record, SIAK value lists, NIK/KK,
names, eligibility, regions, photo and media rules, validation. No Qt, no SQLite, no I/O."""
