// Locals of array, aggregate, reference and auto type living across co_yield.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

// Locals declared with auto, references to locals, arrays and structs.
struct point { int x, y; };

coflat::generator<int> misc() {
  auto n = 3;
  int arr[3] = {10, 20, 30};
  point pt{1, 2};
  int& r = arr[1];
  const std::string cs = "k";
  co_yield n + arr[0];
  r = 99;
  pt.y = 5;
  co_yield arr[1] + pt.x + pt.y + (int)cs.size();
}

void test_misc() {
  std::printf("== misc\n");
  auto g = misc();
  while (auto v = g.next())
    std::printf("got %d\n", *v);
}
// CHECK: == misc
// CHECK-NEXT: got 13
// CHECK-NEXT: got 106

int main() {
  test_misc();
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
