#ifndef COFLAT_TEST_SCALE_H
#define COFLAT_TEST_SCALE_H
inline int scaled(int x, int k) { return x * k; }
#endif
