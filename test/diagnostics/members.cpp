// Refusals of member function coroutines: ref-qualified ones, and a lambda
// capturing `this` in one (the frame keeps the object as coflat_self).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>

struct widget {
  int value = 1;
  coflat::generator<int> by_ref() & { co_yield value; }
  // CHECK: members.cpp:[[@LINE-1]]:26: error: cannot lower: ref-qualified member function coroutines
  coflat::generator<int> callback() {
    int v = 0;
    {
      auto get = [this] { return value; };
      // CHECK: members.cpp:[[@LINE-1]]:19: error: cannot lower: a lambda in a member function coroutine captures 'this'
      v = get();
    }
    co_yield v;
  }
};
