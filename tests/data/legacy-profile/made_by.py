"""Made with /work/main's code (one-passphrase profile): Session.create + 5 recordings with media."""
import sys, shutil, json
sys.path[:0] = ["/work/main", "/work/main/tests", "/work/main/tests/store"]
from pathlib import Path
from faker import Faker
from app.session import Session
from app.store.recordings import RecordingRepo
from store_support import make_media, make_recording
from support.profiles import FAST_KDF, PASSPHRASE
out = Path(sys.argv[1])
s = Session.create(out, PASSPHRASE, operator="Operator Lama", kdf_params=FAST_KDF)
fake = Faker("id_ID"); fake.seed_instance(12)
uuids = []
for i in range(5):
    rec = make_recording(fake)
    RecordingRepo(s.store).save(rec, make_media(photo_size=3000, signature_size=500), enqueue=True)
    uuids.append(rec.uuid)
s.store.checkpoint()
s.close()
(out / "recordings.json").write_text(json.dumps(sorted(uuids)))
