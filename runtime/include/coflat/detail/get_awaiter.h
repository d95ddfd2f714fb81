// coflat/detail/get_awaiter.h - the awaiter of an awaitable, the way
// `co_await` finds it, for lowered C++17 code as for native frames.
#ifndef COFLAT_DETAIL_GET_AWAITER_H
#define COFLAT_DETAIL_GET_AWAITER_H

#include <type_traits>
#include <utility>

namespace coflat::detail {

template <class A, class = void> struct has_coflat_awaiter : std::false_type {};
template <class A>
struct has_coflat_awaiter<A, std::void_t<decltype(std::declval<A>().coflat_awaiter())>> : std::true_type {};
#if defined(__cpp_impl_coroutine)
template <class A, class = void> struct has_member_co_await : std::false_type {};
template <class A>
struct has_member_co_await<A, std::void_t<decltype(std::declval<A>().operator co_await())>>
    : std::true_type {};
template <class A, class = void> struct has_free_co_await : std::false_type {};
template <class A>
struct has_free_co_await<A, std::void_t<decltype(operator co_await(std::declval<A>()))>>
    : std::true_type {};
#endif

/// The runtime's types give theirs with coflat_awaiter(); in C++20,
/// operator co_await is honoured; otherwise the object is its own awaiter:
/// an lvalue is used in place, an rvalue is moved into the awaiting frame
/// (it must outlive the suspension).
template <class A> decltype(auto) get_awaiter(A&& a) {
  if constexpr (has_coflat_awaiter<A>::value) {
    return std::forward<A>(a).coflat_awaiter();
#if defined(__cpp_impl_coroutine)
  } else if constexpr (has_member_co_await<A>::value) {
    return std::forward<A>(a).operator co_await();
  } else if constexpr (has_free_co_await<A>::value) {
    return operator co_await(std::forward<A>(a));
#endif
  } else if constexpr (std::is_lvalue_reference_v<A>) {
    return static_cast<A>(a);
  } else {
    return std::decay_t<A>(std::move(a));
  }
}
template <class A> using awaiter_t = decltype(get_awaiter(std::declval<A>()));

} // namespace coflat::detail

#endif // COFLAT_DETAIL_GET_AWAITER_H
