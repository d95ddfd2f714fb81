// Helpers shared by the unit tests (native C++20 and lowered C++17).
#ifndef COFLAT_TEST_UNIT_TEST_SUPPORT_H
#define COFLAT_TEST_UNIT_TEST_SUPPORT_H

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coflat_test {

using event_log = std::vector<std::string>;

/// An object whose construction and destruction are recorded in a log, so a
/// test can check which locals of a frame are live and in which order they
/// are destroyed.
class tracer {
public:
  tracer(event_log& log, std::string name) : log_(&log), name_(std::move(name)) {
    log_->push_back("+" + name_);
  }
  tracer(const tracer&) = delete;
  tracer& operator=(const tracer&) = delete;
  ~tracer() { log_->push_back("~" + name_); }

  const std::string& name() const noexcept { return name_; }

private:
  event_log* log_;
  std::string name_;
};

/// Everything the generator still yields, by next().
template <class Generator> auto drain(Generator& g) {
  std::vector<typename Generator::value_type> out;
  while (auto v = g.next())
    out.push_back(std::move(*v));
  return out;
}

} // namespace coflat_test

#endif // COFLAT_TEST_UNIT_TEST_SUPPORT_H
