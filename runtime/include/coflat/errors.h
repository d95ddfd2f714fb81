// coflat/errors.h - the runtime's exception types.
//
// error, invalid_state_error and timeout_error are ordinary std exceptions.
// generator_exit and cancelled_error mirror Python's BaseException subclasses:
// they derive from nothing in std, so `catch (const std::exception&)` in user
// code does not swallow a close() or a cancellation.
#ifndef COFLAT_ERRORS_H
#define COFLAT_ERRORS_H

#include <exception>
#include <stdexcept>

namespace coflat {

class error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class invalid_state_error : public error {
public:
  using error::error;
};

class timeout_error : public error {
public:
  timeout_error() : error("timeout") {}
  using error::error;
};

class generator_exit {
public:
  const char* what() const noexcept { return "generator_exit"; }
};

class cancelled_error {
public:
  const char* what() const noexcept { return "cancelled"; }
};

} // namespace coflat

#endif // COFLAT_ERRORS_H
