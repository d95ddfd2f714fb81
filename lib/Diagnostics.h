//===- Diagnostics.h - The lowering's refusals, from one table -------------===//
//
// Every refusal is an entry of Diagnostics.def; the analysis reports them
// through report(), so the message a user sees, the user guide's table and
// the tests all name the same entries.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_DIAGNOSTICS_H
#define COFLAT_LIB_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace coflat {

enum class Diag {
#define COFLAT_DIAG(Id, Message, Workaround) Id,
#include "Diagnostics.def"
};

/// The message after "cannot lower: ", with %0... for its arguments.
llvm::StringRef diagMessage(Diag D);
/// What to do instead, as the user guide says.
llvm::StringRef diagWorkaround(Diag D);

/// Reports `cannot lower: <message>` at L as an error, with the
/// workaround as a note.
void report(clang::DiagnosticsEngine &Diags, clang::SourceLocation L, Diag D,
            llvm::ArrayRef<std::string> Args = {});

} // namespace coflat

#endif // COFLAT_LIB_DIAGNOSTICS_H
