//===- LoweredOutput.h - The lowered files and what they depend on ---------===//
#ifndef COFLAT_LIB_LOWEREDOUTPUT_H
#define COFLAT_LIB_LOWEREDOUTPUT_H

#include "IncludeTree.h"
#include "Lowering.h"
#include "SourceRewriter.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"

#include <map>
#include <string>
#include <vector>

namespace coflat {

/// A definition and the text that replaces it, in the file that holds it.
struct Edit {
  Span Range;
  std::string Text;
};

/// Fills Out: the main file with its edits applied (byte for byte the
/// input when there are none), a copy of each header that holds edits or
/// includes one that does (placed as Tree says), every file the parse read,
/// and Ok (false when a header cannot be copied).
void writeLoweredFiles(clang::SourceManager &SM, const std::map<clang::FileID, std::vector<Edit>> &Edits,
                       const IncludeTree &Tree, LoweredFile &Out);

} // namespace coflat

#endif // COFLAT_LIB_LOWEREDOUTPUT_H
