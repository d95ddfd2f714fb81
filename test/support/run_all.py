#!/usr/bin/env python3
"""Lower a source, build it three ways, run each, and check they agree.

  1. coflat lower  -> g++     -std=c++17 -> run
  2. coflat lower  -> clang++ -std=c++17 -> run
  3. the source itself -> clang++ -std=c++20 (native coroutines) -> run
  4. with --libcxx: coflat lower -> clang++ -std=c++17 -stdlib=libc++, against
     the source built natively with libc++ (the output, lowered against
     libstdc++, must not depend on the library it was lowered against; the
     libraries themselves may print differently, as vector destroys its
     elements in another order)

With --std=c++20 the lowered output is built as C++20 instead (what C++20
code that is not compiled with coroutines sees, such as std::ranges).

The native build is the oracle.  Prints its output (for FileCheck) and
exits non-zero if a build fails, a program exits non-zero, or the outputs
differ.  With --python, the output must also equal the Python program's.
"""
import argparse
import difflib
import os
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
    ap.add_argument("--libcxx", help="clang++ -std=c++17 -stdlib=libc++ (skipped when absent)")
    ap.add_argument("--runtime", required=True)
    ap.add_argument("--python", help="a Python program whose output must match")
    ap.add_argument("--args", default="", help="arguments for the programs")
    ap.add_argument("--std", default="c++17", help="the standard the lowered output is built as")
    a = ap.parse_args()
    std = "-std=" + a.std
    for opt in ("gxx", "clang17", "libcxx"):
        if getattr(a, opt):
            setattr(a, opt, getattr(a, opt).replace("-std=c++17", std))

    # Each test lowers into a directory of its own: the lowered source, the
    # copies of the headers beside it, and the include tree.
    outdir = a.tmp + ".lowered"
    os.makedirs(outdir, exist_ok=True)
    lowered = os.path.join(outdir, os.path.basename(a.source))
    tree = os.path.join(outdir, "coflat-include")
    flags = shlex.split(a.clang17)
    includes = [f for f in flags if f.startswith("-I")]
    run([a.coflat, "lower", a.source, "-o", lowered, "--"] + includes, "coflat lower")
    # What coflat_lower() adds: the include tree first, the source's own
    # directory for the headers that were not copied.
    lowered_flags = ["-I" + tree, "-iquote", os.path.dirname(os.path.abspath(a.source))]
    outputs = {}
    builds = [("native", a.clang20, a.source),
              ("g++ " + std, a.gxx, lowered),
              ("clang++ " + std, a.clang17, lowered)]
    if a.libcxx:
        builds.append(("native -stdlib=libc++", a.libcxx.replace(std, "-std=c++20"), a.source))
        builds.append(("clang++ {} -stdlib=libc++".format(std), a.libcxx, lowered))
    for name, compiler, src in builds:
        exe = "{}.{}".format(a.tmp, name.replace(" ", "").replace("+", "x").replace("=", ""))
        cmd = shlex.split(compiler)
        if src == lowered:
            cmd[1:1] = lowered_flags
        run(cmd + [src, a.runtime, "-o", exe], "build ({})".format(name))
        outputs[name] = run([exe] + shlex.split(a.args), "run ({})".format(name))
    expected = outputs["native"]
    ok = True
    for name, out in outputs.items():
        oracle = "native -stdlib=libc++" if "libc++" in name else "native"
        if out != outputs[oracle]:
            ok = False
            sys.stderr.write("output of the {} build differs from {}:\n".format(name, oracle))
            sys.stderr.writelines(difflib.unified_diff(
                outputs[oracle].splitlines(True), out.splitlines(True), oracle, name))
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
