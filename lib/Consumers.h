//===- Consumers.h - What runs on each parsed translation unit -------------===//
#ifndef COFLAT_LIB_CONSUMERS_H
#define COFLAT_LIB_CONSUMERS_H

#include "Lowering.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Lex/Preprocessor.h"

#include <memory>
#include <vector>

namespace coflat {

/// `coflat lower`: analyses and prints every coroutine of the main file and
/// of the project headers it includes into Out (left not Ok on any error);
/// PP's inclusions say where the lowered headers go.
std::unique_ptr<clang::ASTConsumer> makeLowerConsumer(const LowerOptions &Opts, LoweredFile &Out,
                                                      clang::Preprocessor &PP);

/// `coflat states`: the state graph of each coroutine (or of the one named
/// Function), from the same analysis, and with Instantiations that of each
/// instantiation of a template; Ok is false on any error.
std::unique_ptr<clang::ASTConsumer> makeInspectConsumer(llvm::StringRef Function, bool Instantiations,
                                                        std::vector<StateGraph> &Out, bool &Ok);

} // namespace coflat

#endif // COFLAT_LIB_CONSUMERS_H
