// The compiled part of the runtime.  Generators are header-only; this file
// anchors the library and checks that every public header stands alone.
#include <coflat/coflat.h>

namespace coflat::detail {
const char* runtime_version() noexcept { return "0.1.0"; }
} // namespace coflat::detail
