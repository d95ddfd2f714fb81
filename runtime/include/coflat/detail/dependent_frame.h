// coflat/detail/dependent_frame.h - what the frame of a lowered coroutine
// template names instead of the types its instantiations will have.
//
// The tool lowers a template once, for every instantiation, so the frame's
// members whose types depend on the template arguments are declared from
// the expressions that produce them (`decltype`), through these helpers:
//   held_operand<decltype((e))>   the operand of a co_yield / co_await, or a
//                                 range-for's range: the object itself when e
//                                 is a prvalue (it is materialised in the
//                                 frame and lives to the end of the
//                                 full-expression, as in C++20), else the
//                                 address of the glvalue;
//   yield_awaiter_t, await_awaiter_t   what the state class's
//                                 coflat_yield_value / coflat_await return;
//   suspends(awaiter, handle)     await_suspend, whether it returns void or
//                                 bool;
//   range_begin, range_end        begin/end as a range-for finds them;
//   braced_list_of(es...)         the array behind a braced range `{es...}`;
//   unobserved_temporary_v,       whether a temporary of this type (or a
//   unobserved_argument_v         by-value parameter initialised from an
//                                 argument of this type) may end before a
//                                 suspension rather than after it;
//   spillable_v                   whether a value computed before a
//                                 suspension may be held in the frame.
#ifndef COFLAT_DETAIL_DEPENDENT_FRAME_H
#define COFLAT_DETAIL_DEPENDENT_FRAME_H

#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace coflat::detail {

/// A prvalue operand, materialised in the frame (aggregate initialisation
/// from the prvalue elides the copy).  Invariant: get() has the value
/// category the operand had as a materialised temporary (an xvalue).
template <class T> struct held_operand {
  T coflat_value;
  T&& get() noexcept { return static_cast<T&&>(coflat_value); }
  T& ref() noexcept { return coflat_value; }
};

/// An lvalue operand: its address.
template <class T> struct held_operand<T&> {
  T* coflat_address;
  held_operand(T& object) noexcept : coflat_address(std::addressof(object)) {}
  T& get() const noexcept { return *coflat_address; }
  T& ref() const noexcept { return *coflat_address; }
};

/// An xvalue operand: its address, given back as an xvalue.
template <class T> struct held_operand<T&&> {
  T* coflat_address;
  held_operand(T&& object) noexcept : coflat_address(std::addressof(object)) {}
  T&& get() const noexcept { return static_cast<T&&>(*coflat_address); }
  T& ref() const noexcept { return *coflat_address; }
};

template <class State, class Operand>
using yield_awaiter_t = decltype(std::declval<State&>().coflat_yield_value(std::declval<Operand>()));

template <class State, class Operand>
using await_awaiter_t = decltype(std::declval<State&>().coflat_await(std::declval<Operand>()));

/// Whether the coroutine stays suspended after await_suspend.
template <class Awaiter, class Handle> bool suspends(Awaiter& awaiter, Handle handle) {
  using result = decltype(awaiter.await_suspend(handle));
  static_assert(std::is_void_v<result> || std::is_same_v<result, bool>,
                "coflat: an await_suspend that returns a handle is not supported");
  if constexpr (std::is_void_v<result>) {
    awaiter.await_suspend(handle);
    return true;
  } else {
    return awaiter.await_suspend(handle);
  }
}

namespace range_access {
// Found by ordinary lookup instead of any `begin` / `end` of an enclosing
// namespace: as in a range-for, only the range's own namespaces (ADL) count.
void begin() = delete;
void end() = delete;

template <class R, class = void> struct has_member_begin : std::false_type {};
template <class R>
struct has_member_begin<R, std::void_t<decltype(std::declval<R&>().begin())>> : std::true_type {};
template <class R, class = void> struct has_member_end : std::false_type {};
template <class R>
struct has_member_end<R, std::void_t<decltype(std::declval<R&>().end())>> : std::true_type {};
template <class R>
inline constexpr bool has_member_bounds = has_member_begin<R>::value || has_member_end<R>::value;

template <class R> auto first(R& range) -> decltype(auto) {
  if constexpr (std::is_array_v<R>)
    return range + 0;
  else if constexpr (has_member_bounds<R>)
    return range.begin();
  else
    return begin(range);
}

template <class R> auto last(R& range) -> decltype(auto) {
  if constexpr (std::is_array_v<R>)
    return range + std::extent_v<R>;
  else if constexpr (has_member_bounds<R>)
    return range.end();
  else
    return end(range);
}
} // namespace range_access

/// [stmt.ranged]: an array's bounds, else members begin/end, else ADL.
template <class R> decltype(auto) range_begin(R& range) { return range_access::first(range); }
template <class R> decltype(auto) range_end(R& range) { return range_access::last(range); }

/// A braced list as a range-for's range, `for (x : {a, xs...})`: the array
/// a std::initializer_list would refer to, kept in the frame (a list
/// would outlive its array there), iterated as the list is, through
/// `const E*`.  Aggregate-initialised from the list itself, so that each
/// element is copy-initialised from its expression as in the list's array.
template <class E, std::size_t N> struct braced_list {
  E coflat_elements[N];
  const E* begin() const noexcept { return coflat_elements; }
  const E* end() const noexcept { return coflat_elements + N; }
};
/// E as `auto&& r = {...}` deduces std::initializer_list<E>.
template <class E> E list_element(std::initializer_list<E>);
/// The type of the frame's copy of the list {es...} (only named in
/// decltype, never called).
template <class... Es>
auto braced_list_of(Es&&...) -> braced_list<decltype(list_element({std::declval<Es>()...})), sizeof...(Es)>;

/// Whether destroying a T is unobservable: trivially destructible, a
/// standard string or container (whose destructors only release memory) of
/// such types, or one of the runtime's handles (generator, task,
/// async_generator, future: specialised in their headers).  The tool's own
/// test for a known type is the same.
template <class T> struct unobserved_destructor : std::is_trivially_destructible<T> {};
template <class C, class Traits, class A>
struct unobserved_destructor<std::basic_string<C, Traits, A>> : std::true_type {};
template <class T, class A>
struct unobserved_destructor<std::vector<T, A>> : unobserved_destructor<T> {};
template <class T, std::size_t N> struct unobserved_destructor<std::array<T, N>> : unobserved_destructor<T> {};
template <class T> struct unobserved_destructor<std::optional<T>> : unobserved_destructor<T> {};
template <class A, class B>
struct unobserved_destructor<std::pair<A, B>>
    : std::bool_constant<unobserved_destructor<A>::value && unobserved_destructor<B>::value> {};

/// A glvalue makes no temporary; a temporary whose destruction is
/// unobservable may end before the suspension.
template <class T>
inline constexpr bool unobserved_temporary_v =
    std::is_reference_v<T> || unobserved_destructor<std::remove_cv_t<T>>::value;

/// An argument of a call resolved only at instantiation: a by-value
/// parameter (a copy of the decayed argument) ends with the call's
/// full-expression.
template <class T> inline constexpr bool unobserved_argument_v = unobserved_destructor<std::decay_t<T>>::value;

/// A value computed before a suspension in its full-expression and held in
/// the frame: a glvalue (held by address) or a prvalue that is not of class
/// type (a class one would be moved from where it is used).
template <class T>
inline constexpr bool spillable_v = std::is_reference_v<T> || !(std::is_class_v<T> || std::is_union_v<T>);

} // namespace coflat::detail

#endif // COFLAT_DETAIL_DEPENDENT_FRAME_H
