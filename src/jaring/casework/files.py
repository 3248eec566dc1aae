"""Opening an attachment for staff: the decrypted bytes, with the view recorded in the audit log."""

from jaring.accounts.models import User
from jaring.reports.models import Attachment, Report
from jaring.reports.services import attachment_open


def attachment_read(*, report: Report, attachment: Attachment, actor: User) -> bytes:
    """The caller has scoped `attachment` through selectors.attachment_for; attachment_open audits the view."""
    attachment.report = report
    return attachment_open(attachment=attachment, actor=actor)
