// generator<const T> (issue #9, bug 4): next(), range-for and yield_from
// work when the yielded type is const (std::optional<const T> cannot be
// assigned, only emplaced).
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

coflat::generator<const int> numbers() {
  co_yield 1;
  co_yield 2;
}

coflat::generator<const std::string> words() {
  std::string w = "one";
  co_yield w;
  co_yield w + "+two";
}

coflat::generator<const int> delegating() {
  co_yield 0;
  co_yield coflat::yield_from(numbers());
  co_yield 3;
}

int main() {
  auto g = numbers();
  while (auto v = g.next())
    std::printf("next %d\n", *v);
  for (int v : numbers())
    std::printf("for %d\n", v);
  for (const std::string& w : words())
    std::printf("word %s\n", w.c_str());
  for (int v : delegating())
    std::printf("delegated %d\n", v);
}
// CHECK:      next 1
// CHECK-NEXT: next 2
// CHECK-NEXT: for 1
// CHECK-NEXT: for 2
// CHECK-NEXT: word one
// CHECK-NEXT: word one+two
// CHECK-NEXT: delegated 0
// CHECK-NEXT: delegated 1
// CHECK-NEXT: delegated 2
// CHECK-NEXT: delegated 3
