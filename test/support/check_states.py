#!/usr/bin/env python3
"""Cross-checks `coflat states` against `coflat lower` and the compilers.

For each source: the JSON must follow the documented schema (docs/states.md);
every frame member `states` reports must be declared in the lowered frame
struct, and the lowered resume() must dispatch exactly the states' suspension
points; and the sizeof/alignof `states` reports must be what g++ and clang++
compute for the lowered frame (static_asserts appended to the lowered file,
compiled with -std=c++17, or C++20 for a run test built so).  Prints one
line per coroutine checked.
"""
import argparse
import json
import os
import shutil
import re
import shlex
import subprocess
import sys


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write("$ {}\n{}{}".format(" ".join(map(shlex.quote, cmd)), p.stdout, p.stderr))
        sys.exit(1)
    return p.stdout


def check_schema(doc):
    assert doc["schema"] == "coflat-states" and doc["version"] == 1, "schema/version"
    for c in doc["coroutines"]:
        assert set(c) == {"function", "kind", "states", "transitions", "frame"}, sorted(c)
        assert c["kind"] in ("generator", "task", "async_generator")
        ids = [s["id"] for s in c["states"]]
        assert ids == list(range(len(ids))), "state ids are 0..n+1"
        assert c["states"][0]["kind"] == "initial" and c["states"][-1]["kind"] == "final"
        for s in c["states"]:
            assert set(s) == {"id", "kind", "location", "expression", "live"}, sorted(s)
            assert s["kind"] in ("initial", "yield", "await", "final")
        for t in c["transitions"]:
            assert set(t) == {"from", "to", "exceptional"}
            assert 0 <= t["from"] < len(ids) and 0 < t["to"] < len(ids)
        f = c["frame"]
        assert set(f) == {"name", "dependent", "sizeof", "alignof", "base_size", "members"}
        if f["dependent"]:  # a template's frame: members in order, no sizes
            assert f["sizeof"] == 0 and all(m["size"] == 0 for m in f["members"])
            continue
        start, end = 0, 0  # members sharing a storage slot share an offset
        for m in f["members"]:
            assert set(m) == {"name", "type", "role", "offset", "size", "align"}
            assert m["offset"] % m["align"] == 0, m
            assert m["offset"] == start or m["offset"] >= end, m
            if m["offset"] != start:
                start = m["offset"]
            end = max(end, m["offset"] + m["size"])
        assert f["sizeof"] >= end and f["sizeof"] % f["alignof"] == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coflat", required=True)
    ap.add_argument("--compilers", required=True, help="';'-separated compile commands")
    ap.add_argument("--flags", default="")
    ap.add_argument("--tmp", required=True)
    ap.add_argument("sources", nargs="+")
    a = ap.parse_args()
    flags = shlex.split(a.flags)
    for src in a.sources:
        doc = json.loads(run([a.coflat, "states", src, "--format=json", "--instantiations", "--"] + flags))
        check_schema(doc)
        # Lowered into a directory of its own, with the copies of the headers
        # whose coroutines are lowered too: the frames are searched in all.
        base = src.rsplit("/", 1)[-1]
        outdir = "{}.{}.d".format(a.tmp, base)
        shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir)
        path = os.path.join(outdir, base)
        run([a.coflat, "lower", src, "-o", path, "--no-line-directives", "--"] + flags)
        lowered = open(path).read()
        for d, _, files in os.walk(outdir):
            lowered += "".join(open(os.path.join(d, f)).read() for f in files if os.path.join(d, f) != path)
        asserts = []
        for c in doc["coroutines"]:
            f = c["frame"]
            if "<" in f["name"]:
                # An instantiation of a template's frame: the template's
                # members were checked; its layout is what the compilers
                # give the lowered template for these arguments.
                # (Not where an argument is a lambda's type, which has no name.)
                if "::" not in c["function"] and "(lambda at " not in f["name"]:
                    asserts.append('static_assert(sizeof({0}) == {1} && alignof({0}) == {2}, "{0}");'.format(
                        f["name"], f["sizeof"], f["alignof"]))
                print("ok {} {}: instantiated, sizeof {}".format(src.rsplit("/", 1)[-1], c["function"], f["sizeof"]))
                continue
            # (A frame with a parameter pack is a partial specialization.)
            m = re.search(r"struct " + re.escape(f["name"]) + r"(<[^\n]*>)? final : .*?\n};\n", lowered, re.S)
            assert m, "frame {} not in the lowered file".format(f["name"])
            struct = m.group(0)
            for member in f["members"]:
                assert re.search(r"\b" + re.escape(member["name"]) + r"( = [^;]*)?;", struct), \
                    "{}: member {} not declared".format(f["name"], member["name"])
            points = len(c["states"]) - 2
            body = lowered[lowered.index(f["name"] + "::coflat_resume()")
                           if not c["function"].count("::") and not f["dependent"]
                           else lowered.index("struct " + f["name"]):]
            for k in range(1, points + 1):
                assert "coflat_resume_{}:".format(k) in body, "{}: no resume label {}".format(f["name"], k)
            # A frame nested in a class is not nameable here, nor a template.
            if "::" not in c["function"] and not f["dependent"]:
                asserts.append('static_assert(sizeof({0}) == {1} && alignof({0}) == {2}, "{0}");'.format(
                    f["name"], f["sizeof"], f["alignof"]))
            print("ok {} {}: {} states, {} members, sizeof {}".format(
                src.rsplit("/", 1)[-1], c["function"], len(c["states"]), len(f["members"]), f["sizeof"]))
        with open(path, "a") as out:
            out.write("\n" + "\n".join(asserts) + "\n")
        # A run test whose lowered output is built as C++20 (run_all --std).
        cxx20 = "%run-all --std=c++20" in open(src).read()
        for cc in a.compilers.split(";"):
            cmd = shlex.split(cc.replace("-std=c++17", "-std=c++20") if cxx20 else cc)
            cmd[1:1] = ["-I" + os.path.join(outdir, "coflat-include"), "-iquote", os.path.dirname(os.path.abspath(src))]
            run(cmd + ["-fsyntax-only", path])


if __name__ == "__main__":
    main()
