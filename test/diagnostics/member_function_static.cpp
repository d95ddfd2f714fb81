// A static member function coroutine defined outside its class is diagnosed
// like a non-static one (member_function.cpp); defined in the class it is
// lowered (run/member_static.cpp).
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

class counter {
public:
  static coflat::generator<int> outside(int n);

private:
  static int scale(int x) { return x * factor; }
  static constexpr int factor = 10;
};

coflat::generator<int> counter::outside(int n) {
  for (int i = n; i > 0; --i)
    co_yield scale(i) + factor;
}

// CHECK: {{.*}}member_function_static.cpp:18:33: error: cannot lower: a member function coroutine must be defined inside its (non-local) class, where its frame can be nested
// CHECK: 1 error generated.
