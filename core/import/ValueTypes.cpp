#include "core/import/ValueTypes.h"

#include "core/domain/EmailAddress.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace syncdesk {

namespace {

bool allDigits(QStringView s) {
    if (s.isEmpty())
        return false;
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

int monthFromName(QStringView name) {
    static const char* const months[] = {"january",   "february", "march",    "april",
                                         "may",       "june",     "july",     "august",
                                         "september", "october",  "november", "december"};
    if (name.size() < 3)
        return 0;
    const QString lower = name.toString().toLower();
    for (int m = 0; m < 12; ++m) {
        const QLatin1String full(months[m]);
        if (lower == full || (lower.size() == 3 && full.startsWith(lower)) || (m == 8 && lower == u"sept"))
            return m + 1;
    }
    return 0;
}

} // namespace

std::optional<qint64> parseWholeNumber(QStringView text, QString* reason) {
    auto fail = [reason](const char* why) -> std::optional<qint64> {
        if (reason)
            *reason = QCoreApplication::translate("ValueTypes", why);
        return std::nullopt;
    };
    QStringView digits = text;
    bool ok = false;
    if (!allDigits(digits)) {
        // Thousands separators of one kind in groups of three ("1,200", "1.200", "1 200"), an optional
        // leading "+", and ".0" as spreadsheets write whole numbers.
        static const QRegularExpression whole(QStringLiteral(
            "^\\+?(\\d+|\\d{1,3}(?:([,.' \\x{00A0}\\x{202F}])\\d{3})(?:\\2\\d{3})*)(?:\\.0+)?$"));
        const QRegularExpressionMatch m = whole.match(text);
        if (!m.hasMatch()) {
            if (text.startsWith(u'-') && looksLikeNumber(text))
                return fail(QT_TRANSLATE_NOOP("ValueTypes", "a negative number"));
            static const QRegularExpression range(QStringLiteral("^\\d[\\d,.]*\\s*[-–]\\s*\\d[\\d,.]*\\+?$"));
            if (range.match(text).hasMatch())
                return fail(QT_TRANSLATE_NOOP("ValueTypes", "a range, not one number"));
            return fail(QT_TRANSLATE_NOOP("ValueTypes", "not a whole number"));
        }
        QString plain;
        for (QChar c : m.capturedView(1)) {
            if (c.isDigit())
                plain += c;
        }
        const qint64 n = plain.toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : fail(QT_TRANSLATE_NOOP("ValueTypes", "too large"));
    }
    const qint64 n = digits.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : fail(QT_TRANSLATE_NOOP("ValueTypes", "too large"));
}

bool looksLikeNumber(QStringView text) {
    if (allDigits(text))
        return true;
    static const QRegularExpression number(QStringLiteral("^[+-]?(?:\\d+(?:[.,]\\d+)?" // 12, 12.5, 12,5
                                                          "|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?" // 1,234,567.89
                                                          "|\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?" // 1.234.567,89
                                                          "|\\d*\\.\\d+"                      // .5
                                                          "|\\d+(?:\\.\\d+)?[eE][+-]?\\d+)$")); // 1e6, 2.5E-3
    return number.match(text).hasMatch();
}

bool looksLikeBoolean(QStringView text) {
    for (const char* word : {"true", "false", "yes", "no"}) {
        if (text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<QDate> parseDate(QStringView text) {
    if (text.size() < 6 || text.size() > 35)
        return std::nullopt;
    auto valid = [](int y, int m, int d) -> std::optional<QDate> {
        const QDate date(y, m, d);
        return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
    };
    auto num = [](const QRegularExpressionMatch& m, int i) { return m.capturedView(i).toInt(); };

    // 2024-05-01 alone, the usual form, without the regular expressions (a date column of a million
    // rows is tested row by row while its type is inferred).
    if (text.size() == 10 && text[4] == u'-' && text[7] == u'-') {
        auto digits = [&](qsizetype from, qsizetype count) {
            int n = 0;
            for (qsizetype i = from; i < from + count; ++i) {
                const char16_t c = text[i].unicode();
                if (c < u'0' || c > u'9')
                    return -1;
                n = n * 10 + (c - u'0');
            }
            return n;
        };
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y < 0 || m < 0 || d < 0)
            return std::nullopt;
        return valid(y, m, d);
    }

    // 2024-05-01, optionally with a time: 2024-05-01T09:30, 2024-05-01 09:30:00.123+02:00
    static const QRegularExpression iso(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]([01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?"
                       "(?:Z|[+-]\\d{2}:?\\d{2})?)?$"));
    if (auto m = iso.match(text); m.hasMatch())
        return valid(num(m, 1), num(m, 2), num(m, 3));
    // 2024/05/01
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})/(\\d{1,2})/(\\d{1,2})$"));
    if (auto m = ymd.match(text); m.hasMatch())
        return valid(num(m, 1), num(m, 2), num(m, 3));
    // 01/05/2024, 5/1/2024, 01.05.2024, 01-05-2024: day first or month first, whichever is a date
    static const QRegularExpression dmy(QStringLiteral("^(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})$"));
    if (auto m = dmy.match(text); m.hasMatch()) {
        if (auto d = valid(num(m, 4), num(m, 3), num(m, 1)))
            return d;
        return valid(num(m, 4), num(m, 1), num(m, 3));
    }
    // 1 May 2024, 01-May-2024, 1 May, 2024
    static const QRegularExpression dMonthY(
        QStringLiteral("^(\\d{1,2})[ -]([A-Za-z]{3,9})\\.?[ -],? ?(\\d{4})$"));
    if (auto m = dMonthY.match(text); m.hasMatch()) {
        if (int month = monthFromName(m.capturedView(2)))
            return valid(num(m, 3), month, num(m, 1));
        return std::nullopt;
    }
    // May 1, 2024, May 1 2024, Sept. 1, 2024
    static const QRegularExpression monthDY(QStringLiteral("^([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})$"));
    if (auto m = monthDY.match(text); m.hasMatch()) {
        if (int month = monthFromName(m.capturedView(1)))
            return valid(num(m, 3), month, num(m, 2));
    }
    return std::nullopt;
}

bool looksLikeUrl(QStringView text) {
    static const QRegularExpression url(
        QStringLiteral("^(?:(?:https?|ftp)://[^\\s/?#]+\\S*"
                       "|www\\.\\S+\\.\\S+"
                       "|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,63}"
                       "(?::\\d+)?(?:[/?#]\\S*)?)$"),
        QRegularExpression::CaseInsensitiveOption);
    return !text.contains(u'@') && url.match(text).hasMatch();
}

bool looksLikeEmail(QStringView text) {
    return text.contains(u'@') && EmailAddress::normalize(text).valid;
}

bool valueFitsType(QStringView text, FieldType type, const QStringList& choices) {
    if (text.isEmpty())
        return true;
    switch (type) {
    case FieldType::Text:
        return true;
    case FieldType::Number:
        return looksLikeNumber(text);
    case FieldType::Date:
        return parseDate(text).has_value();
    case FieldType::Boolean:
        return looksLikeBoolean(text);
    case FieldType::Url:
        return looksLikeUrl(text);
    case FieldType::Email:
        return looksLikeEmail(text);
    case FieldType::Choice:
        for (const QString& choice : choices) {
            if (text.compare(choice, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    return true;
}

void TypeInference::observe(QStringView value) {
    if (value.isEmpty())
        return;
    m_sawValues = true;
    if ((m_candidates & Boolean) && !looksLikeBoolean(value))
        m_candidates &= ~Boolean;
    if ((m_candidates & Number) && !looksLikeNumber(value))
        m_candidates &= ~Number;
    if ((m_candidates & Date) && !parseDate(value))
        m_candidates &= ~Date;
    if ((m_candidates & Email) && !looksLikeEmail(value))
        m_candidates &= ~Email;
    if ((m_candidates & Url) && !looksLikeUrl(value))
        m_candidates &= ~Url;
}

FieldType TypeInference::type() const {
    if (!m_sawValues)
        return FieldType::Text;
    if (m_candidates & Boolean)
        return FieldType::Boolean;
    if (m_candidates & Number)
        return FieldType::Number;
    if (m_candidates & Date)
        return FieldType::Date;
    if (m_candidates & Email)
        return FieldType::Email;
    if (m_candidates & Url)
        return FieldType::Url;
    return FieldType::Text;
}

} // namespace syncdesk
