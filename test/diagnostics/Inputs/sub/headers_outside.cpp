// Included through "../": no copy can stand in for the header.
#include "../outside.h"
int main() { for (int v : outside()) (void)v; }
