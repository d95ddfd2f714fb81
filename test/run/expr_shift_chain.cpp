// co_yield inside a `<<` chain on a stream-like object that prints as it
// goes: C++17 sequences each left operand before its right operand, so what
// precedes the co_yield is written before the suspension and what follows it
// after the resume.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <cstdio>
#include <string>

struct out_stream {
  out_stream& operator<<(int v) {
    std::printf("[%d]", v);
    return *this;
  }
  out_stream& operator<<(const char* s) {
    std::printf("[%s]", s);
    return *this;
  }
  out_stream& operator<<(const std::string& s) {
    std::printf("[str %s]", s.c_str());
    return *this;
  }
};

const char* label(const char* s) {
  std::printf("<%s>", s);
  return s;
}

out_stream out;

coflat::generator<int, int> chain() {
  out << label("a") << (co_yield 1) << label("b") << "\n";
  out << (co_yield 2) << (co_yield 3) << "\n";
  int k = 5;
  out << k << (co_yield 4) + k << "\n";
  // The built-in shift operator: the left operand is read before the right.
  int bits = 1;
  std::printf("%d\n", bits << (co_yield 5));
}

coflat::generator<std::string, std::string> strings() {
  std::string s1 = "s1", y = "y";
  out << s1 << (co_yield y) << label("end") << "\n";
}

int main() {
  auto g = chain();
  std::printf("{%d}", *g.next());
  std::printf("{%d}", *g.send(10));
  std::printf("{%d}", *g.send(20));
  std::printf("{%d}", *g.send(30));
  std::printf("{%d}", *g.send(40));
  std::printf("more %d\n", g.send(3).has_value());
  // CHECK:      {{^}}<a>[a]{1}[10]<b>[b][{{$}}
  // CHECK-NEXT: {{^}}]{2}[20]{3}[30][{{$}}
  // CHECK-NEXT: {{^}}][5]{4}[45][{{$}}
  // CHECK-NEXT: {{^}}]{5}8{{$}}
  // CHECK-NEXT: {{^}}more 0{{$}}

  auto s = strings();
  std::printf("{%s}", s.next()->c_str());
  std::printf("more %d\n", s.send("sent").has_value());
  // CHECK-NEXT: {{^}}[str s1]{y}[str sent]<end>[end][{{$}}
  // CHECK-NEXT: {{^}}]more 0{{$}}
}
