#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace syncdesk {

// How a normalised host becomes a matching key (PRODUCT.md "Matching companies: the domain key").
enum class DomainPolicy {
    Host,        // the host itself (HubSpot default): us.test.com != test.com
    Registrable, // the registrable domain by the Public Suffix List (Salesforce default)
};

// Why a value yields no key.
enum class NoKeyReason {
    None,         // there is a key
    Empty,        // empty, "-", "n/a", "none", "null"
    EmailAddress, // an e-mail address in a website field
    NoHostScheme, // mailto:, javascript:, ... carry no host
    IpAddress,    // IPv4 or IPv6 literal
    Localhost,    // localhost
    SingleLabel,  // "acme"
    PublicSuffix, // a bare public suffix such as "co.uk"
    EmptyLabel,   // ".acme.com", "acme..com"
    Unparsable,   // anything else that is not a host name
};

struct DomainKeyResult {
    QString key;                // ASCII (IDNA/punycode) key; empty when there is none
    QString host;               // normalised host before the policy (ASCII, "www." dropped); also set
                                // without a key when the host itself was readable (IP, localhost,
                                // single label, public suffix); empty otherwise
    QString displayKey;         // the key in Unicode form, for people
    QString usedValue;          // the part of the raw value that was used (the first of several URLs)
    bool severalValues = false; // the raw value held several URLs; the first was used
    NoKeyReason reason = NoKeyReason::None;

    bool hasKey() const { return !key.isEmpty(); }
    // Plain-language, translated reason ("an IP address is not a company website"); empty with a key.
    QString reasonText() const;
};

class DomainKey {
public:
    static DomainKeyResult compute(QStringView raw, DomainPolicy policy);
    // Convenience: only the key, empty when there is none.
    static QString key(QStringView raw, DomainPolicy policy) { return compute(raw, policy).key; }

    // The plain-language, translated text of a reason; empty for NoKeyReason::None.
    static QString reasonText(NoKeyReason reason);

    static QString policyName(DomainPolicy policy); // "host" / "registrable"
    static std::optional<DomainPolicy> parsePolicy(QStringView name);
};

} // namespace syncdesk
