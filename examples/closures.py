# Closures as predicates and callbacks, in generators and in async code:
# a generic filter driven by a predicate, a sort key, a loop callback that
# updates the caller's state, and two results unpacked from gather.
import asyncio


def words(text):
    for w in text.split():
        yield w.strip(".,").lower()


def keep(pred, items):
    for x in items:
        if pred(x):
            yield x


async def count_longer(text, min_len):
    await asyncio.sleep(0.01)
    n = 0
    for w in keep(lambda w: len(w) >= min_len, words(text)):
        n += 1
    return n


async def longest(text):
    await asyncio.sleep(0)
    ranked = sorted(set(words(text)), key=lambda w: (-len(w), w))
    return ranked[0]


async def main():
    text = "The quick brown fox jumps over the lazy dog. The dog sleeps."
    loop = asyncio.get_running_loop()
    events = []
    loop.call_soon(lambda: events.append(f"callback saw {len(events)} events"))
    n, word = await asyncio.gather(count_longer(text, 5), longest(text))
    print(f"{n} words of 5 letters or more; longest: {word}")

    seen = {}

    def tally(w):
        seen[w] = seen.get(w, 0) + 1
        return seen[w]

    for w in keep(lambda w: tally(w) == 2, words(text)):
        print("repeated:", w)
        await asyncio.sleep(0)
    print(f"{len(seen)} distinct words")
    for e in events:
        print(e)


asyncio.run(main())
