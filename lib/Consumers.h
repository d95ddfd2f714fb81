//===- Consumers.h - What runs on each parsed translation unit -------------===//
#ifndef COFLAT_LIB_CONSUMERS_H
#define COFLAT_LIB_CONSUMERS_H

#include "Lowering.h"

#include "clang/AST/ASTConsumer.h"

#include <memory>
#include <vector>

namespace coflat {

/// `coflat lower`: analyses and prints every coroutine of the main file
/// into Out (left not Ok on any error).
std::unique_ptr<clang::ASTConsumer> makeLowerConsumer(const LowerOptions &Opts, LoweredFile &Out);

/// `coflat states`: the state graph of each coroutine (or of the one named
/// Function), from the same analysis; Ok is false on any error.
std::unique_ptr<clang::ASTConsumer> makeInspectConsumer(llvm::StringRef Function,
                                                        std::vector<StateGraph> &Out, bool &Ok);

} // namespace coflat

#endif // COFLAT_LIB_CONSUMERS_H
