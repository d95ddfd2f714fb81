//===- FrameTypes.cpp - How frame members' types are written ---------------===//
#include "FrameTypes.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"

using namespace clang;

namespace coflat {

// A type whose declarator wraps the name (arrays, pointers to arrays or
// functions) is spelled through an alias so that `Type name;` stays valid.
static std::string wrapDeclarator(std::string Name) {
  if (Name.find_first_of("([") == std::string::npos)
    return Name;
  return "coflat::detail::type_t<" + Name + ">";
}

std::string frameTypeName(QualType T, const ASTContext &Ctx) {
  // A type declared inside a function (a local class, a lambda's closure)
  // cannot be named by the frame, which lives at namespace scope.
  QualType Base = T.getNonReferenceType();
  while (const auto *PT = Base->getAs<PointerType>())
    Base = PT->getPointeeType();
  if (const auto *TD = Base->getAsTagDecl()) {
    bool Anonymous = !TD->getIdentifier() && !TD->getTypedefNameForAnonDecl();
    if (TD->getDeclContext()->isFunctionOrMethod() || Anonymous)
      return "";
  }
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressScope = false;
  Policy.AnonymousTagLocations = false;
  Policy.SuppressUnwrittenScope = true;
  Policy.Bool = true;
  // A member typedef (std::vector<int>::iterator) does not survive full
  // qualification; spell what it stands for instead.
  bool MemberTypedef = false;
  for (QualType U = T.getNonReferenceType();;) {
    if (const auto *TT = U->getAs<TypedefType>())
      MemberTypedef |= TT->getDecl()->getDeclContext()->isRecord();
    if (const auto *PT = U->getAs<PointerType>()) {
      U = PT->getPointeeType();
      continue;
    }
    break;
  }
  // Deduced types and types nested in class templates do not survive
  // TypeName::getFullyQualifiedName either; print them canonically.
  const Type *Canon = T.getNonReferenceType().getCanonicalType().getTypePtr();
  while (Canon->isPointerType())
    Canon = Canon->getPointeeType().getCanonicalType().getTypePtr();
  bool Nested = false;
  if (const auto *RD = Canon->getAsCXXRecordDecl())
    Nested = RD->getDeclContext()->isRecord();
  if (MemberTypedef || Nested || T->getContainedDeducedType()) {
    Policy.FullyQualifiedName = true;
    Policy.PrintCanonicalTypes = true;
    return wrapDeclarator(T.getCanonicalType().getAsString(Policy));
  }
  return wrapDeclarator(TypeName::getFullyQualifiedName(T, Ctx, Policy, /*WithGlobalNsPrefix=*/false));
}

bool unobservableDestructor(QualType T) {
  if (!T.isDestructedType())
    return true;
  if (isRuntimeType(T))
    return true; // awaitables and tasks passed by value are consumed
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace())
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && !unobservableDestructor(A.getAsType()))
        return false;
  return true;
}

bool isRuntimeType(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const DeclContext *Top = RD;
  while (Top->getParent() && !Top->getParent()->isTranslationUnit())
    Top = Top->getParent();
  const auto *NS = dyn_cast<NamespaceDecl>(Top);
  return NS && NS->getName() == "coflat";
}

} // namespace coflat
