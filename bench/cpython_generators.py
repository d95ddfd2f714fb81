#!/usr/bin/env python3
"""CPython's cost for the same generator workloads as bench_generators.cpp:
ns per element for next() over a 1000-element generator, a delegation chain
of depth 1, 5 and 20 (yield from), and send()."""
import timeit

N = 1000


def count(n):
    for i in range(n):
        yield i


def chain(depth, n):
    if depth == 0:
        for i in range(n):
            yield i
        return
    yield from chain(depth - 1, n)


def accumulate():
    total = 0
    while True:
        v = yield total
        if v < 0:
            return total
        total += v


def drain(g):
    s = 0
    for v in g:
        s += v
    return s


def send_all():
    g = accumulate()
    next(g)
    for i in range(N):
        g.send(i)


def ns_per_element(fn, repeat=5, number=200):
    best = min(timeit.repeat(fn, repeat=repeat, number=number))
    return best / number / N * 1e9


print("| benchmark | ns/element |")
print("|---|---|")
print("| next_cpython | {:.2f} |".format(ns_per_element(lambda: drain(count(N)))))
for d in (1, 5, 20):
    print("| chain_cpython/{} | {:.2f} |".format(d, ns_per_element(lambda: drain(chain(d, N)))))
print("| send_cpython | {:.2f} |".format(ns_per_element(send_all)))
