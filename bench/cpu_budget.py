#!/usr/bin/env python3
"""Where an import's CPU goes, thread by thread (decision 0023).

Runs one `jcu import` of FILE into a fresh DATA_DIR with the malloc tunables the CLI's relaunch would set (decision
0022; run in this process so that its threads can be read), samples /proc/PID/task/*/stat every 0.2 s, and prints,
for the window in which the import's threads ran, the CPU seconds (user + system) of each group of threads: the
writer (the CLI's main thread, which runs the import's transaction), the import workers, the reader, the JIT
compilers, the garbage collector and the rest; per imported object in microseconds; and the import rate that much
CPU would allow if every core were busy all the time (the ceiling no arrangement of threads can pass).

Usage: bench/cpu_budget.py JAR FILE DATA_DIR [JAVA]    (Linux only; DATA_DIR must not exist)
"""
import os
import re
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")
GROUPS = [
    ("writer (main thread: the import's transaction, SQLite)", lambda name: name == "java"),
    ("import workers (parse, validate, extract, normalise)", lambda name: name.startswith("jcu-import-work")),
    ("import reader (bundle to objects)", lambda name: name.startswith("jcu-import-read")),
    ("JIT compilers (C1, C2)", lambda name: "CompilerThre" in name),
    ("garbage collector", lambda name: name.startswith("GC ") or name.startswith("G1 ")),
]


def sample(pid):
    """{tid: (name, cpu seconds)} of every live thread of pid."""
    threads = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return threads
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except (FileNotFoundError, ProcessLookupError):
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        threads[tid] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return threads


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    jar, bundle, data = sys.argv[1:4]
    java = sys.argv[4] if len(sys.argv) > 4 else "java"
    env = dict(os.environ)
    env["JCU_MALLOC_TUNING"] = "off"
    env["GLIBC_TUNABLES"] = "glibc.malloc.arena_max=1:glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=1073741824"
    started = time.monotonic()
    process = subprocess.Popen(
        [java, "-Xmx256m", "-Dlogging.level.org.jcu.intel=DEBUG", "-jar", jar, "import", "-q", "--data", data, bundle],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first = last = None
    while process.poll() is None:
        threads = sample(process.pid)
        if any(name.startswith("jcu-import-") for name, _ in threads.values()):
            if first is None:
                first = threads
            last = threads
        time.sleep(0.2)
    output = process.stdout.read()
    wall = time.monotonic() - started
    if process.returncode != 0 or first is None:
        sys.exit(f"import failed or too short to sample (exit {process.returncode}):\n{output}")
    summary = [line for line in output.splitlines() if "objects/s" in line]
    match = re.search(r"imported (\d+)", summary[-1]) if summary else None
    seconds = re.search(r" in ([0-9.]+) s,", summary[-1]) if summary else None
    if not match or not seconds:
        sys.exit(f"no import summary in the output:\n{output}")
    imported, import_seconds = int(match.group(1)), float(seconds.group(1))
    per_group = {label: 0.0 for label, _ in GROUPS}
    rest = 0.0
    for tid, (name, cpu) in last.items():
        used = cpu - first.get(tid, (name, 0.0))[1]
        for label, test in GROUPS:
            if test(name):
                per_group[label] += used
                break
        else:
            rest += used
    total = sum(per_group.values()) + rest
    cores = os.cpu_count()
    print(summary[-1])
    print(f"process wall {wall:.1f} s; CPU in the sampled import window ({cores} cores):")
    for label, used in list(per_group.items()) + [("other threads", rest), ("total", total)]:
        print(f"  {label:58s} {used:7.1f} s  {used * 1e6 / imported:6.1f} µs/object")
    print(f"  ceiling with every core busy: {imported / (total / cores):,.0f} objects/s"
          f" (measured {imported / import_seconds:,.0f})")


if __name__ == "__main__":
    main()
