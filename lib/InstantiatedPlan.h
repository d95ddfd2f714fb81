//===- InstantiatedPlan.h - A template's plan, for one instantiation ------===//
//
// `coflat states --instantiations`: the plan of a coroutine template (one
// lowered frame for all instantiations) with the types and layout one
// instantiation of this translation unit gives its frame.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_INSTANTIATEDPLAN_H
#define COFLAT_LIB_INSTANTIATEDPLAN_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

#include <optional>

namespace coflat {

/// Template's plan with each frame object's type as Instantiation has it,
/// and the layout that follows; none when an object's type cannot be found
/// in the instantiation.
std::optional<Coroutine> instantiatedPlan(const Coroutine &Template, const clang::FunctionDecl *Instantiation,
                                          clang::ASTContext &Ctx);

} // namespace coflat

#endif // COFLAT_LIB_INSTANTIATEDPLAN_H
