#include "core/store/SqlUtil.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace syncdesk {

QString sqlErrorText(const QSqlError& error) {
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

namespace {
void appendJsonString(QString& out, const QString& s) {
    out += u'"';
    qsizetype plain = 0; // start of the characters not yet appended, which need no escape
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out.append(s.constData() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
        }
    }
    out.append(s.constData() + plain, s.size() - plain);
    out += u'"';
}
} // namespace

QString encodeCustomValues(const CustomValues& values) {
    // Hand-written (not QJsonDocument): this runs once per imported row.
    QString out;
    qsizetype size = 2;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        size += it.key().size() + it.value().size() + 6; // quotes, colon, comma
    out.reserve(size);
    out += u'{';
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        if (out.size() > 1)
            out += u',';
        appendJsonString(out, it.key());
        out += u':';
        appendJsonString(out, it.value());
    }
    out += u'}';
    return out;
}

namespace {

// Reads a JSON string starting at s[i] == '"'; advances i past the closing quote. False when the text
// is not a plain JSON string.
bool readJsonString(QStringView s, qsizetype& i, QString* out) {
    out->clear();
    ++i;
    while (i < s.size()) {
        const QChar c = s[i++];
        if (c == u'"')
            return true;
        if (c != u'\\') {
            out->append(c);
            continue;
        }
        if (i >= s.size())
            return false;
        switch (s[i++].unicode()) {
        case u'"':
            out->append(u'"');
            break;
        case u'\\':
            out->append(u'\\');
            break;
        case u'/':
            out->append(u'/');
            break;
        case u'n':
            out->append(u'\n');
            break;
        case u'r':
            out->append(u'\r');
            break;
        case u't':
            out->append(u'\t');
            break;
        case u'b':
            out->append(u'\b');
            break;
        case u'f':
            out->append(u'\f');
            break;
        case u'u': {
            bool ok = false;
            const uint code = i + 4 <= s.size() ? s.mid(i, 4).toUInt(&ok, 16) : 0;
            if (!ok)
                return false;
            out->append(QChar(char16_t(code)));
            i += 4;
            break;
        }
        default:
            return false;
        }
    }
    return false;
}

// The common case, fast: a flat object of string values as encodeCustomValues() writes it.
std::optional<CustomValues> decodeFlatObject(QStringView s) {
    CustomValues values;
    qsizetype i = 1;
    QString key;
    QString value;
    while (i < s.size() && s[i] != u'}') {
        if (s[i] != u'"' || !readJsonString(s, i, &key) || i >= s.size() || s[i++] != u':' || i >= s.size() ||
            s[i] != u'"' || !readJsonString(s, i, &value))
            return std::nullopt;
        if (!value.isEmpty())
            values.insert(key, value);
        if (i < s.size() && s[i] == u',')
            ++i;
    }
    if (i + 1 != s.size())
        return std::nullopt;
    return values;
}

} // namespace

CustomValues decodeCustomValues(const QString& json) {
    CustomValues values;
    if (json.size() <= 2)
        return values; // "{}" or empty
    if (json.startsWith(u'{')) {
        if (auto flat = decodeFlatObject(json))
            return *flat;
    }
    // Written by something else (numbers, booleans, spaces): the general parser.
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        // Values are text; a number or boolean written by another tool is kept as its text.
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString() : v.toVariant().toString();
        if (!text.isEmpty())
            values.insert(it.key(), text);
    }
    return values;
}

QDateTime parseStoredTime(const QString& text) {
    // Fast path for the stored form "2024-05-01T09:30:00Z".
    static constexpr char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
    if (text.size() == 20) {
        bool ok = true;
        for (int i = 0; i < 20 && ok; ++i) {
            const char16_t c = text[i].unicode();
            ok = pattern[i] == 'd' ? (c >= u'0' && c <= u'9') : c == char16_t(pattern[i]);
        }
        if (ok) {
            auto num = [&text](int from, int n) { return QStringView(text).mid(from, n).toInt(); };
            const QDate date(num(0, 4), num(5, 2), num(8, 2));
            const QTime time(num(11, 2), num(14, 2), num(17, 2));
            if (date.isValid() && time.isValid())
                return QDateTime(date, time, Qt::UTC);
        }
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

const QString& StoredTimeClock::text(const QDateTime& now) {
    const qint64 second = now.toSecsSinceEpoch();
    if (second != m_second) {
        m_second = second;
        m_text = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
    }
    return m_text;
}

} // namespace syncdesk
