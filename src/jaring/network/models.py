"""Jaringan: identifiers, where they occur, the clusters of records they link, and officers' decisions.

Clusters are maintained incrementally as a union-find in the database: a merge points the smaller cluster's
`root` at the larger one (and re-points the clusters that pointed at it), so joining two clusters of
100,000 records writes a handful of rows, not 100,000. Records and identifiers keep the cluster they were
linked into; their current cluster is that cluster's root.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.reports.models import PartyKind


class Cluster(models.Model):
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged", db_index=True
    )  # null: this cluster is a root (current); otherwise the root it was merged into
    office = models.ForeignKey("accounts.Office", null=True, blank=True, on_delete=models.PROTECT)
    # Counters kept on roots as records arrive; summary pages recount what they show.
    record_count = models.PositiveIntegerField(default=0)
    serious_count = models.PositiveIntegerField(default=0)  # records in TPPO / non-procedural / recruiter
    confirmed_count = models.PositiveIntegerField(default=0)  # identifiers confirmed by officers
    risk = models.FloatField(default=0, db_index=True)
    first_seen = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jaringan")
        verbose_name_plural = _("jaringan")
        indexes = [models.Index(fields=["root", "-risk"])]

    def __str__(self) -> str:
        return f"J-{self.pk}"

    @property
    def code(self) -> str:
        return f"J-{self.pk}"

    @property
    def root_id_or_self(self) -> int:
        return self.root_id or self.pk


class LinkedRecord(models.Model):
    """One record in the graph: a report, a message of its thread, or (later) a checkpoint interview, a chat."""

    class RecordType(models.TextChoices):
        REPORT = "report", _("Laporan")
        MESSAGE = "message", _("Pesan")
        CHECKPOINT = "checkpoint", _("Pemeriksaan TPI")

    record_type = models.CharField(max_length=32)
    record_id = models.CharField(max_length=64)
    # The report the record belongs to: access rules of reports apply to the record (reports_visible_to).
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    office = models.ForeignKey("accounts.Office", null=True, blank=True, on_delete=models.PROTECT)
    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="records")
    category = models.CharField(max_length=32, blank=True)
    label = models.CharField(max_length=64, blank=True)  # what officers recognise: the tracking code
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record_type", "record_id"], name="linked_record_unique")
        ]
        indexes = [models.Index(fields=["cluster", "seen_at"])]

    def __str__(self) -> str:
        return f"{self.record_type}:{self.record_id}"


class Identifier(models.Model):
    kind = models.CharField(_("jenis"), max_length=16, choices=PartyKind.choices)
    normalized = models.CharField(_("nilai"), max_length=300)
    cluster = models.ForeignKey(
        Cluster, null=True, blank=True, on_delete=models.SET_NULL, related_name="identifiers"
    )
    record_count = models.PositiveIntegerField(default=0)
    stopped = models.BooleanField(default=False)  # on the stoplist or too common: kept, never links
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identitas")
        verbose_name_plural = _("identitas")
        constraints = [models.UniqueConstraint(fields=["kind", "normalized"], name="identifier_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.normalized}"


class Occurrence(models.Model):
    """Where an identifier was found: the record, the source (text or party N) and the span of the raw text."""

    identifier = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="occurrences")
    record = models.ForeignKey(LinkedRecord, on_delete=models.CASCADE, related_name="occurrences")
    source = models.CharField(max_length=16)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    raw = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["identifier", "record"])]

    def __str__(self) -> str:
        return f"{self.identifier_id}@{self.record_id}"


class StopEntry(models.Model):
    """An identifier that never links (a hotline, an official portal). Defaults live in data/stoplist.txt."""

    kind = models.CharField(_("jenis"), max_length=16, choices=PartyKind.choices)
    value = models.CharField(
        _("nilai"), max_length=300, help_text=_("Ditulis apa adanya; dinormalkan saat dipakai.")
    )
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("daftar pengecualian")
        verbose_name_plural = _("daftar pengecualian")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="stop_entry_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class LinkProposal(models.Model):
    """Two near-identical company or person names; an officer confirms (the clusters merge) or rejects."""

    class Status(models.TextChoices):
        OPEN = "baru", _("Menunggu keputusan")
        CONFIRMED = "dikonfirmasi", _("Dikonfirmasi")
        REJECTED = "ditolak", _("Ditolak")

    first = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="link_proposal_unique")]

    def __str__(self) -> str:
        return f"{self.first_id}~{self.second_id} ({self.score})"


class IdentifierConfirmation(models.Model):
    """'Terverifikasi': an officer confirmed the identifier is used by a trafficker, with the proving report."""

    identifier = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="confirmations")
    reason = models.CharField(_("alasan"), max_length=300)
    report = models.ForeignKey("reports.Report", on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.identifier} ({self.report_id})"


class Watch(models.Model):
    """Watchlist: the officer is told when a new record mentions this identifier."""

    identifier = models.ForeignKey(Identifier, on_delete=models.CASCADE, related_name="watches")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["identifier", "user"], name="watch_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} watches {self.identifier_id}"


class WatchNotice(models.Model):
    """In-app notice for a watch hit (an e-mail is sent too when the officer has an address)."""

    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="notices")
    record = models.ForeignKey(LinkedRecord, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.watch_id}:{self.record_id}"
