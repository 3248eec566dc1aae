"""Reading the official P3MI list export (CSV or XLSX) into plain rows. Headers vary between exports, so
columns are found by name (Indonesian or English), not by position."""

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from jaring.lib.phones import normalise_phone

# Accepted header names (folded) for each field.
HEADERS = {
    "name": ("nama p3mi", "nama perusahaan", "nama", "name", "company", "perusahaan"),
    "licence_number": (
        "nomor sip3mi",
        "no sip3mi",
        "sip3mi",
        "nomor izin",
        "no izin",
        "licence",
        "license",
        "licence number",
        "license number",
    ),
    "address": ("alamat", "address"),
    "phones": ("telepon", "telp", "phone", "no telepon", "nomor telepon"),
    "status": ("status", "status izin"),
    "note": ("keterangan", "catatan", "note", "notes"),
}
INACTIVE = (
    "dicabut",
    "tidak aktif",
    "nonaktif",
    "non aktif",
    "inactive",
    "revoked",
    "expired",
    "kedaluwarsa",
)


class RegistryFileError(ValueError):
    pass


def _header_map(header: list[str]) -> dict[str, int]:
    folded = [" ".join(str(h or "").lower().replace(".", " ").replace("_", " ").split()) for h in header]
    found = {}
    for field, names in HEADERS.items():
        for index, value in enumerate(folded):
            if value in names:
                found[field] = index
                break
    missing = {"name", "licence_number"} - set(found)
    if missing:
        raise RegistryFileError(f"missing columns: {', '.join(sorted(missing))} (header: {header})")
    return found


def _table(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        workbook = load_workbook(path, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
        return rows
    raw = path.read_bytes().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t") if raw.strip() else csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(raw), dialect)]


def read_registry(path: Path) -> list[dict]:
    """Rows as dicts: name, licence_number, address, phones (E.164 list), is_active, is_sample."""
    table = [row for row in _table(path) if any(row)]
    if not table:
        raise RegistryFileError("empty file")
    columns = _header_map(table[0])
    rows = []
    for line in table[1:]:

        def cell(field: str, line: list[str] = line) -> str:
            index = columns.get(field)
            return line[index] if index is not None and index < len(line) else ""

        name, licence = cell("name"), cell("licence_number")
        if not name or not licence:
            continue
        phones = [
            p for p in (normalise_phone(part) for part in cell("phones").replace(";", ",").split(",")) if p
        ]
        status = cell("status").lower()
        rows.append(
            {
                "name": name[:200],
                "licence_number": licence[:100],
                "address": cell("address")[:300],
                "phones": phones,
                "is_active": not any(word in status for word in INACTIVE),
                "is_sample": "sample" in (licence + cell("note")).lower(),
            }
        )
    return rows
