"""The job-offer checker's engine: pure Python, importable without Django (CLI, benchmarks, tests)."""

from .core import MAX_LENGTH, screen
from .lookups import LicensedCompany, Lookups, RegistryIndex, StaticLookups, company_key
from .ruleset import RuleSet, default_rules, load_rules

__all__ = [
    "MAX_LENGTH",
    "LicensedCompany",
    "Lookups",
    "RegistryIndex",
    "RuleSet",
    "StaticLookups",
    "company_key",
    "default_rules",
    "load_rules",
    "screen",
]
