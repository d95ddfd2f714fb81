//===- FrameTypes.h - How frame members' types are written -----------------===//
#ifndef COFLAT_LIB_FRAMETYPES_H
#define COFLAT_LIB_FRAMETYPES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

#include <optional>
#include <string>

namespace coflat {

/// The type as it must be written in the frame (fully qualified), or an
/// empty string when it cannot be named outside the function.
std::string frameTypeName(clang::QualType T, const clang::ASTContext &Ctx);

/// frameTypeName for a variable initialised by Init.  A deduced type that
/// the printer can only spell with a standard library's internal names
/// (`__gnu_cxx::__normal_iterator<...>`, what `auto it = std::find(...)`
/// deduces) is spelled as a subexpression of Init of the same type spells
/// it (`std::vector<int>::iterator`), so that another library compiles it.
std::string frameTypeNameFrom(clang::QualType T, const clang::Expr *Init, const clang::ASTContext &Ctx);

/// The frame member that keeps a lambda's closure (whose type is local to
/// the function): coflat::detail::closure_storage, sized and aligned as
/// the closure.
std::string closureStorageName(clang::QualType Closure, const clang::ASTContext &Ctx);

/// In a template: the type of a variable declared with a placeholder
/// (`auto`, `const auto`, `auto&`, `const auto&`, `auto&&`, `auto*`,
/// `decltype(auto)`) as what the deduction gives from its initialiser e,
/// written with `$D` for `decltype((e))` and `$E` for e; none for another
/// form.
std::optional<std::string> deducedTypePattern(clang::QualType Declared);

/// The frame's own template parameters (a coroutine template's, without
/// their default arguments: the function passes every argument) and the
/// arguments that name the frame from the function.  An unnamed parameter
/// is left out: the body cannot refer to it.
struct FrameTemplate {
  std::string Params; ///< `class T, int N`
  std::string Args;   ///< `T, N`
  /// A parameter pack before other parameters, which a function template
  /// may have and a class template may not.
  const clang::NamedDecl *PackNotLast = nullptr;
};
FrameTemplate frameTemplate(const clang::FunctionTemplateDecl *FT, const clang::ASTContext &Ctx);

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
