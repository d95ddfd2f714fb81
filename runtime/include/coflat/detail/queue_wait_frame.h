// coflat/detail/queue_wait_frame.h - the task frame of async_queue's get()
// and put(), written by hand so that it serves lowered C++17 code too.
//
// `while (op.blocked()) await a queued future; return op.finish();`, and,
// when the wait is cancelled, asyncio's hand-over: a waiter that was woken
// but does not take its turn wakes the next one.  Op is the queue's get_op
// or put_op: blocked(), waiters(), finish().
#ifndef COFLAT_DETAIL_QUEUE_WAIT_FRAME_H
#define COFLAT_DETAIL_QUEUE_WAIT_FRAME_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/task_runner.h>
#include <coflat/detail/task_state.h>
#include <coflat/detail/waiter_list.h>
#include <coflat/frame.h>

#include <type_traits>
#include <utility>

namespace coflat::detail {

template <class T, class Op> class queue_wait_frame final : public task_state<T> {
public:
  explicit queue_wait_frame(Op op) : op_(std::move(op)) {}
  void coflat_resume() override {
    if (this->coflat_state == 1) {
      this->coflat_state = state_running;
      try {
        this->coflat_rethrow_pending();
        waiter_.future().result();
        waiter_.leave();
      } catch (...) {
        waiter_.future().cancel(); // a no-op if it was woken
        waiter_.leave();
        if (!op_.blocked() && !waiter_.future().cancelled())
          wake_first(op_.waiters());
        throw;
      }
    }
    this->coflat_state = state_running;
    if (op_.blocked()) {
      this->coflat_state = 1;
      waiter_.wait(op_.waiters(), resume_handle(this));
      return;
    }
    this->coflat_state = state_done;
    if constexpr (std::is_void_v<T>)
      op_.finish();
    else
      this->coflat_return_value(op_.finish());
  }
  void coflat_destroy() noexcept override { delete this; }

private:
  Op op_;
  queued_waiter waiter_;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_QUEUE_WAIT_FRAME_H
