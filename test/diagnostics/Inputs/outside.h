#pragma once
#include <coflat/generator.h>
inline coflat::generator<int> outside() { co_yield 1; }
