// coflat/detail/ensure_future.h - asyncio.ensure_future, for the arguments
// of gather and wait_for.
//
// A task becomes a Task on the running loop; a future is used as is.
// awaitable_result_t is what awaiting the argument gives.
#ifndef COFLAT_DETAIL_ENSURE_FUTURE_H
#define COFLAT_DETAIL_ENSURE_FUTURE_H

#include <coflat/future.h>
#include <coflat/task.h>

#include <type_traits>
#include <utility>

namespace coflat::detail {

template <class A> struct awaitable_traits;
template <class T> struct awaitable_traits<task<T>> {
  using result = T;
  // coflat::create_task (asyncio.h), found by argument-dependent lookup.
  static future<T> ensure_future(task<T>&& t) { return create_task(std::move(t)); }
};
template <class T> struct awaitable_traits<future<T>> {
  using result = T;
  static future<T> ensure_future(future<T> f) { return f; }
};
template <class A> using awaitable_result_t = typename awaitable_traits<std::decay_t<A>>::result;
/// asyncio.ensure_future: a task becomes a Task on the running loop.
template <class A> auto ensure_future(A&& a) {
  return awaitable_traits<std::decay_t<A>>::ensure_future(std::forward<A>(a));
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_ENSURE_FUTURE_H
