#!/usr/bin/env python3
"""Differential fuzzing of coflat: generated programs, native C++20 as the oracle.

    run.py --coflat BIN --runtime-include DIR --runtime-lib LIB --seeds A:B
           [--programs K] [--jobs J] [--sanitize-every N] [--work DIR]
           [--keep DIR] [--summary FILE]

Each seed is one translation unit of K programs (gen.py).  It is built
natively with clang++ -std=c++20 (the oracle), lowered with coflat, and the
lowered output built with g++ and clang++ at -std=c++17, at -O0 or -O2 (by
seed), every Nth seed also under ASan+UBSan.  All must print the same and
exit alike.  A unit that passes counts its K programs as passed; a unit
that fails is split into its programs (gen.py --only), each classified:

  pass           every build prints what native prints
  refused        coflat lower reported a diagnostic (exit 1): counted, and
                 listed, since each must be a documented refusal
  tool-crash     coflat lower exited otherwise (a crash, an assertion)
  no-compile     the lowered output does not compile
  mismatch       a lowered build printed or exited differently
  sanitizer      the sanitized lowered build reported an error
  invalid        the native build failed: a generator bug, not coflat's

Failing programs are kept under --keep (source, lowered output, logs).
Prints a progress line per unit and a summary; exits 1 when any program
is in a class other than pass and refused.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["pass", "refused", "tool-crash", "no-compile", "mismatch", "sanitizer", "invalid"]
SAN = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-O1"]


def sh(cmd, timeout=120, env=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or ""), "timed out"


class Runner:
    def __init__(self, a):
        self.a = a
        self.inc = ["-I" + a.runtime_include, "-I" + HERE]

    def build(self, compiler, std, opt, src, exe, extra=()):
        cmd = [compiler, "-std=" + std, "-w", opt] + list(extra) + self.inc + [src, self.a.runtime_lib, "-o", exe]
        return sh(cmd, timeout=300)

    def check(self, seed, work, only=None):
        """Classifies one unit (or one program of it): (class, detail)."""
        a = self.a
        src = os.path.join(work, "unit.cpp")
        args = [sys.executable, os.path.join(HERE, "gen.py"), str(seed), "--programs", str(a.programs)]
        if only is not None:
            args += ["--only", str(only)]
        with open(src, "w") as f:
            f.write(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
        opt = "-O2" if seed % 2 else "-O0"
        rc, _, err = self.build(a.clang, "c++20", opt, src, os.path.join(work, "native"))
        if rc != 0:
            return "invalid", err[-3000:]
        nrc, nout, nerr = sh([os.path.join(work, "native")], timeout=60)
        lowered = os.path.join(work, "lowered.cpp")
        rc, _, err = sh([a.coflat, "lower", src, "-o", lowered, "--"] + self.inc)
        if rc == 1:
            return "refused", err[-3000:]
        if rc != 0:
            return "tool-crash", "exit {}\n{}".format(rc, err[-3000:])
        builds = [("g++", a.gxx, opt, ()), ("clang++", a.clang, "-O0" if opt == "-O2" else "-O2", ())]
        sanitized = a.sanitize_every and seed % a.sanitize_every == 0
        if sanitized:
            builds.append(("clang++ asan+ubsan", a.clang, "-O1", SAN))
        for name, compiler, o, extra in builds:
            exe = os.path.join(work, "lowered-" + name.replace(" ", "_").replace("+", "x"))
            rc, _, err = self.build(compiler, "c++17", o, lowered, exe, extra)
            if rc != 0:
                return "no-compile", "{} {}:\n{}".format(name, o, err[-3000:])
            env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1", UBSAN_OPTIONS="print_stacktrace=1")
            lrc, lout, lerr = sh([exe], timeout=60, env=env)
            if extra and sanitizer_report(lerr):
                # The same program built natively under the sanitizers: a
                # report there too is the program's own undefined behaviour.
                self.build(a.clang, "c++20", "-O1", src, exe + "-native", extra)
                if sanitizer_report(sh([exe + "-native"], timeout=60, env=env)[2]):
                    return "invalid", "native reports it too:\n" + lerr[-3000:]
                return "sanitizer", lerr[-3000:]
            if lrc != nrc or lout != nout:
                return "mismatch", "{} {}: exit {} (native {})\n{}".format(
                    name, o, lrc, nrc, first_difference(nout, lout))
        return "pass", ""

    def unit(self, seed):
        """Runs one seed; returns {class: count}, [(seed, program, class, detail)]."""
        a = self.a
        work = os.path.join(a.work, "seed{}".format(seed))
        os.makedirs(work, exist_ok=True)
        counts = dict.fromkeys(CLASSES, 0)
        failures = []
        cls, detail = self.check(seed, work)
        if cls == "pass":
            counts["pass"] = a.programs
        else:
            for i in range(a.programs):
                pwork = os.path.join(work, "p{}".format(i))
                os.makedirs(pwork, exist_ok=True)
                pcls, pdetail = self.check(seed, pwork, only=i)
                counts[pcls] += 1
                if pcls != "pass":
                    failures.append((seed, i, pcls, pdetail))
                    if a.keep:
                        dest = os.path.join(a.keep, "seed{}-p{}-{}".format(seed, i, pcls))
                        shutil.rmtree(dest, ignore_errors=True)
                        shutil.copytree(pwork, dest, ignore=shutil.ignore_patterns("native", "lowered-*"))
                        with open(os.path.join(dest, "detail.txt"), "w") as f:
                            f.write(pdetail)
        shutil.rmtree(work, ignore_errors=True)
        return counts, failures


def sanitizer_report(stderr):
    return "ERROR: AddressSanitizer" in stderr or "runtime error:" in stderr or "LeakSanitizer" in stderr


def first_difference(expected, actual):
    e, g = expected.splitlines(), actual.splitlines()
    for n in range(max(len(e), len(g))):
        x = e[n] if n < len(e) else "<end>"
        y = g[n] if n < len(g) else "<end>"
        if x != y:
            section = next((line for line in reversed(e[:n]) if line.startswith("== p")), "")
            return "line {} ({}): native {!r}, lowered {!r}".format(n + 1, section, x, y)
    return "same output, different exit status"


def write_summary(a, totals, failures, start, seeds_done):
    if not a.summary:
        return
    elapsed = time.time() - start
    programs = sum(totals.values())
    with open(a.summary, "w") as f:
        json.dump({"seeds": a.seeds, "seeds_done": seeds_done, "programs": programs,
                   "seconds": round(elapsed), "programs_per_minute": round(programs / max(elapsed, 1e-9) * 60),
                   "counts": totals,
                   "failures": [{"seed": s, "program": i, "class": c} for s, i, c, _ in failures]}, f, indent=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coflat", required=True)
    ap.add_argument("--runtime-include", required=True)
    ap.add_argument("--runtime-lib", required=True)
    ap.add_argument("--seeds", required=True, help="A:B, the seeds A..B-1")
    ap.add_argument("--programs", type=int, default=25)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sanitize-every", type=int, default=5)
    ap.add_argument("--work", default="/tmp/coflat-fuzz")
    ap.add_argument("--keep", help="where failing programs are kept")
    ap.add_argument("--summary", help="write the counts as JSON here")
    ap.add_argument("--gxx", default="g++")
    ap.add_argument("--clang", default="clang++-19")
    a = ap.parse_args()
    lo, hi = (int(x) for x in a.seeds.split(":"))
    os.makedirs(a.work, exist_ok=True)
    runner = Runner(a)
    totals = dict.fromkeys(CLASSES, 0)
    failures = []
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        futures = {pool.submit(runner.unit, s): s for s in range(lo, hi)}
        for done, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            counts, fails = fut.result()
            for k, v in counts.items():
                totals[k] += v
            failures += fails
            programs = sum(totals.values())
            rate = programs / max(time.time() - start, 1e-9) * 60
            print("[{}/{}] seed {}: {} | {:.0f} programs/min".format(
                done, hi - lo, futures[fut], " ".join("{} {}".format(k, v) for k, v in totals.items() if v),
                rate), flush=True)
            for seed, i, cls, detail in fails:
                lines = detail.strip().splitlines() or [""]
                first = next((x for x in lines if "error" in x), lines[0])
                print("  seed {} program {}: {}: {}".format(seed, i, cls, first), flush=True)
            # Written after every seed, so that a stopped campaign still counts.
            write_summary(a, totals, failures, start, done)
    elapsed = time.time() - start
    programs = sum(totals.values())
    print("{} programs in {:.0f} s ({:.0f} programs/min): {}".format(
        programs, elapsed, programs / max(elapsed, 1e-9) * 60,
        ", ".join("{} {}".format(k, v) for k, v in totals.items())))
    bad = sum(v for k, v in totals.items() if k not in ("pass", "refused"))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
