// The domain key (PRODUCT.md "Matching companies: the domain key"; docs/domain-keys.md).
//
// Hot path: plain ASCII values are scanned by hand (scheme, user info, host, port) into a small char
// buffer and looked up in the Public Suffix List; no QUrl, one or two QString allocations per value.
// Only a host with non-ASCII characters or percent-escapes goes through QUrl::toAce (IDNA, UTS #46).
#include "core/domain/DomainKey.h"

#include "core/domain/HostLabels.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QUrl>

#include <libpsl.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

Q_LOGGING_CATEGORY(lcDomain, "syncdesk.domain")

namespace syncdesk {

namespace {

// ---- Public Suffix List: the system's list, loaded once (thread-safe static), read-only after. ----

class PublicSuffixList {
public:
    PublicSuffixList() {
        // nullptr: the distribution's file (/usr/share/publicsuffix/...) or the built-in data, whichever
        // is newer. Both include the private section.
        m_owned = psl_latest(nullptr);
        m_ctx = m_owned;
        if (!m_ctx) {
            qCWarning(lcDomain) << "could not load the Public Suffix List; using libpsl's built-in copy";
            m_ctx = psl_builtin();
        }
        if (!m_ctx)
            qCCritical(lcDomain) << "no Public Suffix List available: no value gets a domain key";
    }
    ~PublicSuffixList() { psl_free(m_owned); }
    PublicSuffixList(const PublicSuffixList&) = delete;
    PublicSuffixList& operator=(const PublicSuffixList&) = delete;

    static const PublicSuffixList& instance() {
        static const PublicSuffixList list;
        return list;
    }

    // Only suffixes the list names (for telling "com" from "acme").
    bool isListedSuffix(const char* host) const {
        return m_ctx && psl_is_public_suffix2(m_ctx, host, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE);
    }
    // Points into `host`; nullptr when `host` is itself a public suffix. With the implicit "*" rule, an
    // unlisted TLD counts as a public suffix (as the PSL algorithm says): "acme.example" is registrable.
    const char* registrableDomain(const char* host) const {
        return m_ctx ? psl_registrable_domain(m_ctx, host) : nullptr;
    }

private:
    psl_ctx_t* m_owned = nullptr;
    const psl_ctx_t* m_ctx = nullptr;
};

// ---- character classes ----

constexpr bool isAsciiAlpha(char16_t c) {
    return (c | 0x20) >= u'a' && (c | 0x20) <= u'z';
}
constexpr bool isDigit(char16_t c) {
    return c >= u'0' && c <= u'9';
}
constexpr bool isHexDigit(char16_t c) {
    return isDigit(c) || ((c | 0x20) >= u'a' && (c | 0x20) <= u'f');
}

// Rule 1: values are separated by ',' ';' or white space (any Unicode space, e.g. a no-break space).
inline bool isSeparator(char16_t c) {
    if (c < 0x80)
        return c == u',' || c == u';' || c == u' ' || (c >= u'\t' && c <= u'\r');
    return QChar::isSpace(c);
}

constexpr bool isSchemeChar(char16_t c) {
    return isAsciiAlpha(c) || isDigit(c) || c == u'+' || c == u'-' || c == u'.';
}

// Where the authority (user info, host, port) ends. The backslash counts as a slash, as browsers do.
constexpr bool isAuthorityEnd(char16_t c) {
    return c == u'/' || c == u'\\' || c == u'?' || c == u'#';
}

bool equalsAsciiLower(QStringView s, std::string_view lower) {
    if (s.size() != qsizetype(lower.size()))
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if ((isAsciiAlpha(c) ? char16_t(c | 0x20) : c) != char16_t(lower[size_t(i)]))
            return false;
    }
    return true;
}

bool isNoWebsiteWord(QStringView s) {
    return s.size() <= 4 && (equalsAsciiLower(s, "-") || equalsAsciiLower(s, "n/a") ||
                             equalsAsciiLower(s, "none") || equalsAsciiLower(s, "null"));
}

// Schemes that never lead to a website, even when written with "//".
bool isHostlessScheme(QStringView scheme) {
    static constexpr std::string_view names[] = {
        "mailto", "javascript", "vbscript", "tel",  "sms",   "mms",  "fax",   "callto",
        "skype",  "facetime",   "data",     "file", "about", "blob", "urn",   "geo",
        "cid",    "mid",        "news",     "sip",  "sips",  "xmpp", "magnet"};
    for (std::string_view name : names) {
        if (equalsAsciiLower(scheme, name))
            return true;
    }
    return false;
}

// WHATWG "special" schemes (minus file): their slashes may be missing, doubled or backslashes.
bool isSpecialScheme(QStringView scheme) {
    return equalsAsciiLower(scheme, "http") || equalsAsciiLower(scheme, "https") ||
           equalsAsciiLower(scheme, "ws") || equalsAsciiLower(scheme, "wss") ||
           equalsAsciiLower(scheme, "ftp");
}

// Digits (possibly none), at most 65535.
bool isValidPort(QStringView port) {
    quint32 value = 0;
    for (QChar c : port) {
        if (!isDigit(c.unicode()))
            return false;
        value = value * 10 + (c.unicode() - u'0');
        if (value > 65535)
            return false;
    }
    return true;
}

// "acme.com:8080" and "localhost:3000/x" are a host and a port, not a scheme "acme.com" / "localhost".
bool startsWithPort(QStringView rest) {
    qsizetype i = 0;
    while (i < rest.size() && isDigit(rest[i].unicode()))
        ++i;
    return i > 0 && (i == rest.size() || isAuthorityEnd(rest[i].unicode()));
}

bool isIpv6Literal(QStringView s) {
    if (s.isEmpty() || s.size() > 64 || !s.contains(u':'))
        return false;
    QHostAddress address;
    return address.setAddress(s.toString()) && address.protocol() == QAbstractSocket::IPv6Protocol;
}

// A label that is a number in the WHATWG IPv4 sense: decimal, or 0x-hex.
bool isNumericLabel(std::string_view label) {
    if (label.size() >= 2 && label[0] == '0' && (label[1] | 0x20) == 'x') {
        for (size_t i = 2; i < label.size(); ++i) {
            if (!isHexDigit(char16_t(label[i])))
                return false;
        }
        return true;
    }
    for (char c : label) {
        if (!isDigit(char16_t(c)))
            return false;
    }
    return !label.empty();
}

// Full stops that IDNA treats as a label separator.
constexpr bool isDotLike(char16_t c) {
    return c == u'.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61;
}

// The longest host we look at. A DNS name has at most 253 characters; the Unicode form of an IDN host
// can be longer than its ASCII form only by characters that IDNA deletes, so this is generous.
constexpr qsizetype MaxRawHostLength = 1024;
using detail::MaxHostLength;

// The normalised host being built: lower-case ASCII, NUL-terminated (libpsl wants a C string).
struct HostBuffer {
    std::array<char, MaxHostLength + 2> data{}; // + a trailing dot + NUL
    size_t size = 0;

    std::string_view view() const { return {data.data(), size}; }
    const char* c_str() { return (data[size] = '\0', data.data()); }
};

struct Extracted {
    NoKeyReason reason = NoKeyReason::None;
    QStringView host; // the raw host, when reason is None
};

// Rule 2, first half: find the host in one value (scheme, user info, port, path... dropped).
Extracted extractHost(QStringView v) {
    const qsizetype n = v.size();
    qsizetype pos = 0;
    bool hasScheme = false;
    if (isAsciiAlpha(v[0].unicode())) {
        qsizetype j = 1;
        bool dotted = false;
        while (j < n && isSchemeChar(v[j].unicode())) {
            dotted = dotted || v[j] == u'.';
            ++j;
        }
        if (j < n && v[j] == u':' && !dotted && !startsWithPort(v.sliced(j + 1))) {
            const QStringView scheme = v.first(j);
            // "fe80::1", "abcd:0:0:0:0:0:0:1": an IPv6 address without brackets, not a scheme. (One that
            // starts with a digit or ':' is caught below as an invalid port.)
            if (j <= 4 &&
                std::all_of(scheme.begin(), scheme.end(), [](QChar c) { return isHexDigit(c.unicode()); }) &&
                isIpv6Literal(v))
                return {NoKeyReason::IpAddress, {}};
            const QStringView rest = v.sliced(j + 1);
            if (isHostlessScheme(scheme))
                return {NoKeyReason::NoHostScheme, {}};
            pos = j + 1;
            if (isSpecialScheme(scheme)) {
                while (pos < n && (v[pos] == u'/' || v[pos] == u'\\'))
                    ++pos;
            } else if (rest.startsWith(u"//")) {
                pos += 2;
            } else {
                return {NoKeyReason::NoHostScheme, {}}; // "urn:isbn:...", "acme:foo"
            }
            hasScheme = true;
        }
    }
    if (!hasScheme && v.startsWith(u"//")) // protocol-relative "//acme.com/x"
        pos = 2;

    qsizetype end = pos;
    qsizetype at = -1; // the last '@'
    for (; end < n && !isAuthorityEnd(v[end].unicode()); ++end) {
        if (v[end] == u'@')
            at = end;
    }
    QStringView authority = v.sliced(pos, end - pos);
    if (at >= 0) {
        if (!hasScheme)
            return {NoKeyReason::EmailAddress, {}}; // "jane@acme.io"
        authority = v.sliced(at + 1, end - at - 1); // "http://user:pw@acme.io"
    }
    if (authority.isEmpty())
        return {NoKeyReason::Unparsable, {}};

    if (authority.front() == u'[') { // "[2001:db8::1]:8080"
        const qsizetype close = authority.indexOf(u']');
        if (close < 0)
            return {NoKeyReason::Unparsable, {}};
        const QStringView after = authority.sliced(close + 1);
        const bool portOk = after.isEmpty() || (after.front() == u':' && isValidPort(after.sliced(1)));
        return {portOk && isIpv6Literal(authority.sliced(1, close - 1)) ? NoKeyReason::IpAddress
                                                                        : NoKeyReason::Unparsable,
                {}};
    }

    QStringView host = authority;
    if (const qsizetype colon = authority.indexOf(u':'); colon >= 0) {
        if (!isValidPort(authority.sliced(colon + 1)))
            return {isIpv6Literal(authority) ? NoKeyReason::IpAddress : NoKeyReason::Unparsable, {}};
        host = authority.first(colon);
    }
    if (host.isEmpty())
        return {NoKeyReason::Unparsable, {}};
    return {NoKeyReason::None, host};
}

// Empty labels in a Unicode host (".münchen.de", "münchen..de"), before IDNA would just fail on them.
bool hasEmptyUnicodeLabel(QStringView host) {
    qsizetype n = host.size();
    if (n > 0 && isDotLike(host[n - 1].unicode()))
        --n; // one trailing dot is allowed
    bool labelStart = true;
    for (qsizetype i = 0; i < n; ++i) {
        const bool dot = isDotLike(host[i].unicode());
        if (dot && labelStart)
            return true;
        labelStart = dot;
    }
    return n > 0 && labelStart;
}

// Rule 2, second half: the host in lower-case ASCII, a trailing dot dropped, every label checked.
NoKeyReason normaliseHost(QStringView raw, HostBuffer& out) {
    if (raw.size() > MaxRawHostLength)
        return NoKeyReason::Unparsable;

    bool plainAscii = true;
    for (QChar c : raw) {
        if (c.unicode() >= 0x80 || c == u'%') {
            plainAscii = false;
            break;
        }
    }

    if (plainAscii) {
        if (size_t(raw.size()) > MaxHostLength + 1)
            return NoKeyReason::Unparsable;
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const char16_t c = raw[i].unicode();
            out.data[size_t(i)] = char(c >= u'A' && c <= u'Z' ? c | 0x20 : c);
        }
        out.size = size_t(raw.size());
    } else {
        QString unicode = raw.toString();
        if (unicode.contains(u'%'))
            unicode = QString::fromUtf8(QByteArray::fromPercentEncoding(unicode.toUtf8()));
        if (hasEmptyUnicodeLabel(unicode))
            return NoKeyReason::EmptyLabel;
        const QByteArray ace =
            QUrl::toAce(unicode); // IDNA: case folding, NFC, punycode; empty when not a valid name
        if (ace.isEmpty() || size_t(ace.size()) > MaxHostLength + 1)
            return NoKeyReason::Unparsable;
        for (qsizetype i = 0; i < ace.size(); ++i) {
            const char c = ace[i];
            out.data[size_t(i)] = c >= 'A' && c <= 'Z' ? char(c | 0x20) : c;
        }
        out.size = size_t(ace.size());
    }

    if (out.size > 0 && out.data[out.size - 1] == '.')
        --out.size; // "WWW.Test.COM."
    if (out.size == 0)
        return NoKeyReason::Unparsable;

    // Letters, digits, '-' (not first or last) and '_' (found in real host names); labels of 1..63.
    switch (detail::checkLabels(out.view(), /*allowUnderscore=*/true)) {
    case detail::LabelCheck::Ok:
        return NoKeyReason::None;
    case detail::LabelCheck::EmptyLabel:
        return NoKeyReason::EmptyLabel;
    case detail::LabelCheck::Invalid:
        break;
    }
    return NoKeyReason::Unparsable;
}

QString latin1(std::string_view s) {
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

// The Unicode form of an ASCII key with punycode labels; empty when one does not decode.
QString unicodeForm(const QString& asciiKey) {
    return QUrl::fromAce(asciiKey.toLatin1(), QUrl::IgnoreIDNWhitelist);
}

} // namespace

DomainKeyResult DomainKey::compute(QStringView raw, DomainPolicy policy) {
    DomainKeyResult r;

    // Rule 1: the first of several values; trimming falls out of skipping separators.
    const qsizetype n = raw.size();
    qsizetype i = 0;
    while (i < n && isSeparator(raw[i].unicode()))
        ++i;
    const qsizetype start = i;
    while (i < n && !isSeparator(raw[i].unicode()))
        ++i;
    const QStringView value = raw.sliced(start, i - start);
    while (i < n && isSeparator(raw[i].unicode()))
        ++i;
    r.severalValues = i < n;
    r.usedValue = value.toString();
    if (value.isEmpty() || isNoWebsiteWord(value)) {
        r.reason = NoKeyReason::Empty;
        return r;
    }

    // Rule 2.
    const Extracted extracted = extractHost(value);
    if (extracted.reason != NoKeyReason::None) {
        r.reason = extracted.reason;
        return r;
    }
    HostBuffer host;
    if (const NoKeyReason reason = normaliseHost(extracted.host, host); reason != NoKeyReason::None) {
        r.reason = reason;
        return r;
    }

    // Rule 5: a valid host name, but not one of a company. `host` is reported even then.
    std::string_view h = host.view();
    const auto noKey = [&](NoKeyReason reason) {
        r.host = latin1(h);
        r.reason = reason;
        return std::move(r);
    };
    const size_t lastDot = h.rfind('.');
    if (isNumericLabel(h.substr(lastDot == std::string_view::npos ? 0 : lastDot + 1))) {
        // WHATWG: a host ending in a number is an IPv4 address ("192.168.1.10", "127.1", "0x7f.1").
        bool allNumeric = true;
        for (size_t from = 0; from <= h.size() && allNumeric;) {
            const size_t dot = std::min(h.find('.', from), h.size());
            allNumeric = isNumericLabel(h.substr(from, dot - from));
            from = dot + 1;
        }
        return noKey(allNumeric ? NoKeyReason::IpAddress : NoKeyReason::Unparsable);
    }
    if (h == "localhost" || h.ends_with(".localhost") || h == "localhost.localdomain")
        return noKey(NoKeyReason::Localhost);
    const PublicSuffixList& psl = PublicSuffixList::instance();
    const char* hostText = host.c_str();
    if (lastDot == std::string_view::npos)
        return noKey(psl.isListedSuffix(hostText) ? NoKeyReason::PublicSuffix : NoKeyReason::SingleLabel);

    // One look-up answers rules 3, 4 and 5. libpsl scans from the left: the registrable domain is the
    // host itself exactly when the host is not a public suffix but what follows its first label is.
    const char* registrable = psl.registrableDomain(hostText);
    if (!registrable) // "co.uk", "github.io" (private section), "c.mm" (wildcard rule)
        return noKey(NoKeyReason::PublicSuffix);

    // Rule 3: one leading "www." goes, unless what remains is a public suffix ("www.co.uk" stays).
    if (h.starts_with("www.") && registrable != hostText) {
        hostText += 4;
        h.remove_prefix(4);
    }
    r.host = latin1(h);
    QString displayHost = r.host;
    if (h.find("xn--") != std::string_view::npos) {
        displayHost = unicodeForm(r.host);
        if (displayHost.isEmpty()) { // "xn--.acme.com": a label that is not punycode
            r.host.clear();
            r.reason = NoKeyReason::Unparsable;
            return r;
        }
    }

    // Rule 4.
    const std::string_view key = policy == DomainPolicy::Host ? h : h.substr(size_t(registrable - hostText));
    if (key.size() == h.size()) {
        r.key = r.host;
        r.displayKey = displayHost;
    } else {
        r.key = latin1(key);
        r.displayKey = key.find("xn--") == std::string_view::npos ? r.key : unicodeForm(r.key);
    }
    return r;
}

QString DomainKeyResult::reasonText() const {
    return DomainKey::reasonText(reason);
}

QString DomainKey::reasonText(NoKeyReason reason) {
    switch (reason) {
    case NoKeyReason::None:
        return {};
    case NoKeyReason::Empty:
        return QCoreApplication::translate("DomainKey", "no website");
    case NoKeyReason::EmailAddress:
        return QCoreApplication::translate("DomainKey", "an e-mail address, not a website");
    case NoKeyReason::NoHostScheme:
        return QCoreApplication::translate("DomainKey", "a link without a web address (such as mailto:)");
    case NoKeyReason::IpAddress:
        return QCoreApplication::translate("DomainKey", "an IP address, not a company website");
    case NoKeyReason::Localhost:
        return QCoreApplication::translate("DomainKey", "localhost, not a company website");
    case NoKeyReason::SingleLabel:
        return QCoreApplication::translate("DomainKey", "a single name without a domain ending such as .com");
    case NoKeyReason::PublicSuffix:
        return QCoreApplication::translate("DomainKey",
                                           "only a public domain ending (such as co.uk), no company domain");
    case NoKeyReason::EmptyLabel:
        return QCoreApplication::translate("DomainKey", "an empty part between dots");
    case NoKeyReason::Unparsable:
        return QCoreApplication::translate("DomainKey", "not a valid website or domain");
    }
    return {};
}

QString DomainKey::policyName(DomainPolicy policy) {
    return policy == DomainPolicy::Host ? QStringLiteral("host") : QStringLiteral("registrable");
}

std::optional<DomainPolicy> DomainKey::parsePolicy(QStringView name) {
    if (name.compare(u"host", Qt::CaseInsensitive) == 0)
        return DomainPolicy::Host;
    if (name.compare(u"registrable", Qt::CaseInsensitive) == 0)
        return DomainPolicy::Registrable;
    return std::nullopt;
}

} // namespace syncdesk
