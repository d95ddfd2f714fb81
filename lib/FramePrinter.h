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

} // namespace coflat

#endif // COFLAT_LIB_FRAMEPRINTER_H
