"""WhatsApp tests run against the fake Graph API server over real HTTP, with the immediate task backend."""

import pytest
from django.test import Client

from jaring.accounts.models import Office
from tests.channels import payloads
from tests.channels.fake_graph import TOKEN, start


@pytest.fixture(scope="session")
def _graph_server():
    graph, server = start()
    yield graph
    server.shutdown()


@pytest.fixture(scope="session")
def _elsewhere_server():
    elsewhere, server = start()
    yield elsewhere
    server.shutdown()


@pytest.fixture
def elsewhere(_elsewhere_server):
    """A second server on another port: a host the media download must not reach with the token."""
    _elsewhere_server.reset()
    return _elsewhere_server


@pytest.fixture
def graph(_graph_server, settings):
    _graph_server.reset()
    settings.WHATSAPP_GRAPH_URL = _graph_server.url
    settings.WHATSAPP_ACCESS_TOKEN = TOKEN
    settings.WHATSAPP_PHONE_NUMBER_ID = payloads.PHONE_NUMBER_ID
    settings.WHATSAPP_APP_SECRET = payloads.APP_SECRET
    settings.WHATSAPP_VERIFY_TOKEN = "test-verify-token"
    settings.SITE_URL = "https://jaring.example"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return _graph_server


class Chat:
    """A WhatsApp user talking to the hotline: posts signed webhooks, runs the on-commit tasks, reads answers."""

    def __init__(self, graph, capture, wa_id: str = payloads.WA_ID, name: str = "Siti") -> None:  # type: ignore[no-untyped-def]
        self.graph = graph
        self.capture = capture
        self.client = Client()
        self.wa_id = wa_id
        self.name = name

    def post(self, payload: dict):  # type: ignore[no-untyped-def]
        with self.capture(execute=True):
            response = payloads.post(self.client, payload)
        assert response.status_code == 200, response.content
        return response

    def send(self, body: str, **kwargs) -> str:  # type: ignore[no-untyped-def]
        """Sends a text; returns the hotline's answers to it, joined."""
        before = len(self.graph.texts())
        self.post(payloads.text(body, wa_id=self.wa_id, name=self.name, **kwargs))
        return "\n---\n".join(self.graph.texts()[before:])

    def send_payload(self, payload: dict) -> str:
        before = len(self.graph.texts())
        self.post(payload)
        return "\n---\n".join(self.graph.texts()[before:])


@pytest.fixture
def hotline_office(db) -> Office:
    """The office alone (the shared `office` fixture also hashes four demo passwords: slow on a busy machine).
    Tests that need officers use `office`/`petugas`, which find this office by its slug."""
    office, _ = Office.objects.get_or_create(
        slug="batam",
        defaults={
            "name": "Kantor Imigrasi Kelas I Khusus TPI Batam",
            "short_name": "Kanim Batam",
            "region_code": "21.71",
            "hotline_whatsapp": "0811-7002-019",
        },
    )
    return office


@pytest.fixture
def chat(graph, hotline_office, django_capture_on_commit_callbacks) -> Chat:
    return Chat(graph, django_capture_on_commit_callbacks)
