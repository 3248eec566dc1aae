import pytest

from jaring.accounts.demo import BATAM
from jaring.accounts.models import Office
from jaring.content import demo


@pytest.fixture
def batam(db) -> Office:
    """The Batam office without its users: most content tests need no login (and no Argon2 hashing)."""
    return Office.objects.get_or_create(slug="batam", defaults=BATAM)[0]


@pytest.fixture
def seeded(batam) -> Office:
    """The portal's real content, as `jaring demo` seeds it."""
    demo.seed(office=batam)
    return batam
