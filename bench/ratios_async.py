#!/usr/bin/env python3
"""Puts bench_async.cpp's Google Benchmark JSON (medians of its repetitions)
next to cpython_async.py's JSON: one table of ns per item and one of bytes
per sleeping Task, with ratios against native C++20.

Given several runs (--cxx run1.json run2.json ... --cpython run1.json ...,
paired in order), each cell is the median over the runs, with the range
(min-max) in brackets; a ratio is computed within each run (C++ run i
against CPython run i), then its median taken.

usage: ratios_async.py --cxx BENCH.json... --cpython CPYTHON.json...
"""
import argparse
import json
import statistics

ap = argparse.ArgumentParser()
ap.add_argument("--cxx", nargs="+", required=True)
ap.add_argument("--cpython", nargs="+", required=True)
args = ap.parse_args()
if len(args.cxx) != len(args.cpython):
    ap.error("give as many --cpython files as --cxx files")

UNITS = {
    "call_soon": "callback",
    "timers_equal": "timer",
    "timers_reverse": "timer",
    "switch": "switch",
    "volley": "switch",
    "await": "await",
    "spawn": "Task",
}


def load_cxx(path):
    """{(workload, impl): median entry}, and the run's context."""
    bench = json.load(open(path))
    entries = {}
    for b in bench["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name = b["run_name"].split("/iterations:")[0]
        kind, _, arg = name.partition("/")
        base, _, impl = kind.rpartition("_")
        entries[(base + ("/" + arg if arg else ""), impl)] = b
    return entries, bench["context"]


runs = []
for cxx, py in zip(args.cxx, args.cpython):
    entries, ctx = load_cxx(cxx)
    runs.append((entries, ctx, json.load(open(py))))


def cell(values, digits=1):
    values = [v for v in values if v is not None]
    if not values:
        return ""
    m = "{:.{}f}".format(statistics.median(values), digits)
    lo, hi = "{:.{}f}".format(min(values), digits), "{:.{}f}".format(max(values), digits)
    return m if lo == hi else "{} ({}-{})".format(m, lo, hi)


def ratio(pairs):
    r = [a / b for a, b in pairs if a is not None and b is not None]
    if not r:
        return ""
    m = "{:.2f}x".format(statistics.median(r))
    lo, hi = "{:.2f}".format(min(r)), "{:.2f}".format(max(r))
    return m if lo == hi else "{} ({}-{})".format(m, lo, hi)


def ns(entries, w, impl):
    b = entries.get((w, impl))
    return 1e9 / b["items_per_second"] if b else None


python = runs[0][2]["python"]
print("{} run(s); {} CPUs at {} MHz; load average at the start of each C++ run: {}".format(
    len(runs), runs[0][1].get("num_cpus"), runs[0][1].get("mhz_per_cpu"),
    "; ".join(", ".join("{:.1f}".format(x) for x in ctx.get("load_avg", [])) for _, ctx, _ in runs)))
print()
print("ns per item: Google Benchmark median of 5 (CPU time) for C++, median of 5 (thread CPU time) for CPython")
print()
print("| workload | item | lowered C++17 | native C++20 | CPython {} | lowered / native | CPython / native | CPython / lowered |".format(python))
print("|---|---|---|---|---|---|---|---|")
workloads = []
for entries, _, _ in runs:
    for (w, impl) in entries:
        if w not in workloads and w.split("/")[0] in UNITS:
            workloads.append(w)
order = list(UNITS)
workloads.sort(key=lambda w: (order.index(w.split("/")[0]), int(w.partition("/")[2] or 0)))
for w in workloads:
    low, nat, py = [], [], []
    for entries, _, cpy in runs:
        low.append(ns(entries, w, "lowered"))
        # cxx: the event loop alone, no coroutine (the same code in both builds)
        nat.append(ns(entries, w, "native") if (w, "native") in entries else ns(entries, w, "cxx"))
        py.append(cpy["ns_per_item"].get(w))
    loop_only = (w, "cxx") in runs[0][0]
    print("| {} | {}{} | {} | {} | {} | {} | {} | {} |".format(
        w, UNITS[w.split("/")[0]], " (loop only)" if loop_only else "", cell(low) or "n/a", cell(nat),
        cell(py), ratio(zip(low, nat)), ratio(zip(py, nat)), ratio(zip(py, low))))

print()
print("Memory per suspended Task (100,000 Tasks in `sleep(1h)` after one loop iteration)")
print()
print("| per Task | lowered C++17 | native C++20 | CPython {} | lowered / native | CPython / native | CPython / lowered |".format(python))
print("|---|---|---|---|---|---|---|")
rows = [("live heap bytes", "bytes_per_task", "bytes_per_task", 0),
        ("heap blocks", "blocks_per_task", None, 2),
        ("coroutine frame bytes", "frame_bytes", "frame_bytes", 0)]
for label, key, pykey, digits in rows:
    low, nat, py = [], [], []
    for entries, _, cpy in runs:
        low.append(entries.get(("sleeping", "lowered"), {}).get(key))
        nat.append(entries.get(("sleeping", "native"), {}).get(key))
        py.append(cpy.get(pykey) if pykey else None)
    print("| {} | {} | {} | {} | {} | {} | {} |".format(
        label, cell(low, digits), cell(nat, digits), cell(py, digits),
        ratio(zip(low, nat)), ratio(zip(py, nat)), ratio(zip(py, low))))
