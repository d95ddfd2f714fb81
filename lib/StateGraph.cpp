//===- StateGraph.cpp - The inspection model `coflat states` prints --------===//
#include "StateGraph.h"

#include "CoroutineFinder.h"
#include "FramePrinter.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/JSON.h"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

using namespace clang;

namespace coflat {
namespace {

std::string location(SourceLocation L, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  if (P.isInvalid())
    return "";
  return std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) + ":" +
         std::to_string(P.getColumn());
}

std::string sourceText(const Stmt *S, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange R = CharSourceRange::getTokenRange(SM.getExpansionRange(S->getSourceRange()).getAsRange());
  std::string Text = Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  std::string Flat; // one line: newlines and runs of blanks become one space
  for (char Ch : Text) {
    bool Blank = Ch == '\n' || Ch == '\t' || Ch == ' ' || Ch == '\r';
    if (Blank && (Flat.empty() || Flat.back() == ' '))
      continue;
    Flat += Blank ? ' ' : Ch;
  }
  return Flat;
}

/// The states reachable next from the start and from each suspension point
/// in one CFG: the suspension points (or the end) execution can reach
/// without passing another one.
std::set<std::pair<unsigned, unsigned>> reachable(const Coroutine &C, const CFG &G) {
  std::set<std::pair<unsigned, unsigned>> Out;
  const unsigned Final = C.Points.size() + 1;
  // By where each suspension is written: a template's CFG is its
  // instantiation's, whose nodes stand where the template's do.
  llvm::DenseMap<unsigned, unsigned> PointAt;
  for (const SuspendPoint &P : C.Points)
    PointAt[P.E->getBeginLoc().getRawEncoding()] = P.Id;
  auto PointOf = [&](const Stmt *S) {
    return isSuspension(S) ? PointAt.lookup(S->getBeginLoc().getRawEncoding()) : 0;
  };
  llvm::DenseMap<unsigned, std::pair<const CFGBlock *, unsigned>> At;
  for (const CFGBlock *B : G)
    for (unsigned I = 0; I < B->size(); ++I)
      if (auto S = (*B)[I].getAs<CFGStmt>())
        if (unsigned Id = PointOf(S->getStmt()))
          At[Id] = {B, I};

  auto Walk = [&](unsigned From, const CFGBlock *Start, unsigned Index) {
    llvm::DenseSet<const CFGBlock *> Seen;
    std::deque<std::pair<const CFGBlock *, unsigned>> Queue{{Start, Index}};
    while (!Queue.empty()) {
      auto [B, I] = Queue.front();
      Queue.pop_front();
      bool Stopped = false;
      for (; I < B->size() && !Stopped; ++I) {
        auto S = (*B)[I].getAs<CFGStmt>();
        if (!S)
          continue;
        if (unsigned Id = PointOf(S->getStmt())) {
          Out.insert({From, Id});
          Stopped = true;
        } else if (isa<CoreturnStmt>(S->getStmt())) {
          Out.insert({From, Final});
          Stopped = true;
        }
      }
      if (Stopped)
        continue;
      if (B == &G.getExit()) {
        Out.insert({From, Final});
        continue;
      }
      for (const CFGBlock *Next : B->succs())
        if (Next && Seen.insert(Next).second)
          Queue.push_back({Next, 0});
    }
  };
  Walk(0, &G.getEntry(), 0);
  for (const SuspendPoint &P : C.Points) {
    auto It = At.find(P.Id);
    if (It != At.end())
      Walk(P.Id, It->second.first, It->second.second + 1);
  }
  return Out;
}

/// Transitions from Clang's CFG of the body; those that exist only when
/// exceptions are followed (an exception thrown, or thrown in, and caught
/// by a handler or leaving the body) are marked exceptional.
/// A template has no CFG of its own: one of its instantiations in this
/// translation unit stands for it (its control flow is the template's).
const FunctionDecl *withControlFlow(const FunctionDecl *FD) {
  if (!FD->isDependentContext())
    return FD;
  std::vector<const FunctionDecl *> Made = instantiationsOf(FD);
  return Made.empty() ? nullptr : Made.front();
}

std::vector<StateGraph::Transition> transitions(const Coroutine &C, ASTContext &Ctx) {
  const FunctionDecl *F = withControlFlow(C.F);
  if (!F)
    return {};
  auto *Body = const_cast<CompoundStmt *>(cast<CoroutineBodyStmt>(F->getBody())->getBody());
  std::set<std::pair<unsigned, unsigned>> Normal, WithExceptions;
  for (bool EH : {false, true}) {
    CFG::BuildOptions Opts;
    Opts.AddEHEdges = EH;
    Opts.setAllAlwaysAdd(); // every expression an element: the suspensions too
    if (std::unique_ptr<CFG> G = CFG::buildCFG(F, Body, &Ctx, Opts))
      (EH ? WithExceptions : Normal) = reachable(C, *G);
  }
  std::vector<StateGraph::Transition> Out;
  for (auto [From, To] : Normal)
    Out.push_back({From, To, false});
  for (auto [From, To] : WithExceptions)
    if (!Normal.count({From, To}))
      Out.push_back({From, To, true});
  std::sort(Out.begin(), Out.end(), [](const auto &A, const auto &B) {
    return std::tie(A.From, A.To, A.Exceptional) < std::tie(B.From, B.To, B.Exceptional);
  });
  return Out;
}

/// The frame layout the analysis planned, as `states` names its roles.
void layout(const Coroutine &C, ASTContext &Ctx, StateGraph &G) {
  EmitOptions Plain;
  SourceRewriter Src(Ctx, definitionFile(C.F, Ctx.getSourceManager()), Plain);
  G.Dependent = C.Layout.Dependent;
  static const char *Roles[] = {"parameter", "local", "range-for", "awaiter",
                                "spill", "temporary", "condition"};
  G.BaseSize = C.Layout.BaseSize;
  G.Size = C.Layout.Size;
  G.Align = C.Layout.Align;
  for (const FrameMember &M : C.Layout.Members) {
    std::string Role = M.R == FrameMember::Role::Self        ? "object"
                       : M.R == FrameMember::Role::AliveFlag ? "alive flag"
                                                             : Roles[unsigned(C.Objects[M.Object].K)];
    G.Members.push_back({M.Name, memberType(C, Src, M), Role, M.Offset, M.Size, M.Align});
  }
}

} // namespace

StateGraph buildStateGraph(const Coroutine &C, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  StateGraph G;
  G.Function = C.F->getQualifiedNameAsString();
  if (C.F->isTemplateInstantiation() || C.F->getTemplateSpecializationArgs()) {
    llvm::raw_string_ostream OS(G.Function);
    G.Function.clear();
    C.F->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/true);
  }
  G.Kind = kindName(C.Kind).str();
  G.Frame = C.FrameName;
  const auto *Body = cast<CoroutineBodyStmt>(C.F->getBody());
  G.States.push_back({0, "initial", location(Body->getBody()->getBeginLoc(), SM), "", {}});
  for (const SuspendPoint &P : C.Points) {
    StateGraph::State S{P.Id, P.K == SuspendPoint::Kind::Yield ? "yield" : "await",
                        location(P.E->getBeginLoc(), SM), sourceText(P.E, Ctx), {}};
    for (unsigned O : P.Live)
      S.Live.push_back(C.Objects[O].Name);
    G.States.push_back(std::move(S));
  }
  G.States.push_back({unsigned(C.Points.size() + 1), "final", location(Body->getBody()->getEndLoc(), SM), "", {}});
  G.Transitions = transitions(C, Ctx);
  layout(C, Ctx, G);
  return G;
}

void printText(const StateGraph &G, llvm::raw_ostream &OS) {
  if (G.Dependent)
    OS << G.Kind << " " << G.Function << ": frame " << G.Frame << " (a template), sizeof dependent\n";
  else
    OS << G.Kind << " " << G.Function << ": frame " << G.Frame << ", sizeof " << G.Size << ", alignof "
       << G.Align << "\n";
  OS << "  states:\n";
  for (const auto &S : G.States) {
    OS << "    " << S.Id << "  " << S.Kind;
    OS.indent(8 - std::min<size_t>(S.Kind.size(), 7)) << S.Location;
    if (!S.Expression.empty())
      OS << "  " << S.Expression;
    if (!S.Live.empty()) {
      OS << "\n       live:";
      for (const auto &L : S.Live)
        OS << " " << L;
    }
    OS << "\n";
  }
  OS << "  transitions:\n";
  for (const auto &T : G.Transitions)
    OS << "    " << T.From << " -> " << T.To << (T.Exceptional ? "  (exception)" : "") << "\n";
  if (G.Dependent) {
    OS << "  frame members (in order; sizes depend on the instantiation):\n";
    for (const auto &M : G.Members)
      OS << "    " << M.Name << " : " << M.Type << "  [" << M.Role << "]\n";
    return;
  }
  OS << "  frame layout (offset size align):\n";
  OS << "    " << llvm::format_decimal(0, 4) << " " << llvm::format_decimal(G.BaseSize, 4)
     << "       (runtime state)\n";
  for (const auto &M : G.Members)
    OS << "    " << llvm::format_decimal(M.Offset, 4) << " " << llvm::format_decimal(M.Size, 4)
       << " " << llvm::format_decimal(M.Align, 5) << " " << M.Name << " : " << M.Type << "  ["
       << M.Role << "]\n";
}

static std::string dotEscape(llvm::StringRef S) {
  std::string Out;
  for (char Ch : S) {
    if (Ch == '"' || Ch == '\\')
      Out += '\\';
    Out += Ch;
  }
  return Out;
}

void printDot(const StateGraph &G, llvm::raw_ostream &OS) {
  std::string Name = dotEscape(G.Function);
  OS << "  subgraph \"cluster_" << Name << "\" {\n";
  OS << "    label=\"" << G.Kind << " " << Name << " (" << G.Frame << ", sizeof "
     << (G.Dependent ? std::string("dependent") : std::to_string(G.Size)) << ")\";\n";
  for (const auto &S : G.States) {
    std::string Label = std::to_string(S.Id) + " " + S.Kind;
    if (!S.Expression.empty())
      Label += "\\n" + dotEscape(S.Expression);
    if (!S.Location.empty())
      Label += "\\n" + dotEscape(llvm::StringRef(S.Location).rsplit('/').second.empty()
                                     ? S.Location
                                     : llvm::StringRef(S.Location).rsplit('/').second.str());
    if (!S.Live.empty()) {
      Label += "\\nlive:";
      for (const auto &L : S.Live)
        Label += " " + L;
    }
    const char *Shape = S.Kind == "initial" || S.Kind == "final" ? "ellipse" : "box";
    OS << "    \"" << Name << "/" << S.Id << "\" [shape=" << Shape << ", label=\"" << Label << "\"];\n";
  }
  for (const auto &T : G.Transitions)
    OS << "    \"" << Name << "/" << T.From << "\" -> \"" << Name << "/" << T.To << "\""
       << (T.Exceptional ? " [style=dashed, label=\"exception\"]" : "") << ";\n";
  OS << "  }\n";
}

void printJson(const std::vector<StateGraph> &Graphs, llvm::raw_ostream &OS) {
  llvm::json::Array Coroutines;
  for (const StateGraph &G : Graphs) {
    llvm::json::Array States, Transitions, Members;
    for (const auto &S : G.States) {
      llvm::json::Array Live;
      for (const auto &L : S.Live)
        Live.push_back(L);
      States.push_back(llvm::json::Object{{"id", S.Id},
                                          {"kind", S.Kind},
                                          {"location", S.Location},
                                          {"expression", S.Expression},
                                          {"live", std::move(Live)}});
    }
    for (const auto &T : G.Transitions)
      Transitions.push_back(
          llvm::json::Object{{"from", T.From}, {"to", T.To}, {"exceptional", T.Exceptional}});
    for (const auto &M : G.Members)
      Members.push_back(llvm::json::Object{{"name", M.Name},
                                           {"type", M.Type},
                                           {"role", M.Role},
                                           {"offset", int64_t(M.Offset)},
                                           {"size", int64_t(M.Size)},
                                           {"align", int64_t(M.Align)}});
    Coroutines.push_back(llvm::json::Object{
        {"function", G.Function},
        {"kind", G.Kind},
        {"states", std::move(States)},
        {"transitions", std::move(Transitions)},
        {"frame", llvm::json::Object{{"name", G.Frame},
                                     {"dependent", G.Dependent},
                                     {"sizeof", int64_t(G.Size)},
                                     {"alignof", int64_t(G.Align)},
                                     {"base_size", int64_t(G.BaseSize)},
                                     {"members", std::move(Members)}}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"schema", "coflat-states"},
                                   {"version", 1},
                                   {"coroutines", std::move(Coroutines)}}))
     << "\n";
}

} // namespace coflat
