#!/usr/bin/env python3
"""Lower a source, build it three ways, run each, and check they agree.

  1. coflat lower  -> g++     -std=c++17 -> run
  2. coflat lower  -> clang++ -std=c++17 -> run
  3. the source itself -> clang++ -std=c++20 (native coroutines) -> run

The native build is the oracle.  Prints its output (for FileCheck) and
exits non-zero if a build fails, a program exits non-zero, or the outputs
differ.  With --python, the output must also equal the Python program's.
"""
import argparse
import difflib
import shlex
import subprocess
import sys


def run(cmd, what):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write("{} failed ({}):\n$ {}\n{}{}".format(
            what, p.returncode, " ".join(map(shlex.quote, cmd)), p.stdout, p.stderr))
        sys.exit(1)
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("tmp")
    ap.add_argument("--coflat", required=True)
    ap.add_argument("--gxx", required=True)
    ap.add_argument("--clang17", required=True)
    ap.add_argument("--clang20", required=True)
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--python", help="a Python program whose output must match")
    ap.add_argument("--args", default="", help="arguments for the programs")
    a = ap.parse_args()

    lowered = a.tmp + ".lowered.cpp"
    flags = shlex.split(a.clang17)
    includes = [f for f in flags if f.startswith("-I")]
    run([a.coflat, "lower", a.source, "-o", lowered, "--"] + includes, "coflat lower")
    outputs = {}
    for name, compiler, src in (("native", a.clang20, a.source),
                                ("g++ -std=c++17", a.gxx, lowered),
                                ("clang++ -std=c++17", a.clang17, lowered)):
        exe = "{}.{}".format(a.tmp, name.split()[0].replace("+", "x"))
        run(shlex.split(compiler) + [src, a.runtime, "-o", exe], "build ({})".format(name))
        outputs[name] = run([exe] + shlex.split(a.args), "run ({})".format(name))
    expected = outputs["native"]
    ok = True
    for name, out in outputs.items():
        if out != expected:
            ok = False
            sys.stderr.write("output of the {} build differs from native:\n".format(name))
            sys.stderr.writelines(difflib.unified_diff(
                expected.splitlines(True), out.splitlines(True), "native", name))
    if a.python:
        py = run([sys.executable, a.python], "python")
        if py != expected:
            ok = False
            sys.stderr.write("output differs from the Python original:\n")
            sys.stderr.writelines(difflib.unified_diff(
                py.splitlines(True), expected.splitlines(True), a.python, "native"))
    sys.stdout.write(expected)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
