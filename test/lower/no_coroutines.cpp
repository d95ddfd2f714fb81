// A file with no coroutine to lower is written out unchanged, byte for byte:
// its own coroutines of another library, a function that merely returns a
// coflat::generator, comments, macros, odd spacing and a missing final
// newline included.
// RUN: %coflat lower %s -- %flags | diff - %s
// RUN: %coflat lower %s -o %t.out -- %flags
// RUN: cmp %t.out %s
#include <coflat/coflat.h>
#include <coroutine>
#include <utility>

#define TWICE(x) ((x) + (x))

// Another library's coroutine type: not lowered.
struct other_task {
  struct promise_type {
    other_task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
other_task not_ours() { co_return; }

// Returns a generator, but is not a coroutine.
coflat::generator<int> pass_through(coflat::generator<int> g) {   return std::move(g); }

int	tabs_and_spaces  (int x)   {return TWICE(x);}   // trailing spaces   
/* a block comment
   over two lines */
int main() { return tabs_and_spaces(0); }
// no newline at the end of this line