// COIN-OR CBC's C interface (Debian: coinor-libcbc-dev, pkg-config "cbc", CBC 2.10).
#include <coin/Cbc_C_Interface.h>
