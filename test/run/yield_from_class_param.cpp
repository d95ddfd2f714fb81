// co_yield coflat::yield_from(sub(arg)) where sub takes a std::string by
// value: the argument object is a temporary of the delegating
// full-expression (moved from into sub's frame).  A user class taken by value
// there cannot be lowered: diagnostics/by_value_class_argument.cpp.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

coflat::generator<int, void, std::string> named(std::string name) {
  co_yield static_cast<int>(name.size());
  co_return name + "!";
}

coflat::generator<int> outer() {
  std::string n = co_yield coflat::yield_from(named("abc"));
  std::printf("n=%s\n", n.c_str());
  std::string arg = "de";
  n = co_yield coflat::yield_from(named(arg));
  std::printf("n=%s arg=%s\n", n.c_str(), arg.c_str());
}

int main() {
  for (int v : outer())
    std::printf("-> %d\n", v);
  // CHECK:      -> 3
  // CHECK-NEXT: n=abc!
  // CHECK-NEXT: -> 2
  // CHECK-NEXT: n=de! arg=de
}
