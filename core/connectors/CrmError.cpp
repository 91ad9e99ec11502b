#include "core/connectors/CrmError.h"

namespace syncdesk {

QString crmErrorKindName(CrmErrorKind kind) {
    switch (kind) {
    case CrmErrorKind::Network:
        return QStringLiteral("network");
    case CrmErrorKind::Server:
        return QStringLiteral("server");
    case CrmErrorKind::RateLimited:
        return QStringLiteral("rate_limited");
    case CrmErrorKind::DailyLimit:
        return QStringLiteral("daily_limit");
    case CrmErrorKind::Authentication:
        return QStringLiteral("authentication");
    case CrmErrorKind::Permission:
        return QStringLiteral("permission");
    case CrmErrorKind::Validation:
        return QStringLiteral("validation");
    case CrmErrorKind::Duplicate:
        return QStringLiteral("duplicate");
    case CrmErrorKind::NotFound:
        return QStringLiteral("not_found");
    case CrmErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case CrmErrorKind::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

bool CrmError::isTransient() const {
    return kind == CrmErrorKind::Network || kind == CrmErrorKind::Server || kind == CrmErrorKind::RateLimited;
}

bool CrmError::stopsRun() const {
    return kind == CrmErrorKind::DailyLimit || kind == CrmErrorKind::Authentication ||
           kind == CrmErrorKind::Cancelled;
}

QJsonObject CrmError::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("http_status"), httpStatus);
    const auto put = [&o](const QString& key, const QString& value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(QStringLiteral("category"), category);
    put(QStringLiteral("code"), code);
    put(QStringLiteral("message"), message);
    put(QStringLiteral("hint"), hint);
    put(QStringLiteral("correlation_id"), correlationId);
    put(QStringLiteral("field"), field);
    o.insert(QStringLiteral("kind"), crmErrorKindName(kind));
    return o;
}

} // namespace syncdesk
