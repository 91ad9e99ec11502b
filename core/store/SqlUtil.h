#pragma once

// Helpers shared by the store classes (not a public API of the store).

#include "core/model/Company.h"

#include <QDateTime>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <functional>

namespace syncdesk {

// The most useful text of an error: the database's own message when there is one.
QString sqlErrorText(const QSqlError& error);

// The JSON `custom` column: an object of field key -> text. Empty values are left out.
QString encodeCustomValues(const CustomValues& values);
CustomValues decodeCustomValues(const QString& json);

// Timestamps are stored as ISO-8601 UTC text with second precision ("2024-05-01T09:30:00Z").
QDateTime parseStoredTime(const QString& text);

// Formats "now" for created_at/updated_at; reuses the text while the second has not changed.
class StoredTimeClock {
public:
    // Null QDateTime from the injected clock means "use the system clock".
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc(); }
    const QString& text(const QDateTime& now);

private:
    std::function<QDateTime()> m_clock;
    qint64 m_second = -1;
    QString m_text;
};

// QtSql binds a null QString as SQL NULL: text columns declared NOT NULL get "" instead.
inline QString notNull(const QString& text) {
    static const QString empty = QStringLiteral("");
    return text.isNull() ? empty : text;
}

// NULL for an empty string (external_id: several records may have none).
inline QVariant textOrNull(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

} // namespace syncdesk
