// coflat/task.h - async functions (task<T>) and the asyncio Task that runs them.
//
// A task<T> owns one frame, native (its promise derives from task_state) or
// lowered (a struct deriving from task_state).  Calling an async function
// runs nothing.  `co_await child` runs the child inline in the same asyncio
// Task, like Python's `await coro()`.
//
// Who runs frames: a task_runner (asyncio.Task) keeps the stack of frames
// awaiting each other, root to leaf, and resumes only the leaf.  Every
// suspension returns to the runner's loop, which then resumes the new leaf
// (a child was pushed), the parent (the leaf finished or an async generator
// yielded), or stops (the leaf waits for a future).  So awaiting a child
// costs no C++ stack, however deep the chain or however many children
// complete synchronously: the runner is the trampoline, for native and
// lowered frames alike.
//
// Every co_await in a task goes through async_frame::coflat_await (the
// native promise's await_transform; lowered code calls it directly), whose
// adapter raises a pending cancellation when the await resumes and gives the
// inner awaiter a resume_handle.
#ifndef COFLAT_TASK_H
#define COFLAT_TASK_H

#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/frame.h>
#include <coflat/future.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>


namespace coflat {

namespace detail {

class task_runner;

/// What every task and async generator frame shares: a chain link (its
/// parent is the frame awaiting it, or an async generator's consumer) and
/// the Task running it.  Members are `coflat_`-prefixed: lowered frames
/// derive from this class.
class async_frame : public chained_frame<async_frame> {
public:
  task_runner* coflat_runner = nullptr; // the asyncio Task running it

  /// The awaiter of `co_await awaitable` in this frame (the native
  /// promise's await_transform; lowered code calls it directly).
  template <class A> auto coflat_await(A&& awaitable);

protected:
  async_frame() = default;
  ~async_frame() = default;
};

} // namespace detail

/// What an awaiter's await_suspend receives inside a task or async
/// generator.  resume() wakes the task (at once, or, when called while the
/// task is running, as soon as it suspends).  An awaiter written for coflat
/// takes it as a template parameter, which also accepts
/// std::coroutine_handle<> in other coroutine types.
class resume_handle {
public:
  explicit resume_handle(detail::async_frame* frame) noexcept : frame_(frame) {}
  void resume() const;
  void operator()() const { resume(); }

  // --- used by the runtime's awaiters ---
  /// Suspends until `f` is done; cancelling the task cancels `f`.
  void coflat_wait_on(detail::future_base& f) const;
  /// Suspends until the loop's next iteration (sleep(0)).
  void coflat_yield_once() const;
  /// Runs `child` inline: it becomes the leaf; the frame resumes when the
  /// child finishes (or, an async generator, yields).
  void coflat_push(detail::async_frame* child, void* owner, void (*disown)(void*) noexcept) const;
  detail::async_frame* coflat_frame() const noexcept { return frame_; }

private:
  detail::async_frame* frame_;
};

namespace detail {

template <class...> inline constexpr bool always_false = false;

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

/// The awaiter of an awaitable: the runtime's types give theirs with
/// coflat_awaiter(); in C++20, operator co_await is honoured; otherwise the
/// object is its own awaiter: an lvalue is used in place, an rvalue is
/// moved into the awaiting frame (it must outlive the suspension).
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

/// The awaiter of every co_await in a task: raises what was thrown in
/// (cancellation) when the await resumes; hands the inner awaiter a
/// resume_handle; accepts void and bool await_suspend.
template <class Inner> class await_adapter {
public:
  template <class A>
  await_adapter(async_frame* frame, A&& a) : frame_(frame), inner_(get_awaiter(std::forward<A>(a))) {}
  bool await_ready() { return inner_.await_ready(); }
  template <class Handle> bool await_suspend(Handle) {
    resume_handle h(frame_);
    using result = decltype(inner_.await_suspend(h));
    if constexpr (std::is_void_v<result> || std::is_same_v<result, bool>) {
      // An exception from await_suspend is thrown at the co_await, with the
      // frame running again (a lowered frame set its state before calling).
      try {
        if constexpr (std::is_void_v<result>) {
          inner_.await_suspend(h);
          return true;
        } else {
          return inner_.await_suspend(h);
        }
      } catch (...) {
        frame_->coflat_state = state_running;
        throw;
      }
    } else {
      static_assert(always_false<result>,
                    "coflat tasks do not accept an await_suspend that returns a handle; "
                    "complete the await through a coflat::future or resume_handle");
    }
  }
  decltype(auto) await_resume() {
    frame_->coflat_rethrow_pending();
    return inner_.await_resume();
  }

private:
  async_frame* frame_;
  Inner inner_;
};

template <class A> auto async_frame::coflat_await(A&& awaitable) {
  return await_adapter<awaiter_t<A&&>>(this, std::forward<A>(awaitable));
}

/// The frame of a task<T>: an async frame plus the returned value.
template <class T> class task_state : public async_frame, public return_slot<T> {
public:
  using coflat_return_type = T;

protected:
  task_state() = default;
  ~task_state() = default;
};

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

template <class T = void>
class
#if defined(__clang__)
    [[clang::annotate("coflat::task")]]
#endif
    task {
public:
  using state_type = detail::task_state<T>;
  using value_type = T;

#if defined(__cpp_impl_coroutine)
  class promise_type final : public detail::native_promise<promise_type, state_type>,
                             public detail::native_return<promise_type, T> {
  public:
    task get_return_object() noexcept { return task(this); }
    template <class A> auto await_transform(A&& a) { return this->coflat_await(std::forward<A>(a)); }
  };
#endif

  /// Takes ownership of a frame (what a lowered async function returns).
  explicit task(state_type* frame) noexcept : frame_(frame) {}
  task(task&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  task& operator=(task&& other) noexcept {
    if (this != &other) {
      if (frame_)
        frame_->coflat_destroy();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  ~task() {
    if (frame_)
      frame_->coflat_destroy();
  }

  /// `co_await t`: runs the body inline to completion; its result, or its
  /// exception rethrown.
  class awaiter {
  public:
    explicit awaiter(state_type* frame) noexcept : frame_(frame) {}
    awaiter(awaiter&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    awaiter& operator=(awaiter&&) = delete;
    ~awaiter() {
      if (frame_)
        frame_->coflat_destroy();
    }
    bool await_ready() const noexcept { return !frame_ || frame_->coflat_done(); }
    void await_suspend(resume_handle h) {
      h.coflat_push(frame_, this, [](void* self) noexcept { static_cast<awaiter*>(self)->frame_ = nullptr; });
    }
    T await_resume() {
      if (!frame_)
        throw invalid_state_error("cannot await a task twice (or a moved-from task)");
      frame_->coflat_disown = nullptr;
      frame_->coflat_rethrow_exception();
      if constexpr (!std::is_void_v<T>)
        return std::move(frame_->coflat_result());
    }

  private:
    state_type* frame_;
  };
  /// Lvalue or rvalue, awaiting consumes the task (Python: a coroutine can
  /// be awaited once).
  awaiter coflat_awaiter() noexcept { return awaiter(std::exchange(frame_, nullptr)); }

  /// Gives up the frame (create_task takes it).
  state_type* coflat_release() noexcept { return std::exchange(frame_, nullptr); }
  explicit operator bool() const noexcept { return frame_ != nullptr; }

private:
  state_type* frame_;
};

// --- event_loop members that need task ---

template <class T> future<T> event_loop::create_task(task<T> t) {
  if (closed_)
    throw invalid_state_error("event loop is closed");
  auto* frame = t.coflat_release();
  if (!frame)
    throw invalid_state_error("create_task of a moved-from task");
  auto state = std::make_shared<detail::task_future_state<T>>(this, frame);
  state->start(state);
  return future<T>(std::move(state));
}

template <class T> T event_loop::run_until_complete(future<T> f) {
  // Only this run stops when f completes: if it ends early (stop()), f
  // completing during a later run must not stop that one (asyncio removes
  // its done callback when run_until_complete returns).
  auto active = std::make_shared<bool>(true);
  f.coflat_state()->add_callback([this, active] {
    if (*active)
      stop();
  });
  struct deactivate {
    bool& active;
    ~deactivate() { active = false; }
  } guard{*active};
  run_forever();
  if (!f.done())
    throw invalid_state_error("event loop stopped before the future completed");
  if constexpr (std::is_void_v<T>)
    f.result();
  else
    return std::move(f.result());
}

template <class T> T event_loop::run_until_complete(task<T> t) {
  return run_until_complete(create_task(std::move(t)));
}

} // namespace coflat

#endif // COFLAT_TASK_H
