"""What the checkpoints app announces, so that the apps above it react without checkpoints importing them
(like reports/events.py): Jaringan links a new screening's sponsor/escort identifiers.

Sent inside the recording transaction once the rows exist; a receiver must only queue work.
"""

from django.dispatch import Signal

# screening=Screening: a new screening with at least one sponsor/recruiter/escort party was stored.
screening_recorded = Signal()
