"""Splink (DuckDB) deduplication of the same records, for comparison with `jaring network link`.

Runs in a separate venv with splink installed (not a project dependency):
    /tmp/splink-venv/bin/python benchmarks/splink_network.py IDENTIFIERS.csv OUT.csv
IDENTIFIERS.csv holds one row per record with the first normalised identifier of each kind, written by
bench_network.py from Jaring's own extraction (so the extraction cost is not part of Splink's time).
Blocking on exact equality of each identifier, exact-match comparisons, u from random sampling, fixed m.
"""

import sys
import time

import duckdb
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

KINDS = ["phone", "account", "company", "person", "handle", "email"]


def main() -> None:
    source, out = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    con = duckdb.connect()
    frame = con.sql(f"SELECT * FROM read_csv('{source}', all_varchar=true)")  # noqa: S608 - a local file path
    comparisons = [cl.ExactMatch(kind).configure(m_probabilities=[0.95, 0.05]) for kind in KINDS]
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="id",
        blocking_rules_to_generate_predictions=[block_on(kind) for kind in KINDS],
        comparisons=comparisons,
        probability_two_random_records_match=1e-5,
    )
    db_api = DuckDBAPI(con)
    linker = Linker(db_api.register(frame), settings)  # Splink 5: register the table, then link
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.5)
    table = clusters.physical_name
    count = con.sql(f"SELECT count(DISTINCT cluster_id) FROM {table}").fetchall()[0][0]  # noqa: S608
    con.sql(f"COPY (SELECT id, cluster_id FROM {table}) TO '{out}' (HEADER)")  # noqa: S608
    print(f"splink clusters {count} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
