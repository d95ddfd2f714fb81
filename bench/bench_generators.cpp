// Generator costs, side by side: coflat-lowered C++17 vs the same source as
// native C++20 coroutines vs a hand-written iterator (the floor).
#include "generators.h"
#include "handwritten.h"

#include <benchmark/benchmark.h>

#include <optional>

namespace {

constexpr int N = 1000;

// Sums every element of the generator make() returns, N per iteration.
template <class Make> void drain(benchmark::State& state, Make make) {
  for (auto _ : state) {
    auto g = make();
    long sum = 0;
    while (auto v = g.next())
      sum += *v;
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * N);
}

void next_lowered(benchmark::State& s) { drain(s, [] { return lowered::count(N); }); }
void next_native(benchmark::State& s) { drain(s, [] { return native::count(N); }); }
void next_handwritten(benchmark::State& s) { drain(s, [] { return handwritten_count(N); }); }
BENCHMARK(next_lowered);
BENCHMARK(next_native);
BENCHMARK(next_handwritten);

// A delegation chain of depth state.range(0).
void chain_lowered(benchmark::State& s) {
  drain(s, [d = int(s.range(0))] { return lowered::chain(d, N); });
}
void chain_native(benchmark::State& s) {
  drain(s, [d = int(s.range(0))] { return native::chain(d, N); });
}
BENCHMARK(chain_lowered)->Arg(1)->Arg(5)->Arg(20);
BENCHMARK(chain_native)->Arg(1)->Arg(5)->Arg(20);

template <class Make> void send(benchmark::State& state, Make make) {
  for (auto _ : state) {
    auto g = make();
    g.next();
    for (int i = 0; i < N; ++i)
      benchmark::DoNotOptimize(g.send(i));
  }
  state.SetItemsProcessed(state.iterations() * N);
}
void send_lowered(benchmark::State& s) { send(s, lowered::accumulate); }
void send_native(benchmark::State& s) { send(s, native::accumulate); }
BENCHMARK(send_lowered);
BENCHMARK(send_native);

} // namespace

BENCHMARK_MAIN();
