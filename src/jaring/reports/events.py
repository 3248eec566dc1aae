"""What the Lapor channel announces, so that the apps above it react without reports importing them.

Jaringan links a new report's identifiers; WhatsApp relays an officer's reply to the reporter's chat. Both
subscribe in their AppConfig.ready (docs/development.md, "Layers"): reports imports neither.

Signals are sent inside the writing transaction, once the rows exist, and receivers run there too. That is
deliberate: what a receiver writes (a queued task row, an outbound message row) commits or rolls back with the
report, so a stored report never lacks its linking job and a stored reply never lacks its WhatsApp relay. The
work itself (linking, sending) runs after commit, in the task worker. A receiver must therefore only queue, and
an exception in a receiver fails the write it belongs to.
"""

from django.dispatch import Signal

# report=Report: a new report was stored (web, API, WhatsApp).
report_submitted = Signal()
# message=Message: a message in the report's public thread, from the reporter or an officer.
report_message_added = Signal()
# message=Message: an officer's public reply (also announced as report_message_added).
report_replied = Signal()
# report=Report, actor=User | None: the report became urgent, at intake (actor None, reports/urgency.py) or by
# an officer (casework). The office's supervisors are told at once (casework e-mails, channels WhatsApp).
report_marked_urgent = Signal()
