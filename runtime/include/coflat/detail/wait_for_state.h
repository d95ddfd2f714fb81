// coflat/detail/wait_for_state.h - the future behind asyncio.wait_for.
//
// Completed when the inner work completes, or, after the timeout, once the
// cancelled work has unwound.
#ifndef COFLAT_DETAIL_WAIT_FOR_STATE_H
#define COFLAT_DETAIL_WAIT_FOR_STATE_H

#include <coflat/detail/future_state.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/future.h>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace coflat::detail {

/// asyncio.wait_for (3.11): on timeout the work is cancelled, and the
/// timeout_error raised once it has unwound; if it returns a value anyway,
/// that is the result.  Cancelling the wait cancels the work likewise.
template <class T>
class wait_for_state final : public future_state<T>, public std::enable_shared_from_this<wait_for_state<T>> {
public:
  explicit wait_for_state(future<T> inner) : inner_(std::move(inner)) {}
  ~wait_for_state() override { timer_.cancel(); }

  void start(event_loop::clock::duration timeout) {
    auto self = this->shared_from_this();
    inner_.coflat_state()->add_callback([self] { self->on_inner_done(); });
    // A timeout <= 0 cancels at once, as asyncio does: a Task not yet run
    // never starts (a 0s timer would let it run its first step).
    if (timeout <= event_loop::clock::duration::zero())
      on_timeout();
    else
      timer_ = get_running_loop().call_later(timeout, [self] { self->on_timeout(); });
  }
  bool cancel() override {
    if (this->done())
      return false;
    cancel_requested_ = true;
    inner_.cancel();
    return true;
  }

private:
  void on_timeout() {
    if (!inner_.done()) {
      timed_out_ = true;
      inner_.cancel();
    }
  }
  void on_inner_done() {
    timer_.cancel();
    if (this->done())
      return;
    if (cancel_requested_)
      return this->set_exception(std::make_exception_ptr(cancelled_error()));
    if (inner_.cancelled())
      return this->set_exception(timed_out_ ? std::make_exception_ptr(timeout_error())
                                            : std::make_exception_ptr(cancelled_error()));
    if (std::exception_ptr e = inner_.exception())
      return this->set_exception(e);
    if constexpr (std::is_void_v<T>)
      this->set_result();
    else
      this->set_result(std::move(inner_.result()));
  }

  future<T> inner_;
  timer_handle timer_;
  bool timed_out_ = false;
  bool cancel_requested_ = false;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_WAIT_FOR_STATE_H
