#!/usr/bin/env python3
"""`coflat states` refuses exactly what `coflat lower` refuses.

    check_refusals_agree.py COFLAT FLAGS FILE...

Runs both commands on each file and compares their exit codes and the
diagnostics they print.  Prints one line per file; exits 1 on a difference.
"""
import shlex
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    lines = [l for l in p.stderr.splitlines() if ": error: " in l or ": note: " in l]
    return p.returncode, lines


def main():
    coflat, flags, files = sys.argv[1], shlex.split(sys.argv[2]), sys.argv[3:]
    ok = True
    for f in files:
        lower = run([coflat, "lower", f, "-o", "/dev/null", "--"] + flags)
        states = run([coflat, "states", f, "--"] + flags)
        same = lower == states
        ok &= same
        print("{}: {} (exit {}, {} diagnostics)".format(
            f.rsplit("/", 1)[-1], "agree" if same else "DIFFER", lower[0], len(lower[1])))
        if not same:
            print("  lower:  exit {} {}".format(lower[0], lower[1]))
            print("  states: exit {} {}".format(states[0], states[1]))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
