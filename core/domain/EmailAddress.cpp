// E-mail addresses of contacts (PRODUCT.md "Contacts"; the validity rule is in docs/domain-keys.md).
#include "core/domain/EmailAddress.h"

#include "core/domain/HostLabels.h"

#include <QCoreApplication>
#include <QUrl>

#include <string_view>
#include <utility>

namespace syncdesk {

namespace {

constexpr qsizetype MaxAddressLength = 254; // RFC 5321 path limit minus the angle brackets
constexpr qsizetype MaxLocalLength = 64;

// RFC 5322 "atext" and the dot (anywhere, as the HTML e-mail rule allows), plus any non-ASCII character
// (internationalised addresses, RFC 6531).
bool isLocalPartChar(char16_t c) {
    if (c >= 0x80)
        return true;
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return c != 0 && std::u16string_view(u".!#$%&'*+/=?^_`{|}~-").find(c) != std::u16string_view::npos;
}

// A domain with at least one dot, letters/digits/hyphens per label (IDN allowed), not ending in a number.
bool isValidDomain(QStringView domain) {
    QByteArray ascii;
    bool plainAscii = true;
    for (QChar c : domain)
        plainAscii = plainAscii && c.unicode() < 0x80;
    if (plainAscii) {
        ascii = domain.toLatin1();
    } else {
        if (domain.size() > 1024)
            return false;
        ascii = QUrl::toAce(domain.toString());
        if (ascii.endsWith('.')) // toAce keeps a trailing dot; an address has none
            return false;
    }
    const std::string_view host(ascii.constData(), size_t(ascii.size()));
    if (host.empty() || detail::checkLabels(host, /*allowUnderscore=*/false) != detail::LabelCheck::Ok)
        return false;
    const size_t lastDot = host.rfind('.');
    if (lastDot == std::string_view::npos)
        return false;
    const std::string_view tld = host.substr(lastDot + 1);
    return tld.find_first_not_of("0123456789") != std::string_view::npos; // not an IPv4 address
}

} // namespace

EmailResult EmailAddress::normalize(QStringView raw) {
    EmailResult r;
    const QStringView trimmed = raw.trimmed();
    if (trimmed.isEmpty()) {
        r.reason = QCoreApplication::translate("EmailAddress", "no e-mail address");
        return r;
    }
    r.key = trimmed.toString().toLower();
    const QStringView key(r.key);

    const qsizetype at = key.indexOf(u'@');
    const auto invalid = [&r](const char* reason) {
        r.reason = QCoreApplication::translate("EmailAddress", reason);
        return std::move(r);
    };
    for (QChar c : key) {
        if (c.isSpace())
            return invalid(QT_TRANSLATE_NOOP("EmailAddress", "contains spaces"));
    }
    if (at < 0)
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "missing @"));
    if (key.indexOf(u'@', at + 1) >= 0)
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "more than one @"));
    const QStringView local = key.first(at);
    const QStringView domain = key.sliced(at + 1);
    if (local.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "nothing before the @"));
    if (domain.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "no domain after the @"));
    if (key.size() > MaxAddressLength || local.size() > MaxLocalLength)
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "too long for an e-mail address"));
    for (QChar c : local) {
        if (!isLocalPartChar(c.unicode()))
            return invalid(QT_TRANSLATE_NOOP("EmailAddress", "a character not allowed before the @"));
    }
    if (!domain.contains(u'.'))
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "the domain after the @ has no dot"));
    if (!isValidDomain(domain))
        return invalid(QT_TRANSLATE_NOOP("EmailAddress", "not a valid domain after the @"));
    r.valid = true;
    return r;
}

} // namespace syncdesk
