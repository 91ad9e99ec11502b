#include "core/query/FilterError.h"

#include <QCoreApplication>

namespace syncdesk {

int FilterError::line(QStringView source) const {
    if (position < 0)
        return 0;
    return int(source.left(position).count(u'\n')) + 1;
}

int FilterError::column(QStringView source) const {
    if (position < 0)
        return 0;
    const qsizetype lineStart = source.left(position).lastIndexOf(u'\n') + 1;
    return int(position - lineStart) + 1;
}

QString FilterError::describe(QStringView source) const {
    if (position < 0 || position > source.size())
        return message;

    const bool multiLine = source.contains(u'\n');
    const QString where = multiLine
                              ? QCoreApplication::translate("FilterError", "line %1, column %2")
                                    .arg(line(source))
                                    .arg(column(source))
                              : QCoreApplication::translate("FilterError", "column %1").arg(column(source));

    const qsizetype lineStart = source.left(position).lastIndexOf(u'\n') + 1;
    qsizetype lineEnd = source.indexOf(u'\n', position);
    if (lineEnd < 0)
        lineEnd = source.size();
    QString text = source.mid(lineStart, lineEnd - lineStart).toString();
    text.replace(u'\t', u' ');
    qsizetype caret = position - lineStart;
    const qsizetype span = qMax<qsizetype>(1, qMin<qsizetype>(length, text.size() - caret));

    // Keep about 70 characters of a long line, centred on the caret.
    constexpr qsizetype window = 70;
    if (text.size() > window) {
        qsizetype from = qMax<qsizetype>(0, caret - window / 2);
        from = qMin(from, text.size() - window);
        const bool cutLeft = from > 0;
        const bool cutRight = from + window < text.size();
        text = (cutLeft ? QStringLiteral("...") : QString()) + text.mid(from, window) +
               (cutRight ? QStringLiteral("...") : QString());
        caret = caret - from + (cutLeft ? 3 : 0);
    }

    return where + QLatin1String(": ") + message + QLatin1String("\n  ") + text + QLatin1String("\n  ") +
           QString(caret, u' ') + QString(span, u'^');
}

} // namespace syncdesk
