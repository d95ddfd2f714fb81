// Coroutine templates: the lowered template is instantiated by the compiler
// for each use, with dependent parameters, locals, placeholders, awaiters,
// yield / send / return types, non-type and default template arguments,
// if constexpr, class templates and member templates, explicit
// instantiations and specialisations.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>
#include <vector>
#include "tracer.h"

template <class T> coflat::generator<T> range(T from, T to, T step) {
  for (T i = from; i < to; i += step)
    co_yield i;
}
template coflat::generator<long> range<long>(long, long, long); // explicit instantiation

// A generic adaptor: the frame holds whatever G and Pred are.
template <class G, class Pred> coflat::generator<int> keep(G g, Pred p) {
  for (auto v : g)
    if (p(v))
      co_yield v;
}

// Non-type and default template arguments, if constexpr (that does not
// suspend), placeholders.
template <class T, int N = 2> coflat::generator<T> repeat(T x) {
  auto acc = x;
  const auto& first = x;
  for (int i = 0; i < N; ++i) {
    T out = acc;
    if constexpr (sizeof(T) == 1)
      out = static_cast<T>(acc + 1);
    co_yield out;
    acc = acc + first;
  }
}

template <class T> coflat::generator<int> placeholders(std::vector<T> v) {
  auto&& ref = v;
  auto* p = &v;
  decltype(auto) n = v.size();
  co_yield static_cast<int>(n);
  co_yield static_cast<int>(ref.size() + p->size());
  for (const auto& e : v)
    co_yield static_cast<int>(e);
}

// A dependent send type and return type.
template <class S> coflat::generator<int, S, S> echo(int n) {
  S last{};
  for (int i = 0; i < n; ++i)
    last = co_yield i;
  co_return last;
}

// A prvalue operand of dependent type lives until the generator resumes,
// as in C++20.
template <class T> coflat::generator<T> make_two(const char* a, const char* b) {
  co_yield T(a);
  std::printf("between\n");
  co_yield T(b);
}

// An explicit specialisation is an ordinary coroutine.
template <class T> coflat::generator<std::string> describe(T x) { co_yield "value " + std::to_string(x); }
template <> coflat::generator<std::string> describe<const char*>(const char* x) {
  co_yield std::string("text ") + x;
}

// The return type through an alias template.
template <class T> using gen_of = coflat::generator<T>;
template <class T> gen_of<T> single(T v) { co_yield v; }

template <class T> struct bag {
  std::vector<T> items;
  coflat::generator<T> each() const {
    for (const T& it : items)
      co_yield it;
  }
  template <class F> coflat::generator<int> mapped(F f) const {
    for (const auto& it : items)
      co_yield f(it);
  }
};

int main() {
  for (int v : range(1, 10, 3))
    std::printf("%d ", v);
  for (long v : range(10L, 13L, 1L))
    std::printf("%ld ", v);
  for (double v : range(0.5, 2.0, 0.5))
    std::printf("%g ", v);
  std::printf("\n");
  // CHECK: 1 4 7 10 11 12 0.5 1 1.5

  for (int v : keep(range(0, 10, 1), [](int x) { return x % 3 == 0; }))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 0 3 6 9

  for (double v : repeat(1.5))
    std::printf("%g ", v);
  for (std::string v : repeat<std::string, 3>("ab"))
    std::printf("%s ", v.c_str());
  for (char c : repeat<char, 3>(1))
    std::printf("%d", c);
  std::printf("\n");
  // CHECK-NEXT: 1.5 3 ab abab ababab 234

  for (int v : placeholders(std::vector<short>{7, 8}))
    std::printf("%d ", v);
  std::printf("\n");
  // CHECK-NEXT: 2 4 7 8

  auto e = echo<std::string>(3);
  std::printf("%d", *e.next());
  std::printf(" %d", *e.send("x"));
  std::printf(" %d", *e.send("y"));
  bool more = e.send("z").has_value();
  std::printf(" %d result=%s\n", int(more), e.result().c_str());
  // CHECK-NEXT: 0 1 2 0 result=z

  {
    auto g = make_two<tracer>("a", "b");
    while (auto t = g.next())
      std::printf("got %s\n", t->name.c_str());
  }
  // The operand `T(a)` ("a") lives until the generator resumes: after the
  // consumer has seen (and destroyed) its copy.
  // CHECK:      +a
  // CHECK-NEXT: +a~ (move)
  // CHECK-NEXT: +a~~ (move)
  // CHECK-NEXT: -a~
  // CHECK-NEXT: got a~~
  // CHECK-NEXT: -a~~
  // CHECK-NEXT: -a
  // CHECK-NEXT: between
  // CHECK:      got b~~

  for (std::string s : describe(42))
    std::printf("%s\n", s.c_str());
  for (std::string s : describe<const char*>("hi"))
    std::printf("%s\n", s.c_str());
  // CHECK: value 42
  // CHECK-NEXT: text hi

  for (int v : single(7))
    std::printf("single %d\n", v);
  // CHECK-NEXT: single 7

  bag<std::string> b{{"x", "yy"}};
  for (const std::string& s : b.each())
    std::printf("%s ", s.c_str());
  for (int n : b.mapped([](const std::string& s) { return int(s.size()) * 10; }))
    std::printf("%d ", n);
  std::printf("\n");
  // CHECK-NEXT: x yy 10 20
}
