"""Restore drill: a Rahasia identity and an attachment read back intact after `jaring backup`, then
`jaring restore` into an empty database and storage (on the engine under test)."""

from tests.production.live import drop_database, fresh_database_url
from tests.production.procs import base_env, jaring, shared_keys

NAME, CONTACT = "Rina Restore Probe", "081355002211"
CREATE = f"""
from jaring.accounts.models import Office
from jaring.lib import uploads
from jaring.reports.services import report_submit
from tests.reports.conftest import jpeg_with_gps, upload
office = Office.objects.create(slug="batam", name="Kantor Imigrasi Batam", region_code="21.71")
report, key = report_submit(office=office, category="tppo", description="Dijanjikan kerja di restoran.",
    identity_mode="rahasia", reporter_name="{NAME}", reporter_contact="{CONTACT}",
    files=[upload("bukti.jpg", jpeg_with_gps())])
import hashlib
print(report.tracking_code, hashlib.sha256(uploads.read(report.attachments.get().storage_name)).hexdigest())
"""
READ = """
import hashlib
from jaring.lib import uploads
from jaring.reports.models import Report
report = Report.objects.get()
print(report.tracking_code, hashlib.sha256(uploads.read(report.attachments.get().storage_name)).hexdigest())
print(report.reporter_name + "|" + report.reporter_contact)
"""


def _env(data_dir, database, keys):  # type: ignore[no-untyped-def]
    """`jaring shell` scripts import the tests' fixtures: the repository is on PYTHONPATH (procs.base_env)."""
    return base_env(data_dir, **keys, **({"JARING_DATABASE_URL": database} if database else {}))


def test_restore_drill_brings_back_identity_and_attachment(tmp_path):
    keys = shared_keys()
    source_db, target_db = fresh_database_url("backup_src"), fresh_database_url("backup_dst")
    try:
        source = _env(tmp_path / "source", source_db, keys)
        for step in (["migrate", "-v", "0"], ["shell", "-c", CREATE]):
            done = jaring(source, *step)
            assert done.returncode == 0, done.stderr
        code, digest = done.stdout.split()[-2:]

        archive = tmp_path / "jaring.jbk"
        done = jaring(source, "backup", str(archive))
        assert done.returncode == 0, done.stderr
        assert "1 files" in done.stdout
        raw = archive.read_bytes()
        for secret in (
            NAME.encode(),
            CONTACT.encode(),
            b"SQLite format",
            b"PGDMP",
            b"\xff\xd8\xff",
            *(k.encode() for k in keys.values()),
        ):
            assert secret not in raw  # encrypted, and the keys are not in it

        target = _env(tmp_path / "target", target_db, keys)  # empty data dir: no database, no files
        done = jaring(target, "restore", str(archive))
        assert done.returncode == 0, done.stderr
        done = jaring(target, "shell", "-c", READ)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.strip().splitlines()
        assert lines[-2].split() == [code, digest]
        assert lines[-1] == f"{NAME}|{CONTACT}"

        wrong = {**target, **{"JARING_FIELD_KEYS": shared_keys()["JARING_FIELD_KEYS"]}}
        done = jaring(wrong, "restore", str(archive))
        assert done.returncode != 0 and "wrong JARING_FIELD_KEYS" in done.stderr
        truncated = tmp_path / "cut.jbk"
        truncated.write_bytes(raw[: len(raw) // 2])
        done = jaring(target, "restore", str(truncated))
        assert done.returncode != 0
    finally:
        drop_database(source_db)
        drop_database(target_db)
