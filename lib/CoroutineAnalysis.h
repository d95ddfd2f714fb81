//===- CoroutineAnalysis.h - From a coroutine's AST to its model -----------===//
//
// Finds the suspension points, decides which objects live in the frame
// (those whose scope contains a suspension, the awaiters, and what an
// expression computed before a suspension inside it), builds the regions
// that constrain the dispatch, and splits each suspending full-expression
// into steps in C++17 evaluation order.  What cannot be lowered faithfully
// is reported through the DiagnosticsEngine.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_COROUTINEANALYSIS_H
#define COFLAT_LIB_COROUTINEANALYSIS_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

#include <optional>

namespace coflat {

/// Analyses coroutine FD (of kind K).  Returns nullopt after reporting at
/// least one error when FD uses something the lowering does not support.
std::optional<Coroutine> analyzeCoroutine(const clang::FunctionDecl *FD, CoroutineKind K,
                                          llvm::StringRef FrameName, clang::ASTContext &Ctx);

} // namespace coflat

#endif // COFLAT_LIB_COROUTINEANALYSIS_H
