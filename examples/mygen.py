# A counting generator: the first thing Python's `yield` teaches.
def mygen(start, stop):
    print("mygen: started")
    i = start
    while i < stop:
        yield i
        i += 1
    print("mygen: finished")


g = mygen(1, 4)
print("created, nothing ran yet")
print("first:", next(g))
for v in g:
    print("loop:", v)
try:
    next(g)
except StopIteration:
    print("exhausted")
print("sum:", sum(mygen(0, 10)))
