//===- CoroutineModel.h - What the analysis learns about one coroutine ----===//
//
// The plan, read-only once the analysis returns it: the single source of
// truth of the printers (lowering) and of StateGraph (inspection).  The
// suspension points, the regions (scopes and try blocks) that shape the
// dispatch, the frame objects and the frame's layout, how each suspending
// full-expression is split around its suspensions, and which nodes of the
// body are rewritten.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_COROUTINEMODEL_H
#define COFLAT_LIB_COROUTINEMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>
#include <vector>

namespace coflat {

enum class CoroutineKind { Generator, Task, AsyncGenerator };

llvm::StringRef kindName(CoroutineKind K);

/// How a hoisted declaration's object is constructed in the frame: each
/// declaration keeps its own form of initialisation.
enum class InitForm {
  Default, ///< `T x;`: default-initialisation (no initialiser printed)
  Written, ///< `T x(args)`, `T x{args}`: the initialiser's own text
  Braced,  ///< `T x = {args}`, `char s[] = "..."`: a braced initialiser
  Direct,  ///< `T x = e;` where direct-initialisation from e is the same
  Copy,    ///< `T x = e;` that only copy-initialisation resolves as written
           ///< (explicit constructors, conversion functions): e is returned
           ///< from a lambda, whose return statement copy-initialises x
};

/// An object that lives in the frame rather than on the stack of resume().
struct FrameObject {
  enum class Kind {
    Parameter, ///< a parameter copy (or reference), a plain member
    Local,     ///< a local variable whose scope contains a suspension
    Hidden,    ///< __range/__begin/__end of a range-for that suspends
    Awaiter,   ///< the awaiter of a pending co_yield / co_await
    Spill,     ///< a value computed before a suspension in its expression
    Temporary, ///< a temporary living to the end of a suspending expression
    Condition, ///< the value of a suspending condition
  };
  Kind K;
  std::string Name;     ///< member name in the frame
  std::string TypeName; ///< member type as written in the frame
  clang::QualType Type; ///< the member's type (for layout)
  /// In a template, a type the analysis cannot spell (a deduced `auto`, an
  /// awaiter, a held operand): TypeName is a pattern in which `$D` stands
  /// for `decltype((e))`, `$E` for `e` and `$A` for a braced list e's
  /// elements as a call's arguments, where e is TypeOf (printed as the body
  /// prints it) or else TypeOfText (frame member names only).
  bool FromExpression = false;
  const clang::Expr *TypeOf = nullptr;
  std::string TypeOfText;
  /// A coflat::detail::held_operand (an operand, or a range-for's range):
  /// read through get() (an operand) or ref() (the range).
  bool Held = false;
  const clang::VarDecl *Var = nullptr;
  const clang::Expr *Origin = nullptr;
  unsigned Region = 0;     ///< owning region (not for parameters)
  int DestroyIndex = -1;   ///< position among the region's destroyed objects
  /// Storage slot (one anonymous union in the frame): objects that are
  /// never alive together (in disjoint scopes) share a slot.
  int Slot = -1;
  /// A local initialised by this lambda: the frame keeps its closure as
  /// coflat::detail::closure_storage, and the resume function names the
  /// closure type as coflat_closure_NAME (closureTypes).
  const clang::LambdaExpr *Closure = nullptr;
  /// A tuple-like structured binding's holding variable: initialised by
  /// `get<GetIndex>` of object Decomposed, its member or one found by
  /// argument-dependent lookup.
  int Decomposed = -1;
  int GetIndex = -1;
  bool MemberGet = false;
  bool ViaPointer = false; ///< a reference stored as a pointer
  bool IsXValue = false;   ///< ViaPointer: refers to an xvalue
  InitForm Init = InitForm::Direct; ///< Local: how its declaration initialises it
  clang::SourceLocation Loc;

  bool needsDestroy() const { return DestroyIndex >= 0; }
};

/// A scope, try block or if constexpr of the body that the lowering must
/// respect.
struct Region {
  enum class Kind { Body, Block, Loop, Try, ConstexprIf, FullExpr };
  Kind K;
  unsigned Id;
  int Parent = -1;
  const clang::Stmt *S = nullptr;
  llvm::SmallVector<unsigned, 4> Objects; ///< owned frame objects, in order
  unsigned NumDestroyed = 0;              ///< objects with a destroy index
  bool ContainsSuspend = false;

  /// The block of a try statement, or a branch of an if constexpr (a
  /// block, or a statement printed in braces): a jump from outside may not
  /// enter it, so its parent's entry label stands before the statement and
  /// the block dispatches (to the points inside it) after its guard.
  bool BarrierBody = false;
  /// A branch of an if constexpr: the condition, and whether it is the
  /// else branch.  In a template, the frame declares the branch's objects
  /// with types that only a taken branch makes (a discarded one's are
  /// `char`): their types may be ill-formed for other arguments.
  const clang::Expr *BranchCondition = nullptr;
  bool ElseBranch = false;

  bool guarded() const { return NumDestroyed > 0; }
  /// A jump from outside may not land inside: resuming goes through its
  /// entry label and the dispatch after its guard.
  bool isBarrier() const {
    return ContainsSuspend && (guarded() || K == Kind::Try || K == Kind::ConstexprIf);
  }
};

/// A lambda's capture of a frame variable.  The lambda is printed with it
/// as an init-capture of the frame's object (`x = x`, `&x = x`), so that
/// the closure holds what native C++ gives it, a copy or a reference to the
/// variable, and never the frame.
struct FrameCapture {
  const clang::ValueDecl *Var; ///< a variable, or a structured binding

  bool ByRef;
  /// Captured by a capture-default (`[=]`, `[&]`): the init-capture is
  /// added after it; else it replaces the written capture.
  bool Implicit;
  clang::SourceLocation NameLoc; ///< the written capture's name
};

/// A range-for whose body suspends: its hidden variables live in the frame.
struct RangeForPlan {
  /// How __begin and __end are computed from the range ([stmt.ranged]).
  enum class Bounds {
    Array,  ///< an array (also the array behind a braced list): r, r + N
    Member, ///< r.begin(), r.end()
    ADL,    ///< begin(r), end(r)
    /// A template's dependent range: coflat::detail::range_begin(r), which
    /// chooses among the three at instantiation.
    Generic,
  };
  unsigned Range, Begin, End; ///< frame objects
  Bounds How = Bounds::Member;
  uint64_t ArraySize = 0;     ///< Bounds::Array
  /// The range is a braced list: the frame holds the list's array itself
  /// (in a template, a coflat::detail::braced_list), built from Range's
  /// Origin (an InitListExpr), since a std::initializer_list in the frame
  /// would outlive its array.
  bool BracedList = false;
};

/// One co_yield / co_await: a state of the machine.
struct SuspendPoint {
  enum class Kind { Yield, Await };
  Kind K;
  unsigned Id; ///< the state number (1-based, source order)
  /// A CoroutineSuspendExpr, or in a template a DependentCoawaitExpr.
  const clang::Expr *E;
  /// In a template whose promise is not known: the operand is held in the
  /// frame and the awaiter's type is named from it.
  bool Dependent = false;
  unsigned Awaiter;                  ///< frame object holding the awaiter
  unsigned Region;                   ///< the innermost region
  llvm::SmallVector<unsigned, 4> Barriers; ///< outermost first
  std::vector<unsigned> Live;        ///< frame objects live while suspended
};

/// How a subexpression is replaced when the rest of its expression is
/// printed: by the object it was spilled to, by its awaiter's await_resume(),
/// (a temporary) by constructing it in the frame, or (a dependent operand)
/// by holding it in the frame.
struct Replacement {
  enum class Kind { Object, Resume, MaterializeInFrame, HoldInFrame };
  Kind K;
  unsigned Index; ///< object index, or suspend point id for Resume
};

/// One step of a suspending full-expression, in evaluation order.
struct ExprStep {
  enum class Kind {
    Eval,    ///< evaluate E into frame object Object (or discard if -1)
    Suspend, ///< suspend at SuspendPoint Point
    If,      ///< if (Object [negated]) { Then } else { Else }
    /// In a template: E, evaluated before a suspension, makes a temporary
    /// that ends before the suspension instead of after it, if it makes
    /// one; each instantiation asserts that this is unobservable.
    Check,
    /// In a template: E is an argument of a call not resolved yet; a
    /// parameter it initialises by value would end before the suspension
    /// instead of after it: each instantiation asserts that this is
    /// unobservable for E's decayed type.
    CheckArgument,
    /// In a template: E, spilled before a suspension (held in the frame),
    /// is not a prvalue of class type, which its use would move from (as
    /// outside templates, Diag::ClassValueSpill).
    CheckSpill,
  };
  Kind K;
  const clang::Expr *E = nullptr;
  int Object = -1;
  /// Eval of a node that is itself lowered (a suspension, a temporary in the
  /// frame): how to print it while computing it.
  std::optional<Replacement> Inner;
  unsigned Point = 0;
  bool Negate = false;
  std::vector<ExprStep> Then, Else;
};

/// A full-expression that suspends, split around its suspensions.
struct SplitExpr {
  const clang::Expr *Root;
  unsigned Region; ///< the FullExpr region owning its objects
  std::vector<ExprStep> Steps;
  /// A condition: the frame object holding its value once the steps ran
  /// (so that its temporaries are gone before the branch), else -1.
  int Result = -1;
};

/// A member of the frame struct.
struct FrameMember {
  enum class Role {
    Self,      ///< coflat_self, the object of a member coroutine
    Object,    ///< frame object Object (a parameter, local, awaiter, ...)
    AliveFlag, ///< whether frame object Object is alive
  };
  Role R;
  std::string Name, TypeName;
  int Object = -1;
  /// Members of one storage slot share one anonymous union (and offset).
  int Slot = -1;
  uint64_t Offset = 0, Size = 0, Align = 0;
};

/// The frame struct as declared: the single source of the printed struct
/// and of the layout `coflat states` shows.
struct FrameLayout {
  /// A template's frame: its members' sizes depend on the instantiation
  /// (offsets and sizes are 0).
  bool Dependent = false;
  uint64_t BaseSize = 0; ///< the runtime's state class (vtable, value slots)
  std::vector<FrameMember> Members; ///< in declaration order
  uint64_t Size = 0, Align = 0;
};

/// Everything known about one lowered coroutine.
struct Coroutine {
  const clang::FunctionDecl *F = nullptr;
  CoroutineKind Kind = CoroutineKind::Generator;
  std::string FrameName;
  std::string ReturnType; ///< fully qualified
  /// A member function: the frame is nested in its class (so it shares the
  /// class's access), and a non-static one keeps the object as coflat_self.
  bool IsMember = false;
  std::string SelfType; ///< e.g. "const counter *"; empty when static
  /// A member defined outside its class: the frame is a local class of the
  /// function instead (with the function's access), no template, its
  /// functions defined in it.
  bool LocalFrame = false;
  /// Defined in a header: the frame's functions defined after it are
  /// `inline`, as every source that includes the header defines them.
  bool InHeader = false;
  /// A coroutine template (or a member of a class template): the frame is
  /// a template too, instantiated with the function.  TemplateHead is the
  /// frame's own `template <...>` line (empty for a member of a class
  /// template, whose nested frame is templated with its class) and
  /// TemplateArgs what names the frame from the function (`<T, N>`).
  bool Dependent = false;
  std::string TemplateHead, TemplateArgs;
  std::string frameRef() const { return FrameName + TemplateArgs; }
  /// The frame's name in the function: usually frameRef().  When the return
  /// type names the parameters (a trailing `-> generator<decltype(...)>`),
  /// the frame, declared before them, takes it as a template parameter of
  /// its own (ReturnType names that parameter), and the function passes its
  /// return type as written.
  std::string TemplateArgsInFunction;
  std::string frameRefInFunction() const { return FrameName + TemplateArgsInFunction; }
  /// The function parameter pack, if any.  The frame keeps it as a
  /// coflat::detail::parameter_pack and is a partial specialization of the
  /// template FramePrimary declares: TemplateHead adds the index pack
  /// coflat_i, and the body names the element of `xs` in an expansion as
  /// `coflat::detail::pack_get<coflat_i>(xs)`.
  const clang::ParmVarDecl *Pack = nullptr;
  std::string PackPattern; ///< an element's type as written (`Ts`, `const Ts &`)
  std::string FramePrimary;
  /// A reference to Pack (or its `sizeof...`), which the body prints as
  /// the frame's element (or index pack).
  bool namesPack(const clang::Stmt *S) const;
  std::vector<FrameObject> Objects;
  std::vector<Region> Regions;
  std::vector<SuspendPoint> Points; ///< Points[i].Id == i + 1
  llvm::DenseMap<const clang::Expr *, SplitExpr> Splits;
  llvm::DenseMap<const clang::Expr *, Replacement> Replacements;
  llvm::DenseMap<const clang::VarDecl *, unsigned> Hoisted; ///< var -> object
  llvm::DenseMap<const clang::CXXForRangeStmt *, RangeForPlan> RangeFors;
  llvm::DenseMap<const clang::LambdaExpr *, std::vector<FrameCapture>> FrameCaptures;
  llvm::DenseMap<const clang::Stmt *, unsigned> RegionOf;   ///< stmt -> region
  /// A suspending branch of an if constexpr that is not a block -> its
  /// region (the branch is printed in braces, which hold its dispatch).
  llvm::DenseMap<const clang::Stmt *, unsigned> UnbracedBranch;
  /// Loops whose condition or increment suspends: `continue` becomes a goto.
  llvm::DenseMap<const clang::Stmt *, unsigned> ContinueLabel;
  llvm::DenseMap<const clang::ContinueStmt *, const clang::Stmt *> ContinueTarget;
  bool HasLabels = false; ///< a goto may jump backwards over declarations
  bool HasCoreturn = false; ///< the body names the final label
  /// co_return operands naming a local: moved from, as C++20 tries an
  /// rvalue first ([class.copy.elision]/3).
  llvm::SmallPtrSet<const clang::CoreturnStmt *, 4> MovesOperand;
  FrameLayout Layout;

  // --- which nodes of the body the lowering rewrites (RewriteDecisions.cpp) ---
  /// The region S opens, or -1.
  int regionOf(const clang::Stmt *S) const;
  /// A member named without `this->` in a non-static member coroutine: it
  /// becomes coflat_self->member.
  bool isImplicitThisMember(const clang::Expr *E) const;
  /// Whether an expression is printed otherwise than as its text: a
  /// replacement, `this`, an implicit member, a renamed or pointer-held
  /// frame object, a lambda capturing frame objects.
  bool rewritesExpression(const clang::Stmt *S) const;
  /// Whether a statement (or an expression) is printed by its lowering.
  bool rewritesStatement(const clang::Stmt *S) const;
};

/// Whether E is a suspension: a co_yield / co_await, or in a template a
/// co_await whose promise is not known yet.
inline bool isSuspension(const clang::Stmt *E) {
  return clang::isa<clang::CoroutineSuspendExpr>(E) || clang::isa<clang::DependentCoawaitExpr>(E);
}

/// A suspension's operand as passed to the promise's yield_value /
/// await_transform (the runtime's promises have both): the argument of the
/// common expression's call, so that the materialisation of a prvalue
/// operand is part of what is lowered.  (In a template, a dependent
/// co_yield's common expression is `co_await __promise.yield_value(e)`.)
inline const clang::Expr *operandOf(const clang::Expr *E) {
  if (const auto *D = clang::dyn_cast<clang::DependentCoawaitExpr>(E))
    return D->getOperand();
  const auto *S = clang::cast<clang::CoroutineSuspendExpr>(E);
  const clang::Expr *Common = S->getCommonExpr()->IgnoreImplicit();
  if (const auto *Await = clang::dyn_cast<clang::UnaryOperator>(Common);
      Await && Await->getOpcode() == clang::UO_Coawait)
    Common = Await->getSubExpr()->IgnoreImplicit();
  if (const auto *Call = clang::dyn_cast<clang::CallExpr>(Common))
    if (Call->getNumArgs() == 1)
      return Call->getArg(0);
  return S->getOperand();
}

/// Where the suspension's keyword is written.
inline clang::SourceLocation keywordLoc(const clang::Expr *E) {
  if (const auto *D = clang::dyn_cast<clang::DependentCoawaitExpr>(E))
    return D->getKeywordLoc();
  return clang::cast<clang::CoroutineSuspendExpr>(E)->getKeywordLoc();
}

} // namespace coflat

#endif // COFLAT_LIB_COROUTINEMODEL_H
