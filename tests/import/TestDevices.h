#pragma once

// QIODevices for reader and importer tests: one that hands out a few bytes per read (to cross every
// buffer boundary), one that fails after a number of bytes (a read error mid-way).

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

namespace syncdesk::test {

class ScriptedDevice : public QIODevice {
public:
    // `bytesPerRead`: at most that many bytes per read; `failAfter` >= 0: reading fails once that many
    // bytes were delivered.
    ScriptedDevice(QByteArray data, qint64 bytesPerRead, qint64 failAfter = -1)
        : m_data(std::move(data))
        , m_bytesPerRead(bytesPerRead)
        , m_failAfter(failAfter) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesDelivered() const { return m_pos; }
    int reads() const { return m_reads; }

protected:
    qint64 readData(char* out, qint64 max) override {
        ++m_reads;
        if (m_failAfter >= 0 && m_pos >= m_failAfter) {
            setErrorString(QStringLiteral("Input/output error (simulated)"));
            return -1;
        }
        qint64 n = std::min({max, m_bytesPerRead, qint64(m_data.size()) - m_pos});
        if (m_failAfter >= 0)
            n = std::min(n, m_failAfter - m_pos);
        std::copy_n(m_data.constData() + m_pos, n, out);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_bytesPerRead;
    qint64 m_failAfter;
    qint64 m_pos = 0;
    int m_reads = 0;
};

} // namespace syncdesk::test
