"""jaring screening_train: train the learned scorer on the sourced corpus and write data/model.json.

Needs scikit-learn (installed with the dev extras). By default the frozen test split is left out, so that
benchmarks/eval_screening.py --test still measures the shipped model on texts it never saw.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jaring.screening import corpus
from jaring.screening.engine.model import DEFAULT_PATH


class Command(BaseCommand):
    help = "Train the learned scorer of the job-offer checker on the corpus and write it as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out", type=Path, default=DEFAULT_PATH, help=f"output file (default {DEFAULT_PATH})"
        )
        parser.add_argument(
            "--corpus", type=Path, default=corpus.CORPUS_DIR, help="folder of *.jsonl part files"
        )
        parser.add_argument(
            "--include-test",
            action="store_true",
            help="also train on the frozen test split (not for evaluation)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            from jaring.screening.training import train
        except ImportError as error:  # scikit-learn is a training-only dependency
            raise CommandError(f"{error}: install the dev extras (pip install -e .[dev])") from None
        items = corpus.load(options["corpus"])
        errors = corpus.problems(items)
        if errors:
            raise CommandError("corpus invalid:\n" + "\n".join(errors[:20]))
        if not options["include_test"]:
            items = [i for i in items if not corpus.is_test(i)]
        labels = {i["label"] for i in items}
        if len(items) < 20 or not {"risk", "not_offer"} <= labels:
            raise CommandError(f"too few items to train on ({len(items)}, labels {sorted(labels)})")
        data = train(items)
        options["out"].write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        size = options["out"].stat().st_size
        self.stdout.write(
            f"trained on {len(items)} items; {sum(len(h['weights']) for h in data['heads'].values())} weights, "
            f"{len(data['neighbours']['cases'])} cases; wrote {options['out']} ({size // 1024} KB)"
        )
