// coflat/detail/future_task.h - a task whose frame waits for one future.
//
// gather and wait_for return lazy tasks whose frames are written by hand,
// so they work unchanged in lowered C++17 code: awaited, the frame calls a
// start function that returns a future (starting the children as Tasks),
// waits for it, and finishes with its outcome.
#ifndef COFLAT_DETAIL_FUTURE_TASK_H
#define COFLAT_DETAIL_FUTURE_TASK_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/future_state.h>
#include <coflat/detail/task_runner.h>
#include <coflat/detail/task_state.h>
#include <coflat/frame.h>
#include <coflat/task.h>

#include <memory>
#include <type_traits>
#include <utility>

namespace coflat::detail {

/// A task frame that, started, calls `start()` for a future and finishes
/// with that future's outcome.  Cancelling the awaiting Task cancels the
/// future (whose cancel() gives the asyncio meaning).
template <class T, class Start> class future_task_frame final : public task_state<T> {
public:
  explicit future_task_frame(Start start) : start_(std::move(start)) {}
  void coflat_resume() override {
    if (this->coflat_state == 0) {
      this->coflat_state = state_running;
      outcome_ = start_();
      if (!outcome_->done()) {
        this->coflat_state = 1;
        resume_handle(this).coflat_wait_on(*outcome_);
        return;
      }
    }
    this->coflat_state = state_done;
    this->coflat_rethrow_pending();
    if constexpr (std::is_void_v<T>)
      outcome_->result();
    else
      this->coflat_return_value(std::move(outcome_->result()));
  }
  void coflat_destroy() noexcept override { delete this; }

private:
  Start start_;
  std::shared_ptr<future_state<T>> outcome_;
};
template <class T, class Start> task<T> future_task(Start start) {
  return task<T>(new future_task_frame<T, Start>(std::move(start)));
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_FUTURE_TASK_H
