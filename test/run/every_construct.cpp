// One generator that uses every construct issue #2 lists, lowered and run
// against the native C++20 build (the acceptance test of the foundation).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tracer.h"

struct printer {
  const printer& operator<<(int v) const { std::printf("[%d]", v); return *this; }
  const printer& operator<<(const char* s) const { std::printf("%s", s); return *this; }
};

coflat::generator<int, int> sub(int n) {
  tracer t("sub");
  for (int i = 0; i < n; ++i)
    co_yield 100 + i;
}

coflat::generator<int, int, std::string> every(tracer by_value, const std::vector<int>& by_ref, int& counter) {
  pinned pin(7);                                  // non-copyable, non-movable, no default ctor
  std::string text = "s";
  if (by_ref.size() > 2) {                        // if / else
    int sent = co_yield 1;                        // value of co_yield
    text += std::to_string(sent);
  } else {
    co_yield -1;
  }
  for (int i = 0; i < 2; ++i) {                   // for
    tracer loop("for" + std::to_string(i));
    if (i == 1)
      continue;                                   // continue across a suspension
    co_yield 10 + i;
  }
  for (int v : by_ref) {                          // range-for
    if (v == 3)
      break;                                      // break across a suspension
    co_yield v;
  }
  int w = 0;
  while (w < 2)                                   // while
    co_yield 20 + w++;
  do {                                            // do-while
    co_yield 30;
  } while (false);
  switch (counter) {                              // switch with suspensions in cases
  case 0: {
    tracer c("case0");
    co_yield 40;
    break;
  }
  default:
    co_yield 41;
  }
  int tries = 0;
again:                                            // goto backwards across a suspension
  {
    tracer g("goto");
    co_yield 50 + tries;
    if (++tries < 2)
      goto again;
  }
  try {                                           // try with a suspension in the try block
    co_yield 60;
    throw std::string("thrown");
  } catch (const std::string& e) {
    text += e;
  }
  int total = 0;
  total += co_yield 70;                           // compound assignment
  printer{} << "out:" << (co_yield 71) << "\n";   // << chain
  bool both = (total > 0) && (co_yield 72) > 0;   // &&
  bool either = (total > 100) || (co_yield 73) > 0; // ||
  int pick = both ? co_yield 74 : 0;              // ?:
  while ((co_yield 75) == 0) {                    // condition of while
    ++counter;
  }
  for (int k = 0; k < 2; k += co_yield 76) {      // for increment
  }
  std::printf("%s|%d|%d|%d|%d\n", tracer("temp").name.c_str(), co_yield 77, both, either, pick); // temporary spanning it
  co_yield coflat::yield_from(sub(2));            // delegation
  {                                               // nested block
    std::string inner = text + "!";
    co_yield static_cast<int>(inner.size());
  }
  ++counter;
  if (counter > 100)
    throw std::runtime_error("never");
  co_return text + "/" + by_value.name;           // co_return value
}

int main() {
  std::vector<int> v{1, 2, 3, 4};
  int counter = 0;
  {
    auto g = every(tracer("arg"), v, counter);
    int sends = 0;
    for (auto x = g.next(); x; x = g.send(++sends % 3))
      std::printf("-> %d\n", *x);
    std::printf("result %s counter %d\n", g.result().c_str(), counter);
  }
  // Destroyed while suspended deep inside: live objects only, in order.
  {
    auto g = every(tracer("arg2"), v, counter);
    for (int i = 0; i < 8; ++i)
      g.next();
    std::printf("destroying\n");
  }
  std::printf("end\n");
}

// CHECK: +arg
// CHECK-NEXT: +arg~ (move)
// CHECK-NEXT: -arg
// CHECK-NEXT: +pinned 7
// CHECK-NEXT: -> 1
// CHECK-NEXT: +for0
// CHECK-NEXT: -> 10
// CHECK-NEXT: -for0
// CHECK-NEXT: +for1
// CHECK-NEXT: -for1
// CHECK-NEXT: -> 1
// CHECK-NEXT: -> 2
// CHECK-NEXT: -> 20
// CHECK-NEXT: -> 21
// CHECK-NEXT: -> 30
// CHECK-NEXT: +case0
// CHECK-NEXT: -> 40
// CHECK-NEXT: -case0
// CHECK-NEXT: +goto
// CHECK-NEXT: -> 50
// CHECK-NEXT: -goto
// CHECK-NEXT: +goto
// CHECK-NEXT: -> 51
// CHECK-NEXT: -goto
// CHECK-NEXT: -> 60
// CHECK-NEXT: -> 70
// CHECK-NEXT: out:-> 71
// CHECK-NEXT: [1]
// CHECK-NEXT: -> 73
// CHECK-NEXT: -> 75
// CHECK-NEXT: -> 75
// CHECK-NEXT: -> 76
// CHECK-NEXT: +temp
// CHECK-NEXT: -> 77
// CHECK-NEXT: temp|0|0|1|0
// CHECK-NEXT: -temp
// CHECK-NEXT: +sub
// CHECK-NEXT: -> 100
// CHECK-NEXT: -> 101
// CHECK-NEXT: -sub
// CHECK-NEXT: -> 9
// CHECK-NEXT: -pinned 7
// CHECK-NEXT: result s1thrown/arg~ counter 2
// CHECK-NEXT: -arg~
// CHECK-NEXT: +arg2
// CHECK-NEXT: +arg2~ (move)
// CHECK-NEXT: -arg2
// CHECK-NEXT: +pinned 7
// CHECK-NEXT: +for0
// CHECK-NEXT: -for0
// CHECK-NEXT: +for1
// CHECK-NEXT: -for1
// CHECK-NEXT: destroying
// CHECK-NEXT: -pinned 7
// CHECK-NEXT: -arg2~
// CHECK-NEXT: end
