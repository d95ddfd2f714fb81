//===- IncludeTree.h - Where lowered copies of headers go ------------------===//
//
// A coroutine defined in a project header is lowered into a copy of that
// header, placed where the preprocessor will look first for the spelling
// that reached it.  A header found through the include path goes into the
// include tree (a directory the build searches before the others), at its
// path relative to the directory that found it; a header found beside its
// includer goes beside the includer's copy (beside the lowered source, for
// the main file).  Copied unchanged, so that the lowered ones are reached:
// a header that includes a copied one, and a header found beside a copied
// one.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_INCLUDETREE_H
#define COFLAT_LIB_INCLUDETREE_H

#include "Lowering.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace coflat {

/// The inclusions of one parse, recorded as the preprocessor runs.
class IncludeTree {
public:
  struct Inclusion {
    clang::SourceLocation HashLoc;
    clang::FileID Includer;
    const clang::FileEntry *Included = nullptr;
    std::string RelativePath;     ///< as found, relative to the directory that found it
    bool BesideIncluder = false;  ///< found in the includer's own directory
    bool System = false;          ///< a system header: never copied
  };

  /// Starts recording PP's inclusions into this tree.
  void record(clang::Preprocessor &PP);

  /// Where each of Needed's copies goes, with the headers that must be
  /// copied for the lowered ones to be reached (Needed grows to hold them).
  /// A path that would leave its root is reported at its #include as an
  /// error and dropped.
  std::map<const clang::FileEntry *, std::set<HeaderPlacement>>
  placements(llvm::DenseSet<const clang::FileEntry *> &Needed, clang::DiagnosticsEngine &Diags) const;

private:
  const clang::SourceManager *SM = nullptr;
  std::vector<Inclusion> Inclusions;
  friend class IncludeRecorder;
};

} // namespace coflat

#endif // COFLAT_LIB_INCLUDETREE_H
