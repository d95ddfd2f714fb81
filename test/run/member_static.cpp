// A static member function coroutine defined in its class: its body names
// the class's members unqualified, private ones included, as any member
// function body may.  (Defined outside the class it is diagnosed:
// diagnostics/member_function_static.cpp.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>

class counter {
public:
  static coflat::generator<int> up(int n) {
    for (int i = 0; i < n; ++i)
      co_yield scale(i) + offset;
  }

private:
  static int scale(int x) { return x * factor; }
  static constexpr int factor = 10;
  static int offset;
};

int counter::offset = 1;

int main() {
  for (int v : counter::up(3))
    std::printf("up %d\n", v);
  // CHECK:      up 1
  // CHECK-NEXT: up 11
  // CHECK-NEXT: up 21
}
