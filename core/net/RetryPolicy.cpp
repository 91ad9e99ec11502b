#include "core/net/RetryPolicy.h"

#include "core/net/RandomSource.h"

#include <algorithm>
#include <cmath>

namespace syncdesk {

qint64 RetryPolicy::backoffCeilingMs(int retry) const {
    const int n = std::max(1, retry);
    const double ceiling =
        static_cast<double>(std::max<qint64>(0, baseDelayMs)) * std::pow(std::max(1.0, multiplier), n - 1);
    const double cap = static_cast<double>(std::max<qint64>(0, maxDelayMs));
    return static_cast<qint64>(std::min(ceiling, cap));
}

qint64 RetryPolicy::backoffDelayMs(int retry, RandomSource& random) const {
    const qint64 ceiling = backoffCeilingMs(retry);
    // Full jitter: uniform over [0, ceiling].
    const auto delay = static_cast<qint64>(std::floor(random.nextUnit() * static_cast<double>(ceiling + 1)));
    return std::clamp<qint64>(delay, 0, ceiling);
}

} // namespace syncdesk
