// GLPK, the GNU Linear Programming Kit, as installed by Debian's libglpk-dev.
#include <glpk.h>
