"""The officers' workspace under /petugas/laporan/: inbox.py (inbox, export, audit log, reply templates) and
report.py (one report and the actions on it). A package because one module would pass ~400 lines."""
