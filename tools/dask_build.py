#!/usr/bin/env python3
"""policygraph build with the extract step spread over a Dask cluster.

    tools/dask_build.py -o graphs/out gazettes/
    tools/dask_build.py -o graphs/out --workers 4 --parts 8 gazettes/
    tools/dask_build.py -o /shared/out --scheduler tcp://head:8786 \\
        --shards /shared/shards /shared/gazettes

Splits the input files into N parts and runs one task per part on the
cluster: `policygraph extract PATH... --part K/N -o SHARDS/part-K-of-N.jsonl`.
Every task lists the same PATHs and keeps every N-th file of the sorted
list, so the parts cover each file once without a file list being sent
around, and the listing rules (folders walked for *.txt, symlinked folders
not followed) are the tool's own.  Then `policygraph merge` runs here and
writes the folder `policygraph build PATH... -o DIR` writes, byte for byte.
With no PATH, the bundled corpus, as for build.

Without --scheduler, a LocalCluster of --workers processes on this machine.
With it, the workers must see the policygraph binary, the inputs, the
shard folder and this working folder at the same paths as here (a shared
file system): each task runs in the folder this script was started in, so
relative PATHs mean the same files, and are shown the same, as under build.

Exit codes: those of merge (0 ok, 2 an input that could not be read);
2 when a task fails (its part, host, exit code and messages are printed)
or the cluster cannot be reached.

Python 3.11, the standard library and distributed (Debian:
python3-distributed) only.
"""

import argparse
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The files build and merge write, in the order their --help lists them.
# --outputs is checked against these before the cluster works for hours,
# not by merge at the end; tests/dask_test.cc holds them to the tool's.
BUILD_FILES = ("graph.json", "graph.cyjs", "graph.graphml", "graph.dot",
               "graph.svg", "coverage.csv", "orphans.csv", "report.md",
               "report.html", "index.html")


def outputs_error(outputs):
    """What merge would say of an --outputs list it refuses, else None."""
    if not outputs:  # as merge takes it: every file
        return None
    accepted = ", ".join(BUILD_FILES) + ", or all"
    names = [name for name in outputs.split(",") if name]
    for name in names:
        if name != "all" and name not in BUILD_FILES:
            return f"--outputs: unknown output '{name}' ({accepted})"
    if not names:
        return f"--outputs: no output named ({accepted})"
    return None


class TaskFailed(Exception):
    """A part whose extract wrote no shard."""


def extract_part(tool, cwd, paths, part, parts, shard, extract_flags):
    """Runs on a worker: extract one part into `shard`.

    Returns what the run said; raises TaskFailed when no shard was written.
    An input that cannot be read is not a failure: extract still writes the
    shard (exit 2) and merge reports the input as build would.
    """
    started = time.monotonic()
    command = [tool, "extract", "-q", "--part", f"{part}/{parts}", "-o", shard]
    command += extract_flags + ["--"] + paths
    host = socket.gethostname()
    try:
        run = subprocess.run(command, cwd=cwd, capture_output=True)
    except OSError as error:
        raise TaskFailed(f"part {part}/{parts} on {host}: cannot run "
                         f"{tool} in {cwd}: {error}") from None
    stderr = run.stderr.decode("utf-8", "replace")
    if not os.path.isfile(shard):
        raise TaskFailed(f"part {part}/{parts} on {host}: policygraph "
                         f"extract exited with {run.returncode} and wrote no "
                         f"shard:\n{stderr.rstrip()}")
    return {"part": part, "host": host, "exit": run.returncode,
            "seconds": time.monotonic() - started}


def default_tool():
    """$POLICYGRAPH, else this checkout's build, else policygraph on PATH."""
    if os.environ.get("POLICYGRAPH"):
        return os.environ["POLICYGRAPH"]
    built = ROOT / "build" / "policygraph"
    if built.is_file():
        return str(built)
    return shutil.which("policygraph") or "policygraph"


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="policygraph build with extract on a Dask cluster: "
        "N parts extracted as shards by N tasks, then merged here into the "
        "folder build writes, byte for byte.",
        epilog="Example: tools/dask_build.py -o graphs/out --workers 2 "
        "corpus/chongqing")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="gazette files or folders, as for policygraph "
                        "build (default: the bundled corpus)")
    parser.add_argument("-o", "--output", required=True,
                        help="output folder, as build -o")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler (tcp://host:8786); "
                        "default: a LocalCluster on this machine")
    parser.add_argument("--workers", type=int,
                        help="worker processes of the LocalCluster "
                        "(default 2)")
    parser.add_argument("--parts", type=int,
                        help="parts to split the inputs into, one task each "
                        "(default: one per worker thread)")
    parser.add_argument("--shards", metavar="DIR",
                        help="folder for the shards, seen by every worker "
                        "(default: a temporary folder beside -o, removed "
                        "afterwards)")
    parser.add_argument("--keep-shards", action="store_true",
                        help="keep the shards after merging")
    parser.add_argument("--policygraph", metavar="EXE", default=None,
                        help="the policygraph binary (default: "
                        "$POLICYGRAPH, build/policygraph of this checkout, "
                        "policygraph on PATH)")
    parser.add_argument("--max-file-size", metavar="SIZE",
                        help="passed to extract, as for build")
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="threads of each extract task (default 1: the "
                        "cluster gives the parallelism)")
    parser.add_argument("--outputs", metavar="LIST",
                        help="passed to merge, as for build: the files to "
                        "write (default all)")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="errors only, as build -q")
    args = parser.parse_args(argv)
    if args.scheduler and args.workers is not None:
        parser.error("--workers is for the LocalCluster; a cluster behind "
                     "--scheduler has its own workers")
    if args.workers is None:
        args.workers = 2
    if args.workers < 1 or (args.parts is not None and args.parts < 1):
        parser.error("--workers and --parts must be at least 1")
    return args


def say(args, message):
    if not args.quiet:
        print(f"dask_build: {message}", file=sys.stderr, flush=True)


def fail(message):
    print(f"dask_build: error: {message}", file=sys.stderr, flush=True)
    return 2


def connect(args):
    """A Client on the scheduler given, or on a new LocalCluster."""
    from distributed import Client, LocalCluster
    if args.scheduler:
        return Client(args.scheduler, timeout="30s"), None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                           processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_parts(client, args, tool, shards):
    """One extract task per part; the shard paths, or raises TaskFailed
    with every failed part's message."""
    from distributed import as_completed
    parts = args.parts or max(1, sum(client.nthreads().values()))
    flags = ["-j", str(args.jobs)]
    if args.max_file_size:
        flags += ["--max-file-size", args.max_file_size]
    cwd = os.getcwd()
    names = [os.path.join(shards, f"part-{k}-of-{parts}.jsonl")
             for k in range(1, parts + 1)]
    for name in names:  # a shard of an earlier run must not pass for ours
        if os.path.exists(name):
            os.remove(name)
    say(args, f"extracting {parts} part(s) on "
        f"{len(client.nthreads())} worker(s)")
    futures = [client.submit(extract_part, tool, cwd, args.paths, k, parts,
                             names[k - 1], flags, pure=False,
                             key=f"policygraph-extract-{k}-of-{parts}-"
                             f"{os.getpid()}-{time.time_ns()}")
               for k in range(1, parts + 1)]
    failures = []
    for future in as_completed(futures):
        try:
            done = future.result()
        except Exception as error:
            # TaskFailed comes back as a copy of the class, so by name; the
            # rest is the cluster's (a worker lost, a pickling error …).
            failures.append(
                str(error) if type(error).__name__ == "TaskFailed"
                else f"{future.key}: {type(error).__name__}: {error}")
            continue
        say(args, f"part {done['part']}/{parts} done on {done['host']} in "
            f"{done['seconds']:.1f} s")
    if failures:
        raise TaskFailed("\n".join(sorted(failures)))
    return names


def main(argv):
    args = parse_args(argv)
    if args.outputs and (error := outputs_error(args.outputs)):
        return fail(error)
    tool = args.policygraph or default_tool()
    resolved = shutil.which(tool)
    if not resolved:
        return fail(f"no policygraph binary at {tool} (build it with "
                    "tools/build.sh, or give --policygraph)")
    tool = os.path.abspath(resolved)
    try:
        import distributed  # noqa: F401
    except ImportError:
        return fail("python module distributed is missing (Debian: "
                    "python3-distributed; see tools/deps.sh)")
    output = Path(args.output)
    made_shards = args.shards is None
    if made_shards:
        parent = output.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        shards = tempfile.mkdtemp(prefix=f".{output.name}.shards-",
                                  dir=parent)
    else:
        shards = os.path.abspath(args.shards)
        os.makedirs(shards, exist_ok=True)
    client = cluster = None
    try:
        try:
            client, cluster = connect(args)
        except (OSError, TimeoutError) as error:
            return fail(f"cannot reach the Dask scheduler "
                        f"{args.scheduler or '(local)'}: {error}")
        try:
            names = run_parts(client, args, tool, shards)
        except TaskFailed as error:
            return fail(f"extract failed, nothing merged:\n{error}")
        merge = [tool, "merge", "-o", args.output]
        if args.quiet:
            merge.append("-q")
        if args.outputs:
            merge += ["--outputs", args.outputs]
        merge += ["--"] + names
        say(args, "merging the shards here")
        return subprocess.run(merge).returncode
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        if made_shards and not args.keep_shards:
            shutil.rmtree(shards, ignore_errors=True)
        elif args.keep_shards:
            say(args, f"shards kept in {shards}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
