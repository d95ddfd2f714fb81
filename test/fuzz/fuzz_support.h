// What the fuzzer's generated programs share: objects that print their
// lifetime, a user exception, and a driver that reports each step of a
// generator or task.  Everything printed goes to stdout in program order,
// so the native C++20 build (the oracle) and the lowered builds must print
// the same bytes.
#ifndef COFLAT_FUZZ_SUPPORT_H
#define COFLAT_FUZZ_SUPPORT_H

#include <coflat/coflat.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace fuzz {

/// A local or temporary with an observable lifetime.
struct probe {
  int v;
  explicit probe(int x) : v(x) { std::printf("+probe %d\n", v); }
  probe(const probe& o) : v(o.v + 1000) { std::printf("+probe %d (copy)\n", v); }
  probe& operator=(const probe&) = delete;
  ~probe() { std::printf("-probe %d\n", v); }
  int get() const { return v; }
};

/// The user exception thrown by bodies and thrown in by drivers.
struct boom {
  int code;
};

/// Prints a value the body computed.
inline void out(int v) { std::printf("out %d\n", v); }

/// A pure two-argument function: evaluation order shows only through
/// the suspensions in its arguments.  Values stay small (no overflow).
inline int mix(int a, int b) { return static_cast<int>((a * 3LL + b) % 1000); }

/// Throws boom when v equals bad: an exception from a called function.
inline int checked(int v, int bad) {
  if (v == bad)
    throw boom{v};
  return v;
}

/// What an assignment stores: small, so that loops cannot overflow.
inline int cap(int v) { return v % 1000; }

/// `tr << a << b`: C++17 sequences each operand before the next.
struct trace_stream {
  const trace_stream& operator<<(int v) const {
    std::printf("tr %d\n", v);
    return *this;
  }
};
inline constexpr trace_stream tr{};

/// Runs one driver step and reports what it returned or what escaped.
template <class F> void step(const char* what, F&& f) {
  try {
    std::optional<int> v = std::forward<F>(f)();
    if (v)
      std::printf("%s -> %d\n", what, *v);
    else
      std::printf("%s -> end\n", what);
  } catch (const boom& b) {
    std::printf("%s -> boom %d\n", what, b.code);
  } catch (const coflat::generator_exit&) {
    std::printf("%s -> generator_exit\n", what);
  } catch (const coflat::cancelled_error&) {
    std::printf("%s -> cancelled\n", what);
  } catch (const coflat::timeout_error&) {
    std::printf("%s -> timeout\n", what);
  } catch (const std::exception& e) {
    std::printf("%s -> %s\n", what, e.what());
  }
}

} // namespace fuzz

#endif
