// The frame struct: one per coroutine, named after the function, deriving
// from the runtime's state type; it holds the parameters (by-value ones
// moved in, references kept as references), the locals whose scope contains
// a suspension, and the awaiter of each suspension point; locals in scopes
// without a suspension stay on the stack of resume().  The function itself
// only creates the frame.
// RUN: %coflat lower %s -- %flags | FileCheck %s
// The lowered output still compiles as C++17.
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %clang17 -fsyntax-only %t.cpp
#include <coflat/coflat.h>
#include <string>

coflat::generator<int> count(int n, const std::string& label, std::string copy) {
  {
    int scratch = n * 2;
    (void)scratch;
  }
  for (int i = 0; i < n; ++i)
    co_yield i + static_cast<int>(label.size() + copy.size());
}

// CHECK:      {{^}}struct count_frame final : coflat::generator<int>::state_type {
// CHECK-NEXT: {{^  }}int n;
// CHECK-NEXT: {{^  }}const std::string & label;
// CHECK-NEXT: {{^  }}std::string copy;
// CHECK-NEXT: {{^  }}union { int i; };
// CHECK-NEXT: {{^  }}union { coflat::detail::generator_state<int, void, void>::yield_awaiter coflat_aw1; };
// CHECK-NOT:  scratch
// CHECK:      {{^  }}void coflat_resume() override;
// CHECK:      {{^}}};
// The function creates the frame and nothing else; its signature is kept.
// CHECK:      {{^}}coflat::generator<int> count(int n, const std::string& label, std::string copy) { return count_frame::coflat_start(new count_frame({{.*}})); }
// CHECK-NEXT: {{^}}void count_frame::coflat_resume() {
// The local of a scope without a suspension stays a local.
// CHECK:      {{^    }}int scratch = n * 2;

namespace ns {
// Overloads get distinct frame names; the frames live in the function's
// namespace.
coflat::generator<int> count(int n) {
  co_yield n;
}
coflat::generator<int> count(double d) {
  co_yield 1;
}
} // namespace ns

// CHECK:      {{^}}namespace ns {
// CHECK:      {{^}}struct [[FRAME1:count_frame[0-9]+]] final : coflat::generator<int>::state_type {
// CHECK-NEXT: {{^  }}int n;
// CHECK:      {{^}}coflat::generator<int> count(int n) { return [[FRAME1]]::coflat_start(
// CHECK:      {{^}}struct [[FRAME2:count_frame[0-9]+]] final : coflat::generator<int>::state_type {
// CHECK-NEXT: {{^  }}double d;
// CHECK:      {{^}}coflat::generator<int> count(double d) { return [[FRAME2]]::coflat_start(
// CHECK:      {{^}}} // namespace ns

// A coroutine that never suspends has a frame with no members of its own.
coflat::generator<int> nothing() {
  co_return;
}
// CHECK:      {{^}}struct nothing_frame final : coflat::generator<int>::state_type {
// CHECK-NOT:  union
// CHECK:      {{^}}};

// The return type is recognised through an alias, and kept as written.
using ints = coflat::generator<long, int, std::string>;
ints aliased(long x) {
  int got = co_yield x;
  co_return std::to_string(got);
}
// CHECK:      {{^}}struct aliased_frame final : ints::state_type {
// CHECK-NEXT: {{^  }}long x;
// CHECK-NEXT: {{^  }}union { int got; };
// CHECK:      {{^}}ints aliased(long x) { return aliased_frame::coflat_start(

// A function that is not a coroutine is left alone.
coflat::generator<int> forward(int n) {
  return count(n, "x", "y");
}
// CHECK-NOT:  forward_frame
// CHECK:      {{^}}coflat::generator<int> forward(int n) {
// CHECK-NEXT: {{^}}  return count(n, "x", "y");
