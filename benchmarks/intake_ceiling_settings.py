"""Bench-only settings for bench_intake.py: the application's settings with a URLconf that adds one bare view.

Never imported by the application. Used as `DJANGO_SETTINGS_MODULE=intake_ceiling_settings` with benchmarks/
on sys.path.
"""

from jaring.settings import *  # noqa: F403

ROOT_URLCONF = "intake_ceiling_urls"
