# Chaining coroutines: the classic asyncio example (compute / print_sum),
# with print_sum awaited on its own and several run at once with gather.
import asyncio


async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(0.01)
    return x + y


async def print_sum(x, y):
    result = await compute(x, y)
    print(f"{x} + {y} = {result}")


async def main():
    # Awaiting a coroutine runs it inline: nothing else is going on.
    await print_sum(1, 2)
    print("-- gather")
    # gather makes each one a Task: all three compute before any prints.
    await asyncio.gather(print_sum(3, 4), print_sum(5, 6), print_sum(7, 8))
    print("-- gather with results")
    # gather's result: the return values, in argument order.
    sums = await asyncio.gather(*[compute(i, 10 * i) for i in range(1, 4)])
    print(f"sums: {', '.join(str(s) for s in sums)}")
    print("done")


asyncio.run(main())
