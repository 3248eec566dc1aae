"""The primary office is kept per process for a minute; an edit in this process shows at once."""

import pytest

from jaring.accounts.models import Office
from jaring.accounts.selectors import primary_office


@pytest.mark.django_db
def test_no_office_is_not_remembered():
    assert primary_office() is None
    # bulk_create sends no post_save: only not remembering "no office" lets the new office be seen.
    (office,) = Office.objects.bulk_create([Office(slug="batam", name="Kantor Imigrasi Batam")])
    assert primary_office().pk == office.pk


@pytest.mark.django_db
def test_an_edit_is_seen_at_once_and_callers_get_their_own_copy(office):
    first = primary_office()
    first.verify_days = 99  # a caller changing its copy does not change what others get
    assert primary_office().verify_days == office.verify_days
    office.verify_days = 2
    office.save()
    assert primary_office().verify_days == 2


@pytest.mark.django_db
def test_the_first_configured_office_stays_primary(office):
    Office.objects.create(slug="tanjungpinang", name="Kantor Imigrasi Tanjung Pinang")
    assert primary_office().pk == office.pk
