// A generator whose Send type is std::string: the sent string is moved into
// the co_yield expression; next() gives an empty string; the sent value can
// be used inside a larger expression and kept across later suspensions.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include <utility>

coflat::generator<int, std::string, std::string> echo() {
  std::string log;
  for (int i = 1;; ++i) {
    std::string got = co_yield i;
    std::printf("got '%s' (size %zu)\n", got.c_str(), got.size());
    if (got == "stop")
      break;
    log += got;
    log += (co_yield -i) + ";";
  }
  co_return log;
}

int main() {
  auto g = echo();
  std::printf("-> %d\n", *g.next());
  // CHECK: -> 1
  std::printf("-> %d\n", *g.send("hello"));
  // CHECK-NEXT: got 'hello' (size 5)
  // CHECK-NEXT: -> -1
  std::string big(100, 'x'); // not in the small-string buffer
  std::printf("-> %d\n", *g.send(std::move(big)));
  // CHECK-NEXT: -> 2
  std::printf("-> %d\n", *g.next());
  // CHECK-NEXT: got '' (size 0)
  // CHECK-NEXT: -> -2
  std::printf("-> %d\n", *g.send("abc"));
  // CHECK-NEXT: -> 3
  std::string stop = "stop";
  std::printf("more %d\n", g.send(stop).has_value());
  std::printf("stop still '%s'\n", stop.c_str());
  // CHECK-NEXT: got 'stop' (size 4)
  // CHECK-NEXT: more 0
  // CHECK-NEXT: stop still 'stop'
  std::printf("result size %zu\n", g.result().size());
  std::printf("result %s\n", g.result().substr(0, 8).c_str());
  std::printf("result tail %s\n", g.result().substr(g.result().size() - 5).c_str());
  // CHECK-NEXT: result size 110
  // CHECK-NEXT: result helloxxx
  // CHECK-NEXT: result tail ;abc;
}
