// A counting generator, ported from mygen.py (kept beside this file).
#include <coflat/coflat.h>

#include <cstdio>

coflat::generator<int> mygen(int start, int stop) {
  std::puts("mygen: started");
  int i = start;
  while (i < stop) {
    co_yield i;
    i += 1;
  }
  std::puts("mygen: finished");
}

int main() {
  auto g = mygen(1, 4);
  std::puts("created, nothing ran yet");
  std::printf("first: %d\n", *g.next());
  for (int v : g)
    std::printf("loop: %d\n", v);
  if (!g.next())
    std::puts("exhausted");
  int sum = 0;
  for (int v : mygen(0, 10))
    sum += v;
  std::printf("sum: %d\n", sum);
}
