// A member function coroutine of a class template defined outside its
// class cannot be lowered (yet).  Diagnosed at the function's name, exit
// status 1, and no output at all, even though the file also has coroutines
// that could be lowered (a member defined outside a class that is no
// template among them).
// (Member coroutines defined in or after their class are lowered:
// run/member_functions.cpp, run/members_out_of_class.cpp.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
// RUN: sh -c '%coflat lower %s -o %t.out -- %flags 2>/dev/null; test $? -eq 1'
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

coflat::generator<int> fine(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

struct counter {
  int limit;
  coflat::generator<int> count();
};

coflat::generator<int> counter::count() {
  for (int i = 0; i < limit; ++i)
    co_yield i;
}

template <class T> struct bag {
  T item;
  coflat::generator<T> each() const;
};

template <class T> coflat::generator<T> bag<T>::each() const { co_yield item; }

int use() { return *bag<int>{1}.each().next(); }

// CHECK: {{.*}}member_function.cpp:35:49: error: cannot lower: a member function coroutine of a class template, or a member template, defined outside its class (not supported yet)
// CHECK-NEXT: {{^ *}}35 | template <class T> coflat::generator<T> bag<T>::each() const { co_yield item; }
// CHECK-NEXT: {{^ *\| *\^$}}
// CHECK-NEXT: note:
// CHECK: 1 error generated.
