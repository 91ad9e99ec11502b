#include "core/domain/DomainKey.h"
