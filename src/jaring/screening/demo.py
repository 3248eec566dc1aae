"""Demo data for the checker: the SAMPLE P3MI registry (fictional companies, clearly marked). Idempotent."""

from pathlib import Path

from jaring.accounts.models import Office

from .registry_file import read_registry
from .services import p3mi_import

SAMPLE_REGISTRY = Path(__file__).resolve().parent / "data" / "p3mi_SAMPLE.csv"


def seed(office: Office) -> None:
    """Imports the sample registry (upsert by licence number, so running it twice changes nothing)."""
    del office  # the registry is national, not per office
    p3mi_import(rows=read_registry(SAMPLE_REGISTRY), source=SAMPLE_REGISTRY.name)
