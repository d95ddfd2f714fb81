// co_return with a value: the value is the generator's result() once it is
// exhausted (Python's StopIteration.value); result() before that throws.
// (expr_co_return_yield.cpp: a co_return whose operand suspends.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

coflat::generator<int, void, std::string> words(int n) {
  std::string acc;
  for (int i = 0; i < n; ++i) {
    co_yield i;
    acc += std::to_string(i);
  }
  if (n == 0)
    co_return "empty";
  co_return "acc=" + acc;
}

int main() {
  auto g = words(3);
  try {
    g.result();
  } catch (const coflat::invalid_state_error&) {
    std::printf("result before start: invalid_state_error\n");
  }
  g.next();
  try {
    g.result();
  } catch (const coflat::invalid_state_error&) {
    std::printf("result while suspended: invalid_state_error\n");
  }
  while (g.next()) {
  }
  std::printf("result: %s done=%d\n", g.result().c_str(), g.done());
  // CHECK:      result before start: invalid_state_error
  // CHECK-NEXT: result while suspended: invalid_state_error
  // CHECK-NEXT: result: acc=012 done=1

  auto e = words(0);
  bool more = e.next().has_value();
  std::printf("more %d result: %s\n", more, e.result().c_str());
  // CHECK-NEXT: more 0 result: empty

  // result() returns a reference to the stored value.
  auto m = words(1);
  for (int v : m)
    std::printf("v=%d\n", v);
  m.result() += "!";
  std::printf("result: %s\n", m.result().c_str());
  // CHECK-NEXT: v=0
  // CHECK-NEXT: result: acc=0!
}
