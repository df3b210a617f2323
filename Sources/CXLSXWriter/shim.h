// libxlsxwriter (BSD-2-Clause, John McNamara), as installed by Debian's libxlsxwriter-dev.
#include <xlsxwriter.h>
