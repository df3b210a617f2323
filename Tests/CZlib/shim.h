// zlib, as installed by Debian's zlib1g-dev: the tests inflate the parts of the workbook.
#include <zlib.h>
