#!/usr/bin/env python3
"""Prints ns per element and ratios from a Google Benchmark JSON file."""
import json
import sys

data = json.load(open(sys.argv[1]))
median = {}
for b in data["benchmarks"]:
    if b.get("aggregate_name") != "median":
        continue
    name = b["run_name"]
    median[name] = 1e9 / b["items_per_second"]  # ns per element

print("| benchmark | ns/element | vs native | vs hand-written |")
print("|---|---|---|---|")
for name, ns in median.items():
    kind, _, arg = name.partition("/")
    base, _, impl = kind.rpartition("_")
    native = median.get(base + "_native" + ("/" + arg if arg else ""))
    hand = median.get(base + "_handwritten")
    print("| {} | {:.2f} | {} | {} |".format(
        name, ns,
        "{:.2f}x".format(ns / native) if native else "",
        "{:.2f}x".format(ns / hand) if hand else ""))
