"""Every audit event name recorded anywhere in the code has a label supervisors can read (audit/labels.py)."""

import ast
import re
from pathlib import Path

from jaring.audit.labels import AREA_LABELS, EVENT_LABELS, FAMILY_LABELS, event_label

SRC = Path(__file__).resolve().parents[2] / "src" / "jaring"
NAME = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+")  # "report.submitted"; argparse's action="store_true" is not


def recorded_names() -> tuple[set[str], set[str]]:
    """(names, prefixes of names built at run time) of every `action=` in the code: audit_record calls and the
    helpers that pass a name on to it (reports.services._add_message(action="report.replied"))."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg != "action":
                    continue
                value = keyword.value
                for part in (value.body, value.orelse) if isinstance(value, ast.IfExp) else (value,):
                    if (
                        isinstance(part, ast.Constant)
                        and isinstance(part.value, str)
                        and NAME.fullmatch(part.value)
                    ):
                        names.add(part.value)
                    elif isinstance(part, ast.JoinedStr) and isinstance(part.values[0], ast.Constant):
                        prefixes.add(str(part.values[0].value))
    return names, prefixes


def test_the_scan_finds_the_audit_calls() -> None:
    names, prefixes = recorded_names()
    assert {"report.submitted", "report.replied", "network.identifier_viewed", "login.locked"} <= names
    assert "whatsapp.status." in prefixes


def test_every_recorded_event_name_has_a_label() -> None:
    names, prefixes = recorded_names()
    missing = sorted(names - EVENT_LABELS.keys())
    assert not missing, f"add a label to jaring/audit/labels.py EVENT_LABELS for: {missing}"
    unlabelled = sorted(prefixes - FAMILY_LABELS.keys())
    assert not unlabelled, f"add a family label to jaring/audit/labels.py FAMILY_LABELS for: {unlabelled}"


def test_every_name_belongs_to_an_area_of_the_filter() -> None:
    names, prefixes = recorded_names()
    areas = {name.split(".")[0] for name in names | prefixes}
    assert areas <= AREA_LABELS.keys()


def test_labels_are_indonesian_and_unknown_names_stay_visible() -> None:
    assert event_label("network.identifier_viewed") == "Identitas jaringan dibuka"
    assert (
        event_label("whatsapp.status.accepted") == "WhatsApp: status pesan diperbarui"
    )  # a new status value
    assert event_label("something.new") == "something.new"
