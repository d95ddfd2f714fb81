// coflat/detail/chained_frame.h - a frame in a chain of frames, and how a
// chain is resumed and destroyed.
//
// Generators and async functions both run chains of frames and only ever
// resume the innermost one (the leaf): a generator's delegation chain
// (`co_yield yield_from(sub)`), and the stack of frames an asyncio Task
// runs (`co_await child`).  What a frame needs for that is the same in both:
// a link to its parent, the exception to raise where it resumes, the one
// that escaped it, and a way for the chain to take a frame from the
// awaiter that owns it.  chained_frame is that part; generator_link and
// async_frame derive from it.
//
// Every member is `coflat_`-prefixed: lowered frames derive from these
// classes, and the user's names in their bodies must not be shadowed.
#ifndef COFLAT_DETAIL_CHAINED_FRAME_H
#define COFLAT_DETAIL_CHAINED_FRAME_H

#include <coflat/frame.h>

#include <exception>
#include <utility>

namespace coflat::detail {

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
  /// the chain's driver treats both kinds alike.  It runs once per element
  /// on the hot path of next(), send() and a task's step: always inlined (a
  /// call here cost 5-15% per element when the compiler kept it out of line).
  [[gnu::always_inline]] void coflat_resume_capturing() {
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

} // namespace coflat::detail

#endif // COFLAT_DETAIL_CHAINED_FRAME_H
