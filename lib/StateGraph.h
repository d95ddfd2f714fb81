//===- StateGraph.h - The inspection model `coflat states` prints ----------===//
//
// Built from the same plan the printers lower (states are its suspension
// points, live objects its frame objects, the layout its FrameLayout), plus
// the transitions between states from Clang's CFG.  It does not recompute
// the analysis.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_STATEGRAPH_H
#define COFLAT_LIB_STATEGRAPH_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace coflat {

struct StateGraph {
  struct State {
    unsigned Id;
    std::string Kind; ///< initial, yield, await, final
    std::string Location; ///< file:line:col ("" for final)
    std::string Expression;
    std::vector<std::string> Live; ///< frame members destroy() destroys here
  };
  struct Transition {
    unsigned From, To;
    bool Exceptional; ///< through a handler of a try block
  };
  struct Member {
    std::string Name, Type, Role;
    uint64_t Offset, Size, Align;
  };
  std::string Function, Kind, Frame;
  std::vector<State> States; ///< 0 initial, 1..n suspension points, n+1 final
  std::vector<Transition> Transitions;
  uint64_t BaseSize = 0; ///< the runtime's state (vtable pointer, value slots)
  std::vector<Member> Members;
  uint64_t Size = 0, Align = 0;
  bool Dependent = false; ///< a template's frame: no sizes or offsets yet
};

StateGraph buildStateGraph(const Coroutine &C, clang::ASTContext &Ctx);

void printText(const StateGraph &G, llvm::raw_ostream &OS);
void printDot(const StateGraph &G, llvm::raw_ostream &OS);
/// Appends G to a JSON array of coroutines (schema: docs/states.md).
void printJson(const std::vector<StateGraph> &Graphs, llvm::raw_ostream &OS);

} // namespace coflat

#endif // COFLAT_LIB_STATEGRAPH_H
