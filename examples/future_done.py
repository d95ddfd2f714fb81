# A future set by one task and awaited by another: asyncio's
# slow_operation(future) example, plus a done callback and a future that
# gets an exception instead of a result.
import asyncio


async def slow_operation(future):
    await asyncio.sleep(0.01)
    print("slow_operation: setting the result")
    future.set_result("Future is done!")
    print("slow_operation: set, nothing has run yet")


async def failing_operation(future):
    await asyncio.sleep(0.01)
    print("failing_operation: setting an exception")
    future.set_exception(ValueError("the operation failed"))


def report(future):
    # A done callback: runs from the loop once the future is done.
    if future.exception() is not None:
        print(f"callback: failed with '{future.exception()}'")
    else:
        print(f"callback: {future.result()}")


async def main():
    loop = asyncio.get_running_loop()

    future = loop.create_future()
    future.add_done_callback(report)
    task = asyncio.create_task(slow_operation(future))
    print(f"main: waiting, done={future.done()}")
    print(f"main: {await future}")
    print(f"main: done={future.done()}")
    await task
    try:
        future.set_result("again")
    except asyncio.InvalidStateError:
        print("main: a result cannot be set twice")

    failing = loop.create_future()
    failing.add_done_callback(report)
    task = asyncio.create_task(failing_operation(failing))
    try:
        await failing
        print("main: not reached")
    except ValueError as e:
        print(f"main: caught '{e}'")
    await task

    # A callback added to a future that is done already is scheduled at once.
    future.add_done_callback(report)
    print("main: callback added late")
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
