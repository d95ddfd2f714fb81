#include <coflat/generator.h>
#define NAME one
#define VALUE 1
#include "twice.h"
#undef NAME
#undef VALUE
#define NAME two
#define VALUE 2
#include "twice.h"
int main() {}
