// coflat/detail/task_runner.h - asyncio.Task: what runs a stack of async
// frames.
//
// A task_runner keeps the stack of frames awaiting each other, root to leaf
// (linked by coflat_parent), and resumes only the leaf.  Every suspension
// returns to the runner's loop (step()), which then resumes the new leaf (a
// child was pushed), the parent (the leaf finished or an async generator
// yielded), or stops (the leaf waits for a future).  So awaiting a child
// costs no C++ stack, however deep the chain or however many children
// complete synchronously: the runner is the trampoline, for native and
// lowered frames alike.
//
// Invariants: root_ is null once the Task finished or was abandoned;
// otherwise following coflat_parent from leaf_ reaches root_.  A wake-up
// is for one wait (wait_id_): once the Task has moved on, it is ignored.
#ifndef COFLAT_DETAIL_TASK_RUNNER_H
#define COFLAT_DETAIL_TASK_RUNNER_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/chained_frame.h>
#include <coflat/detail/future_state.h>
#include <coflat/detail/pending_task.h>
#include <coflat/detail/task_state.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/frame.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace coflat {

namespace detail {

/// asyncio.Task without the result type: drives one stack of frames.
class task_runner : public pending_task {
public:
  task_runner(event_loop* loop, async_frame* root) noexcept : loop_(loop), root_(root), leaf_(root) {
    root->coflat_runner = this;
  }

  /// Runs the leaf until the stack waits for something outside it or the
  /// root finishes.
  void step() {
    if (!root_)
      return; // finished or abandoned
    // A closed loop runs nothing: a wake-up that reaches a Task while
    // close() abandons the loop's Tasks (a future completed by a destructor
    // there has no loop to defer to, so its callbacks run inline) is dropped.
    if (loop_->is_closed())
      return;
    if (must_cancel_) {
      must_cancel_ = false;
      if (root_->coflat_state == 0) { // never started: it does not run at all
        root_->coflat_exception = std::make_exception_ptr(cancelled_error());
        root_->coflat_state = state_done;
        return finish_root();
      }
      leaf_->coflat_pending = std::make_exception_ptr(cancelled_error());
    }
    stepping_ = true;
    for (;;) {
      async_frame* f = leaf_;
      waiting_on_ = nullptr;
      woken_ = false;
      ++wait_id_;
      f->coflat_resume_capturing();
      if (f->coflat_done()) {
        if (f == root_)
          break;
        leaf_ = f->coflat_parent; // the parent's await_resume reads the child
        continue;
      }
      if (leaf_ != f || woken_)
        continue;
      // Cancelled while it ran: cancel what it now waits on (asyncio's
      // __step does the same), else the next step raises cancelled_error.
      if (must_cancel_ && waiting_on_ && waiting_on_->cancel())
        must_cancel_ = false;
      stepping_ = false;
      return;
    }
    stepping_ = false;
    finish_root();
  }

  /// A resume_handle's resume(): step now, or right after the current
  /// suspension if the task is running.
  void wake() {
    if (stepping_)
      woken_ = true;
    else
      step();
  }

  void wait_on(future_base& f);
  void yield_once();
  void push(async_frame* parent, async_frame* child, void* owner, void (*disown)(void*) noexcept) {
    child->coflat_parent = parent;
    child->coflat_runner = this;
    child->coflat_owner = owner;
    child->coflat_disown = disown;
    leaf_ = child;
  }
  /// An async generator's co_yield: control goes back to its consumer.
  void pop_to(async_frame* parent) noexcept { leaf_ = parent; }

  /// Task.cancel(): cancels the future it waits on, else raises
  /// cancelled_error at its next step.
  bool request_cancel() {
    if (!root_)
      return false;
    if (waiting_on_ && waiting_on_->cancel())
      return true;
    must_cancel_ = true;
    return true;
  }

protected:
  ~task_runner() = default;

  /// The root frame finished: complete the Task's future.
  virtual void finish_root() = 0;

  /// Destroys the frames, leaf first; root_ is null afterwards.
  void destroy_frames() noexcept {
    if (!root_)
      return;
    destroy_chain(root_, leaf_);
    leaf_ = nullptr;
  }

  /// Stops owning itself: the Task is finished or abandoned.
  void release() noexcept {
    loop_->coflat_untrack(this);
    std::shared_ptr<task_runner> last = std::move(self_); // may be the last owner
  }

  event_loop* loop_;
  async_frame* root_;
  async_frame* leaf_;
  /// Set while pending: the loop lists the Task, and wake-up callbacks hold
  /// it, so a Task nobody else holds still runs.
  std::shared_ptr<task_runner> self_;
  future_base* waiting_on_ = nullptr; // asyncio's _fut_waiter
  std::uint64_t wait_id_ = 0;         // a wake-up for an older wait is stale
  bool stepping_ = false;
  bool woken_ = false;
  bool must_cancel_ = false;
};

/// asyncio.Task<T>: the runner and the future it completes.
template <class T> class task_future_state final : public future_state<T>, public task_runner {
public:
  task_future_state(event_loop* loop, task_state<T>* root) : task_runner(loop, root) {}

  void start(std::shared_ptr<task_future_state> self) {
    self_ = std::move(self);
    loop_->coflat_track(this);
    yield_once();
  }

  bool cancel() override { return this->done() ? false : request_cancel(); }
  bool coflat_cancel_task() override { return cancel(); }
  void coflat_abandon() noexcept override {
    destroy_frames();
    release();
  }

private:
  void finish_root() override {
    auto* root = static_cast<task_state<T>*>(root_);
    std::exception_ptr e = std::exchange(root->coflat_exception, nullptr);
    try {
      if (!e) {
        if constexpr (std::is_void_v<T>)
          this->set_result();
        else
          this->set_result(std::move(root->coflat_result()));
      } else {
        try {
          std::rethrow_exception(e);
        } catch (const cancelled_error&) {
          future_state<T>::cancel();
        } catch (...) {
          this->set_exception(e);
        }
      }
    } catch (...) {
      this->set_exception(std::current_exception()); // a throwing move of the result
    }
    destroy_frames();
    release();
  }
};

// A wake-up is for one wait: once the Task has moved on (or was abandoned),
// it is ignored.
inline void task_runner::wait_on(future_base& f) {
  waiting_on_ = &f;
  f.add_callback([self = self_, id = wait_id_] {
    if (self->wait_id_ == id)
      self->step();
  });
}

inline void task_runner::yield_once() {
  loop_->call_soon([self = self_, id = wait_id_] {
    if (self->wait_id_ == id)
      self->step();
  });
}

} // namespace detail

inline void resume_handle::resume() const { frame_->coflat_runner->wake(); }
inline void resume_handle::coflat_wait_on(detail::future_base& f) const {
  frame_->coflat_runner->wait_on(f);
}
inline void resume_handle::coflat_yield_once() const { frame_->coflat_runner->yield_once(); }
inline void resume_handle::coflat_push(detail::async_frame* child, void* owner,
                                       void (*disown)(void*) noexcept) const {
  frame_->coflat_runner->push(frame_, child, owner, disown);
}

} // namespace coflat

#endif // COFLAT_DETAIL_TASK_RUNNER_H
