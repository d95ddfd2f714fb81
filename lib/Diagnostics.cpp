//===- Diagnostics.cpp - The lowering's refusals, from one table -----------===//
#include "Diagnostics.h"

#include "llvm/ADT/StringExtras.h"

namespace coflat {

namespace {
struct Entry {
  const char *Message;
  const char *Workaround;
};
constexpr Entry Table[] = {
#define COFLAT_DIAG(Id, Message, Workaround) {Message, Workaround},
#include "Diagnostics.def"
};
} // namespace

llvm::StringRef diagMessage(Diag D) { return Table[unsigned(D)].Message; }
llvm::StringRef diagWorkaround(Diag D) { return Table[unsigned(D)].Workaround; }

void report(clang::DiagnosticsEngine &Diags, clang::SourceLocation L, Diag D,
            llvm::ArrayRef<std::string> Args) {
  unsigned ID = Diags.getDiagnosticIDs()->getCustomDiagID(clang::DiagnosticIDs::Error,
                                                          "cannot lower: " + diagMessage(D).str());
  {
    clang::DiagnosticBuilder B = Diags.Report(L, ID);
    for (const std::string &A : Args)
      B << A;
  }
  // What to do instead, as the user guide's table says it.
  std::string Text = diagWorkaround(D).rtrim(".").str();
  Text[0] = llvm::toLower(Text[0]); // Clang's style: lower case, no full stop
  unsigned Note = Diags.getDiagnosticIDs()->getCustomDiagID(clang::DiagnosticIDs::Note, Text);
  Diags.Report(L, Note);
}

} // namespace coflat
