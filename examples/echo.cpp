// A TCP echo server and its clients on 127.0.0.1, ported from echo.py
// (kept beside this file): non-blocking sockets, and coroutines that await
// coflat::readable(fd) / coflat::writable(fd) where Python's sock_recv,
// sock_sendall, sock_accept and sock_connect wait for the same readiness.
//
// Line protocol: the server echoes each '\n'-terminated line.  Many
// clients run at once; among them one pipelines a lot of data, one sends a
// line in slow pieces, one hangs up in the middle of a line (the server
// drops that partial line), and one sends a line that is too long (the
// server answers "error: line too long" and closes that connection).
// Only deterministic summaries are printed.
#include <coflat/coflat.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;

constexpr std::size_t max_line = 4096; // longer lines are refused
constexpr std::size_t chunk = 1024;    // bytes per recv: long lines arrive in pieces
constexpr int clients = 50;
constexpr int lines_per_client = 5;
constexpr int pipelined_lines = 1000;
constexpr int small_buffer = 8192; // send buffer: big writes wait for writable()

// --- plumbing -------------------------------------------------------------

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

bool would_block() { return errno == EAGAIN || errno == EWOULDBLOCK; }

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(std::uint16_t(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

void shrink_send_buffer(int fd) {
  int size = small_buffer;
  if (::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size) != 0)
    fail("setsockopt");
}

int make_socket() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    fail("socket");
  return fd;
}

int make_listener() {
  int listener = make_socket();
  sockaddr_in addr = loopback(0); // an ephemeral port
  if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener, 128) != 0)
    fail("bind/listen");
  return listener;
}

int port_of(int listener) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    fail("getsockname");
  return ntohs(addr.sin_port);
}

// Up to `chunk` bytes; empty at end of stream.
coflat::task<std::string> recv_some(int fd) {
  std::string data(chunk, '\0');
  while (true) {
    ssize_t n = ::recv(fd, data.data(), data.size(), 0);
    if (n >= 0) {
      data.resize(std::size_t(n));
      co_return data;
    }
    if (!would_block())
      fail("recv");
    co_await coflat::readable(fd);
  }
}

coflat::task<void> send_all(int fd, std::string data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n >= 0)
      sent += std::size_t(n);
    else if (would_block())
      co_await coflat::writable(fd);
    else
      fail("send");
  }
}

struct line_reader {
  explicit line_reader(int fd) : fd(fd) {}
  int fd;
  std::string buffer;
};

// The next line without its '\n'; nullopt at end of stream.
coflat::task<std::optional<std::string>> read_line(line_reader& reader) {
  while (reader.buffer.find('\n') == std::string::npos) {
    std::string data = co_await recv_some(reader.fd);
    if (data.empty())
      co_return std::nullopt;
    reader.buffer += data;
  }
  std::size_t newline = reader.buffer.find('\n');
  std::string line = reader.buffer.substr(0, newline);
  reader.buffer.erase(0, newline + 1);
  co_return line;
}

// --- the server -----------------------------------------------------------

struct server_state {
  std::vector<coflat::future<void>> handlers; // the Tasks serving connections
  int connections = 0;
  int lines_echoed = 0;
  int partial_lines_dropped = 0;
  int lines_too_long = 0;
};

coflat::task<void> handle_connection(int conn, server_state& server) {
  server.connections += 1;
  std::string buffer;
  while (true) {
    std::string data = co_await recv_some(conn);
    if (data.empty()) {
      if (!buffer.empty())
        server.partial_lines_dropped += 1;
      break;
    }
    buffer += data;
    std::string reply;
    std::size_t newline = buffer.find('\n');
    while (newline != std::string::npos && newline <= max_line) {
      reply += buffer.substr(0, newline + 1);
      buffer.erase(0, newline + 1);
      server.lines_echoed += 1;
      newline = buffer.find('\n');
    }
    if (!reply.empty())
      co_await send_all(conn, reply);
    if (buffer.size() > max_line) {
      server.lines_too_long += 1;
      co_await send_all(conn, "error: line too long\n");
      ::shutdown(conn, SHUT_WR); // the client sees the end of stream
      while (!(co_await recv_some(conn)).empty()) {
        // and whatever it still sends is dropped
      }
      break;
    }
  }
  ::close(conn);
}

coflat::task<void> serve(int listener, server_state& server) {
  while (true) {
    co_await coflat::readable(listener);
    int conn = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (conn < 0) {
      if (would_block())
        continue;
      fail("accept");
    }
    shrink_send_buffer(conn);
    server.handlers.push_back(coflat::create_task(handle_connection(conn, server)));
  }
}

// --- the clients ----------------------------------------------------------

coflat::task<int> connect_to(int port) {
  int fd = make_socket();
  sockaddr_in addr = loopback(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    if (errno != EINPROGRESS)
      fail("connect");
    co_await coflat::writable(fd);
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
      errno = err;
      fail("connect");
    }
  }
  co_return fd;
}

// Lines of many lengths, most of them longer than one recv.
std::string line_for(int client, int n) {
  return "client " + std::to_string(client) + " line " + std::to_string(n) + " " +
         std::string(std::size_t((client * 131 + n * 977) % 3000), '.');
}

coflat::task<int> client(int port, int i) {
  int sock = co_await connect_to(port);
  line_reader reader(sock);
  int ok = 0;
  for (int n = 0; n < lines_per_client; ++n) {
    std::string line = line_for(i, n);
    co_await send_all(sock, line + "\n");
    std::optional<std::string> echoed = co_await read_line(reader);
    if (echoed == line)
      ok += 1;
  }
  ::close(sock);
  co_return ok;
}

coflat::task<void> write_lines(int sock, int count) {
  std::string data;
  for (int n = 0; n < count; ++n)
    data += line_for(clients, n) + "\n";
  co_await send_all(sock, std::move(data));
}

coflat::task<int> read_lines(line_reader& reader, int count) {
  int ok = 0;
  for (int n = 0; n < count; ++n) {
    std::optional<std::string> echoed = co_await read_line(reader);
    if (echoed == line_for(clients, n))
      ok += 1;
  }
  co_return ok;
}

// Writes everything at once while it reads the echo concurrently.
coflat::task<int> pipelined_client(int port) {
  int sock = co_await connect_to(port);
  shrink_send_buffer(sock);
  line_reader reader(sock);
  auto results = co_await coflat::gather(write_lines(sock, pipelined_lines), read_lines(reader, pipelined_lines));
  ::close(sock);
  co_return std::get<1>(results);
}

// Sends one line in pieces, with pauses between them.
coflat::task<std::string> slow_client(int port) {
  int sock = co_await connect_to(port);
  std::vector<std::string> pieces = {"hello, ", "slow ", "world\n"};
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    co_await send_all(sock, pieces[i]);
    co_await coflat::sleep(5ms);
  }
  line_reader reader(sock);
  std::optional<std::string> line = co_await read_line(reader);
  ::close(sock);
  co_return *line;
}

// Hangs up in the middle of its third line.
coflat::task<int> truncated_client(int port) {
  int sock = co_await connect_to(port);
  line_reader reader(sock);
  int ok = 0;
  for (int n = 0; n < 2; ++n) {
    std::string line = "truncated line " + std::to_string(n);
    co_await send_all(sock, line + "\n");
    std::optional<std::string> echoed = co_await read_line(reader);
    if (echoed == line)
      ok += 1;
  }
  co_await send_all(sock, "this line never ends");
  ::close(sock);
  co_return ok;
}

std::string describe(const std::optional<std::string>& line) {
  return line ? "'" + *line + "'" : "end of stream";
}

// Sends a line longer than max_line: what comes back, in order.
coflat::task<std::string> oversized_client(int port) {
  int sock = co_await connect_to(port);
  line_reader reader(sock);
  co_await send_all(sock, "a short line first\n");
  std::optional<std::string> line = co_await read_line(reader);
  std::string got = describe(line);
  co_await send_all(sock, std::string(max_line + 1000, 'x') + "\n");
  while (line) {
    line = co_await read_line(reader);
    got += ", then " + describe(line);
  }
  ::close(sock);
  co_return got;
}

coflat::task<void> main_task() {
  int listener = make_listener();
  int port = port_of(listener);
  server_state server;
  coflat::future<void> accepting = coflat::create_task(serve(listener, server));
  std::puts("server: listening");

  std::vector<coflat::task<int>> simple;
  for (int i = 0; i < clients; ++i)
    simple.push_back(client(port, i));
  auto results = co_await coflat::gather(coflat::gather(std::move(simple)), pipelined_client(port),
                                         slow_client(port), truncated_client(port), oversized_client(port));
  const std::vector<int>& oks = std::get<0>(results);
  for (std::size_t i = 0; i < oks.size(); ++i)
    std::printf("client %zu: %d/%d lines echoed\n", i, oks[i], lines_per_client);
  std::printf("pipelined client: %d/%d lines echoed\n", std::get<1>(results), pipelined_lines);
  std::printf("slow client: got back '%s'\n", std::get<2>(results).c_str());
  std::printf("truncated client: %d/2 lines echoed, then hung up mid-line\n", std::get<3>(results));
  std::printf("oversized client: %s\n", std::get<4>(results).c_str());

  accepting.cancel();
  try {
    co_await accepting;
  } catch (const coflat::cancelled_error&) {
    std::puts("server: stopped accepting");
  }
  ::close(listener);
  co_await coflat::gather(server.handlers); // each ends when its client hangs up
  std::printf("server: %d connections, %d lines echoed, %d partial line dropped, %d line too long\n",
              server.connections, server.lines_echoed, server.partial_lines_dropped, server.lines_too_long);
  std::puts("done");
}

int main() { coflat::run(main_task()); }
