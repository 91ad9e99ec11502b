#include "core/import/CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstring>
#include <utility>

namespace syncdesk {

namespace {

constexpr qsizetype ChunkSize = 1 << 20;
constexpr qsizetype SampleSize = 64 * 1024;

QString tr(const char* text) {
    return QCoreApplication::translate("CsvReader", text);
}

bool isValidUtf8(const unsigned char* s, qsizetype n) {
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        int extra;
        char32_t cp;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static const char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += extra + 1;
    }
    return true;
}

// Windows-1252: what spreadsheet programs on Windows write when a file is not saved as UTF-8.
QString fromWindows1252(const char* s, qsizetype n) {
    static const char16_t high[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    QString out(n, Qt::Uninitialized);
    QChar* d = out.data();
    for (qsizetype i = 0; i < n; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        d[i] = (c >= 0x80 && c < 0xA0) ? QChar(high[c - 0x80]) : QChar(char16_t(c));
    }
    return out;
}

// Line breaks in [from, to): LF, CRLF and a lone CR count one each.
qint64 countLineBreaks(const char* data, qsizetype from, qsizetype to) {
    qint64 n = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (data[i] == '\n')
            ++n;
        else if (data[i] == '\r' && (i + 1 >= to || data[i + 1] != '\n'))
            ++n;
    }
    return n;
}

} // namespace

CsvReader::CsvReader(QIODevice* device)
    : m_device(device) {}

bool CsvReader::fill() {
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_consumedBefore += m_pos;
        m_pos = 0;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + ChunkSize);
    const qint64 n = m_device->read(m_buffer.data() + old, ChunkSize);
    if (n < 0) {
        m_buffer.resize(old);
        m_eof = true;
        m_readError = m_device->errorString().isEmpty() ? tr("read error") : m_device->errorString();
        return false;
    }
    m_buffer.resize(old + qsizetype(n));
    if (n == 0)
        m_eof = true;
    return true;
}

bool CsvReader::start() {
    m_started = true;
    if (!m_device || !m_device->isReadable()) {
        m_readError = tr("the file is not open for reading");
        return false;
    }
    while (!m_eof && m_buffer.size() < SampleSize) {
        if (!fill())
            return false;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(m_buffer.constData());
    if (m_buffer.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        m_bom = true;
        m_pos = 3;
    } else if (m_buffer.size() >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) {
        m_readError = tr("the file is UTF-16 text; save it as CSV UTF-8 and import it again");
        return false;
    }
    if (m_delimiter == 0)
        m_delimiter = detectDelimiter();
    return true;
}

// Counts the fields of the first records of the buffer for each candidate and picks the delimiter
// that splits the header into the most fields, preferring one that gives every sampled record the
// header's field count. Ties go to `,` then `;` then TAB; `,` when none splits anything.
char CsvReader::detectDelimiter() const {
    static const char candidates[] = {',', ';', '\t'};
    char best = ',';
    int bestScore = 0;
    for (char d : candidates) {
        const char* data = m_buffer.constData();
        const qsizetype end = m_buffer.size();
        QList<int> counts;
        int fields = 1;
        bool inQuotes = false;
        bool atFieldStart = true;
        qsizetype i = m_pos;
        for (; i < end && counts.size() < 20; ++i) {
            const char c = data[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < end && data[i + 1] == '"')
                        ++i;
                    else
                        inQuotes = false;
                }
                continue;
            }
            if (c == '"' && atFieldStart) {
                inQuotes = true;
                atFieldStart = false;
            } else if (c == d) {
                ++fields;
                atFieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < end && data[i + 1] == '\n')
                    ++i;
                if (!(atFieldStart && fields == 1)) // not a blank line
                    counts.append(fields);
                fields = 1;
                atFieldStart = true;
            } else {
                atFieldStart = false;
            }
        }
        if (i >= end && m_eof && !(atFieldStart && fields == 1))
            counts.append(fields); // last record without a line break
        if (counts.isEmpty())
            continue;
        const int header = counts.first();
        bool consistent = true;
        for (int n : std::as_const(counts))
            consistent = consistent && n == header;
        // Consistency outweighs any header width; among equals, the wider header wins.
        const int score = header <= 1 ? 0 : header + (consistent ? 100000 : 0);
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

void CsvReader::appendField(CsvRecord& record, const char* data, qsizetype size) {
    QString text = QString::fromUtf8(data, size);
    if (text.contains(QChar::ReplacementCharacter) &&
        !isValidUtf8(reinterpret_cast<const unsigned char*>(data), size)) {
        text = fromWindows1252(data, size);
        record.notUtf8 = true;
    }
    record.fields.append(std::move(text));
}

CsvReader::Step CsvReader::parse(CsvRecord& record) {
    const char* data = m_buffer.constData();
    const qsizetype end = m_buffer.size();
    const char delimiter = m_delimiter;
    qsizetype i = m_pos;
    qint64 innerBreaks = 0;
    record.fields.clear();
    record.error.clear();
    record.notUtf8 = false;
    auto isFieldEnd = [delimiter](char c) { return c == delimiter || c == '\n' || c == '\r'; };

    for (;;) {
        if (i < end && data[i] == '"') {
            m_scratch.clear();
            ++i;
            for (;;) {
                const void* found = std::memchr(data + i, '"', size_t(end - i));
                if (!found) {
                    if (!m_eof)
                        return Step::NeedMore;
                    // Never closed: the caller reports it and resumes at the next line.
                    record.error =
                        tr("the quote that opens field %1 is never closed").arg(record.fields.size() + 1);
                    return Step::Unterminated;
                }
                const qsizetype q = static_cast<const char*>(found) - data;
                innerBreaks += countLineBreaks(data, i, q);
                m_scratch.append(data + i, q - i);
                if (q + 1 >= end && !m_eof)
                    return Step::NeedMore;
                if (q + 1 < end && data[q + 1] == '"') {
                    m_scratch.append('"');
                    i = q + 2;
                    continue;
                }
                i = q + 1;
                break;
            }
            if (i < end && !isFieldEnd(data[i])) {
                qsizetype j = i;
                while (j < end && !isFieldEnd(data[j]))
                    ++j;
                if (j >= end && !m_eof)
                    return Step::NeedMore;
                if (record.error.isEmpty())
                    record.error = tr("unexpected text after the closing quote of field %1")
                                       .arg(record.fields.size() + 1);
                m_scratch.append(data + i, j - i);
                i = j;
            }
            appendField(record, m_scratch.constData(), m_scratch.size());
        } else {
            qsizetype j = i;
            while (j < end && !isFieldEnd(data[j]))
                ++j;
            if (j >= end && !m_eof)
                return Step::NeedMore;
            appendField(record, data + i, j - i);
            i = j;
        }

        if (i >= end)
            break; // end of input: last record without a line break
        const char c = data[i];
        if (c == delimiter) {
            ++i;
            if (i >= end && !m_eof)
                return Step::NeedMore;
            continue;
        }
        if (c == '\r') {
            if (i + 1 >= end && !m_eof)
                return Step::NeedMore;
            i += (i + 1 < end && data[i + 1] == '\n') ? 2 : 1;
        } else {
            ++i; // '\n'
        }
        break;
    }
    record.line = m_line;
    record.lastLine = m_line + innerBreaks;
    m_line = record.lastLine + 1;
    m_pos = i;
    return Step::Done;
}

// Drops input up to and including the first line break at or after `from`; false on a read error.
bool CsvReader::skipRestOfLine(qsizetype from) {
    for (;;) {
        const char* data = m_buffer.constData();
        const qsizetype end = m_buffer.size();
        qsizetype i = from;
        while (i < end && data[i] != '\n' && data[i] != '\r')
            ++i;
        if (i < end) {
            if (data[i] == '\r' && i + 1 >= end && !m_eof) {
                m_pos = i; // is it CRLF? read on
                if (!fill())
                    return false;
                from = m_pos;
                continue;
            }
            m_pos = i + ((data[i] == '\r' && i + 1 < end && data[i + 1] == '\n') ? 2 : 1);
            ++m_line;
            return true;
        }
        m_pos = end;
        if (m_eof)
            return true;
        if (!fill())
            return false;
        from = m_pos;
    }
}

bool CsvReader::readNext(CsvRecord& record) {
    if (!m_started && !start())
        return false;
    for (;;) {
        if (hasReadError())
            return false;
        if (m_pos >= m_buffer.size()) {
            if (m_eof || !fill())
                return false;
            continue;
        }
        const char c = m_buffer.at(m_pos);
        if (c == '\n' || c == '\r') { // blank line
            if (c == '\r' && m_pos + 1 >= m_buffer.size() && !m_eof) {
                if (!fill())
                    return false;
                continue;
            }
            m_pos += (c == '\r' && m_pos + 1 < m_buffer.size() && m_buffer.at(m_pos + 1) == '\n') ? 2 : 1;
            ++m_line;
            continue;
        }

        const qsizetype start = m_pos;
        const qint64 startLine = m_line;
        const Step step = parse(record);
        if (step == Step::Done)
            return true;
        const bool tooLong = m_buffer.size() - start > m_maxRecordSize;
        if (step == Step::Unterminated && !tooLong) {
            // Report it on the line where it starts and go on with the next line.
            record.fields.clear();
            record.line = record.lastLine = startLine;
            return skipRestOfLine(start);
        }
        if (tooLong) {
            record.fields.clear();
            record.line = record.lastLine = startLine;
            record.error = tr("the record is longer than %1 MB: probably a quote that is never closed")
                               .arg(double(m_maxRecordSize) / (1024.0 * 1024.0), 0, 'g', 3);
            return skipRestOfLine(start);
        }
        if (!fill())
            return false;
    }
}

} // namespace syncdesk
