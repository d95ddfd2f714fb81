//===- CoroutineFinder.cpp - Which functions are lowered -------------------===//
#include "CoroutineFinder.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace coflat {

llvm::StringRef kindName(CoroutineKind K) {
  switch (K) {
  case CoroutineKind::Generator:
    return "generator";
  case CoroutineKind::Task:
    return "task";
  case CoroutineKind::AsyncGenerator:
    return "async_generator";
  }
  llvm_unreachable("unknown coroutine kind");
}

static std::optional<CoroutineKind> kindFromAnnotation(const Decl *D) {
  if (!D)
    return std::nullopt;
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    StringRef Name = A->getAnnotation();
    if (Name == "coflat::generator")
      return CoroutineKind::Generator;
    if (Name == "coflat::task")
      return CoroutineKind::Task;
    if (Name == "coflat::async_generator")
      return CoroutineKind::AsyncGenerator;
  }
  return std::nullopt;
}

std::optional<CoroutineKind> coroutineKindOf(QualType T) {
  // In a template: `coflat::generator<T>` names the annotated template.
  // (through an alias template: `gen<T>` for `coflat::generator<T>`).
  if (const auto *TST = T->getAs<TemplateSpecializationType>(); TST && T->isDependentType()) {
    TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl();
    if (const auto *Alias = dyn_cast_or_null<TypeAliasTemplateDecl>(TD))
      return coroutineKindOf(Alias->getTemplatedDecl()->getUnderlyingType());
    if (TD)
      return kindFromAnnotation(TD->getTemplatedDecl());
  }
  const auto *RD = T.getCanonicalType()->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  if (auto K = kindFromAnnotation(RD))
    return K;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return kindFromAnnotation(Spec->getSpecializedTemplate()->getTemplatedDecl());
  return std::nullopt;
}

namespace {
class Finder : public RecursiveASTVisitor<Finder> {
public:
  explicit Finder(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }

  // A lambda's call operator is implicit code the visitor does not reach.
  bool VisitLambdaExpr(LambdaExpr *L) { return VisitFunctionDecl(L->getCallOperator()); }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || !isa_and_nonnull<CoroutineBodyStmt>(FD->getBody()))
      return true;
    // The main file's and the project headers'; never a system header's.
    if (SM.isInSystemHeader(SM.getExpansionLoc(FD->getBeginLoc())))
      return true;
    if (coroutineKindOf(FD->getReturnType()))
      Found.push_back(FD);
    return true;
  }

  std::vector<const FunctionDecl *> Found;

private:
  SourceManager &SM;
};
} // namespace

std::vector<const FunctionDecl *> instantiationsOf(const FunctionDecl *Pattern) {
  std::vector<const FunctionDecl *> Out;
  auto Add = [&](const FunctionDecl *Spec) {
    if (Spec->getTemplateInstantiationPattern() == Pattern && Spec->hasBody() &&
        isa<CoroutineBodyStmt>(Spec->getBody()))
      Out.push_back(Spec);
  };
  if (const FunctionTemplateDecl *FT = Pattern->getDescribedFunctionTemplate()) {
    for (const FunctionDecl *Spec : FT->specializations())
      Add(Spec);
    // A member template of a class template: each specialization of the
    // class has a member template of its own, instantiated from FT.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Pattern))
      if (const ClassTemplateDecl *CT = MD->getParent()->getDescribedClassTemplate())
        for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
          for (const Decl *D : Spec->decls())
            if (const auto *Member = dyn_cast<FunctionTemplateDecl>(D);
                Member && Member->getInstantiatedFromMemberTemplate() == FT)
              for (const FunctionDecl *M : Member->specializations())
                Add(M);
  } else if (const auto *MD = dyn_cast<CXXMethodDecl>(Pattern)) {
    if (const ClassTemplateDecl *CT = MD->getParent()->getDescribedClassTemplate())
      for (const ClassTemplateSpecializationDecl *Spec : CT->specializations())
        for (const CXXMethodDecl *M : Spec->methods())
          Add(M);
  }
  return Out;
}

std::vector<const FunctionDecl *> findCoroutines(ASTContext &Ctx) {
  Finder F(Ctx);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Found);
}

} // namespace coflat
