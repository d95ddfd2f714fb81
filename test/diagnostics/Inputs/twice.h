// No include guard: each inclusion reads the coroutine otherwise.
inline coflat::generator<int> NAME() { co_yield VALUE; }
