// Range-for over C arrays with co_yield in the body: a global array, an
// array member reached through a reference parameter, and a local array.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include "tracer.h"

int global_arr[3] = {1, 2, 3};

struct holder {
  int items[2];
};

coflat::generator<int> over_global() {
  for (int x : global_arr)
    co_yield x;
  for (int& x : global_arr)
    x += 10;
  for (const int& x : global_arr)
    co_yield x;
}

coflat::generator<int> over_member(holder& h) {
  for (auto& x : h.items) {
    co_yield x;
    x = -x;
  }
}

coflat::generator<int> over_local() {
  int arr[] = {7, 8, 9};
  for (int x : arr) {
    tracer t("t" + std::to_string(x));
    co_yield x;
  }
}

int main() {
  std::printf("== over_global\n");
  for (int x : over_global())
    std::printf("got %d\n", x);
  // CHECK: == over_global
  // CHECK-NEXT: got 1
  // CHECK-NEXT: got 2
  // CHECK-NEXT: got 3
  // CHECK-NEXT: got 11
  // CHECK-NEXT: got 12
  // CHECK-NEXT: got 13
  std::printf("== over_member\n");
  holder h{{4, 5}};
  for (int x : over_member(h))
    std::printf("got %d\n", x);
  std::printf("h: %d %d\n", h.items[0], h.items[1]);
  // CHECK-NEXT: == over_member
  // CHECK-NEXT: got 4
  // CHECK-NEXT: got 5
  // CHECK-NEXT: h: -4 -5
  std::printf("== over_local\n");
  for (int x : over_local())
    std::printf("got %d\n", x);
  // CHECK-NEXT: == over_local
  // CHECK-NEXT: +t7
  // CHECK-NEXT: got 7
  // CHECK-NEXT: -t7
  // CHECK-NEXT: +t8
  // CHECK-NEXT: got 8
  // CHECK-NEXT: -t8
  // CHECK-NEXT: +t9
  // CHECK-NEXT: got 9
  // CHECK-NEXT: -t9
  std::printf("== end\n");
  // CHECK-NEXT: == end
}
