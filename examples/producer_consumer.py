# A consumer coroutine driven by send(): PEP 342's producer/consumer.
def consumer(name):
    print(f"{name}: ready")
    total = 0
    count = 0
    while True:
        item = yield total
        if item is None:
            break
        count += 1
        total += item
        print(f"{name}: got {item}, total {total}")
    print(f"{name}: closing after {count} items")
    return total


def producer(sink, items):
    print("producer: priming", next(sink))
    for item in items:
        print(f"producer: sending {item}")
        running = sink.send(item)
        print(f"producer: running total is {running}")
    try:
        sink.send(None)
    except StopIteration as stop:
        print(f"producer: consumer returned {stop.value}")


producer(consumer("sink"), [3, 1, 4, 1, 5])

# close() raises GeneratorExit inside the consumer.
def careful():
    try:
        while True:
            item = yield
            print(f"careful: {item}")
    except GeneratorExit:
        print("careful: closed")
        raise


c = careful()
next(c)
c.send(7)
c.close()
print("done")
