#include <coflat/coflat.h>
#include <stddef.h>

// VALUE comes only from the compile command in compile_commands.json.
coflat::generator<int> values() {
  size_t n = VALUE;
  co_yield static_cast<int>(n);
}
