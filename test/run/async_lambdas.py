# Closures in async functions: loop callbacks and done callbacks that see
# the coroutine's locals, a sort key, and a closure kept across awaits.
# The original of async_lambdas.cpp, whose output must match this one's.
import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    return len(name)


async def main():
    loop = asyncio.get_running_loop()
    log = []
    count = 0

    def bump(step):
        nonlocal count
        count += step
        log.append(f"bump {step} -> {count}")

    loop.call_soon(lambda: bump(1))
    loop.call_soon(lambda: bump(10))
    await asyncio.sleep(0)
    print("count", count)

    names = ["pear", "fig", "banana"]
    done = asyncio.get_running_loop().create_future()
    results = []
    tasks = [asyncio.create_task(worker(n, 0)) for n in names]
    for n, t in zip(names, tasks):
        t.add_done_callback(lambda f, n=n: results.append(f"{n}={f.result()}"))
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    print(" ".join(results))

    names.sort(key=lambda s: (len(s), s))
    print(" ".join(names))

    seen = 0

    def counter():
        nonlocal seen
        seen += 1
        return seen

    for _ in range(3):
        await asyncio.sleep(0)
        print("counter", counter(), "count", count)
    for line in log:
        print(line)
    done.set_result(seen)
    print("done", await done)


asyncio.run(main())
