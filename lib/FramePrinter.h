//===- FramePrinter.h - A coroutine as a frame struct and its functions ----===//
#ifndef COFLAT_LIB_FRAMEPRINTER_H
#define COFLAT_LIB_FRAMEPRINTER_H

#include "CoroutineModel.h"
#include "SourceRewriter.h"

#include <string>

namespace coflat {

/// The text that replaces definitionRange(C.F): the frame struct (as
/// C.Layout declares it), the function (now only creating the frame), and
/// the frame's resume() and unwind() functions.  It prints the plan and
/// refuses nothing: every refusal is the analysis's.
std::string printCoroutine(const Coroutine &C, const SourceRewriter &Src);

/// A frame member's type as declared: a template's type named from an
/// expression (FrameObject::FromExpression) is spelled with decltype of the
/// expression as the body prints it.
std::string memberType(const Coroutine &C, const SourceRewriter &Src, const FrameMember &M);

} // namespace coflat

#endif // COFLAT_LIB_FRAMEPRINTER_H
