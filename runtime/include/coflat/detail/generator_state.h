// coflat/detail/generator_state.h - the state of a generator frame, and
// delegation (PEP 380).
//
// A generator frame, native (its promise derives from generator_state) or
// lowered (a struct deriving from it), is driven by coflat::generator
// through this interface only.
//
// Delegation links frames into a chain (chained_frame): `co_yield
// yield_from(sub)` makes sub the chain's leaf, and the root remembers the
// leaf so that generator resumes it directly: every element of an N-deep
// chain costs O(1).  Invariants, for every frame f of a chain:
//   f->coflat_root is the frame the generator object owns;
//   root->coflat_leaf is the innermost active frame (the root itself when
//     nothing delegates), and following coflat_parent from it reaches root;
//   f->coflat_current is engaged only between a co_yield and the
//     consumer taking the value (so a step that leaves the frame suspended
//     with no value means it started a delegation).
#ifndef COFLAT_DETAIL_GENERATOR_STATE_H
#define COFLAT_DETAIL_GENERATOR_STATE_H

#include <coflat/detail/chained_frame.h>
#include <coflat/detail/return_slot.h>
#include <coflat/detail/send_slot.h>
#include <coflat/detail/yield_awaiter.h>
#include <coflat/errors.h>
#include <coflat/frame.h>

#include <exception>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>

namespace coflat {

template <class Yield, class Send, class Return> class generator;

namespace detail {

template <class Yield, class Send, class Range> class range_state;

/// The argument of `co_yield yield_from(generator)`.
template <class Yield, class Send, class Return> struct generator_delegation {
  generator<Yield, Send, Return> sub;
};

/// The argument of `co_yield yield_from(range)`: a reference to an lvalue
/// range, or the moved-in rvalue range.
template <class Range> struct range_delegation {
  Range range;
};

/// What every frame of a delegation chain shares, whatever its Return
/// type: a chain link, what it yielded, what is sent into it, and the root
/// and leaf of its chain.
template <class Yield, class Send>
class generator_link
    : public chained_frame<generator_link<Yield, Send>, send_slot<Send>, yield_slot<Yield>> {
public:
  generator_link* coflat_root = this; // the frame the generator object owns
  generator_link* coflat_leaf = this; // on the root: the innermost active frame

  /// For yield_awaiter: a generator's consumer finds the value when the
  /// frame's coflat_resume() returns.
  void coflat_yielded() const noexcept {}
  /// The value of a resumed co_yield: raises what was thrown in, else the
  /// sent value.
  Send coflat_received() {
    this->coflat_rethrow_pending();
    return this->coflat_take_sent();
  }
  void coflat_delegate_to(generator_link* sub) noexcept {
    // sub was a root: if it is itself suspended inside a delegation, its
    // innermost frame becomes our chain's leaf.
    generator_link* leaf = std::exchange(sub->coflat_leaf, sub);
    sub->coflat_parent = this;
    for (generator_link* f = leaf;; f = f->coflat_parent) {
      f->coflat_root = coflat_root;
      if (f == sub)
        break;
    }
    coflat_root->coflat_leaf = leaf;
  }

protected:
  generator_link() = default;
  ~generator_link() = default;
};

/// The state of one generator frame: a chain link plus the returned value.
template <class Yield, class Send, class Return>
class generator_state : public generator_link<Yield, Send>, public return_slot<Return> {
public:
  using coflat_yield_type = Yield;
  using coflat_send_type = Send;
  using coflat_return_type = Return;

  /// The awaiter of a plain `co_yield value`: always suspends; resumed, it
  /// raises the exception thrown in (throw_exception/close) or evaluates to
  /// the sent value.
  using yield_awaiter = detail::yield_awaiter<generator_link<Yield, Send>>;

  /// The awaiter of `co_yield yield_from(sub)`: links sub as the chain's
  /// leaf; resumed, it evaluates to sub's return value or raises what
  /// escaped sub.
  template <class SubReturn> class delegate_awaiter {
  public:
    delegate_awaiter(generator_state* self, generator<Yield, Send, SubReturn> sub) noexcept
        : self_(self), sub_(std::move(sub)) {}
    bool await_ready() const noexcept { return !sub_.state_ || sub_.done(); }
    template <class Handle> void await_suspend(Handle) noexcept {
      self_->coflat_delegate_to(sub_.state_);
      sub_.state_->coflat_owner = this;
      sub_.state_->coflat_disown = [](void* awaiter) noexcept {
        static_cast<delegate_awaiter*>(awaiter)->sub_.state_ = nullptr;
      };
    }
    SubReturn await_resume() {
      self_->coflat_rethrow_pending();
      if (!sub_.state_)
        throw invalid_state_error("yield_from of a moved-from generator");
      sub_.state_->coflat_rethrow_exception();
      if constexpr (!std::is_void_v<SubReturn>)
        return std::move(sub_.state_->coflat_result());
    }

  private:
    generator_state* self_;
    generator<Yield, Send, SubReturn> sub_;
  };

  /// The awaiter of `co_yield yield_from(range)`: the range is walked by a
  /// small hand-written frame linked as the chain's leaf.
  template <class Range> class range_awaiter {
  public:
    range_awaiter(generator_state* self, Range&& range)
        : self_(self), sub_(std::forward<Range>(range)) {}
    bool await_ready() const noexcept { return false; }
    template <class Handle> void await_suspend(Handle) noexcept { self_->coflat_delegate_to(&sub_); }
    void await_resume() {
      self_->coflat_rethrow_pending();
      sub_.coflat_rethrow_exception();
    }

  private:
    generator_state* self_;
    range_state<Yield, Send, Range> sub_;
  };

  // --- used by the body (native promise_type and lowered frames) ---

  template <class U, class = std::enable_if_t<std::is_constructible_v<Yield, U&&>>>
  yield_awaiter coflat_yield_value(U&& value) {
    this->coflat_current.emplace(std::forward<U>(value));
    return yield_awaiter(this);
  }
  template <class SubReturn>
  delegate_awaiter<SubReturn>
  coflat_yield_value(generator_delegation<Yield, Send, SubReturn>&& d) noexcept {
    return delegate_awaiter<SubReturn>(this, std::move(d.sub));
  }
  template <class Range> range_awaiter<Range> coflat_yield_value(range_delegation<Range>&& d) {
    return range_awaiter<Range>(this, std::forward<Range>(d.range));
  }

protected:
  generator_state() = default;
  ~generator_state() = default;
};

/// The leaf frame of `yield_from(range)`: yields each element; what is
/// thrown in is raised at the delegating co_yield (an iterator has no
/// throw()); sent values are ignored.
template <class Yield, class Send, class Range>
class range_state final : public generator_link<Yield, Send> {
public:
  explicit range_state(Range&& range) : range_(std::forward<Range>(range)) {}

  void coflat_resume() override {
    if (this->coflat_pending) {
      this->coflat_exception = std::exchange(this->coflat_pending, nullptr);
      this->coflat_state = state_done;
      return;
    }
    using std::begin;
    using std::end;
    if (!it_)
      it_.emplace(begin(range_));
    else
      ++*it_;
    if (*it_ == end(range_)) {
      this->coflat_state = state_done;
      return;
    }
    this->coflat_current.emplace(**it_);
    this->coflat_state = 1;
  }
  void coflat_destroy() noexcept override {} // owned by its awaiter

private:
  using iterator = decltype(std::begin(std::declval<std::remove_reference_t<Range>&>()));
  Range range_;
  std::optional<iterator> it_;
};

} // namespace detail
} // namespace coflat

#endif // COFLAT_DETAIL_GENERATOR_STATE_H
