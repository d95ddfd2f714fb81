#!/usr/bin/env python3
"""CPython asyncio on the same workloads as bench_async.cpp (bench/async.cpp).

Prints a table of ns per item (median of 5 repetitions, CPU time of this
thread, as Google Benchmark's items_per_second uses) and, with --json FILE,
writes the numbers for bench/ratios_async.py:
  call_soon/<chains>  call_soon callbacks that reschedule themselves
  timers_equal        call_later(0) timers fired
  timers_reverse      call_later timers with distinct ns delays, latest first
  switch/<tasks>      Tasks alternating through sleep(0), per switch
  volley              two Tasks waking each other through futures, per switch
  await/<depth>       `await child()` completing synchronously, per await
  spawn               a Task created, sleeping once (sleep(0)), awaited
  sleeping            tracemalloc bytes per Task after 100,000 Tasks have
                      started `await asyncio.sleep(3600)`; frame_bytes is
                      sys.getsizeof of the coroutine object (3.11 keeps the
                      frame inside it)
"""
import asyncio
import json
import statistics
import sys
import time
import tracemalloc

N = 1000
CALLBACKS = 100000
TIMERS = 10000
SLEEPING = 100000
REPETITIONS = 5
clock = time.thread_time


def measure(run, items, min_seconds=0.2):
    """ns per item: the median over REPETITIONS of runs of at least min_seconds."""
    t0 = clock()
    run()  # warm-up; sizes the repetitions
    once = max(clock() - t0, 1e-6)
    k = max(1, int(min_seconds / once + 0.999))
    samples = []
    for _ in range(REPETITIONS):
        t0 = clock()
        for _ in range(k):
            run()
        samples.append((clock() - t0) / (k * items) * 1e9)
    return statistics.median(samples)


# --- the event loop alone ---

def call_soon(loop, chains):
    per_chain = CALLBACKS // chains
    running = [chains]

    def tick(left):
        left -= 1
        if left > 0:
            loop.call_soon(tick, left)
            return
        running[0] -= 1
        if running[0] == 0:
            loop.stop()

    def run():
        running[0] = chains
        for _ in range(chains):
            loop.call_soon(tick, per_chain)
        loop.run_forever()

    return run


def timers(loop, reverse):
    fired = [0]

    def fire():
        fired[0] += 1
        if fired[0] == TIMERS:
            loop.stop()

    def run():
        fired[0] = 0
        for i in range(TIMERS):
            loop.call_later((TIMERS - i) * 1e-9 if reverse else 0, fire)
        loop.run_forever()

    return run


# --- the async functions of bench/async.cpp ---

async def ping(n):
    for _ in range(n):
        await asyncio.sleep(0)


async def ping_pong(tasks, n):
    pings = [asyncio.create_task(ping(n)) for _ in range(tasks)]
    for f in pings:
        await f


async def volley(inp, out, n):
    loop = asyncio.get_running_loop()
    for _ in range(n):
        v = await inp[0]
        inp[0] = loop.create_future()
        out[0].set_result(v + 1)


async def volley_pair(n):
    loop = asyncio.get_running_loop()
    fa = [loop.create_future()]
    fb = [loop.create_future()]
    a = asyncio.create_task(volley(fa, fb, n))
    b = asyncio.create_task(volley(fb, fa, n))
    fa[0].set_result(0)
    await a
    await b
    return fa[0].result() if fa[0].done() else -1


async def leaf(x):
    return x + 1


async def chain(depth, x):
    if depth <= 1:
        return await leaf(x)
    return await chain(depth - 1, x)


async def await_loop(depth, n):
    total = 0
    for i in range(n):
        total += await chain(depth, i)
    return total


async def nap():
    await asyncio.sleep(0)


async def spawn(n):
    naps = [asyncio.create_task(nap()) for _ in range(n)]
    for f in naps:
        await f


async def sleeper():
    await asyncio.sleep(3600)


def sleeping_memory():
    loop = asyncio.new_event_loop()
    tasks = [None] * SLEEPING
    coro = sleeper()
    frame_bytes = sys.getsizeof(coro)
    coro.close()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(SLEEPING):
        tasks[i] = loop.create_task(sleeper())
    loop.call_soon(loop.stop)
    loop.run_forever()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert not any(t.done() for t in tasks)
    for t in tasks:
        t.cancel()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
    loop.close()
    return (after - before) / SLEEPING, frame_bytes


def main():
    out = None
    if len(sys.argv) == 3 and sys.argv[1] == "--json":
        out = sys.argv[2]
    elif len(sys.argv) != 1:
        sys.exit("usage: cpython_async.py [--json FILE]")

    loop = asyncio.new_event_loop()
    ns = {}
    for chains in (1, 100):
        ns["call_soon/%d" % chains] = measure(call_soon(loop, chains), CALLBACKS)
    ns["timers_equal"] = measure(timers(loop, False), TIMERS)
    ns["timers_reverse"] = measure(timers(loop, True), TIMERS)
    run = loop.run_until_complete
    for tasks in (2, 100):
        ns["switch/%d" % tasks] = measure(lambda: run(ping_pong(tasks, N)), tasks * N)
    ns["volley"] = measure(lambda: run(volley_pair(N)), 2 * N)
    for depth in (1, 20):
        ns["await/%d" % depth] = measure(lambda: run(await_loop(depth, N)), N * depth)
    ns["spawn"] = measure(lambda: run(spawn(N)), N)
    loop.close()
    per_task, frame_bytes = sleeping_memory()

    print("CPython %s asyncio (%s event loop)" % (sys.version.split()[0], type(loop).__name__))
    print()
    print("| benchmark | ns/item |")
    print("|---|---|")
    for name, v in ns.items():
        base, _, arg = name.partition("/")
        print("| {}_cpython{} | {:.1f} |".format(base, "/" + arg if arg else "", v))
    print()
    print("| sleeping Task | bytes |")
    print("|---|---|")
    print("| per Task (tracemalloc) | {:.0f} |".format(per_task))
    print("| coroutine object (sys.getsizeof) | {} |".format(frame_bytes))
    if out:
        with open(out, "w") as f:
            json.dump({"python": sys.version.split()[0], "ns_per_item": ns,
                       "bytes_per_task": per_task, "frame_bytes": frame_bytes}, f, indent=1)


if __name__ == "__main__":
    main()
