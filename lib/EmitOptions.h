//===- EmitOptions.h - How the lowered text is printed ---------------------===//
#ifndef COFLAT_LIB_EMITOPTIONS_H
#define COFLAT_LIB_EMITOPTIONS_H

#include <string>
#include <utility>
#include <vector>

namespace coflat {

struct EmitOptions {
  /// `#line` directives that keep diagnostics, debug info and __LINE__ on
  /// the user's lines.
  bool LineDirectives = true;
  /// OLD=NEW pairs applied to the paths written into `#line` directives, as
  /// the compilers' -ffile-prefix-map: the last OLD that prefixes a path
  /// wins.
  std::vector<std::pair<std::string, std::string>> FilePrefixMap;
};

} // namespace coflat

#endif // COFLAT_LIB_EMITOPTIONS_H
