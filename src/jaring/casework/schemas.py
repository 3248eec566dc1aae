"""Typed shapes of the staff API (they appear in /api/v1/openapi.json)."""

from datetime import date, datetime

from ninja import Field, Schema


class ReportRowOut(Schema):
    tracking_code: str
    created_at: datetime
    category: str
    status: str
    priority: str
    channel: str
    region_code: str
    assignee: str | None
    verify_due: date | None
    follow_up_due: date | None
    deadline: str = Field(description='"overdue", "today" or ""')
    has_attachments: bool
    labels: list[str]
    urgent: bool = Field(description="urgent (reports/urgency.py or an officer): listed first while open")
    unread_messages: int | None = Field(
        description="the reporter's messages no officer has opened yet (null for partners and in the detail)"
    )


class UrgencyReasonOut(Schema):
    rule: str = Field(description='"departure", "minor", "passport", "held" or "officer"')
    match: str = Field(description="the matched words, or the officer's reason")


class ReportListOut(Schema):
    items: list[ReportRowOut]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page")
    total: int
    total_capped: bool = Field(
        description="true when at least `total` reports match (the count stopped early)"
    )
    scan_limited: bool = Field(
        default=False,
        description="true when a search stopped before the page was full; next_cursor continues the scan",
    )


class PartyOut(Schema):
    kind: str
    value: str
    note: str


class MessageOut(Schema):
    id: int
    author_kind: str
    author: str | None
    body: str
    is_internal: bool
    created_at: datetime


class TimelineOut(Schema):
    at: datetime
    kind: str = Field(description="message, note, status or referral")
    actor: str = Field(description="username, or pelapor/sistem when no account acted")
    title: str
    body: str = Field(description="a status change: the internal reason")
    actor_name: str = Field(description="as officers read it: full name, Pelapor, Sistem, 'Name (agency)'")
    role: str = Field(description="reporter, officer, partner or system")
    public_note: str = Field(description="a status change: what the reporter reads")
    attachments: int


class AttachmentOut(Schema):
    id: int
    content_type: str
    size: int
    created_at: datetime
    url: str = Field(description="GET with the same bearer token: the decrypted file (audited)")


class ReferralUpdateOut(Schema):
    status: str
    note: str
    actor: str
    created_at: datetime


class ReferralOut(Schema):
    id: int
    agency: str
    status: str
    note: str
    outcome: str
    created_at: datetime
    updates: list[ReferralUpdateOut]


class IdentityOut(Schema):
    name: str
    contact: str


class ReportDetailOut(ReportRowOut):
    urgency_reasons: list[UrgencyReasonOut] = Field(
        description="why it is urgent (officers only; else empty)"
    )
    description: str
    incident_date: date | None
    location_text: str
    identity_mode: str
    share_identity_with_partners: bool
    identity: IdentityOut | None = Field(
        description="only with ?include_identity=true for users allowed to see it; each time audited"
    )
    duplicate_of: str | None
    public_status_text: str
    parties: list[PartyOut]
    messages: list[MessageOut]
    timeline: list[TimelineOut]
    attachments: list[AttachmentOut]
    referrals: list[ReferralOut]


class TransitionIn(Schema):
    to: str
    reason: str = ""
    public_note: str = ""


class AssignIn(Schema):
    username: str = Field(description='an officer of the office; "" to unassign (supervisors)')


class BodyIn(Schema):
    body: str


class ReferIn(Schema):
    agency: str = Field(description="agency slug, e.g. bp3mi-kepri, polresta-barelang, disnaker-batam")
    note: str


class ReferralIn(Schema):
    status: str = Field(description="diterima, ditindaklanjuti or selesai")
    note: str = ""
