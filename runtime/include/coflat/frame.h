// coflat/frame.h - what native and lowered coroutine frames share.
//
// A lowered coroutine is a struct (its frame) that derives from the runtime's
// state class for its kind (generator_state, ...) and implements
// `coflat_resume()` as a switch over its suspension points.  The generated
// code only uses the names in this header and the `coflat_`-prefixed members
// of the state classes, so the user's own names in the body are never
// shadowed by runtime members.
//
// State encoding (`frame_base::coflat_state`):
//   0               not started
//   state_running   inside coflat_resume()
//   k > 0           suspended at suspension point k
//   state_done      returned, or an exception escaped
#ifndef COFLAT_FRAME_H
#define COFLAT_FRAME_H

#include <coflat/errors.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

#if defined(__cpp_impl_coroutine)
#include <coroutine>
#endif
#include <new>
#include <type_traits>

namespace coflat::detail {

inline constexpr int state_running = -1;
inline constexpr int state_done = -2;

/// The part of every frame the runtime drives: resume it one step, destroy it.
class frame_base {
public:
  int coflat_state = 0;

  /// Runs the body from its current suspension point to the next one.
  virtual void coflat_resume() = 0;
  /// Destroys the frame.  When it is suspended, exactly the objects live at
  /// the suspension point are destroyed (C++20 coroutine_handle::destroy()).
  virtual void coflat_destroy() noexcept = 0;

  bool coflat_suspended() const noexcept { return coflat_state > 0; }

protected:
  frame_base() = default;
  frame_base(const frame_base&) = delete;
  frame_base& operator=(const frame_base&) = delete;
  ~frame_base() = default;
};

/// The handle lowered code passes to `await_suspend`: what
/// std::coroutine_handle<> is to a native frame.
class frame_handle {
public:
  frame_handle() noexcept = default;
  explicit frame_handle(frame_base* f) noexcept : frame_(f) {}
  void resume() const { frame_->coflat_resume(); }
  void operator()() const { resume(); }
  void destroy() const noexcept { frame_->coflat_destroy(); }
  bool done() const noexcept { return frame_->coflat_state == state_done; }
  frame_base* address() const noexcept { return frame_; }
  explicit operator bool() const noexcept { return frame_ != nullptr; }

private:
  frame_base* frame_ = nullptr;
};

/// The storage address for an object a lowered frame constructs in place
/// (placement new keeps the declaration's own initialisation, with
/// guaranteed copy elision).
template <class T> void* addr(T& object) noexcept {
  return const_cast<void*>(static_cast<const volatile void*>(std::addressof(object)));
}

/// The address a lowered frame keeps for a reference that lives across a
/// suspension (it binds lvalues and xvalues alike).
template <class T> std::remove_reference_t<T>* address_of(T&& object) noexcept {
  return std::addressof(object);
}

/// Ends the lifetime of an object a lowered frame constructed in place
/// (array elements in reverse order).
template <class T> void destroy_at(T& object) noexcept {
  if constexpr (std::is_array_v<T>) {
    for (std::size_t i = std::extent_v<T>; i-- > 0;)
      destroy_at(object[i]);
  } else {
    object.~T();
  }
}

/// Names any type with a simple type-specifier, so that frame members of
/// array or function-pointer type can be declared as `type_t<T> name;`.
template <class T> using type_t = T;

/// A local of `coflat_resume()` placed at the start of a scope whose frame
/// objects need destruction: leaving the scope in any way except a
/// suspension (fall through, break, continue, return, goto, an exception)
/// destroys the scope's live objects in reverse order.  A suspension leaves
/// them alone, since they must survive until the frame resumes.
template <class Frame> class scope_guard {
public:
  scope_guard(Frame* frame, int scope) noexcept : frame_(frame), scope_(scope) {}
  scope_guard(const scope_guard&) = delete;
  scope_guard& operator=(const scope_guard&) = delete;
  ~scope_guard() {
    if (!frame_->coflat_suspended())
      frame_->coflat_unwind(scope_, 0);
  }

private:
  Frame* frame_;
  int scope_;
};

/// A frame in a chain of frames.  Generators and async functions both run
/// chains of frames and only ever resume the innermost one (the leaf): a
/// generator's delegation chain (`co_yield yield_from(sub)`), and the stack
/// of frames an asyncio Task runs (`co_await child`).  What a frame needs
/// for that is the same in both: a link to its parent, the exception to
/// raise where it resumes, the one that escaped it, and a way for the chain
/// to take a frame from the awaiter that owns it.  generator_link and
/// async_frame derive from chained_frame.
///
/// `Link` is the frame type the chain is made of (what coflat_parent points
/// to).  `Slots` are the kind's own small members (a generator's sent and
/// yielded values): as bases placed before the links, they fill
/// frame_base's tail padding, so the frame is no larger than it must be.
template <class Link, class... Slots> class chained_frame : public frame_base, public Slots... {
public:
  std::exception_ptr coflat_pending;   // raised where the body resumes
  std::exception_ptr coflat_exception; // escaped the body
  Link* coflat_parent = nullptr;       // the frame delegating to / awaiting this one
  /// Set while this frame is owned by its parent's awaiter (a delegation's
  /// sub, an awaited child task): forgets it there, so that a chain can be
  /// destroyed leaf first, iteratively, instead of recursing through the
  /// awaiters (destroy_chain).
  void (*coflat_disown)(void*) noexcept = nullptr;
  void* coflat_owner = nullptr;

  bool coflat_done() const noexcept { return this->coflat_state == state_done; }

  /// Raises what was thrown in (throw_exception, close, a cancellation),
  /// once.
  void coflat_rethrow_pending() {
    if (std::exception_ptr e = std::exchange(coflat_pending, nullptr))
      std::rethrow_exception(e);
  }
  /// Raises what escaped the body, once (in the awaiter that reads the
  /// finished frame).
  void coflat_rethrow_exception() {
    if (std::exception_ptr e = std::exchange(coflat_exception, nullptr))
      std::rethrow_exception(e);
  }

  /// Runs the body to its next suspension.  An exception that escapes it
  /// (a lowered frame lets it escape) is kept in coflat_exception and the
  /// frame is done: what a native promise's unhandled_exception() does, so
  /// the chain's driver treats both kinds alike.
  void coflat_resume_capturing() {
    try {
      this->coflat_resume();
    } catch (...) {
      coflat_exception = std::current_exception();
      this->coflat_state = state_done;
    }
  }

protected:
  chained_frame() = default;
  ~chained_frame() = default;
};

/// Destroys a chain suspended from `root` down to `leaf`, leaf first: the
/// order C++ gives (each awaiter is the newest object of its frame), without
/// recursing N deep.  A frame below the root that its parent's awaiter owns
/// (coflat_disown set) is first taken from that awaiter, then destroyed; one
/// owned elsewhere (an async generator's frame, owned by its
/// async_generator object) is left to its owner, which a frame closer to the
/// root destroys.  `root` (the owner's pointer, not null) is null by the
/// time the root frame is destroyed.
template <class Root, class Link> void destroy_chain(Root*& root, Link* leaf) noexcept {
  for (Link* f = leaf; f != root;) {
    Link* parent = f->coflat_parent;
    if (f->coflat_disown) {
      f->coflat_disown(f->coflat_owner);
      f->coflat_destroy();
    }
    f = parent;
  }
  std::exchange(root, nullptr)->coflat_destroy();
}

/// A plain `co_yield value`, in generators and async generators alike, is
/// `co_await frame->coflat_yield_value(value)`: the value is stored in the
/// frame's yield_slot, and the body suspends on a yield_awaiter.  What
/// differs between the two kinds is asked of the frame:
///   frame->coflat_yielded()   at the suspension: who runs next (a
///                             generator: nothing to do, its next() sees the
///                             value; an async generator hands control back
///                             to its consumer);
///   frame->coflat_received()  at the resumption: raises what was thrown in
///                             (throw_exception, close, aclose), else the
///                             value of the co_yield expression (a
///                             generator's sent value; void in an async
///                             generator).
/// Where a yielded value waits for the consumer (engaged from the co_yield
/// until the consumer takes it).
template <class Yield> class yield_slot {
public:
  std::optional<Yield> coflat_current; // the value just yielded
};

/// Always suspends; see above for what it asks of the frame.
template <class Frame> class yield_awaiter {
public:
  explicit yield_awaiter(Frame* frame) noexcept : frame_(frame) {}
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle) const noexcept { frame_->coflat_yielded(); }
  decltype(auto) await_resume() const { return frame_->coflat_received(); }

private:
  Frame* frame_;
};

/// Where the body's `co_return value;` is kept (StopIteration.value, a
/// task's result).
template <class Return> class return_slot {
public:
  template <class U> void coflat_return_value(U&& value) {
    coflat_returned.emplace(std::forward<U>(value));
  }
  bool coflat_has_result() const noexcept { return coflat_returned.has_value(); }
  Return& coflat_result() {
    if (!coflat_returned)
      throw invalid_state_error("the coroutine has not returned a value");
    return *coflat_returned;
  }

private:
  std::optional<Return> coflat_returned;
};
template <> class return_slot<void> {
public:
  bool coflat_has_result() const noexcept { return true; }
  void coflat_result() const noexcept {}
};

#if defined(__cpp_impl_coroutine)
/// What the native promise types of generator, task and async_generator
/// share: a lazy start, a final suspension (the owner destroys the frame),
/// and coflat_resume/coflat_destroy over the coroutine handle, so that the
/// runtime drives a native frame exactly like a lowered one.
template <class Promise, class State> class native_promise : public State {
public:
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  // Kept, not rethrown: clang does not mark a coroutine finished when
  // unhandled_exception() rethrows (llvm-project#61900), and destroy()
  // would then run the locals' destructors a second time.
  void unhandled_exception() noexcept { this->coflat_exception = std::current_exception(); }
  void coflat_resume() override {
    auto h = handle();
    this->coflat_state = state_running;
    h.resume();
    this->coflat_state = h.done() ? state_done : 1;
  }
  void coflat_destroy() noexcept override { handle().destroy(); }

private:
  std::coroutine_handle<Promise> handle() noexcept {
    return std::coroutine_handle<Promise>::from_promise(static_cast<Promise&>(*this));
  }
};

/// return_value / return_void, forwarded to the state's return slot.
template <class Promise, class Return> struct native_return {
  template <class U> void return_value(U&& value) {
    static_cast<Promise*>(this)->coflat_return_value(std::forward<U>(value));
  }
};
template <class Promise> struct native_return<Promise, void> {
  void return_void() noexcept {}
};
#endif

} // namespace coflat::detail

#endif // COFLAT_FRAME_H
