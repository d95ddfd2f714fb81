//===- LoweredOutput.h - The lowered file and what it depends on -----------===//
#ifndef COFLAT_LIB_LOWEREDOUTPUT_H
#define COFLAT_LIB_LOWEREDOUTPUT_H

#include "Lowering.h"
#include "SourceRewriter.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace coflat {

/// A definition of the main file and the text that replaces it.
struct Edit {
  Span Range;
  std::string Text;
};

/// Fills Out: the main file with Edits applied (byte for byte the input
/// when there are none), every file the parse read, and Ok.
void writeLoweredFile(clang::SourceManager &SM, llvm::ArrayRef<Edit> Edits, LoweredFile &Out);

} // namespace coflat

#endif // COFLAT_LIB_LOWEREDOUTPUT_H
