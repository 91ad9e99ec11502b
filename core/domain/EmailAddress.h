#pragma once

#include <QString>
#include <QStringView>

namespace syncdesk {

// Contacts match on e-mail: trimmed and lower-cased (PRODUCT.md "Contacts").
struct EmailResult {
    QString key; // trimmed, lower-cased address; empty when the input is empty
    bool valid = false;
    QString reason; // translated reason when invalid or empty, e.g. "no e-mail address", "missing @"

    bool isEmpty() const { return key.isEmpty(); }
};

class EmailAddress {
public:
    static EmailResult normalize(QStringView raw);
};

} // namespace syncdesk
