// zlib, as installed by Debian's zlib1g-dev: the tests inflate the parts of the workbooks and OpenDocument texts.
#include <zlib.h>
