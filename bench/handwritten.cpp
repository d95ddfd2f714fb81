#include "handwritten.h"

std::optional<int> handwritten_count::next() {
  if (i_ >= n_)
    return std::nullopt;
  return i_++;
}
