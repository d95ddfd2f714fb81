// coflat/detail/is_generator_exit.h - whether an exception_ptr holds a
// generator_exit.
//
// close() and aclose() must tell a generator_exit that escaped the body (a
// normal close) from any other exception (which propagates).
#ifndef COFLAT_DETAIL_IS_GENERATOR_EXIT_H
#define COFLAT_DETAIL_IS_GENERATOR_EXIT_H

#include <coflat/errors.h>

#include <exception>

namespace coflat::detail {

inline bool is_generator_exit(const std::exception_ptr& e) noexcept {
  if (!e)
    return false;
  try {
    std::rethrow_exception(e);
  } catch (const generator_exit&) {
    return true;
  } catch (...) {
    return false;
  }
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_IS_GENERATOR_EXIT_H
