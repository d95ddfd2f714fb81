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

/// The coroutine definitions in the main file and in the headers it
/// includes (not system headers) whose return type is a coflat coroutine
/// type, in the order the parse met them.  Other libraries' coroutines are not
/// returned.
std::vector<const clang::FunctionDecl *> findCoroutines(clang::ASTContext &Ctx);

/// The instantiations with a body that this translation unit made of a
/// coroutine template (a function template, or a member of a class
/// template), in the order Clang made them.
std::vector<const clang::FunctionDecl *> instantiationsOf(const clang::FunctionDecl *Pattern);

} // namespace coflat

#endif // COFLAT_LIB_COROUTINEFINDER_H
