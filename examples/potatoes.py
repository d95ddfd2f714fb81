# The "potatos" async generator example: a shop takes items off a shelf
# with an async generator, and when the shelf is empty it waits for the
# farmer to bring more.  Two buyers shop at once with asyncio.gather.
# Made deterministic: items are numbered, and the farmers' delays and
# batch sizes are fixed (no random), chosen so that the buyers run out at
# different times and each waits while the other shops.
import asyncio


class Shelf:
    """A shelf of numbered items, and the farmer who restocks it."""

    def __init__(self, name, plural, count, farmer_delay, batch):
        self.name = name
        self.plural = plural
        self.items = []
        self.grown = 0
        self.farmer_delay = farmer_delay
        self.batch = batch
        self.grow(count)

    def grow(self, count):
        for _ in range(count):
            self.grown += 1
            self.items.append(self.grown)


# Both shelves run out at once; the farmers come back at 120 ms and 240 ms
# (tomatoes) and 180 ms and 360 ms (potatoes).  Deadlines that race are
# 60 ms apart or more, so the interleaving holds on a busy machine.
potatos = Shelf("potato", "potatoes", 2, 0.18, 3)
tomatos = Shelf("tomato", "tomatoes", 3, 0.12, 2)


async def ask_farmer_for_more(shelf):
    print(f"Out of {shelf.plural}: asking the farmer...")
    await asyncio.sleep(shelf.farmer_delay)
    shelf.grow(shelf.batch)
    print(f"The farmer brought {shelf.batch} {shelf.plural}")


async def take(shelf, num):
    count = 0
    while count < num:
        if not shelf.items:
            await ask_farmer_for_more(shelf)
        else:
            yield shelf.items.pop(0)
            count += 1


async def buy_potatos():
    bucket = []
    async for p in take(potatos, 7):
        bucket.append(p)
        print(f"Got potato {p}...")
    print(f"Bought {len(bucket)} potatoes")


async def buy_tomatos():
    bucket = []
    async for t in take(tomatos, 6):
        bucket.append(t)
        print(f"Got tomato {t}...")
    print(f"Bought {len(bucket)} tomatoes")


async def main():
    await asyncio.gather(buy_potatos(), buy_tomatos())
    print(f"Left on the shelves: potatoes {len(potatos.items)}, tomatoes {len(tomatos.items)}")


asyncio.run(main())
