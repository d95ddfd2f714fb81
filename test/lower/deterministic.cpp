// Lowering is deterministic: the same input gives the same bytes, run after
// run (several coroutines, overloads, spilled expressions and frame
// temporaries, whose names come from counters and maps).
// RUN: %coflat lower %s -o %t.1 -- %flags
// RUN: %coflat lower %s -o %t.2 -- %flags
// RUN: %coflat lower %s -o %t.3 -- %flags
// RUN: cmp %t.1 %t.2
// RUN: cmp %t.1 %t.3
// RUN: %coflat lower %s -- %flags | cmp - %t.1
#include <coflat/coflat.h>
#include <string>
#include <vector>

int f(int x) { return x; }

coflat::generator<int, int> a(int n) {
  for (int i = 0; i < n; ++i) {
    int x = f(i) + (co_yield i);
    bool b = x > 3 && (co_yield x);
    int c = b ? co_yield 1 : f(2);
    (void)c;
  }
}

coflat::generator<std::string, int, std::string> b(std::string s) {
  std::string acc = s;
  while ((co_yield acc + "!") != 0)
    acc += s;
  co_return acc;
}

coflat::generator<int, int> b(int n) {
  std::vector<int> v(static_cast<unsigned>(n), 1);
  co_yield coflat::yield_from(a(n));
  for (int x : v)
    co_yield x;
}
