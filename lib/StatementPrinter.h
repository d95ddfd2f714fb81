//===- StatementPrinter.h - The body as the frame's resume() runs it -------===//
#ifndef COFLAT_LIB_STATEMENTPRINTER_H
#define COFLAT_LIB_STATEMENTPRINTER_H

#include "CoroutineModel.h"
#include "SourceRewriter.h"

#include <string>

namespace coflat {

/// The user's body, statement for statement, with each node the plan
/// rewrites printed as its lowering: hoisted declarations construct frame
/// objects, suspending expressions run their steps around resume labels,
/// guarded scopes open with their guard and dispatch.  Generated code stays
/// on the user's lines, so #line directives keep every line number right.
std::string printBody(const Coroutine &C, const SourceRewriter &Src);
/// Declarations the resume function starts with: the closures' types.
std::string printClosureTypes(const Coroutine &C, const SourceRewriter &Src);

/// E as the body prints it (its lowered parts replaced, not E itself): what
/// a template's frame names a member's type from.
std::string printExpression(const Coroutine &C, const SourceRewriter &Src, const clang::Expr *E);

} // namespace coflat

#endif // COFLAT_LIB_STATEMENTPRINTER_H
