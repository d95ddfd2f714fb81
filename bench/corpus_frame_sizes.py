#!/usr/bin/env python3
"""Lowered frame sizeof (`coflat states`) next to the frame clang allocates
for the same coroutine natively (C++20, -O2: the constant passed to operator
new in the coroutine's ramp function in the LLVM IR), for every generator of
the given sources.  usage: corpus_frame_sizes.py <coflat> <clang++> <flags> <sources>..."""
import json
import re
import shlex
import subprocess
import sys

coflat, clang, flags, sources = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3]), sys.argv[4:]
rows = []
for src in sources:
    doc = json.loads(subprocess.run([coflat, "states", src, "--format=json", "--"] + flags,
                                    check=True, capture_output=True, text=True).stdout)
    ir = subprocess.run([clang, "-std=c++20", "-O2", "-S", "-emit-llvm", "-o", "-", src] + flags,
                        check=True, capture_output=True, text=True).stdout
    # mangled ramp name -> first allocation size in its body
    sizes = {}
    for m in re.finditer(r"^define [^@]*@(\S+?)\(.*?^}", ir, re.M | re.S):
        alloc = re.search(r"@_Znwm\(i64 noundef (\d+)\)", m.group(0))
        if alloc:
            sizes[m.group(1)] = int(alloc.group(1))
    names = subprocess.run(["llvm-cxxfilt-19"] + list(sizes), capture_output=True, text=True).stdout.split("\n")
    by_name = {}
    for mangled, demangled in zip(sizes, names):
        by_name.setdefault(demangled.split("(")[0], sizes[mangled])
    for c in doc["coroutines"]:
        native = by_name.get(c["function"])
        rows.append((src.rsplit("/", 1)[-1], c["function"], c["frame"]["sizeof"], native))

print("| source | generator | lowered sizeof | native C++20 frame |")
print("|---|---|---|---|")
lowered_total = native_total = 0
for src, fn, lowered, native in rows:
    print("| {} | {} | {} | {} |".format(src, fn, lowered, native if native else "(inlined)"))
    if native:
        lowered_total += lowered
        native_total += native
matched = sum(1 for r in rows if r[3])
print("\n{} generators, {} with a native allocation found; over those: lowered {} bytes, "
      "native {} bytes, ratio {:.2f}".format(len(rows), matched, lowered_total, native_total,
                                              lowered_total / native_total if native_total else 0))
