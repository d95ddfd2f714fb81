// In a coroutine template, a temporary inside a suspension's operand (and a
// by-value parameter of a call resolved only at instantiation) ends before
// the suspension instead of after it.  Each instantiation checks that this
// is unobservable: a std::string passes, a class with an observable
// destructor is a compile error that names the expression.  A value of
// dependent type computed before a suspension in its expression is held in
// the frame: a long passes, a prvalue of class type (which would be moved
// from) is a compile error.
// RUN: %coflat lower %s -o %t.cpp -- %flags -DTYPE=tracer
// RUN: %clang17 -fsyntax-only -DTYPE=std::string %t.cpp
// RUN: %clang17 -fsyntax-only -DTYPE=std::string -DBY_VALUE %t.cpp
// RUN: %not %clang17 -fsyntax-only -DTYPE=tracer %t.cpp 2>&1 | FileCheck %s
// RUN: %not %clang17 -fsyntax-only -DTYPE=tracer -DBY_VALUE %t.cpp 2>&1 | FileCheck %s --check-prefix=ARG
// RUN: %clang17 -fsyntax-only -DTYPE=long -DSPILL %t.cpp
// RUN: %not %clang17 -fsyntax-only -DTYPE=std::string -DSPILL %t.cpp 2>&1 | FileCheck %s --check-prefix=SPILL
#include <coflat/generator.h>
#include "tracer.h"

inline int size_of(const tracer& t) { return int(t.name.size()); }
inline int size_of(const std::string& s) { return int(s.size()); }
template <class T> int by_value(T v) { return size_of(v); }

template <class T> coflat::generator<int> lengths(const char* name) {
  co_yield size_of(T(name));
  // CHECK: template_temporary.cpp:[[@LINE-1]]:{{[0-9]+}}: error: static assertion failed due to requirement {{.*}}coflat: this temporary would be destroyed before the suspension instead of after it
}

template <class T> coflat::generator<int> arguments(const char* name) {
  T t(name);
  co_yield by_value(t);
  // ARG: template_temporary.cpp:[[@LINE-1]]:{{[0-9]+}}: error: static assertion failed due to requirement {{.*}}coflat: this argument's parameter would be destroyed before the suspension instead of after it
}

template <class T> T identity(T v) { return v; }
template <class T> int count(const T&, int n) { return n; }

template <class T> coflat::generator<int, int> spills(T x) {
  co_yield count(identity(x), co_yield 1);
  // SPILL: template_temporary.cpp:[[@LINE-1]]:{{[0-9]+}}: error: static assertion failed due to requirement {{.*}}coflat: a class-type value is computed before a suspension point in the same expression and would need an extra move
}

int main() {
#if defined(SPILL)
  for (int n : spills<TYPE>(TYPE()))
#elif defined(BY_VALUE)
  for (int n : arguments<TYPE>("abc"))
#else
  for (int n : lengths<TYPE>("abc"))
#endif
    (void)n;
}
