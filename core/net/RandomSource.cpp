#include "core/net/RandomSource.h"

#include <QMutex>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <random>

namespace syncdesk {

RandomSource::~RandomSource() = default;

SystemRandomSource& SystemRandomSource::instance() {
    static SystemRandomSource source;
    return source;
}

double SystemRandomSource::nextUnit() {
    return QRandomGenerator::global()->generateDouble();
}

struct SeededRandomSource::Engine {
    std::mt19937_64 engine;
    std::uniform_real_distribution<double> unit{0.0, 1.0};
    QMutex mutex;
};

SeededRandomSource::SeededRandomSource(unsigned long long seed)
    : m_engine(std::make_unique<Engine>()) {
    m_engine->engine.seed(seed);
}

SeededRandomSource::~SeededRandomSource() = default;

double SeededRandomSource::nextUnit() {
    QMutexLocker lock(&m_engine->mutex);
    return m_engine->unit(m_engine->engine);
}

double FunctionRandomSource::nextUnit() {
    const double value = m_next ? m_next() : 0.0;
    if (!std::isfinite(value) || value < 0.0)
        return 0.0;
    return std::min(value, std::nextafter(1.0, 0.0));
}

} // namespace syncdesk
