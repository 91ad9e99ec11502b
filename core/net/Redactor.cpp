#include "core/net/Redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUtf8StringView>

#include <algorithm>

namespace syncdesk {

namespace {

const QStringList DefaultParameters = {
    QStringLiteral("access_token"),
    QStringLiteral("refresh_token"),
    QStringLiteral("id_token"),
    QStringLiteral("client_secret"),
    QStringLiteral("code"),
    QStringLiteral("code_verifier"),
    QStringLiteral("password"),
    QStringLiteral("token"),
    QStringLiteral("hapikey"),
    QStringLiteral("api_key"),
    QStringLiteral("client_assertion"),
};

// Headers whose value is a credential after an optional scheme word.
bool keepsScheme(const QByteArray& lowerName) {
    return lowerName == "authorization" || lowerName == "proxy-authorization";
}

const QList<QByteArray> DefaultHeaders = {
    QByteArrayLiteral("cookie"),  QByteArrayLiteral("set-cookie"),   QByteArrayLiteral("x-api-key"),
    QByteArrayLiteral("api-key"), QByteArrayLiteral("x-auth-token"),
};

QString jsonEscaped(const QString& value) {
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    // ["..."] -> ...
    return QString::fromUtf8(json.mid(2, json.size() - 4));
}

} // namespace

Redactor::Redactor()
    : m_parameters(DefaultParameters)
    , m_headers(DefaultHeaders) {
    rebuildPatterns();
}

std::shared_ptr<Redactor> Redactor::shared() {
    static const std::shared_ptr<Redactor> instance = std::make_shared<Redactor>();
    return instance;
}

bool Redactor::addSecret(const QString& value) {
    if (value.size() < MinSecretLength)
        return false;
    QWriteLocker lock(&m_lock);
    if (m_registered.contains(value))
        return true;
    m_registered.append(value);
    rebuildPatterns();
    return true;
}

void Redactor::removeSecret(const QString& value) {
    QWriteLocker lock(&m_lock);
    m_registered.removeAll(value);
    rebuildPatterns();
}

void Redactor::clearSecrets() {
    QWriteLocker lock(&m_lock);
    m_registered.clear();
    rebuildPatterns();
}

void Redactor::addSensitiveParameter(const QString& name) {
    QWriteLocker lock(&m_lock);
    const QString lower = name.toLower();
    if (!lower.isEmpty() && !m_parameters.contains(lower)) {
        m_parameters.append(lower);
        rebuildPatterns();
    }
}

void Redactor::addSensitiveHeader(const QByteArray& name) {
    QWriteLocker lock(&m_lock);
    const QByteArray lower = name.toLower();
    if (!lower.isEmpty() && !m_headers.contains(lower))
        m_headers.append(lower);
}

QStringList Redactor::sensitiveParameters() const {
    QReadLocker lock(&m_lock);
    return m_parameters;
}

void Redactor::rebuildPatterns() {
    QStringList escaped;
    for (const QString& p : std::as_const(m_parameters))
        escaped.append(QRegularExpression::escape(p));
    const QString names = escaped.join(QLatin1Char('|'));
    // "name" : "value" (an unterminated string too: bodies are redacted before they are cut, but
    // a server may send a broken one), or a bare number/literal. Objects and arrays are left alone.
    m_jsonPattern = QRegularExpression(
        QStringLiteral(R"__(("(?:%1)"\s*:\s*)("(?:[^"\\]|\\.)*(?:"|$)|[^,}\]\s{\["]+))__").arg(names),
        QRegularExpression::CaseInsensitiveOption);
    // name=value in queries, fragments, form bodies and free text (e.g. a URL quoted in a message).
    m_formPattern =
        QRegularExpression(QStringLiteral(R"__((^|[?&;#\s"'<>(,])((?:%1)=)([^&;#\s"'<>)]*))__").arg(names),
                           QRegularExpression::CaseInsensitiveOption);

    QStringList variants;
    for (const QString& secret : std::as_const(m_registered)) {
        variants.append(secret);
        variants.append(QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        variants.append(jsonEscaped(secret));
        QString slashEscaped = jsonEscaped(secret);
        slashEscaped.replace(QLatin1Char('/'), QLatin1String("\\/"));
        variants.append(slashEscaped);
    }
    variants.removeDuplicates();
    // Longest first, so that a secret containing another is replaced whole.
    std::sort(variants.begin(), variants.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    m_secrets = variants;
}

QString Redactor::redactText(const QString& text) const {
    return redactSecretValues(redactParameters(text));
}

QString Redactor::redactSecretValues(const QString& text) const {
    QReadLocker lock(&m_lock);
    QString out = text;
    for (const QString& secret : m_secrets)
        out.replace(secret, Marker);
    return out;
}

QString Redactor::redactParameters(QString text) const {
    QRegularExpression json;
    QRegularExpression form;
    {
        QReadLocker lock(&m_lock);
        json = m_jsonPattern;
        form = m_formPattern;
    }
    {
        QString out;
        qsizetype last = 0;
        auto it = json.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(last, m.capturedStart(2) - last);
            out += QLatin1Char('"') + Marker + QLatin1Char('"');
            last = m.capturedEnd(2);
        }
        if (last > 0) {
            out += QStringView(text).mid(last);
            text = out;
        }
    }
    {
        QString out;
        qsizetype last = 0;
        auto it = form.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength(3) == 0)
                continue;
            out += QStringView(text).mid(last, m.capturedStart(3) - last);
            out += Marker;
            last = m.capturedEnd(3);
        }
        if (last > 0) {
            out += QStringView(text).mid(last);
            text = out;
        }
    }
    return text;
}

QString Redactor::redactUrl(const QUrl& url) const {
    const QString encoded = redactText(url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
    // A secret may sit in the URL encoded differently from our variants: check the decoded form.
    const QString decoded = QUrl::fromPercentEncoding(encoded.toUtf8());
    const QString decodedRedacted = redactSecretValues(decoded);
    return decodedRedacted != decoded ? decodedRedacted : encoded;
}

QByteArray Redactor::redactHeaderValue(const QByteArray& name, const QByteArray& value) const {
    const QByteArray lower = name.toLower();
    const QByteArray marker = Marker.toUtf8();
    if (keepsScheme(lower)) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        if (space > 0)
            return trimmed.left(space) + ' ' + marker;
        return marker;
    }
    {
        QReadLocker lock(&m_lock);
        if (m_headers.contains(lower))
            return marker;
    }
    return redactText(QString::fromUtf8(value)).toUtf8();
}

QList<std::pair<QString, QString>> Redactor::redactHeaders(const HttpHeaders& headers) const {
    QList<std::pair<QString, QString>> out;
    out.reserve(headers.size());
    for (const auto& [name, value] : headers.fields())
        out.append({QString::fromLatin1(name), QString::fromUtf8(redactHeaderValue(name, value))});
    return out;
}

QString Redactor::redactBody(const QByteArray& body) const {
    if (body.isEmpty())
        return {};
    if (body.contains('\0') || !QUtf8StringView(body).isValidUtf8())
        return QStringLiteral("[binary body, %1 bytes]").arg(body.size());
    return redactText(QString::fromUtf8(body));
}

} // namespace syncdesk
