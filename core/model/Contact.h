#pragma once

#include "core/model/Company.h"

namespace syncdesk {

// A contact of the workspace (table `contacts`). Plain value type: the store reads and writes it.
struct Contact {
    qint64 id = 0;      // 0 until stored
    QString externalId; // id from the source system (CSV id column); empty when none
    std::optional<qint64> companyId;
    QString firstName;
    QString lastName;
    QString email;
    QString emailKey; // trimmed, lower-cased e-mail: maintained by the store
    QString jobTitle;
    QString phone;
    CustomValues custom;
    QDateTime createdAt; // UTC, set by the store
    QDateTime updatedAt; // UTC, set by the store

    // Member holding a built-in text field by its key ("first_name", "last_name", "email",
    // "job_title", "phone"); nullptr for anything else.
    static QString Contact::*textField(QStringView key);

    // Value of a built-in or custom field as text ("" when empty or unknown).
    QString value(QStringView key) const;

    // True when both hold the same data (ids, timestamps and the derived e-mail key are ignored).
    bool sameData(const Contact& other) const;
};

} // namespace syncdesk
