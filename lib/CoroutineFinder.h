//===- CoroutineFinder.h - Which functions are lowered ---------------------===//
#ifndef COFLAT_LIB_COROUTINEFINDER_H
#define COFLAT_LIB_COROUTINEFINDER_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

#include <optional>
#include <vector>

namespace coflat {

/// The kind of coroutine a function returning `T` is, when T is one of the
/// runtime's coroutine types: recognised by the [[clang::annotate]] marker
/// on the class template, so aliases and typedefs work.
std::optional<CoroutineKind> coroutineKindOf(clang::QualType T);

/// The coroutine definitions in the main file whose return type is a coflat
/// coroutine type, in source order.  Other libraries' coroutines are not
/// returned.
std::vector<const clang::FunctionDecl *> findCoroutines(clang::ASTContext &Ctx);

} // namespace coflat

#endif // COFLAT_LIB_COROUTINEFINDER_H
