// Refusals of statements around a suspension: a suspension in a range-for's
// range, inline assembly.
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>
#include <vector>

coflat::generator<std::vector<int>, int> range_suspends() {
  for (int x : std::vector<int>{co_yield std::vector<int>{}})
    // CHECK: statements.cpp:[[@LINE-1]]:16: error: cannot lower: suspension in a range-for's range expression (not supported yet)
    co_yield std::vector<int>{x};
  for (int x : std::vector<int>{co_yield std::vector<int>{}})
    // CHECK: statements.cpp:[[@LINE-1]]:16: error: cannot lower: suspension in a range-for's range expression (not supported yet); store the range in a variable first
    (void)x;
}

coflat::generator<int> assembly() {
  asm volatile("" ::: "memory");
  // CHECK: statements.cpp:[[@LINE-1]]:3: error: cannot lower: inline assembly in a coroutine
  co_yield 1;
}
