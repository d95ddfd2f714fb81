# A lazy pipeline of generic stages: each stage is a generator over any
# iterable, and nothing runs until the consumer asks for a value.
def naturals(start):
    n = start
    while True:
        print(f"  naturals: {n}")
        yield n
        n += 1


def filter_by(pred, source):
    for v in source:
        if pred(v):
            yield v


def map_by(fn, source):
    for v in source:
        yield fn(v)


def take(n, source):
    if n <= 0:
        return
    for v in source:
        yield v
        n -= 1
        if n == 0:
            return


squares_of_odds = take(3, map_by(lambda v: v * v, filter_by(lambda v: v % 2 == 1, naturals(1))))
print("built, nothing ran yet")
for v in squares_of_odds:
    print(f"got {v}")

words = ["generic", "code", "lowered", "once"]
for w in take(2, map_by(lambda s: s.upper(), filter_by(lambda s: len(s) > 4, words))):
    print(w)
