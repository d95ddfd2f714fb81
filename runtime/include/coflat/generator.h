// coflat/generator.h - generators with Python's semantics (PEP 342, PEP 380).
//
// generator<Yield, Send, Return> owns one frame: a native C++20 coroutine
// frame (its promise derives from detail::generator_state) or a lowered frame
// (a struct that derives from detail::generator_state itself).  The driver
// below only talks to generator_state, so both kinds behave identically.
//
// Delegation (co_yield yield_from(sub)) links frames into a chain; the root
// remembers the innermost active frame (the leaf) and resumes it directly, so
// every element of an N-deep chain costs O(1) (detail/generator_state.h).
#ifndef COFLAT_GENERATOR_H
#define COFLAT_GENERATOR_H

#include <coflat/detail/chained_frame.h>
#include <coflat/detail/dependent_frame.h>
#include <coflat/detail/generator_state.h>
#include <coflat/detail/is_generator_exit.h>
#include <coflat/detail/native_promise.h>
#include <coflat/errors.h>
#include <coflat/frame.h>

#include <cstddef>
#include <exception>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace coflat {

template <class Yield, class Send = void, class Return = void> class generator;

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

/// Consumed when awaited or delegated to: a moved-from handle's end is
/// unobservable (see detail::unobserved_destructor).
template <class Yield, class Send, class Return> struct detail::unobserved_destructor<generator<Yield, Send, Return>> : std::true_type {};

} // namespace coflat

#endif // COFLAT_GENERATOR_H
