// A coroutine template's frame is a class template with the function's
// template parameters (without their defaults), instantiated from the
// function; the dependent base's state is named through a using-declaration;
// a dependent operand is held in the frame and the awaiter's type named from
// it; the frame's functions are templates defined after the function.
// RUN: %coflat lower %s -- %flags | FileCheck %s
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %clang17 -fsyntax-only %t.cpp
#include <coflat/generator.h>

template <class T, int Step = 1> coflat::generator<T> count(T from, T to) {
  for (T i = from; i < to; i += Step)
    co_yield i;
}

int main() {
  for (long v : count(1L, 3L))
    (void)v;
}

// CHECK:      {{^}}template <class T, int Step>{{$}}
// CHECK-NEXT: {{^}}struct count_frame final : coflat::generator<T>::state_type {
// CHECK-NEXT: {{^  }}using coflat_base = typename coflat::generator<T>::state_type;
// CHECK-NEXT: {{^  }}using coflat_base::coflat_state;
// CHECK-NEXT: {{^  }}T from;
// CHECK-NEXT: {{^  }}T to;
// CHECK-NEXT: {{^  }}union { T i; };
// CHECK-NEXT: {{^  }}union { coflat::detail::held_operand<decltype((i))> coflat_op1; };
// CHECK-NEXT: {{^  }}union { coflat::detail::yield_awaiter_t<coflat_base, decltype((coflat_op1.get()))> coflat_aw1; };
// CHECK:      {{^}}template <class T, int Step = 1> coflat::generator<T> count(T from, T to) { return count_frame<T, Step>::coflat_start(new count_frame<T, Step>(static_cast<T&&>(from), static_cast<T&&>(to))); }
// CHECK-NEXT: {{^}}template <class T, int Step>{{$}}
// CHECK-NEXT: {{^}}void count_frame<T, Step>::coflat_resume() {
// CHECK:      if (coflat::detail::suspends(coflat_aw1, coflat::detail::frame_handle(this))) return;
// CHECK:      {{^}}template <class T, int Step>{{$}}
// CHECK-NEXT: {{^}}void count_frame<T, Step>::coflat_unwind(int region, int keep) noexcept {
