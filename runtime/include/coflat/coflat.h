// coflat/coflat.h - the whole public runtime API.
#ifndef COFLAT_COFLAT_H
#define COFLAT_COFLAT_H

#include <coflat/errors.h>
#include <coflat/frame.h>
#include <coflat/generator.h>

#endif // COFLAT_COFLAT_H
