// What a careful programmer writes without coroutines: the floor the
// generators are compared with.  next() is defined in its own translation
// unit, as a generator's body is, so the loop cannot be folded away.
#ifndef COFLAT_BENCH_HANDWRITTEN_H
#define COFLAT_BENCH_HANDWRITTEN_H

#include <optional>

class handwritten_count {
public:
  explicit handwritten_count(int n) : n_(n) {}
  std::optional<int> next();

private:
  int i_ = 0;
  int n_;
};

#endif
