"""Demo data (idempotent, with Pulau Abang) and event photos stored without metadata, encrypted."""

import io

from cryptography.fernet import Fernet
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from jaring.lib import uploads
from jaring.outreach import demo
from jaring.outreach.models import Event, EventPhoto, Programme, QuizResponse
from jaring.outreach.selectors import programme_coverage
from jaring.outreach.services.photos import event_photo_add


def test_demo_seeds_a_sample_programme_with_pulau_abang_once(office) -> None:
    demo.seed(office=office)
    counts = (Programme.objects.count(), Event.objects.count(), QuizResponse.objects.count())
    demo.seed(office=office)
    assert (Programme.objects.count(), Event.objects.count(), QuizResponse.objects.count()) == counts
    programme = Programme.objects.get()
    assert programme.is_sample and programme.villages.filter(region_code="21.71.08.1007").exists()
    assert Event.objects.filter(is_sample=True, attendance_total__gt=0).count() >= 3
    abang = next(r for r in programme_coverage(programme) if r.village.region_code == "21.71.08.1007")
    assert abang.reached and abang.results.gain.difference > 0


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "navy")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (0.0, 34.0, 0.0)}  # GPS IFD
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_event_photos_are_stripped_encrypted_and_shown_to_officers(petugas_client, make_event) -> None:
    event = make_event()
    raw = _jpeg_with_gps()
    assert b"PhoneMaker" in raw
    upload = SimpleUploadedFile("kegiatan.jpg", raw, content_type="image/jpeg")
    response = petugas_client.post(
        f"/petugas/sosialisasi/kegiatan/{event.pk}/foto/", {"photos": [upload], "caption": "Peserta"}
    )
    assert response.status_code == 302
    photo = EventPhoto.objects.get()
    with default_storage.open(photo.storage_name, "rb") as handle:
        stored = handle.read()
    assert not stored.startswith(b"\xff\xd8")  # encrypted, not a JPEG on disk
    served = petugas_client.get(f"/petugas/sosialisasi/foto/{photo.pk}/").content
    assert served.startswith(b"\xff\xd8") and b"PhoneMaker" not in served
    assert Image.open(io.BytesIO(served)).getexif().get(0x8825) is None


def test_a_pdf_is_not_accepted_as_a_photo(petugas_client, make_event) -> None:
    event = make_event()
    upload = SimpleUploadedFile(
        "materi.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", content_type="application/pdf"
    )
    response = petugas_client.post(f"/petugas/sosialisasi/kegiatan/{event.pk}/foto/", {"photos": [upload]})
    assert response.status_code == 422 and "Hanya foto" in response.content.decode()
    assert not EventPhoto.objects.exists()


def test_every_staff_outreach_page_renders_with_the_demo_data(petugas_client, office) -> None:
    demo.seed(office=office)
    programme = Programme.objects.get()
    event = Event.objects.filter(attendance_total__gt=0).first()
    for url in (
        "/petugas/sosialisasi/",
        "/petugas/sosialisasi/kegiatan/",
        f"/petugas/sosialisasi/kegiatan/{event.pk}/",
        f"/petugas/sosialisasi/kegiatan/{event.pk}/ubah/",
        "/petugas/sosialisasi/program/",
        f"/petugas/sosialisasi/program/{programme.pk}/",
        f"/petugas/sosialisasi/program/{programme.pk}/ubah/",
        "/petugas/sosialisasi/permintaan/",
        "/petugas/sosialisasi/ringkasan/",
        "/en/petugas/sosialisasi/ringkasan/",
        "/sosialisasi/",
        f"/sosialisasi/{event.code}/",
    ):
        assert petugas_client.get(url).status_code == 200, url


def test_the_coverage_map_uses_tiles_only_when_configured(petugas_client, office, settings) -> None:
    demo.seed(office=office)
    url = f"/petugas/sosialisasi/program/{Programme.objects.get().pk}/"
    html = petugas_client.get(url).content.decode()
    assert "leaflet.js" in html and 'data-tile-url=""' in html and "Peta tanpa latar" in html
    settings.MAP_TILE_URL = "https://tiles.example.go.id/{z}/{x}/{y}.png"
    html = petugas_client.get(url).content.decode()
    assert (
        'data-tile-url="https://tiles.example.go.id/{z}/{x}/{y}.png"' in html
        and "Peta tanpa latar" not in html
    )


def test_key_rotation_re_encrypts_event_photos(make_event, petugas, settings) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_KEYS = [old]
    upload = SimpleUploadedFile("kegiatan.jpg", _jpeg_with_gps(), content_type="image/jpeg")
    (photo,) = event_photo_add(actor=petugas, event=make_event(), files=[upload])
    clean = uploads.read(photo.storage_name)

    settings.FIELD_KEYS = [new, old]
    call_command("rotate_keys", stdout=io.StringIO())
    settings.FIELD_KEYS = [new]
    photo.refresh_from_db()
    assert uploads.read(photo.storage_name) == clean
