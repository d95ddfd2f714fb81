// A function parameter pack: the frame is a partial specialization on an
// index pack of its own (the primary template is declared first), keeps the
// pack as a coflat::detail::parameter_pack, and the body names each element
// in an expansion through that index pack; sizeof... counts it.
// RUN: %coflat lower %s -- %flags | FileCheck %s
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %clang17 -fsyntax-only %t.cpp
#include <coflat/generator.h>

template <class F, class... Args> coflat::generator<int> call(F f, const Args&... args) {
  co_yield int(sizeof...(args));
  co_yield f(args...);
}

int add(int a, int b) { return a + b; }

int main() {
  for (int v : call(add, 1, 2))
    (void)v;
}

// CHECK:      {{^}}template <class coflat_indices, class F, class... Args> struct call_frame;{{$}}
// CHECK-NEXT: {{^}}template <std::size_t... coflat_i, class F, class... Args>{{$}}
// CHECK-NEXT: {{^}}struct call_frame<std::index_sequence<coflat_i...>, F, Args...> final : coflat::generator<int>::state_type {
// CHECK:      {{^  }}coflat::detail::parameter_pack<const Args &...> args;
// CHECK:      {{^  }}explicit call_frame(F&& coflat_p0, const Args &... coflat_p1) : f(static_cast<F&&>(coflat_p0)), args(static_cast<const Args &>(coflat_p1)...) {}
// CHECK:      {{^}}template <class F, class... Args> coflat::generator<int> call(F f, const Args&... args) { return call_frame<std::make_index_sequence<sizeof...(args)>, F, Args...>::coflat_start(new call_frame<std::make_index_sequence<sizeof...(args)>, F, Args...>(static_cast<F&&>(f), args...)); }
// CHECK-NEXT: {{^}}template <std::size_t... coflat_i, class F, class... Args>{{$}}
// CHECK-NEXT: {{^}}void call_frame<std::index_sequence<coflat_i...>, F, Args...>::coflat_resume() {
// CHECK:      int(sizeof...(coflat_i))
// CHECK:      f(coflat::detail::pack_get<coflat_i>(args)...)
