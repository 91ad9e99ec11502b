#include "core/sandbox/SandboxRouter.h"

#include <QUrl>

namespace syncdesk::sandbox {

namespace {

bool isParam(const QString& segment) {
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

} // namespace

void SandboxRouter::add(const QByteArray& method, const QString& pattern, SandboxHandler handler) {
    Route route;
    route.method = method;
    route.pattern = pattern;
    route.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    for (const QString& s : route.segments)
        if (!isParam(s))
            ++route.literals;
    route.handler = std::move(handler);
    m_routes.append(std::move(route));
}

SandboxRouter::Match SandboxRouter::match(const QByteArray& method, const QString& path) const {
    // `path` is percent-encoded: split first, then decode, so an encoded '/' stays inside its segment.
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (QString& part : parts)
        part = QUrl::fromPercentEncoding(part.toUtf8());
    Match best;
    int bestLiterals = -1;
    for (const Route& route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString& seg = route.segments[i];
            if (isParam(seg))
                params.insert(seg.mid(1, seg.size() - 2), parts[i]);
            else
                ok = seg == parts[i];
        }
        if (!ok)
            continue;
        if (route.method != method) {
            best.pathKnown = true;
            continue;
        }
        if (route.literals > bestLiterals) {
            bestLiterals = route.literals;
            best.found = true;
            best.pattern = route.pattern;
            best.params = params;
            best.handler = route.handler;
        }
    }
    return best;
}

} // namespace syncdesk::sandbox
