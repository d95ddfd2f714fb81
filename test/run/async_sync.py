# The Python original of async_sync.cpp (asyncio's Queue, Lock, Event,
# Semaphore); the C++ port must print exactly this.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i} (size {q.qsize()})")
    await q.put(-1)


async def consumer(q, name):
    while True:
        item = await q.get()
        q.task_done()
        if item < 0:
            print(f"{name}: stop")
            return
        print(f"{name}: got {item}")
        await asyncio.sleep(0)


async def locked_worker(lock, name, log):
    await lock.acquire()
    try:
        log.append(f"{name} in")
        await asyncio.sleep(0)
        log.append(f"{name} out")
    finally:
        lock.release()


async def waiter(event, name):
    print(f"{name} waits")
    await event.wait()
    print(f"{name} woke")


async def limited(sem, name, active):
    await sem.acquire()
    active[0] += 1
    print(f"{name} runs with {active[0]} active")
    await asyncio.sleep(0)
    active[0] -= 1
    sem.release()


async def main():
    q = asyncio.Queue(2)
    await asyncio.gather(producer(q, 5), consumer(q, "c"))
    await q.join()
    print("queue joined")

    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(lock, n, log) for n in ("a", "b", "c")))
    print(" / ".join(log))

    event = asyncio.Event()
    t1 = asyncio.create_task(waiter(event, "w1"))
    t2 = asyncio.create_task(waiter(event, "w2"))
    await asyncio.sleep(0)
    print("setting")
    event.set()
    await t1
    await t2

    sem = asyncio.Semaphore(2)
    active = [0]
    await asyncio.gather(*(limited(sem, n, active) for n in ("s1", "s2", "s3", "s4")))
    print("done")


asyncio.run(main())
