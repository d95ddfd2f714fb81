#!/usr/bin/env python3
"""Generates random, deterministic, self-checking coflat programs.

    gen.py SEED [--programs K] [--only I]

writes one C++ translation unit to stdout: K programs (namespaces p0 ...),
each a coroutine built from random statements plus a driver that steps it
and prints what happens, and a main() that runs every driver.  The same
seed always gives the same bytes.  With --only I, the unit holds program I
alone (the same program as in the full unit): the runner uses it to
classify a failing unit program by program.

A program's output must not depend on anything the C++ standard leaves
open, so the generator keeps to what is sequenced: side effects (prints,
suspensions) appear in statements, in `&&`, `||`, `?:`, `<<` chains and
assignments, and as the suspending arguments of calls whose other
arguments are pure.  Kinds:

  gen    coflat::generator<int, int, int>: co_yield in statements and
         expressions, co_return with a value, yield_from a sub-generator;
         the driver mixes next / send / throw_exception / close and may
         destroy it while suspended.
  task   coflat::task<int> with co_await of child tasks, sleep(0),
         futures set by another task, gather, wait_for (timing out on a
         future nobody sets), cancellation after N loop steps, a queue.
  agen   coflat::async_generator<int>: co_await and co_yield, consumed by
         a task that may stop early and aclose() it.
"""
import argparse
import random


class Program:
    def __init__(self, rng, index, kind):
        self.r = rng
        self.i = index
        self.kind = kind
        self.lines = []
        self.names = 0
        self.labels = 0
        self.probes = 0

    # --- names ---------------------------------------------------------
    def fresh(self, base):
        self.names += 1
        return "{}{}".format(base, self.names)

    def probe_id(self):
        self.probes += 1
        return self.i * 100 + self.probes

    # --- expressions ---------------------------------------------------
    def pure(self, scope, depth=0):
        """An int expression without side effects."""
        r = self.r
        ints = [v for v, t in scope if t in ("int", "cint", "loop")]
        probes = [v for v, t in scope if t == "probe"]
        strings = [v for v, t in scope if t == "str"]
        choice = r.random()
        if depth > 2 or choice < 0.3:
            if ints and r.random() < 0.6:
                return r.choice(ints)
            if probes and r.random() < 0.3:
                return r.choice(probes) + ".get()"
            if strings and r.random() < 0.3:
                return "int({}.size())".format(r.choice(strings))
            return str(r.randint(0, 9))
        if choice < 0.35:
            # A lambda that captures nothing: its body is another function.
            return "[](int q) {{ return q % 7 + 1; }}({})".format(self.pure(scope, depth + 1))
        # No `*`: values stay small, so nothing overflows (UB).
        op = r.choice(["+", "-", "%", "<", "==", "mix"])
        a, b = self.pure(scope, depth + 1), self.pure(scope, depth + 1)
        if op == "mix":
            return "fuzz::mix({}, {})".format(a, b)
        if op == "%":
            return "({} % {})".format(a, r.randint(2, 5))
        if op in ("<", "=="):
            return "int({} {} {})".format(a, op, b)  # an int, for braced lists
        return "({} {} {})".format(a, op, b)

    def suspend(self, scope):
        """One suspension whose value is an int."""
        r = self.r
        if self.kind == "gen":
            return "(co_yield {})".format(self.pure(scope))
        # An async generator's co_yield has no value: it yields in statements.
        return "(co_await child{}({}))".format(self.i, self.pure(scope))

    def value(self, scope, depth=0):
        """An int expression that may suspend, in sequenced positions."""
        r = self.r
        c = r.random()
        if depth > 1 or c < 0.25:
            return self.pure(scope)
        if c < 0.42:
            return self.suspend(scope)
        if c < 0.45:
            if self.kind == "gen":
                return "(co_yield {})".format(self.suspend(scope))  # co_yield (co_yield x)
            return "(co_await child{}({}))".format(self.i, self.suspend(scope))
        if c < 0.55:
            return "({} && {} ? 1 : 0)".format(self.value(scope, depth + 1), self.value(scope, depth + 1))
        if c < 0.62:
            return "({} || {} ? 2 : 3)".format(self.value(scope, depth + 1), self.value(scope, depth + 1))
        if c < 0.72:
            return "({} ? {} : {})".format(self.value(scope, depth + 1), self.value(scope, depth + 1),
                                           self.value(scope, depth + 1))
        if c < 0.82:
            # Suspensions in call arguments are sequenced left to right by
            # the lowering, as clang does; the other arguments are pure.
            a = self.suspend(scope) if r.random() < 0.7 else self.pure(scope)
            b = self.suspend(scope) if r.random() < 0.7 else self.pure(scope)
            return "fuzz::mix({}, {})".format(a, b)
        if c < 0.9:
            # A temporary with an observable destructor that lives until the
            # end of a full-expression that suspends.
            return "(fuzz::probe({}).get() + {})".format(self.probe_id(), self.suspend(scope))
        return "({} + {})".format(self.pure(scope), self.suspend(scope))

    # --- statements ----------------------------------------------------
    def emit(self, ind, text):
        self.lines.append("  " * ind + text)

    def block(self, ind, scope, ctx, budget):
        n = self.r.randint(1, 4)
        scope = list(scope)
        for _ in range(n):
            if budget[0] <= 0:
                break
            self.statement(ind, scope, ctx, budget)

    def declare(self, ind, scope):
        r = self.r
        name = self.fresh("v")
        form = r.randint(0, 7)
        if form == 0:
            self.emit(ind, "int {} = {};".format(name, self.value(scope)))
        elif form == 1:
            self.emit(ind, "int {}({});".format(name, self.value(scope)))
        elif form == 2:
            self.emit(ind, "int {}{{{}}};".format(name, self.pure(scope)))
        elif form == 3:
            self.emit(ind, "int {};".format(name))
            self.emit(ind, "{} = {};".format(name, self.value(scope)))
        elif form == 4:
            self.emit(ind, "const int {} = {};".format(name, self.value(scope)))
            scope.append((name, "cint"))
            return
        elif form == 5:
            ints = [v for v, t in scope if t == "int"]
            if ints:
                target = r.choice(ints)
                self.emit(ind, "int& {} = {};".format(name, target))
            else:
                self.emit(ind, "int {} = {};".format(name, self.pure(scope)))
        elif form == 6 and r.random() < 0.3:
            self.emit(ind, "std::string {} = std::to_string({});".format(name, self.value(scope)))
            scope.append((name, "str"))
            return
        elif form == 6:
            arr = self.fresh("a")
            self.emit(ind, "int {}[3] = {{{}, {}, {}}};".format(arr, self.pure(scope), self.pure(scope),
                                                                  self.pure(scope)))
            self.emit(ind, "int {} = {}[{}];".format(name, arr, r.randint(0, 2)))
        else:
            probes = [v for v, t in scope if t == "probe"]
            pform = r.randint(0, 6)
            if pform == 0:
                self.emit(ind, "fuzz::probe {}({});".format(name, self.probe_id()))
            elif pform == 1:
                self.emit(ind, "fuzz::probe {}{{{}}};".format(name, self.probe_id()))
            elif pform == 2:
                self.emit(ind, "fuzz::probe {} = fuzz::probe({});".format(name, self.probe_id()))
            elif pform == 3 and probes:
                self.emit(ind, "fuzz::probe {} = {};".format(name, r.choice(probes)))  # a copy
            elif pform == 4 and probes:
                self.emit(ind, "const fuzz::probe& {} = {};".format(name, r.choice(probes)))
            elif pform == 5:
                arr = self.fresh("pa")
                self.emit(ind, "fuzz::probe {}[2] = {{fuzz::probe({}), fuzz::probe({})}};".format(
                    arr, self.probe_id(), self.probe_id()))
                self.emit(ind, "const fuzz::probe& {} = {}[{}];".format(name, arr, r.randint(0, 1)))
            else:
                vec = self.fresh("vec")
                self.emit(ind, "std::vector<int> {} = {{{}, {}}};".format(vec, self.pure(scope), self.pure(scope)))
                self.emit(ind, "for (int& e : {}) e = fuzz::cap(e + {});".format(vec, self.value(scope)))
                self.emit(ind, "fuzz::probe {}({}[{}]);".format(name, vec, r.randint(0, 1)))
            scope.append((name, "probe"))
            return
        scope.append((name, "int"))

    def statement(self, ind, scope, ctx, budget):
        r = self.r
        budget[0] -= 1
        ints = [v for v, t in scope if t == "int"]  # assignable: no const, no loop counter
        c = r.random()
        deep = budget[0] > 0 and ind < 6
        if c < 0.18:
            self.declare(ind, scope)
        elif c < 0.30:
            if self.kind == "gen":
                self.emit(ind, "co_yield {};".format(self.value(scope)))
            else:
                self.emit(ind, "fuzz::out({});".format(self.value(scope)))
        elif c < 0.36 and ints:
            op = r.choice(["=", "+=", "-="])
            self.emit(ind, "{} {} fuzz::cap({});".format(r.choice(ints), op, self.value(scope)))
        elif c < 0.40:
            self.emit(ind, "fuzz::tr << {} << {};".format(self.value(scope), self.value(scope)))
        elif c < 0.48 and deep:
            head = self.value(scope)
            inner = scope
            form = r.random()
            if form < 0.2:
                t = self.fresh("t")
                head = "int {} = {}; {} % 2".format(t, self.value(scope), t)  # an init-statement
                inner = scope + [(t, "int")]
            elif form < 0.35:
                t = self.fresh("t")
                head = "int {} = {}".format(t, self.value(scope))  # a condition variable
                inner = scope + [(t, "int")]
            self.emit(ind, "if ({}) {{".format(head))
            self.block(ind + 1, inner, ctx, budget)
            if r.random() < 0.5:
                self.emit(ind, "} else {")
                self.block(ind + 1, scope, ctx, budget)
            self.emit(ind, "}")
        elif c < 0.55 and deep:
            i = self.fresh("i")
            cond = "{} < {}".format(i, r.randint(1, 3))
            inc = "++" + i
            if r.random() < 0.2:
                inc = "{} += 1 + ({} > 100 ? 1 : 0)".format(i, self.suspend(scope))
            if r.random() < 0.2:
                cond = "{} < {} && {} >= 0".format(i, r.randint(1, 3), self.suspend(scope))
            init = "0"
            if r.random() < 0.15:
                init = "{} % 2".format(self.suspend(scope))  # a suspending init-statement
            self.emit(ind, "for (int {} = {}; {}; {}) {{".format(i, init, cond, inc))
            self.block(ind + 1, scope + [(i, "loop")], dict(ctx, loop=True), budget)
            self.emit(ind, "}")
        elif c < 0.60 and deep:
            w = self.fresh("w")
            self.emit(ind, "int {} = {};".format(w, r.randint(1, 3)))
            if r.random() < 0.5:
                cond = "{}-- > 0".format(w)
                if r.random() < 0.3:
                    cond += " && {} >= 0".format(self.suspend(scope))  # a suspending condition
                self.emit(ind, "while ({}) {{".format(cond))
                self.block(ind + 1, scope, dict(ctx, loop=True), budget)
                self.emit(ind, "}")
            else:
                self.emit(ind, "do {")
                self.block(ind + 1, scope, dict(ctx, loop=True), budget)
                cond = "--{} > 0".format(w)
                if r.random() < 0.3:
                    cond = "{} >= 0 && {}".format(self.suspend(scope), cond)
                self.emit(ind, "}} while ({});".format(cond))
            scope.append((w, "loop"))
        elif c < 0.65 and deep:
            x = self.fresh("x")
            rng_text = "{{{}, {}, {}}}".format(self.pure(scope), self.pure(scope), self.pure(scope))
            if r.random() < 0.5:
                arr = self.fresh("r")
                self.emit(ind, "int {}[] = {};".format(arr, rng_text))
                rng_text = arr
            self.emit(ind, "for (int {} : {}) {{".format(x, rng_text))
            self.block(ind + 1, scope + [(x, "loop")], dict(ctx, loop=True), budget)
            self.emit(ind, "}")
        elif c < 0.70 and deep:
            self.emit(ind, "switch (({}) % 3) {{".format(self.pure(scope)))
            for case in range(3):
                if r.random() < 0.3:
                    # A case's statement without braces (no declarations).
                    what = "co_yield {};".format(self.value(scope)) if self.kind == "gen" else \
                        "fuzz::out({});".format(self.value(scope))
                    self.emit(ind, "case {}: {}".format(case, what))
                    budget[0] -= 1
                else:
                    self.emit(ind, "case {}: {{".format(case))
                    self.block(ind + 1, scope, dict(ctx, switch=True), budget)
                    self.emit(ind, "}")
                if r.random() < 0.6:
                    self.emit(ind + 1, "break;")  # else: falls through
            self.emit(ind, "}")
        elif c < 0.76 and deep:
            self.emit(ind, "{")
            self.block(ind + 1, scope, ctx, budget)
            self.emit(ind, "}")
        elif c < 0.82 and deep:
            self.emit(ind, "try {")
            self.block(ind + 1, scope, dict(ctx, tried=True), budget)
            if r.random() < 0.5:
                self.emit(ind + 1, "if ({}) throw fuzz::boom{{{}}};".format(self.pure(scope), self.probe_id()))
            elif r.random() < 0.5:
                self.emit(ind + 1, "fuzz::out(fuzz::checked({}, {}));".format(self.value(scope), r.randint(0, 9)))
            self.emit(ind, "} catch (const fuzz::boom& b) {")
            self.emit(ind + 1, "fuzz::out(b.code);")  # no suspension in a handler (C++20)
            self.emit(ind, "}")
        elif c < 0.85 and (ctx.get("loop") or ctx.get("switch")):
            jumps = (["break"] if ctx.get("loop") or ctx.get("switch") else []) + (["continue"] if ctx.get("loop") else [])
            self.emit(ind, "if ({}) {};".format(self.pure(scope), r.choice(jumps)))
        elif c < 0.88 and deep:
            # A forward goto out of a block; the label follows the block.
            label = "L{}_{}".format(self.i, self.labels)
            self.labels += 1
            self.emit(ind, "{")
            self.block(ind + 1, scope, ctx, budget)
            self.emit(ind + 1, "if ({}) goto {};".format(self.pure(scope), label))
            self.block(ind + 1, scope, ctx, budget)
            self.emit(ind, "}")
            self.emit(ind, "{}:;".format(label))
        elif c < 0.89 and deep:
            # A backward goto: a loop that leaves (and so destroys) the
            # block's objects each time round.
            g = self.fresh("g")
            label = "B{}_{}".format(self.i, self.labels)
            self.labels += 1
            self.emit(ind, "int {} = {};".format(g, r.randint(0, 2)))
            self.emit(ind, "{}:;".format(label))
            self.emit(ind, "{")
            self.block(ind + 1, scope + [(g, "loop")], ctx, budget)
            self.emit(ind, "}")
            self.emit(ind, "if ({}-- > 0) goto {};".format(g, label))
            scope.append((g, "loop"))
        elif c < 0.90:
            ret = "co_return;" if self.kind == "agen" else "co_return {};".format(self.pure(scope))
            self.emit(ind, "if ({}) {}".format(self.pure(scope), ret))
        elif c < 0.93 and self.kind == "gen":
            v = self.fresh("d")
            self.emit(ind, "int {} = co_yield coflat::yield_from(sub{}({}));".format(v, self.i, self.pure(scope)))
            scope.append((v, "int"))
        elif c < 0.95 and self.kind == "gen":
            self.emit(ind, "co_yield coflat::yield_from(std::vector<int>{{{}, {}}});".format(
                self.pure(scope), self.pure(scope)))
        elif c < 0.97 and self.kind != "gen":
            self.emit(ind, "co_await coflat::sleep(std::chrono::milliseconds(0));")
        elif self.kind == "gen":
            self.emit(ind, "co_yield {};".format(self.pure(scope)))
        else:
            self.emit(ind, "fuzz::out({});".format(self.suspend(scope)))

    # --- whole programs -------------------------------------------------
    def body(self, budget):
        scope = [("n", "int")]
        b = [budget]
        self.block(1, scope, {}, b)
        while b[0] > 0:
            self.statement(1, scope, {}, b)
        self.emit(1, "co_return {};".format(self.value(scope)))

    def generator(self):
        r = self.r
        i = self.i
        self.emit(0, "namespace p{} {{".format(i))
        # The sub-generator that yield_from delegates to.
        self.emit(0, "coflat::generator<int, int, int> sub{}(int n) {{".format(i))
        self.emit(1, "fuzz::probe guard({});".format(self.probe_id()))
        self.emit(1, "int got = co_yield n;")
        self.emit(1, "if (got > 5) throw fuzz::boom{{{}}};".format(self.probe_id()))
        self.emit(1, "co_yield n + got;")
        self.emit(1, "co_return got * 2;")
        self.emit(0, "}")
        self.emit(0, "coflat::generator<int, int, int> gen(int n) {")
        self.body(r.randint(4, 14))
        self.emit(0, "}")
        self.emit(0, "void drive() {")
        self.emit(1, "auto g = gen({});".format(r.randint(0, 5)))
        steps = r.randint(1, 12)
        for _ in range(steps):
            c = r.random()
            if c < 0.45:
                self.emit(1, 'fuzz::step("next", [&] { return g.next(); });')
            elif c < 0.75:
                self.emit(1, 'fuzz::step("send", [&] {{ return g.send({}); }});'.format(r.randint(0, 9)))
            elif c < 0.88:
                self.emit(1, 'fuzz::step("throw", [&] {{ return g.throw_exception(fuzz::boom{{{}}}); }});'.format(
                    r.randint(1, 99)))
            else:
                self.emit(1, 'fuzz::step("close", [&] { g.close(); return std::optional<int>(); });')
        if r.random() < 0.5:
            self.emit(1, 'std::printf("done %d\\n", (int)g.done());')
            self.emit(1, 'if (g.done()) fuzz::step("result", [&] { return std::optional<int>(g.result()); });')
        else:
            self.emit(1, 'std::printf("destroying\\n");')
        self.emit(0, "}")
        self.emit(0, "}} // namespace p{}".format(i))

    def task(self):
        r = self.r
        i = self.i
        self.emit(0, "namespace p{} {{".format(i))
        # A child that may suspend before it returns, and may throw.
        self.emit(0, "coflat::task<int> child{}(int n) {{".format(i))
        self.emit(1, "fuzz::probe guard(n);")
        self.emit(1, "if (n % 4 == 1) co_await coflat::sleep(std::chrono::milliseconds(0));")
        self.emit(1, "if (n == {}) throw fuzz::boom{{n}};".format(r.randint(5, 9)))
        self.emit(1, "co_return n * 2 + 1;")
        self.emit(0, "}")
        if self.kind == "agen":
            self.emit(0, "coflat::async_generator<int> agen(int n) {")
            saved = self.kind
            self.kind = "agen"
            scope = [("n", "int")]
            b = [r.randint(3, 10)]
            self.block(1, scope, {}, b)
            for _ in range(r.randint(1, 3)):
                self.emit(1, "co_yield {};".format(self.value(scope)))
                self.block(1, scope, {}, b)
            self.emit(1, "co_return;")
            self.kind = saved
            self.emit(0, "}")
            self.emit(0, "coflat::task<int> consume() {")
            self.emit(1, "auto g = agen({});".format(r.randint(0, 5)))
            limit = r.randint(1, 6)
            self.emit(1, "int seen = 0;")
            self.emit(1, "while (auto v = co_await g.next()) {")
            self.emit(2, 'std::printf("agen -> %d\\n", *v);')
            self.emit(2, "if (++seen == {}) break;".format(limit))
            self.emit(1, "}")
            self.emit(1, "co_await g.aclose();")
            self.emit(1, "co_return seen;")
            self.emit(0, "}")
            self.emit(0, "coflat::task<int> top() {")
            self.emit(1, "int seen = 0;")
            self.emit(1, "try {")
            self.emit(2, "seen = co_await consume();")
            self.emit(1, "} catch (const fuzz::boom& b) {")
            self.emit(2, 'std::printf("consume -> boom %d\\n", b.code);')
            self.emit(1, "}")
            self.emit(1, "co_return seen;")
            self.emit(0, "}")
        else:
            self.emit(0, "coflat::task<int> work(int n) {")
            self.body(r.randint(4, 12))
            self.emit(0, "}")
            self.emit(0, "coflat::task<int> top() {")
            shape = r.choice(["await", "gather", "cancel", "wait_for", "future", "queue"])
            if shape == "await":
                self.emit(1, "co_return co_await work({});".format(r.randint(0, 5)))
            elif shape == "gather":
                self.emit(1, "auto t = co_await coflat::gather(work({}), work({}));".format(
                    r.randint(0, 5), r.randint(0, 5)))
                self.emit(1, "co_return std::get<0>(t) * 7 + std::get<1>(t);")
            elif shape == "cancel":
                self.emit(1, "auto f = coflat::create_task(work({}));".format(r.randint(0, 5)))
                for _ in range(r.randint(0, 4)):
                    self.emit(1, "co_await coflat::sleep(std::chrono::milliseconds(0));")
                self.emit(1, 'std::printf("cancel %d\\n", (int)f.cancel());')
                self.emit(1, "try {")
                self.emit(2, "co_return co_await f;")
                self.emit(1, "} catch (const coflat::cancelled_error&) {")
                self.emit(2, 'std::printf("work cancelled\\n");')
                self.emit(1, "}")
                self.emit(1, "co_return -1;")
            elif shape == "wait_for":
                self.emit(1, "coflat::future<int> never;")
                self.emit(1, "try {")
                self.emit(2, "co_await coflat::wait_for(never, std::chrono::milliseconds(1));")
                self.emit(1, "} catch (const coflat::timeout_error&) {")
                self.emit(2, 'std::printf("timed out\\n");')
                self.emit(1, "}")
                self.emit(1, "co_return co_await coflat::wait_for(work({}), std::chrono::hours(1));".format(
                    r.randint(0, 5)))
            elif shape == "future":
                self.emit(1, "coflat::future<int> f;")
                self.emit(1, "auto setter = coflat::create_task(set_later(f, {}));".format(r.randint(0, 9)))
                self.emit(1, "int w = co_await work({});".format(r.randint(0, 5)))
                self.emit(1, "int v = co_await f;")
                self.emit(1, "co_await setter;")
                self.emit(1, "co_return w + v;")
            else:
                # work() first: if it throws, no producer is left holding a
                # reference to a queue that is gone (undefined behaviour).
                self.emit(1, "int total = co_await work({});".format(r.randint(0, 5)))
                self.emit(1, "coflat::async_queue<int> q(2);")
                self.emit(1, "auto prod = coflat::create_task(produce(q, {}));".format(r.randint(1, 4)))
                self.emit(1, "for (int k = 0; k < 3; ++k) total += co_await q.get();")
                self.emit(1, "co_await prod;")
                self.emit(1, "co_return total;")
            self.emit(0, "}")
        self.emit(0, "void drive() {")
        self.emit(1, 'fuzz::step("run", [&] { return std::optional<int>(coflat::run(top())); });')
        self.emit(0, "}")
        self.emit(0, "}} // namespace p{}".format(i))

    def build(self):
        if self.kind == "gen":
            self.generator()
        else:
            self.task()
        return "\n".join(self.lines) + "\n"


PRELUDE = """// Generated by test/fuzz/gen.py {args}: do not edit.
#include "fuzz_support.h"
#include <string>
#include <tuple>
#include <vector>

namespace {{
[[maybe_unused]] coflat::task<int> set_later(coflat::future<int> f, int v) {{
  co_await coflat::sleep(std::chrono::milliseconds(0));
  f.set_result(v);
  co_return 0;
}}
[[maybe_unused]] coflat::task<int> produce(coflat::async_queue<int>& q, int v) {{
  for (int k = 0; k < 3; ++k) {{
    co_await q.put(v + k);
    std::printf("put %d\\n", v + k);
  }}
  co_return 0;
}}
}} // namespace
"""


def unit(seed, programs, only=None):
    out = [PRELUDE.format(args="{} --programs {}".format(seed, programs))]
    drivers = []
    for i in range(programs):
        # Each program has its own stream, so --only I reproduces program I.
        rng = random.Random("{}:{}".format(seed, i))
        kind = rng.choices(["gen", "task", "agen"], weights=[6, 3, 1])[0]
        text = Program(rng, i, kind).build()
        if only is not None and i != only:
            continue
        out.append(text)
        drivers.append(i)
    out.append("int main() {")
    for i in drivers:
        out.append('  std::printf("== p{}\\n");'.format(i))
        out.append("  p{}::drive();".format(i))
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("seed", type=int)
    ap.add_argument("--programs", type=int, default=20)
    ap.add_argument("--only", type=int)
    a = ap.parse_args()
    print(unit(a.seed, a.programs, a.only), end="")


if __name__ == "__main__":
    main()
