// coflat/detail/parameter_pack.h - a coroutine template's function
// parameter pack, kept in its frame.
//
// A frame member cannot be a pack, so the frame of `f(Ts... xs)` keeps
// `parameter_pack<Ts...> xs`, and the lowered body names the element that
// `xs` names in each expansion as `pack_get<coflat_i>(xs)`, where coflat_i
// is the frame's own index pack (the frame is a partial specialization on
// std::index_sequence<coflat_i...>).
//
// Invariants: element I is a base pack_element<I, T> holding exactly what
// the parameter would hold (a value, or a reference bound to the
// argument); the elements lie in order, each where a member of its type
// would (the layout `coflat states` shows); pack_get<I> gives the element
// as an lvalue, as naming the parameter does.
#ifndef COFLAT_DETAIL_PARAMETER_PACK_H
#define COFLAT_DETAIL_PARAMETER_PACK_H

#include <cstddef>
#include <utility>

namespace coflat::detail {

template <std::size_t I, class T> struct pack_element {
  T coflat_value;
};

template <class Indices, class... Ts> struct parameter_pack_base;

template <std::size_t... I, class... Ts>
struct parameter_pack_base<std::index_sequence<I...>, Ts...> : pack_element<I, Ts>... {
  // Each element from its argument: moved into a value, bound to a
  // reference (Ts&& collapses to the parameter's own reference type).
  explicit parameter_pack_base(Ts&&... args) : pack_element<I, Ts>{static_cast<Ts&&>(args)}... {}
};

template <class... Ts>
struct parameter_pack : parameter_pack_base<std::index_sequence_for<Ts...>, Ts...> {
  using parameter_pack_base<std::index_sequence_for<Ts...>, Ts...>::parameter_pack_base;
};

/// The parameter that element I stands for, as an lvalue.
template <std::size_t I, class T> constexpr T& pack_get(pack_element<I, T>& element) noexcept {
  return element.coflat_value;
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_PARAMETER_PACK_H
