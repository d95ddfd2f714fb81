//===- FrameTypes.h - How frame members' types are written -----------------===//
#ifndef COFLAT_LIB_FRAMETYPES_H
#define COFLAT_LIB_FRAMETYPES_H

#include "clang/AST/ASTContext.h"

#include <string>

namespace coflat {

/// The type as it must be written in the frame (fully qualified), or an
/// empty string when it cannot be named outside the function.
std::string frameTypeName(clang::QualType T, const clang::ASTContext &Ctx);

/// Whether T involves a type declared inside a function (or an unnamed
/// class), which the frame, declared at namespace scope, cannot name.
bool namesLocalType(clang::QualType T);

/// Whether destroying a T is unobservable: a standard library type whose
/// template arguments are all trivially destructible or such types again
/// (std::string, std::vector<int>; not std::vector<user_type>).
bool unobservableDestructor(clang::QualType T);

/// A class of coflat's runtime (namespace coflat): its awaitables are moved
/// from when awaited, so the moved-from object's lifetime is unobservable.
bool isRuntimeType(clang::QualType T);

} // namespace coflat

#endif // COFLAT_LIB_FRAMETYPES_H
