// coflat/detail/async_generator_state.h - the frame of an
// async_generator<T> (PEP 525).
//
// An async frame that also yields: `co_await agen.next()` pushes it on the
// consumer's runner, like a child task, and a co_yield pops back to the
// consumer.  Lowered async generators and the native promise derive from it.
#ifndef COFLAT_DETAIL_ASYNC_GENERATOR_STATE_H
#define COFLAT_DETAIL_ASYNC_GENERATOR_STATE_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/await_adapter.h>
#include <coflat/detail/task_runner.h>
#include <coflat/detail/yield_awaiter.h>

#include <type_traits>
#include <utility>

namespace coflat::detail {

template <class T> class async_generator_state : public async_frame, public yield_slot<T> {
public:
  using coflat_yield_type = T;
  bool coflat_busy = false; // inside next()/aclose()

  /// `co_yield v`: suspends, giving control back to the consumer; resumed
  /// by the next next() (or raising what aclose() throws in).
  using yield_awaiter = detail::yield_awaiter<async_generator_state>;

  template <class U, class = std::enable_if_t<std::is_constructible_v<T, U&&>>>
  yield_awaiter coflat_yield_value(U&& value) {
    this->coflat_current.emplace(std::forward<U>(value));
    return yield_awaiter(this);
  }

  /// For yield_awaiter: the consumer becomes the runner's leaf again.
  void coflat_yielded() const noexcept { coflat_runner->pop_to(coflat_parent); }
  /// The value of a resumed co_yield: nothing, or what aclose() threw in.
  void coflat_received() { coflat_rethrow_pending(); }

protected:
  async_generator_state() = default;
  ~async_generator_state() = default;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_ASYNC_GENERATOR_STATE_H
