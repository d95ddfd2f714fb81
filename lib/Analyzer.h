//===- Analyzer.h - The state of one coroutine's analysis (internal) -------===//
//
// Shared by CoroutineAnalysis.cpp (suspension points, regions, frame
// objects, the walk over the body) and ExpressionSpiller.cpp (splitting a
// suspending full-expression into steps).
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_ANALYZER_H
#define COFLAT_LIB_ANALYZER_H

#include "CoroutineModel.h"
#include "Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"

#include <optional>
#include <vector>

namespace coflat {

/// Whether E turns a braced list into a std::initializer_list, creating the
/// array the list refers to (which lives only as long as E's full-expression,
/// or as the variable E initialises).
bool buildsInitializerList(const clang::Expr *E);

/// Whether S has a lambda, which no decltype may hold (C++17).
bool containsLambda(const clang::Stmt *S);

class Analyzer {
public:
  Analyzer(const clang::FunctionDecl *FD, CoroutineKind K, llvm::StringRef FrameName, clang::ASTContext &Ctx)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), Diags(Ctx.getDiagnostics()) {
    C.F = FD;
    C.Kind = K;
    C.FrameName = FrameName.str();
  }

  std::optional<Coroutine> run();

private:
  // --- diagnostics ---
  void error(clang::SourceLocation L, Diag D, llvm::ArrayRef<std::string> Args = {}) {
    report(Diags, L, D, Args);
    Failed = true;
  }

  // --- source order ---
  unsigned offset(clang::SourceLocation L) const {
    return SM.getFileOffset(SM.getExpansionLoc(L));
  }
  bool inside(clang::SourceLocation L, const clang::Stmt *S) const {
    unsigned O = offset(L);
    return O >= offset(S->getBeginLoc()) && O <= offset(S->getEndLoc());
  }

  // --- suspension points ---
  void collectPoints(const clang::Stmt *S, bool InExpansion = false);
  bool suspends(const clang::Stmt *S);
  bool hasPointAfter(clang::SourceLocation After, const clang::Stmt *Scope) const;

  // --- regions and objects ---
  unsigned newRegion(Region::Kind K, const clang::Stmt *S, int Parent);
  unsigned addObject(FrameObject::Kind K, std::string Name, clang::QualType T, unsigned R,
                     clang::SourceLocation L, const clang::LambdaExpr *Closure = nullptr,
                     const clang::Expr *Init = nullptr);
  /// An object of a template's frame whose type is named from an
  /// expression (FrameObject::FromExpression): TypeOf, or else TypeOfText.
  unsigned addObjectOfExpression(FrameObject::Kind K, std::string Name, std::string Pattern,
                                 const clang::Expr *TypeOf, std::string TypeOfText, unsigned R,
                                 clang::SourceLocation L);
  std::string uniqueName(llvm::StringRef Base);
  /// InitText: what initialises V when its initialiser is not in the AST
  /// (a range-for's variable in a template: `*__begin`).
  bool hoistLocal(const clang::VarDecl *V, unsigned R, llvm::StringRef InitText = "");

  // --- the walk over the body ---
  void walk(const clang::Stmt *S, unsigned R);
  void walkDecl(const clang::DeclStmt *DS, unsigned R);
  void walkRangeFor(const clang::CXXForRangeStmt *RF, unsigned R);
  void walkConstexprIf(const clang::IfStmt *If, unsigned R);
  /// Refuses a local variable in a condition the frame names.
  void checkFrameCondition(const clang::Stmt *S);
  /// AsCondition: the value is kept in the frame (as a bool, or as
  /// ValueType: a switch's).
  void walkFullExpr(const clang::Expr *E, unsigned R, bool AsCondition,
                    clang::QualType ValueType = clang::QualType());
  void checkCondVar(const clang::VarDecl *V, const clang::Stmt *Scope);
  void walkCondVar(const clang::VarDecl *V, unsigned R);
  void planLambdas(const clang::Stmt *S);
  /// A structured binding declaration: the decomposed object and the
  /// holding variables of a tuple-like one.
  bool hoistBindings(const clang::DecompositionDecl *D, unsigned R, llvm::StringRef InitText = "");
  void checkMacroBodies(const clang::Stmt *S);
  /// Refuses the function parameter pack named inside a type.
  void checkPackInTypes(const clang::Stmt *Body);

  // --- splitting a suspending expression ---
  void split(const clang::Expr *E, unsigned F, std::vector<ExprStep> &Steps);
  unsigned newBool(const clang::Expr *At, unsigned F);
  int evalInto(const clang::Expr *E, int Object, unsigned F, std::vector<ExprStep> &Steps);
  void splitSuspend(const clang::Expr *S, unsigned F, std::vector<ExprStep> &Steps);
  void splitResolvedOperand(const clang::CoroutineSuspendExpr *S, const clang::Expr *Operand, unsigned F);
  void checkDependentTemporaries(const clang::Expr *E, std::vector<ExprStep> &Steps);
  void spillBefore(const clang::Expr *E, unsigned F, std::vector<ExprStep> &Steps);
  int spillObject(const clang::Expr *E, unsigned F);
  /// A template's value spilled as a held operand: each instantiation
  /// asserts that it is not a prvalue of class type.
  void checkHeldSpill(int Object, const clang::Expr *E, std::vector<ExprStep> &Steps);
  void hoistTemporaries(const clang::Expr *E, unsigned F, bool OwnBind = false);
  llvm::SmallVector<const clang::Expr *, 4> evaluationOrder(const clang::Expr *E);
  bool keepsItsValue(const clang::Expr *E) const;

  void finishPoints();
  void assignSlots();
  void assignTemplateSlots();
  bool isBarrierBody(unsigned R) const;

  const clang::FunctionDecl *FD;
  clang::ASTContext &Ctx;
  clang::SourceManager &SM;
  clang::DiagnosticsEngine &Diags;
  Coroutine C;
  bool Failed = false;

  llvm::DenseMap<const clang::Stmt *, bool> SuspendMemo;
  llvm::DenseMap<const clang::Expr *, unsigned> PointId;
  std::vector<std::vector<unsigned>> FullExprLive; // per point: FullExpr objects
  llvm::StringSet<> UsedNames;     // frame member names
  llvm::DenseSet<unsigned> ReportedLocalTypes; // locations already diagnosed
  llvm::DenseSet<unsigned> ReportedMacros;     // macro expansions already diagnosed
  llvm::DenseSet<const clang::NamedDecl *> Referenced;
  llvm::SmallVector<const clang::Stmt *, 8> Loops; // for continue targets
  unsigned Counter = 0;
};

} // namespace coflat

#endif // COFLAT_LIB_ANALYZER_H
