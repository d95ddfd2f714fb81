// coflat/detail/sleep_awaiter.h - what `co_await coflat::sleep(d)` suspends on.
//
// A timer completes a future the task waits on, so the sleep is cancelled
// like any other wait (the future is cancelled; the timer is cancelled with
// the awaiter).
#ifndef COFLAT_DETAIL_SLEEP_AWAITER_H
#define COFLAT_DETAIL_SLEEP_AWAITER_H

#include <coflat/detail/future_state.h>
#include <coflat/event_loop.h>

#include <memory>

namespace coflat::detail {

/// asyncio.sleep: a timer completes a future the task waits on; a zero
/// delay yields to the loop once.
class sleep_awaiter {
public:
  explicit sleep_awaiter(event_loop::clock::duration delay) noexcept : delay_(delay) {}
  sleep_awaiter(sleep_awaiter&&) = default;
  ~sleep_awaiter() { timer_.cancel(); }
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    if (delay_ <= event_loop::clock::duration::zero())
      return h.coflat_yield_once();
    done_ = std::make_shared<future_state<void>>();
    timer_ = get_running_loop().call_later(delay_, [done = done_] {
      if (!done->done())
        done->set_result();
    });
    h.coflat_wait_on(*done_);
  }
  void await_resume() {
    timer_.cancel();
    if (done_)
      done_->result();
  }

private:
  event_loop::clock::duration delay_;
  std::shared_ptr<future_state<void>> done_;
  timer_handle timer_;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_SLEEP_AWAITER_H
