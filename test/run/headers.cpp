// Coroutines defined in headers are lowered into copies of the headers: one
// found beside the source (with the header beside it that it includes), and
// one found through the include path (into the include tree).  The source
// itself holds no coroutine.
// RUN: %run-all %s %t | FileCheck %s
// RUN: test -f %t.lowered/Inputs/headers/generators.h
// RUN: test -f %t.lowered/Inputs/headers/scale.h
// RUN: test -f %t.lowered/coflat-include/coflat_test/adaptors.h
// RUN: not grep -q co_yield %t.lowered/Inputs/headers/generators.h %t.lowered/coflat-include/coflat_test/adaptors.h
#include <cstdio>
#include <coflat_test/adaptors.h>
#include "Inputs/headers/generators.h"

int main() {
  for (int v : demo::take(demo::evens(10), 3))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK: 0 2 4
  demo::counter c{100};
  for (int v : c.count(2))
    std::printf("%d ", v);
  demo::box<double> b{1.25};
  for (double v : b.twice())
    std::printf("%g ", v);
  std::printf("\n");
  // CHECK-NEXT: 100 101 1.25 2.5
}
