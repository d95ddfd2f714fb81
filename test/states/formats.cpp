// `coflat states` in its three formats on one generator with a loop, a
// try block and a local with a destructor.
// RUN: %coflat states %s -- %flags | FileCheck %s --check-prefix=TEXT
// RUN: %coflat states %s --format=json -- %flags | FileCheck %s --check-prefix=JSON
// RUN: %coflat states %s --format=dot -- %flags | FileCheck %s --check-prefix=DOT
// RUN: %coflat states %s --format=dot -- %flags | dot -Tsvg -o %t.svg
// RUN: grep -q "<svg" %t.svg
// RUN: %coflat states %s --function=other -- %flags | FileCheck %s --check-prefix=ONE
// RUN: %not %coflat states %s --function=missing -- %flags 2>&1 | FileCheck %s --check-prefix=MISSING
#include <coflat/coflat.h>
#include <string>

coflat::generator<int> numbers(int n) {
  std::string tag = "n";
  for (int i = 0; i < n; ++i) {
    try {
      co_yield i;
    } catch (int) {
      co_return;
    }
  }
  co_yield -1;
}

coflat::generator<int> other() { co_yield 0; }

// TEXT:      generator numbers: frame numbers_frame, sizeof {{[0-9]+}}, alignof 8
// TEXT-NEXT:   states:
// TEXT-NEXT:     0  initial {{.*}}formats.cpp:13:39
// TEXT-NEXT:     1  yield   {{.*}}formats.cpp:17:7  co_yield i
// TEXT-NEXT:        live: i tag coflat_aw1
// TEXT-NEXT:     2  yield   {{.*}}formats.cpp:22:3  co_yield -1
// TEXT-NEXT:        live: tag coflat_aw2
// TEXT-NEXT:     3  final   {{.*}}formats.cpp:23:1
// TEXT-NEXT:   transitions:
// TEXT-NEXT:     0 -> 1
// TEXT-NEXT:     0 -> 2
// TEXT-NEXT:     0 -> 3  (exception)
// TEXT-NEXT:     1 -> 1
// TEXT-NEXT:     1 -> 2
// TEXT-NEXT:     1 -> 3  (exception)
// TEXT-NEXT:     2 -> 3
// TEXT-NEXT:   frame layout (offset size align):
// TEXT-NEXT:        0 {{ *[0-9]+}}       (runtime state)
// TEXT-NEXT: {{ +[0-9]+ +4 +4}} n : int  [parameter]
// TEXT-NEXT: {{ +[0-9]+ +32 +8}} tag : std::string  [local]
// TEXT-NEXT: {{ +[0-9]+ +4 +4}} i : int  [local]
// TEXT:      coflat_live_tag : bool  [alive flag]
// TEXT:      generator other: frame other_frame

// JSON:      "sizeof": {{[0-9]+}}
// JSON:      "function": "numbers",
// JSON-NEXT: "kind": "generator",
// JSON:      "exceptional": true,
// JSON-NEXT: "from": 0,
// JSON-NEXT: "to": 3
// JSON:      "schema": "coflat-states",
// JSON-NEXT: "version": 1

// DOT:      digraph coflat {
// DOT:        subgraph "cluster_numbers" {
// DOT:          "numbers/1" [shape=box, label="1 yield\nco_yield i\nformats.cpp:17:7\nlive: i tag coflat_aw1"];
// DOT:          "numbers/1" -> "numbers/3" [style=dashed, label="exception"];

// ONE-NOT:  numbers
// ONE:      generator other: frame other_frame
// MISSING:  error: no coroutine named 'missing'
