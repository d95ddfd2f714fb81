// coflat/detail/gathering_state.h - the future behind asyncio.gather.
//
// asyncio's _GatheringFuture: completed by its children's done callbacks
// (the first exception wins; cancelling it cancels the children), for the
// tuple form and the vector form of gather.
#ifndef COFLAT_DETAIL_GATHERING_STATE_H
#define COFLAT_DETAIL_GATHERING_STATE_H

#include <coflat/detail/future_state.h>
#include <coflat/errors.h>
#include <coflat/future.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace coflat::detail {

/// gather's result for one argument: void becomes std::monostate.
template <class T> using gathered_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
template <class T> gathered_t<T> take_result(future<T>& f) {
  if constexpr (std::is_void_v<T>) {
    f.result();
    return {};
  } else {
    return std::move(f.result());
  }
}

/// asyncio's _GatheringFuture: completed by its children's done callbacks.
template <class Result>
class gathering_state : public future_state<Result>,
                        public std::enable_shared_from_this<gathering_state<Result>> {
public:
  /// Cancels every child; the gather then raises cancelled_error.
  bool cancel() override {
    if (this->done())
      return false;
    bool any = false;
    for (auto& child : children_)
      any = child->cancel() || any;
    if (any)
      cancel_requested_ = true;
    return any;
  }

protected:
  virtual Result collect() = 0;

  /// Watches the children, in argument order.
  void watch(std::vector<std::shared_ptr<future_base>> children) {
    children_ = std::move(children);
    if (children_.empty())
      return this->set_result(collect());
    for (auto& child : children_)
      child->add_callback([self = this->shared_from_this(), c = child.get()] { self->child_done(*c); });
  }

private:
  void child_done(future_base& child) {
    ++finished_;
    if (this->done())
      return;
    if (child.cancelled())
      return this->set_exception(std::make_exception_ptr(cancelled_error()));
    if (std::exception_ptr e = child.exception())
      return this->set_exception(e); // the first exception propagates
    if (finished_ == children_.size()) {
      if (cancel_requested_)
        this->set_exception(std::make_exception_ptr(cancelled_error()));
      else
        this->set_result(collect());
    }
  }

  std::vector<std::shared_ptr<future_base>> children_;
  std::size_t finished_ = 0;
  bool cancel_requested_ = false;
};

template <class... T>
class gather_tuple_state final : public gathering_state<std::tuple<gathered_t<T>...>> {
public:
  explicit gather_tuple_state(std::tuple<future<T>...> futures) : futures_(std::move(futures)) {}
  void start() {
    this->watch(std::apply([](auto&... f) { return std::vector<std::shared_ptr<future_base>>{f.coflat_state()...}; },
                           futures_));
  }

private:
  std::tuple<gathered_t<T>...> collect() override {
    return std::apply([](auto&... f) { return std::tuple<gathered_t<T>...>(take_result(f)...); }, futures_);
  }
  std::tuple<future<T>...> futures_;
};

template <class T> class gather_vector_state final : public gathering_state<std::vector<gathered_t<T>>> {
public:
  explicit gather_vector_state(std::vector<future<T>> futures) : futures_(std::move(futures)) {}
  void start() {
    std::vector<std::shared_ptr<future_base>> children;
    for (auto& f : futures_)
      children.push_back(f.coflat_state());
    this->watch(std::move(children));
  }

private:
  std::vector<gathered_t<T>> collect() override {
    std::vector<gathered_t<T>> results;
    results.reserve(futures_.size());
    for (auto& f : futures_)
      results.push_back(take_result(f));
    return results;
  }
  std::vector<future<T>> futures_;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_GATHERING_STATE_H
