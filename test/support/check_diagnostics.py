#!/usr/bin/env python3
"""Checks lib/Diagnostics.def against the user guide and the tests.

    check_diagnostics.py SRCROOT

Every entry's message must appear in docs/user-guide.md's table of
diagnostics and in a CHECK line of some test in test/diagnostics (so that
each refusal is exercised), and every `cannot lower:` message the guide
lists must be an entry (so that the guide lists no refusal that is gone).
Prints what is missing; exits 1 if anything is.
"""
import glob
import os
import re
import sys


def entries(def_text):
    """(id, message) for each COFLAT_DIAG(Id, "message"..., "workaround"...)."""
    out = []
    for m in re.finditer(r'^COFLAT_DIAG\((\w+),(.*?)\)\n(?=COFLAT_DIAG|\n|#undef|//)', def_text, re.S | re.M):
        literals = re.findall(r'"((?:[^"\\]|\\.)*)"|(,)', m.group(2))
        parts, message = [], None
        for text, comma in literals:
            if comma:
                if parts and message is None:
                    message = "".join(parts)
                parts = []
            else:
                parts.append(text.replace('\\"', '"'))
        out.append((m.group(1), message if message is not None else "".join(parts)))
    return out


def pattern(message):
    """A regex for the message as printed: %N stands for any text."""
    return re.compile(".*?".join(re.escape(p) for p in re.split(r"%\d", message)))


def main():
    root = sys.argv[1]
    table = entries(open(os.path.join(root, "lib", "Diagnostics.def")).read())
    guide = open(os.path.join(root, "docs", "user-guide.md")).read()
    tests = "\n".join(open(f).read() for f in glob.glob(os.path.join(root, "test", "diagnostics", "*"))
                      if os.path.isfile(f))
    checks = "\n".join(line for line in tests.splitlines() if "CHECK" in line)
    missing = []
    section = guide[guide.index("## What is not supported yet"):guide.index("### Known problems")]
    rows = re.findall(r"^\| `([^`]*)`", section, re.M)
    for ident, message in table:
        p = pattern(message)
        if not any(p.fullmatch(row) or p.match(row) for row in rows):
            missing.append("{}: not in docs/user-guide.md's table: {}".format(ident, message))
        # A test names the entry by the start of its message (after a
        # leading argument: "%0 in a coroutine").
        words = [w for w in re.split(r"%\d|[;(]", message) if w.strip()][0][:30].strip()
        if not re.search(r"cannot lower: [^\n]*" + re.escape(words), checks):
            missing.append("{}: no test in test/diagnostics checks it: {}".format(ident, message))
    for row in rows:
        if row.startswith("static assertion"):
            continue  # a compile error from the runtime, listed apart
        if not any(pattern(message).match(row) for _, message in table):
            missing.append("docs/user-guide.md lists a refusal that is no entry: " + row)
    print("{} entries in lib/Diagnostics.def".format(len(table)))
    for m in missing:
        print(m)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
