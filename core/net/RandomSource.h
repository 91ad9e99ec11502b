#pragma once

#include <functional>
#include <memory>

namespace syncdesk {

// Where randomness (backoff jitter) comes from, so tests can pin it.
class RandomSource {
public:
    virtual ~RandomSource();
    // A uniformly distributed value in [0, 1).
    virtual double nextUnit() = 0;
};

// QRandomGenerator::global(): thread-safe, seeded by the system.
class SystemRandomSource final : public RandomSource {
public:
    static SystemRandomSource& instance();
    double nextUnit() override;
};

// A reproducible sequence from a seed (std::mt19937_64). Thread-safe (HTTP clients of one connection
// on several threads may share it; the sequence is then shared among them).
class SeededRandomSource final : public RandomSource {
public:
    explicit SeededRandomSource(unsigned long long seed);
    ~SeededRandomSource() override;
    double nextUnit() override;

private:
    struct Engine;
    std::unique_ptr<Engine> m_engine;
};

// Values from a function (tests: "always the maximum", "always 0"). The result is clamped to [0, 1).
class FunctionRandomSource final : public RandomSource {
public:
    explicit FunctionRandomSource(std::function<double()> next)
        : m_next(std::move(next)) {}
    double nextUnit() override;

private:
    std::function<double()> m_next;
};

} // namespace syncdesk
