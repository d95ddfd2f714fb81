// coflat/coflat.h - the whole public runtime API.
#ifndef COFLAT_COFLAT_H
#define COFLAT_COFLAT_H

#include <coflat/errors.h>
#include <coflat/frame.h>
#include <coflat/generator.h>
#include <coflat/event_loop.h>
#include <coflat/future.h>
#include <coflat/task.h>
#include <coflat/asyncio.h>
#include <coflat/async_generator.h>
#include <coflat/sync.h>

#endif // COFLAT_COFLAT_H
