// Refusals of member function coroutines: a member template defined
// outside its class, a member of a local class, and a lambda capturing
// `this` in one (the frame keeps the object as coflat_self).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/generator.h>

struct widget {
  int value = 1;
  template <class F> coflat::generator<int> mapped(F f) const;
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

template <class F> coflat::generator<int> widget::mapped(F f) const { co_yield f(value); }
// CHECK: members.cpp:[[@LINE-1]]:51: error: cannot lower: a member function coroutine of a class template, or a member template, defined outside its class (not supported yet)

int use() { return *widget{}.mapped([](int x) { return x; }).next(); }

void local() {
  struct inner {
    coflat::generator<int> one() { co_yield 1; }
    // CHECK: members.cpp:[[@LINE-1]]:28: error: cannot lower: a member function coroutine of a local class (not supported yet)
  };
  inner{}.one();
}
