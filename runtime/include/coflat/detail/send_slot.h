// coflat/detail/send_slot.h - where a resumed `co_yield` finds the value
// passed to generator::send().
//
// A base of generator frames (through generator_link), so its members are
// `coflat_`-prefixed.  Empty for Send = void.
#ifndef COFLAT_DETAIL_SEND_SLOT_H
#define COFLAT_DETAIL_SEND_SLOT_H

#include <coflat/errors.h>

#include <optional>
#include <type_traits>
#include <utility>

namespace coflat::detail {

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

} // namespace coflat::detail

#endif // COFLAT_DETAIL_SEND_SLOT_H
