#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

namespace syncdesk {

// Custom field values of a record: field key -> value as text (the JSON `custom` column).
using CustomValues = QMap<QString, QString>;

// A company of the workspace (table `companies`). Plain value type: the store reads and writes it.
struct Company {
    qint64 id = 0;      // 0 until stored
    QString externalId; // id from the source system (CSV id column); empty when none
    QString name;
    QString website;
    QString domain;
    QString industry;
    std::optional<qint64> employees;
    QString country;
    QString city;
    QString description;
    QString linkedinUrl;
    QString domainKey; // host-policy domain key of website, else domain: maintained by the store
    CustomValues custom;
    QDateTime createdAt; // UTC, set by the store
    QDateTime updatedAt; // UTC, set by the store

    // Member holding a built-in text field by its key ("name", "website", ..., "linkedin_url");
    // nullptr for "employees" (a number) and for anything else.
    static QString Company::*textField(QStringView key);

    // Value of a built-in or custom field as text ("" when empty or unknown).
    QString value(QStringView key) const;

    // True when both hold the same data (ids, timestamps and the derived domain key are ignored).
    bool sameData(const Company& other) const;
};

} // namespace syncdesk
