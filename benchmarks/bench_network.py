"""Network linking at scale: 1,000,000 records / ~3,000,000 identifiers through `jaring network link`.

Prints wall time and peak memory of the batch run (the whole process tree, workers included), the
incremental insert latency of the in-memory engine at that size, the application's incremental insert
latency (`record_link`, SQLite) with --db-records linked records already stored, and, if a Splink venv is
given, Splink (DuckDB) deduplicating the same records. Budget (DESIGN.md): <= 60 s, <= 4 GB, <= 50 ms.

    .venv/bin/python benchmarks/bench_network.py [--records 1000000] [--jobs 2] [--db-records 1000000]
        [--splink-python /tmp/splink-venv/bin/python]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jaring.network.engine import Stoplist

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_network import machine  # noqa: E402

JARING = [sys.executable, "-m", "jaring"]
cpu_seconds = 0.0  # of the last measured command, workers included (less sensitive to a busy machine)


def tree_rss_kb(pids: list[int]) -> int:
    """Resident memory of a process and all its descendants (multiprocessing workers), from /proc. Pages a
    forked worker shares with its parent count in both: see tree_pss_kb for the memory actually used."""
    total = 0
    for current in pids:
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def tree_pids(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def tree_pss_kb(pids: list[int]) -> int:
    """Proportional set size of the process tree: each shared page counted once over the processes that
    share it (the formatting workers fork after the arrays are built and read them in place)."""
    total = 0
    for current in pids:
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


peak_pss = 0  # KB, of the last measured command


def measured(command: list[str], env: dict | None = None) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time, peak RSS of the process tree (KB), and the result; CPU seconds land in `cpu_seconds`."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = pss = 0
    # Sampled twice a second; the process tree is looked up once a sample (a scan of /proc costs the measured
    # run a few per cent of a core when repeated five times a second).
    while process.poll() is None:
        pids = tree_pids(process.pid)
        peak = max(peak, tree_rss_kb(pids))
        pss = max(pss, tree_pss_kb(pids))
        time.sleep(0.5)
    out, err = process.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    global cpu_seconds, peak_pss
    peak_pss = pss
    cpu_seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return (
        time.perf_counter() - started,
        peak,
        subprocess.CompletedProcess(command, process.returncode, out, err),
    )


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def in_memory_incremental(records_path: Path, base: int, count: int, jobs: int) -> list[float]:
    """Load `base` records into the engine (extraction in worker processes, as the CLI does), then time
    add_linked for `count` new records one by one (ms). Union-find and dict operations do not grow with n."""
    import itertools

    from jaring.network import synthetic
    from jaring.network.engine import Linker

    linker = Linker()
    with records_path.open() as lines:
        for record_id, keys in keyed(itertools.islice(lines, base), linker.stoplist):
            linker.add_keys(record_id, keys)
    for _cluster in linker.clusters():  # the batch union over the base records
        pass
    timings = []
    for record, _truth in synthetic.records(count, seed=99):
        started = time.perf_counter()
        linker.add_linked("new-" + record["id"], record["text"], record["parties"])
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def keyed(lines: Iterable[str], stoplist: "Stoplist") -> Iterator[tuple[object, list[str]]]:
    """(id, linking keys) of each well-formed record, as the batch extracts them (in this process)."""
    from jaring.network import batch
    from jaring.network.engine import record_keys

    for line in lines:
        if line.strip():
            record_id, text, parties = batch.parse_line(line)
            yield record_id, record_keys(text, parties, stoplist)


def splink_input(records_path: Path, work: Path, jobs: int) -> Path:
    """One CSV row per record: the first normalised identifier of each kind (Jaring's extraction)."""
    import csv

    from jaring.network.engine import Stoplist

    kinds = ["phone", "account", "company", "person", "handle", "email"]
    path = work / "identifiers.csv"
    with records_path.open() as lines, path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", *kinds])
        for record_id, keys in keyed(lines, Stoplist.default()):
            first: dict[str, str] = {}
            for key in sorted(keys):
                kind, _, value = key.partition("\t")
                first.setdefault(kind, value)
            writer.writerow([record_id, *(first.get(kind, "") for kind in kinds)])
    return path


def splink_run(
    python: str, records_path: Path, work: Path, jobs: int
) -> tuple[float, int, subprocess.CompletedProcess]:
    started = time.perf_counter()
    source = splink_input(records_path, work, jobs)
    print(f"splink input (Jaring extraction to CSV) {time.perf_counter() - started:.1f} s, not counted below")
    script = ROOT / "benchmarks" / "splink_network.py"
    return measured([python, str(script), str(source), str(work / "splink_out.csv")])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--input", default="", help="an existing gen_network file instead of generating one")
    parser.add_argument("--incremental", type=int, default=1000, help="new records timed one by one")
    parser.add_argument("--incremental-base", type=int, default=200_000, help="records loaded before timing")
    parser.add_argument("--db-records", type=int, default=0, help="records stored before timing record_link")
    parser.add_argument("--splink-python", default="", help="python of a venv where splink is installed")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    started = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    print(
        f"reference loop (10M additions): {time.process_time() - started:.2f} CPU s (about 0.4 s on an idle core)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        records_path = Path(args.input) if args.input else work / "records.jsonl"
        if not args.input:
            started = time.perf_counter()
            subprocess.run(
                [
                    *JARING,
                    "gen_network",
                    "--records",
                    str(args.records),
                    "--seed",
                    str(args.seed),
                    "--out",
                    str(records_path),
                ],
                check=True,
                capture_output=True,
            )
            print(
                f"generated {args.records} records in {time.perf_counter() - started:.1f} s "
                f"({records_path.stat().st_size / 1e6:.0f} MB)"
            )
        wall, peak, done = measured(
            [
                *JARING,
                "network",
                "link",
                str(records_path),
                "--out",
                str(work / "out.jsonl"),
                "--jobs",
                str(args.jobs),
            ]
        )
        print(f"network link: {wall:.1f} s wall, {cpu_seconds:.1f} s CPU, peak {peak / 1e6:.2f} GB RSS summed over "
              f"the process tree, {peak_pss / 1e6:.2f} GB PSS (shared pages once), "
              f"jobs {args.jobs}, load average {os.getloadavg()[0]:.1f}; "
              f"{done.stderr.strip().splitlines()[-1]}")  # fmt: skip
        if args.incremental:
            base = min(args.incremental_base, args.records)
            timings = in_memory_incremental(records_path, base, args.incremental, args.jobs)
            print(
                f"engine incremental insert with {base} records loaded: p50 {statistics.median(timings):.3f} ms, "
                f"p99 {percentile(timings, 0.99):.3f} ms, max {max(timings):.3f} ms"
            )
        if args.db_records:
            script = ROOT / "benchmarks" / "bench_network_db.py"
            env = {k: v for k, v in os.environ.items() if k != "JARING_DATABASE_URL"}
            env["JARING_DATA_DIR"] = str(work / "var")
            done = subprocess.run([sys.executable, str(script), str(args.db_records)], env=env,
                                  capture_output=True, text=True)  # fmt: skip
            print(done.stdout.strip() or done.stderr.strip()[-2000:])
        if args.splink_python:
            wall, peak, done = splink_run(args.splink_python, records_path, work, args.jobs)
            tail = (done.stdout.strip() or done.stderr.strip()[-500:]).splitlines()[-1:]
            print(
                f"splink (duckdb): {wall:.1f} s wall, {cpu_seconds:.1f} s CPU, peak {peak / 1e6:.2f} GB; {' '.join(tail)}"
            )


if __name__ == "__main__":
    main()
