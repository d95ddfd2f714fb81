// coflat/detail/return_slot.h - where a coroutine's `co_return value;` is
// kept (StopIteration.value, a task's result).
//
// A base of the state classes (generator_state, task_state), so its members
// are `coflat_`-prefixed: lowered frames derive from them.  The void
// specialisation is empty, so a frame that returns nothing pays nothing.
#ifndef COFLAT_DETAIL_RETURN_SLOT_H
#define COFLAT_DETAIL_RETURN_SLOT_H

#include <coflat/errors.h>

#include <optional>
#include <utility>

namespace coflat::detail {

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

} // namespace coflat::detail

#endif // COFLAT_DETAIL_RETURN_SLOT_H
