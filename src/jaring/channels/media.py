"""WhatsApp media: look up by id, download with the access token, clean through the Lapor upload pipeline."""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from jaring.channels import graph
from jaring.channels.models import InboundMessage
from jaring.lib import uploads
from jaring.lib.crypto import decrypt_bytes

FETCHED_KINDS = ("image", "document", "audio")
_EXTENSIONS = {"image": "jpg", "audio": "ogg", "document": "pdf"}


def fetch(inbound: InboundMessage) -> uploads.CleanFile:
    """The cleaned file of a media message.

    Raises graph.GraphError (download failed; `token_expired` tells an expired token), graph.MediaTooLarge,
    or ValidationError from the upload pipeline (type not accepted, unreadable image).
    """
    limit = settings.ATTACHMENT_MAX_BYTES
    info = graph.media_info(inbound.media_id)
    if info.file_size is not None and info.file_size > limit:
        raise graph.MediaTooLarge
    data = graph.download(info.url, max_bytes=limit)
    name = inbound.media_name or f"whatsapp-{inbound.kind}.{_EXTENSIONS.get(inbound.kind, 'bin')}"
    return uploads.prepare(io.BytesIO(data), name=name)


def as_upload(content_token: bytes, content_type: str, name: str) -> SimpleUploadedFile:
    """A staged (encrypted) file handed to the report services like a browser upload."""
    return SimpleUploadedFile(name, decrypt_bytes(bytes(content_token)), content_type=content_type)


def clean_as_upload(clean: uploads.CleanFile) -> SimpleUploadedFile:
    return SimpleUploadedFile(clean.original_name, clean.content, content_type=clean.content_type)
