// coflat/generator.h - generators with Python's semantics (PEP 342, PEP 380).
//
// generator<Yield, Send, Return> owns one frame: a native C++20 coroutine
// frame (its promise derives from detail::generator_state) or a lowered frame
// (a struct that derives from detail::generator_state itself).  The driver
// below only talks to generator_state, so both kinds behave identically.
//
// Delegation (co_yield yield_from(sub)) links frames into a chain; the root
// remembers the innermost active frame (the leaf) and resumes it directly, so
// every element of an N-deep chain costs O(1).
#ifndef COFLAT_GENERATOR_H
#define COFLAT_GENERATOR_H

#include <coflat/errors.h>
#include <coflat/frame.h>

#include <cstddef>
#include <exception>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>


namespace coflat {

template <class Yield, class Send = void, class Return = void> class generator;

namespace detail {

/// Where a resumed `co_yield` finds the value passed to send().
template <class Send> class send_slot {
public:
  std::optional<Send> coflat_sent;

protected:
  /// A co_yield resumed by next() evaluates to a value-initialised Send.
  Send coflat_take_sent() {
    if (!coflat_sent) {
      if constexpr (std::is_default_constructible_v<Send>)
        return Send{};
      else
        throw invalid_state_error("generator resumed by next() but its Send type "
                                  "is not default-constructible");
    }
    Send value = std::move(*coflat_sent);
    coflat_sent.reset();
    return value;
  }
};
template <> class send_slot<void> {
protected:
  void coflat_take_sent() noexcept {}
};

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

/// `co_yield yield_from(std::move(sub))`: delegate to another generator
/// (PEP 380); the expression evaluates to sub's return value.
template <class Yield, class Send, class Return>
detail::generator_delegation<Yield, Send, Return>
yield_from(generator<Yield, Send, Return>&& sub) noexcept {
  return {std::move(sub)};
}
/// `co_yield yield_from(range)`: yield each element of a range.
template <class Range, class = std::enable_if_t<!std::is_lvalue_reference_v<Range>>>
detail::range_delegation<std::decay_t<Range>> yield_from(Range&& range) {
  return {std::forward<Range>(range)};
}
template <class Range> detail::range_delegation<Range&> yield_from(Range& range) noexcept {
  return {range};
}

template <class Yield, class Send, class Return>
class
#if defined(__clang__)
    [[clang::annotate("coflat::generator")]]
#endif
    generator {
public:
  using state_type = detail::generator_state<Yield, Send, Return>;
  using link_type = detail::generator_link<Yield, Send>;
  using value_type = Yield;

#if defined(__cpp_impl_coroutine)
  class promise_type final : public detail::native_promise<promise_type, state_type>,
                             public detail::native_return<promise_type, Return> {
  public:
    generator get_return_object() noexcept { return generator(this); }
    template <class U> decltype(auto) yield_value(U&& value) {
      return this->coflat_yield_value(std::forward<U>(value));
    }
  };
#endif

  /// Takes ownership of a frame (what a lowered coroutine's function returns).
  explicit generator(state_type* state) noexcept : state_(state) {}
  generator(generator&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  generator& operator=(generator&& other) noexcept {
    if (this != &other) {
      reset();
      state_ = std::exchange(other.state_, nullptr);
    }
    return *this;
  }
  ~generator() { reset(); }

  /// Resumes the body: the next yielded value, or nullopt once it returned.
  std::optional<Yield> next() { return resume(nullptr); }

  /// Resumes the body with `value` as the value of the suspended co_yield.
  template <class S = Send, class = std::enable_if_t<!std::is_void_v<S>>>
  std::optional<Yield> send(typename std::enable_if<true, S>::type value) {
    state_type* s = checked();
    if (s->coflat_state == 0)
      throw invalid_state_error("can't send a value to a just-started generator");
    if (s->coflat_done())
      return std::nullopt;
    if (s->coflat_leaf->coflat_state == detail::state_running)
      throw invalid_state_error("generator already executing");
    s->coflat_leaf->coflat_sent.emplace(std::move(value));
    return resume(nullptr);
  }

  /// Raises `e` at the suspended co_yield.
  std::optional<Yield> throw_exception(std::exception_ptr e) {
    state_type* s = checked();
    if (s->coflat_state == 0 || s->coflat_done()) {
      s->coflat_state = detail::state_done;
      std::rethrow_exception(e);
    }
    return resume(std::move(e));
  }
  template <class E, class = std::enable_if_t<!std::is_same_v<std::decay_t<E>, std::exception_ptr>>>
  std::optional<Yield> throw_exception(E e) {
    return throw_exception(std::make_exception_ptr(std::move(e)));
  }

  /// Raises generator_exit at the suspended co_yield (Python's close()).
  void close() {
    state_type* s = checked();
    if (s->coflat_state == 0 || s->coflat_done()) {
      s->coflat_state = detail::state_done;
      return;
    }
    try {
      if (resume(std::make_exception_ptr(generator_exit{})))
        throw std::runtime_error("generator ignored generator_exit");
    } catch (const generator_exit&) {
    }
  }

  bool done() const noexcept { return !state_ || state_->coflat_done(); }

  /// The returned value (StopIteration.value); invalid_state_error before.
  decltype(auto) result() {
    state_type* s = checked();
    if (!s->coflat_done())
      throw invalid_state_error("generator has not finished");
    return s->coflat_result();
  }

  class sentinel {};
  class iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Yield;
    using difference_type = std::ptrdiff_t;
    using pointer = Yield*;
    using reference = Yield&;

    iterator() = default;
    explicit iterator(generator* g) : gen_(g), current_(g->next()) {}
    Yield& operator*() { return *current_; }
    Yield* operator->() { return &*current_; }
    iterator& operator++() {
      // Not an assignment, which a const Yield does not have.
      std::optional<Yield> v = gen_->next();
      current_.reset();
      if (v)
        current_.emplace(std::move(*v));
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, sentinel) noexcept { return !it.current_; }
    friend bool operator!=(const iterator& it, sentinel s) noexcept { return !(it == s); }
    friend bool operator==(sentinel s, const iterator& it) noexcept { return it == s; }
    friend bool operator!=(sentinel s, const iterator& it) noexcept { return !(it == s); }

  private:
    generator* gen_ = nullptr;
    std::optional<Yield> current_;
  };
  iterator begin() { return iterator(this); }
  sentinel end() noexcept { return {}; }

private:
  template <class, class, class> friend class detail::generator_state;

  state_type* checked() const {
    if (!state_)
      throw invalid_state_error("use of a moved-from generator");
    return state_;
  }

  void reset() noexcept {
    // A chain suspended in a delegation is destroyed leaf first.
    if (state_)
      detail::destroy_chain(state_, state_->coflat_leaf);
  }

  /// Steps the chain until a frame yields a value or the root finishes.
  /// `raise` is thrown in at the leaf's suspension point.
  std::optional<Yield> resume(std::exception_ptr raise) {
    // One named result for every return, so that it is elided (NRVO) by
    // every compiler alike: the yielded value is moved exactly once.
    std::optional<Yield> result;
    state_type* root = checked();
    if (root->coflat_done())
      return result;
    if (root->coflat_leaf->coflat_state == detail::state_running)
      throw invalid_state_error("generator already executing");
    // A generator_exit thrown in travels up the whole delegation chain, even
    // past a leaf that returns normally (PEP 380's close() forwarding).
    const bool exiting = detail::is_generator_exit(raise);
    link_type* target = root->coflat_leaf;
    // The frame being closed: generator_exit was raised in it, or it got the
    // runtime_error of a sub's close() (PEP 380: its close() is in progress).
    link_type* closing = exiting ? target : nullptr;
    target->coflat_pending = std::move(raise);
    for (;;) {
      target->coflat_resume_capturing();
      if (!target->coflat_done()) {
        if (!target->coflat_current) { // it delegated: start the new leaf
          target = root->coflat_leaf;
          continue;
        }
        if (closing && closing != static_cast<link_type*>(root)) { // closing.close() saw a yield
          target->coflat_current.reset();
          target = up(root, closing);
          closing = target;
          target->coflat_pending = std::make_exception_ptr(
              std::runtime_error("generator ignored generator_exit"));
          continue;
        }
        result.emplace(std::move(*target->coflat_current)); // Yield may be const
        target->coflat_current.reset();
        return result;
      }
      if (target == static_cast<link_type*>(root)) {
        root->coflat_rethrow_exception();
        return result;
      }
      link_type* sub = target;
      target = up(root, target);
      if (sub == closing) {
        closing = target;
        if (!sub->coflat_exception || detail::is_generator_exit(sub->coflat_exception)) {
          sub->coflat_exception = nullptr;
          target->coflat_pending = std::make_exception_ptr(generator_exit{});
        }
      }
    }
  }

  static link_type* up(link_type* root, link_type* sub) noexcept {
    root->coflat_leaf = sub->coflat_parent;
    return sub->coflat_parent;
  }

  state_type* state_ = nullptr;
};

} // namespace coflat

#endif // COFLAT_GENERATOR_H
