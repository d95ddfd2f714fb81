// A by-value argument of a standard library type that holds a user type
// (std::vector<tracer>, std::unique_ptr<tracer>, std::optional<tracer>) in a
// full-expression that suspends: natively its destructor runs after the
// resume; the lowering would run it before the suspension, and the user's
// destructor makes that visible, so it is refused.  (std::string and
// containers of builtin types are accepted: destroying them is unobservable;
// see run/expr_temporaries_const_ref.cpp.)
// RUN: rm -f %t.out
// RUN: %not %coflat lower %s -o %t.out -- %flags 2>&1 | FileCheck %s
// RUN: test ! -e %t.out
#include <coflat/coflat.h>

#include <memory>
#include <optional>
#include <vector>

#include "tracer.h"

int count(std::vector<tracer> v) { return static_cast<int>(v.size()); }
int peek(std::unique_ptr<tracer> p) { return static_cast<int>(p->name.size()); }
int has(std::optional<tracer> o) { return o.has_value(); }
int length(std::string s) { return static_cast<int>(s.size()); }

coflat::generator<int> g() {
  std::vector<tracer> src;
  co_yield count(src);
  // CHECK: by_value_std_argument.cpp:[[@LINE-1]]:18: error: cannot lower: temporary of type 'std::vector<tracer>'
  co_yield peek(std::make_unique<tracer>("ptr"));
  // CHECK: by_value_std_argument.cpp:[[@LINE-1]]:17: error: cannot lower: temporary of type
  co_yield has(std::optional<tracer>(std::in_place, "opt"));
  // CHECK: by_value_std_argument.cpp:[[@LINE-1]]:16: error: cannot lower: temporary of type 'std::optional<tracer>'
  co_yield length(std::string("accepted"));
  // CHECK-NOT: error:
  // CHECK: 3 errors generated.
}
