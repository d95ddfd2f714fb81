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
    if (!SM.isWrittenInMainFile(SM.getExpansionLoc(FD->getBeginLoc())))
      return true;
    QualType R = FD->getReturnType();
    // A template's return type may be dependent; look through to the
    // template it names so the annotation is still found.
    if (coroutineKindOf(R) || isDependentCoflatType(R))
      Found.push_back(FD);
    return true;
  }

  std::vector<const FunctionDecl *> Found;

private:
  static bool isDependentCoflatType(QualType R) {
    const auto *TST = R->getAs<TemplateSpecializationType>();
    if (!TST)
      return false;
    TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl();
    return TD && kindFromAnnotation(TD->getTemplatedDecl());
  }

  SourceManager &SM;
};
} // namespace

std::vector<const FunctionDecl *> findCoroutines(ASTContext &Ctx) {
  Finder F(Ctx);
  F.TraverseDecl(Ctx.getTranslationUnitDecl());
  return std::move(F.Found);
}

} // namespace coflat
