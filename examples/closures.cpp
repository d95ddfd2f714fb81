// Closures as predicates and callbacks, in generators and in async code:
// a generic filter driven by a predicate, a sort comparator, a loop
// callback that updates the caller's state, and two results unpacked from
// gather.  Ported from closures.py, whose output it prints.
#include <coflat/coflat.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace std::chrono_literals;

coflat::generator<std::string> words(std::string text) {
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    while (!w.empty() && (w.back() == '.' || w.back() == ','))
      w.pop_back();
    for (char& c : w)
      c = char(std::tolower(static_cast<unsigned char>(c)));
    co_yield w;
  }
}

template <class Pred, class Items> coflat::generator<std::string> keep(Pred pred, Items items) {
  for (const std::string& x : items)
    if (pred(x))
      co_yield x;
}

coflat::task<int> count_longer(std::string text, std::size_t min_len) {
  co_await coflat::sleep(10ms);
  int n = 0;
  for (const std::string& w : keep([min_len](const std::string& w) { return w.size() >= min_len; }, words(text)))
    ++n;
  co_return n;
}

coflat::task<std::string> longest(std::string text) {
  co_await coflat::sleep(0s);
  std::set<std::string> distinct;
  for (const std::string& w : words(text))
    distinct.insert(w);
  std::vector<std::string> ranked(distinct.begin(), distinct.end());
  std::sort(ranked.begin(), ranked.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  co_return ranked[0];
}

coflat::task<> amain() {
  std::string text = "The quick brown fox jumps over the lazy dog. The dog sleeps.";
  coflat::event_loop& loop = coflat::get_running_loop();
  std::vector<std::string> events;
  loop.call_soon([&] { events.push_back("callback saw " + std::to_string(events.size()) + " events"); });
  auto [n, word] = co_await coflat::gather(count_longer(text, 5), longest(text));
  std::printf("%d words of 5 letters or more; longest: %s\n", n, word.c_str());

  std::map<std::string, int> seen;
  auto tally = [&seen](const std::string& w) { return ++seen[w]; };
  for (const std::string& w : keep([&tally](const std::string& w) { return tally(w) == 2; }, words(text))) {
    std::printf("repeated: %s\n", w.c_str());
    co_await coflat::sleep(0s);
  }
  std::printf("%zu distinct words\n", seen.size());
  for (const std::string& e : events)
    std::printf("%s\n", e.c_str());
}

int main() { coflat::run(amain()); }
