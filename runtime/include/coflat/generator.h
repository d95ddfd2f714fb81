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

  /// An input iterator over the yielded values.  It points at the value
  /// in the yielding frame (nothing is copied or moved), is its own end
  /// (a default-constructed iterator), and so works with iterator-pair
  /// algorithms in C++17 and models std::input_iterator in C++20.
  /// Incrementing resumes the generator: every copy then sees the new
  /// position, as with any input iterator.
  class iterator {
  public:
    using iterator_category = std::input_iterator_tag;
    using value_type = std::remove_cv_t<Yield>;
    using difference_type = std::ptrdiff_t;
    using pointer = Yield*;
    using reference = Yield&;

    iterator() = default;
    Yield& operator*() const noexcept { return *value_; }
    Yield* operator->() const noexcept { return value_; }
    iterator& operator++() {
      value_ = gen_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.value_ == b.value_; }
    friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.value_ != b.value_; }

  private:
    friend class generator;
    explicit iterator(generator* g) : gen_(g), value_(g->advance()) {}

    generator* gen_ = nullptr;
    Yield* value_ = nullptr; // in the yielding frame; null at the end
  };
  /// Starts the body (call once, as for std::generator).
  iterator begin() { return iterator(this); }
  iterator end() noexcept { return {}; }

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

  /// One step, for next(): the yielded value moved out of its frame.
  std::optional<Yield> resume(std::exception_ptr raise) {
    // One named result for every return, so that it is elided (NRVO) by
    // every compiler alike: the yielded value is moved exactly once.
    std::optional<Yield> result;
    if (link_type* yielding = step(std::move(raise))) {
      result.emplace(std::move(*yielding->coflat_current)); // Yield may be const
      yielding->coflat_current.reset();
    }
    return result;
  }

  /// One step, for the iterator: the yielded value stays in its frame
  /// until the next step.
  Yield* advance() {
    link_type* yielding = step(nullptr);
    return yielding ? &*yielding->coflat_current : nullptr;
  }

  /// Steps the chain until a frame yields a value (returned, its
  /// coflat_current engaged) or the root finishes (nullptr).  `raise` is
  /// thrown in at the leaf's suspension point.
  link_type* step(std::exception_ptr raise) {
    state_type* root = checked();
    if (root->coflat_done())
      return nullptr;
    link_type* target = root->coflat_leaf;
    if (target->coflat_state == detail::state_running)
      throw invalid_state_error("generator already executing");
    // The value an iterator left in the leaf is consumed by this step.
    target->coflat_current.reset();
    // A generator_exit thrown in travels up the whole delegation chain, even
    // past a leaf that returns normally (PEP 380's close() forwarding).
    const bool exiting = detail::is_generator_exit(raise);
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
        return target;
      }
      if (target == static_cast<link_type*>(root)) {
        root->coflat_rethrow_exception();
        return nullptr;
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

#if __cplusplus >= 202002L && __has_include(<ranges>)
#include <ranges>
#if defined(__cpp_lib_ranges)
/// A generator is a move-only input view, as std::generator: a prvalue (or
/// std::move(g)) composes with views (`count() | std::views::take(5)`).
namespace std::ranges {
template <class Yield, class Send, class Return>
inline constexpr bool enable_view<coflat::generator<Yield, Send, Return>> = true;
} // namespace std::ranges
#endif
#endif

#endif // COFLAT_GENERATOR_H
