# A TCP echo server and its clients on 127.0.0.1, on non-blocking sockets
# and the event loop's low-level socket calls (sock_accept, sock_recv,
# sock_sendall, sock_connect), which wait for fd readiness the way the C++
# port's readable(fd) / writable(fd) do.
#
# Line protocol: the server echoes each '\n'-terminated line.  Many
# clients run at once; among them one pipelines a lot of data, one sends a
# line in slow pieces, one hangs up in the middle of a line (the server
# drops that partial line), and one sends a line that is too long (the
# server answers "error: line too long" and closes that connection).
# Only deterministic summaries are printed.
import asyncio
import socket

MAX_LINE = 4096  # longer lines are refused
CHUNK = 1024  # bytes per recv: long lines arrive in pieces
CLIENTS = 50
LINES_PER_CLIENT = 5
PIPELINED_LINES = 1000
SMALL_BUFFER = 8192  # send buffer: big writes wait until the socket is writable


# --- plumbing -------------------------------------------------------------


async def recv_some(sock):
    """Up to CHUNK bytes; empty at end of stream."""
    return await asyncio.get_running_loop().sock_recv(sock, CHUNK)


async def send_all(sock, data):
    await asyncio.get_running_loop().sock_sendall(sock, data)


class LineReader:
    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""


async def read_line(reader):
    """The next line without its '\\n'; None at end of stream."""
    while b"\n" not in reader.buffer:
        data = await recv_some(reader.sock)
        if not data:
            return None
        reader.buffer += data
    line, _, reader.buffer = reader.buffer.partition(b"\n")
    return line


# --- the server -----------------------------------------------------------


class Server:
    def __init__(self):
        self.handlers = []  # the Tasks serving connections
        self.connections = 0
        self.lines_echoed = 0
        self.partial_lines_dropped = 0
        self.lines_too_long = 0


async def handle_connection(conn, server):
    server.connections += 1
    buffer = b""
    while True:
        data = await recv_some(conn)
        if not data:
            if buffer:
                server.partial_lines_dropped += 1
            break
        buffer += data
        reply = b""
        newline = buffer.find(b"\n")
        while newline != -1 and newline <= MAX_LINE:
            reply += buffer[: newline + 1]
            buffer = buffer[newline + 1 :]
            server.lines_echoed += 1
            newline = buffer.find(b"\n")
        if reply:
            await send_all(conn, reply)
        if len(buffer) > MAX_LINE:
            server.lines_too_long += 1
            await send_all(conn, b"error: line too long\n")
            conn.shutdown(socket.SHUT_WR)  # the client sees the end of stream
            while await recv_some(conn):  # and whatever it still sends is dropped
                pass
            break
    conn.close()


async def serve(listener, server):
    loop = asyncio.get_running_loop()
    while True:
        conn, _ = await loop.sock_accept(listener)
        conn.setblocking(False)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SMALL_BUFFER)
        server.handlers.append(asyncio.create_task(handle_connection(conn, server)))


def make_listener():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setblocking(False)
    listener.bind(("127.0.0.1", 0))  # an ephemeral port
    listener.listen(128)
    return listener


# --- the clients ----------------------------------------------------------


async def connect(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    return sock


def line_for(client, n):
    """Lines of many lengths, most of them longer than one recv."""
    return f"client {client} line {n} ".encode() + b"." * ((client * 131 + n * 977) % 3000)


async def client(port, i):
    sock = await connect(port)
    reader = LineReader(sock)
    ok = 0
    for n in range(LINES_PER_CLIENT):
        line = line_for(i, n)
        await send_all(sock, line + b"\n")
        if await read_line(reader) == line:
            ok += 1
    sock.close()
    return ok


async def write_lines(sock, count):
    await send_all(sock, b"".join(line_for(CLIENTS, n) + b"\n" for n in range(count)))


async def read_lines(reader, count):
    ok = 0
    for n in range(count):
        if await read_line(reader) == line_for(CLIENTS, n):
            ok += 1
    return ok


async def pipelined_client(port):
    """Writes everything at once while it reads the echo concurrently."""
    sock = await connect(port)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SMALL_BUFFER)
    reader = LineReader(sock)
    results = await asyncio.gather(write_lines(sock, PIPELINED_LINES), read_lines(reader, PIPELINED_LINES))
    sock.close()
    return results[1]


async def slow_client(port):
    """Sends one line in pieces, with pauses between them."""
    sock = await connect(port)
    for piece in (b"hello, ", b"slow ", b"world\n"):
        await send_all(sock, piece)
        await asyncio.sleep(0.005)
    line = await read_line(LineReader(sock))
    sock.close()
    return line.decode()


async def truncated_client(port):
    """Hangs up in the middle of its third line."""
    sock = await connect(port)
    reader = LineReader(sock)
    ok = 0
    for n in range(2):
        line = f"truncated line {n}".encode()
        await send_all(sock, line + b"\n")
        if await read_line(reader) == line:
            ok += 1
    await send_all(sock, b"this line never ends")
    sock.close()
    return ok


async def oversized_client(port):
    """Sends a line longer than MAX_LINE: what comes back, in order."""
    sock = await connect(port)
    reader = LineReader(sock)
    await send_all(sock, b"a short line first\n")
    got = [await read_line(reader)]
    await send_all(sock, b"x" * (MAX_LINE + 1000) + b"\n")
    while got[-1] is not None:
        got.append(await read_line(reader))
    sock.close()
    return ", then ".join("end of stream" if line is None else f"'{line.decode()}'" for line in got)


async def main():
    listener = make_listener()
    port = listener.getsockname()[1]
    server = Server()
    accepting = asyncio.create_task(serve(listener, server))
    print("server: listening")

    results = await asyncio.gather(
        asyncio.gather(*[client(port, i) for i in range(CLIENTS)]),
        pipelined_client(port),
        slow_client(port),
        truncated_client(port),
        oversized_client(port),
    )
    for i, ok in enumerate(results[0]):
        print(f"client {i}: {ok}/{LINES_PER_CLIENT} lines echoed")
    print(f"pipelined client: {results[1]}/{PIPELINED_LINES} lines echoed")
    print(f"slow client: got back '{results[2]}'")
    print(f"truncated client: {results[3]}/2 lines echoed, then hung up mid-line")
    print(f"oversized client: {results[4]}")

    accepting.cancel()
    try:
        await accepting
    except asyncio.CancelledError:
        print("server: stopped accepting")
    listener.close()
    await asyncio.gather(*server.handlers)  # each ends when its client hangs up
    print(
        f"server: {server.connections} connections, {server.lines_echoed} lines echoed, "
        f"{server.partial_lines_dropped} partial line dropped, {server.lines_too_long} line too long"
    )
    print("done")


asyncio.run(main())
