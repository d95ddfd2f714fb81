// coflat/frame.h - what native and lowered coroutine frames share.
//
// A lowered coroutine is a struct (its frame) that derives from the runtime's
// state class for its kind (generator_state, ...) and implements
// `coflat_resume()` as a switch over its suspension points.  The generated
// code only uses the names in this header and the `coflat_`-prefixed members
// of the state classes, so the user's own names in the body are never
// shadowed by runtime members.
//
// This is the interface of the lowered output: the tool emits these names
// (state_running, state_done, frame_handle, addr, address_of, get_element,
// destroy_at, type_t, scope_guard, and closure_storage's), so they stay
// here, under these names, although they are in namespace detail.  The rest
// of the runtime's internals are in coflat/detail/.
//
// State encoding (`frame_base::coflat_state`):
//   0               not started
//   state_running   inside coflat_resume()
//   k > 0           suspended at suspension point k
//   state_done      returned, or an exception escaped
#ifndef COFLAT_FRAME_H
#define COFLAT_FRAME_H

#include <coflat/detail/closure_storage.h>
#include <coflat/detail/dependent_frame.h>
#include <coflat/detail/parameter_pack.h>
#include <coflat/errors.h>

#include <cstddef>
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

/// `get<I>(e)` of a tuple-like structured binding, found as the binding
/// finds it (std::get, or by argument-dependent lookup), where the frame's
/// own members cannot hide it.
template <std::size_t I, class E> decltype(auto) get_element(E&& e) {
  using std::get;
  return get<I>(std::forward<E>(e));
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

} // namespace coflat::detail

#endif // COFLAT_FRAME_H
