// A lazy pipeline of generic stages (examples/generic_pipeline.py): take,
// filter and map are coroutine templates over any range of values, lowered
// once and instantiated for each stage type, and nothing runs until the
// consumer asks for a value.
#include <coflat/generator.h>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

coflat::generator<long> naturals(long start) {
  for (long n = start;; ++n) {
    std::printf("  naturals: %ld\n", n);
    co_yield n;
  }
}

template <class Pred, class Source> auto filter_by(Pred pred, Source source)
    -> coflat::generator<std::decay_t<decltype(*source.begin())>> {
  for (auto v : source)
    if (pred(v))
      co_yield v;
}

template <class Fn, class Source> auto map_by(Fn fn, Source source)
    -> coflat::generator<std::decay_t<decltype(fn(*source.begin()))>> {
  for (auto v : source)
    co_yield fn(v);
}

template <class Source> auto take(int n, Source source)
    -> coflat::generator<std::decay_t<decltype(*source.begin())>> {
  if (n <= 0)
    co_return;
  for (auto v : source) {
    co_yield v;
    if (--n == 0)
      co_return;
  }
}

int main() {
  auto squares_of_odds = take(3, map_by([](long v) { return v * v; },
                                        filter_by([](long v) { return v % 2 == 1; }, naturals(1))));
  std::printf("built, nothing ran yet\n");
  for (long v : squares_of_odds)
    std::printf("got %ld\n", v);

  std::vector<std::string> words{"generic", "code", "lowered", "once"};
  auto upper = [](std::string s) {
    for (char& c : s)
      c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
  };
  for (const std::string& w : take(2, map_by(upper, filter_by([](const std::string& s) { return s.size() > 4; }, words))))
    std::printf("%s\n", w.c_str());
}
