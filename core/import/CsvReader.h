#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

namespace syncdesk {

// One record (row) of a CSV file.
struct CsvRecord {
    QStringList fields;
    qint64 line = 0;      // physical line (1-based) where the record starts
    qint64 lastLine = 0;  // physical line where it ends (> line when a quoted field holds line breaks)
    QString error;        // non-empty: the record is malformed (translated reason); fields are unreliable
    bool notUtf8 = false; // a field was not valid UTF-8 and was read as Windows-1252
};

// Streaming RFC 4180 reader (docs/import.md "CSV format"): fields separated by `,` `;` or TAB (detected
// from the first lines unless set), optionally enclosed in double quotes; inside quotes, `""` is a quote
// and line breaks belong to the field. Lines end with CRLF, LF or CR. UTF-8 with or without BOM.
// Lenient where no data is lost: a quote inside an unquoted field is kept as a character, blank lines
// are skipped. The input is read in chunks: memory stays bounded by the longest record.
class CsvReader {
public:
    explicit CsvReader(QIODevice* device);

    void setDelimiter(char delimiter) { m_delimiter = delimiter; } // ',', ';', '\t'; 0: detect (default)
    // A record longer than this (a quote that is never closed) is reported and skipped: reading goes
    // on at the line after the one where it started. Default 16 MiB.
    void setMaxRecordSize(qsizetype bytes) { m_maxRecordSize = bytes; }

    // Next record; false at the end of the input or when reading failed (see hasReadError()).
    // Malformed records (unterminated quote, text after a closing quote, too long) come back with
    // `error` set; reading resumes after them.
    bool readNext(CsvRecord& record);

    bool hasReadError() const { return !m_readError.isEmpty(); }
    QString readError() const { return m_readError; } // translated
    char delimiter() const { return m_delimiter; }    // known after the first readNext()
    bool hadByteOrderMark() const { return m_bom; }
    qint64 bytesConsumed() const { return m_consumedBefore + m_pos; }

private:
    enum class Step { Done, NeedMore, Unterminated };
    bool start();
    bool fill();
    Step parse(CsvRecord& record);
    void appendField(CsvRecord& record, const char* data, qsizetype size);
    char detectDelimiter() const;
    bool skipRestOfLine(qsizetype from);

    QIODevice* m_device;
    QByteArray m_buffer;
    QByteArray m_scratch;
    qsizetype m_pos = 0;
    qint64 m_consumedBefore = 0; // bytes dropped from the front of m_buffer
    qint64 m_line = 1;
    qsizetype m_maxRecordSize = 16 * 1024 * 1024;
    char m_delimiter = 0;
    bool m_started = false;
    bool m_eof = false;
    bool m_bom = false;
    QString m_readError;
};

} // namespace syncdesk
