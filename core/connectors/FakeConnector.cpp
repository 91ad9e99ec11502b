#include "core/connectors/FakeConnector.h"

#include "core/connectors/LookupChunks.h"

#include <QSet>

namespace syncdesk {

namespace {

CrmProperty property(const char* name, const char* label, CrmPropertyType type, const char* fieldType) {
    CrmProperty p;
    p.name = QString::fromLatin1(name);
    p.label = QString::fromLatin1(label);
    p.type = type;
    p.fieldType = QString::fromLatin1(fieldType);
    return p;
}

CrmProperty readOnly(CrmProperty p, bool calculated = false) {
    p.readOnly = true;
    p.calculated = calculated;
    return p;
}

CrmProperty withOptions(CrmProperty p, std::initializer_list<const char*> values) {
    for (const char* v : values)
        p.options.append({QString::fromLatin1(v), QString::fromLatin1(v)});
    return p;
}

CrmProperty sized(CrmProperty p, int maxLength, bool required = false) {
    p.maxLength = maxLength;
    p.requiredOnCreate = required;
    return p;
}

constexpr CrmPropertyType S = CrmPropertyType::String;
constexpr CrmPropertyType N = CrmPropertyType::Number;
constexpr CrmPropertyType E = CrmPropertyType::Enumeration;

} // namespace

QString FakeConnector::opName(Op op) {
    switch (op) {
    case Op::FetchProperties:
        return QStringLiteral("fetchProperties");
    case Op::CreateProperty:
        return QStringLiteral("createProperty");
    case Op::Count:
        return QStringLiteral("countRecords");
    case Op::SearchDomain:
        return QStringLiteral("searchCompaniesByDomain");
    case Op::List:
        return QStringLiteral("listRecords");
    case Op::ReadRecords:
        return QStringLiteral("readRecords");
    case Op::FindContacts:
        return QStringLiteral("findContactsByEmail");
    case Op::ReadAssociations:
        return QStringLiteral("readCompanyAssociations");
    case Op::Create:
        return QStringLiteral("createRecords");
    case Op::Update:
        return QStringLiteral("updateRecords");
    case Op::Upsert:
        return QStringLiteral("upsertRecords");
    case Op::Archive:
        return QStringLiteral("archiveRecords");
    case Op::Associate:
        return QStringLiteral("associate");
    }
    return QString();
}

QList<CrmProperty> FakeConnector::standardProperties(CrmKind kind, RecordObject object) {
    if (usesHubSpotDialect(kind)) {
        if (object == RecordObject::Company)
            return {
                property("name", "Name", S, "text"),
                property("domain", "Company domain name", S, "text"),
                property("numberofemployees", "Number of Employees", N, "number"),
                property("country", "Country/Region", S, "text"),
                property("city", "City", S, "text"),
                property("description", "Description", S, "textarea"),
                property("linkedin_company_page", "LinkedIn Company Page", S, "text"),
                withOptions(property("industry", "Industry", E, "select"),
                            {"COMPUTER_SOFTWARE", "BIOTECHNOLOGY", "RETAIL", "FINANCIAL_SERVICES"}),
                withOptions(property("type", "Type", E, "select"),
                            {"PROSPECT", "PARTNER", "RESELLER", "VENDOR"}),
                withOptions(property("is_public", "Is Public", CrmPropertyType::Bool, "booleancheckbox"),
                            {"true", "false"}),
                property("founded_year", "Year Founded", S, "text"),
                readOnly(property("hs_object_id", "Record ID", N, "number")),
                readOnly(property("num_associated_contacts", "Number of Associated Contacts", N, "number"),
                         true),
                readOnly(property("createdate", "Create Date", CrmPropertyType::DateTime, "date")),
            };
        return {
            property("firstname", "First Name", S, "text"),
            property("lastname", "Last Name", S, "text"),
            property("email", "Email", S, "text"),
            property("jobtitle", "Job Title", S, "text"),
            property("phone", "Phone Number", S, "phonenumber"),
            withOptions(property("lifecyclestage", "Lifecycle Stage", E, "radio"),
                        {"lead", "customer", "other"}),
            readOnly(property("hs_object_id", "Record ID", N, "number")),
        };
    }
    if (object == RecordObject::Company)
        return {
            sized(property("Name", "Account Name", S, "string"), 255, true),
            sized(property("Website", "Website", S, "url"), 255),
            property("NumberOfEmployees", "Employees", N, "int"),
            sized(property("BillingCountry", "Billing Country", S, "string"), 80),
            sized(property("BillingCity", "Billing City", S, "string"), 40),
            sized(property("Description", "Account Description", S, "textarea"), 32000),
            withOptions(property("Industry", "Industry", E, "picklist"),
                        {"Technology", "Biotechnology", "Retail", "Banking"}),
            property("AnnualRevenue", "Annual Revenue", N, "currency"),
            readOnly(property("Id", "Account ID", CrmPropertyType::Reference, "id")),
            readOnly(property("CreatedDate", "Created Date", CrmPropertyType::DateTime, "datetime")),
        };
    return {
        sized(property("FirstName", "First Name", S, "string"), 40),
        sized(property("LastName", "Last Name", S, "string"), 80, true),
        sized(property("Email", "Email", S, "email"), 80),
        sized(property("Title", "Title", S, "string"), 128),
        sized(property("Phone", "Business Phone", S, "phone"), 40),
        property("AccountId", "Account ID", CrmPropertyType::Reference, "reference"),
        readOnly(property("Id", "Contact ID", CrmPropertyType::Reference, "id")),
    };
}

FakeConnector::FakeConnector(CrmKind kind)
    : m_facts(ConnectorFacts::forKind(kind))
    , m_clock(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC) {
    for (RecordObject o : {RecordObject::Company, RecordObject::Contact})
        m_properties.insert(o, standardProperties(kind, o));
}

void FakeConnector::setProperties(RecordObject object, const QList<CrmProperty>& properties) {
    m_properties.insert(object, properties);
}

void FakeConnector::addProperty(RecordObject object, const CrmProperty& property) {
    m_properties[object].append(property);
}

QString FakeConnector::nextId(RecordObject object) {
    const qint64 n = m_nextId++;
    if (usesHubSpotDialect(m_facts.kind))
        return QString::number(1000000000 + n);
    const QString prefix = object == RecordObject::Company ? QStringLiteral("001") : QStringLiteral("003");
    return prefix + QStringLiteral("%1").arg(n, 12, 10, QLatin1Char('0')) + QStringLiteral("AAA");
}

void FakeConnector::applyValues(CrmRecord& record, const CrmValues& values) {
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (it.value().isEmpty())
            record.properties.remove(it.key());
        else
            record.properties.insert(it.key(), it.value());
    }
    m_clock = m_clock.addSecs(60);
    record.updatedAt = m_clock;
}

QString FakeConnector::addRecord(RecordObject object, const CrmValues& values, const QDateTime& createdAt) {
    CrmRecord r;
    r.id = nextId(object);
    applyValues(r, values);
    r.createdAt = createdAt.isValid() ? createdAt : r.updatedAt;
    m_records[object].insert(r.id, r);
    return r.id;
}

void FakeConnector::associateNow(const QString& contactId, const QString& companyId) {
    if (m_facts.associationStyle == AssociationStyle::ParentField) {
        auto& contacts = m_records[RecordObject::Contact];
        if (contacts.contains(contactId))
            contacts[contactId].properties.insert(m_facts.contactCompanyProperty, companyId);
        return;
    }
    QStringList& list = m_associations[contactId];
    if (!list.contains(companyId))
        list.append(companyId);
}

void FakeConnector::addAssociation(const QString& contactId, const QString& companyId) {
    associateNow(contactId, companyId);
}

std::optional<CrmRecord> FakeConnector::record(RecordObject object, const QString& id) const {
    const auto& records = m_records.value(object);
    const auto it = records.constFind(id);
    if (it == records.constEnd())
        return std::nullopt;
    return it.value();
}

QList<CrmRecord> FakeConnector::records(RecordObject object) const {
    return m_records.value(object).values();
}

QStringList FakeConnector::associatedCompanies(const QString& contactId) const {
    if (m_facts.associationStyle == AssociationStyle::ParentField) {
        const std::optional<CrmRecord> r = record(RecordObject::Contact, contactId);
        const QString id = r ? r->value(m_facts.contactCompanyProperty) : QString();
        return id.isEmpty() ? QStringList() : QStringList{id};
    }
    return m_associations.value(contactId);
}

int FakeConnector::totalCalls() const {
    int total = 0;
    for (int n : m_calls)
        total += n;
    return total;
}

std::optional<CrmError> FakeConnector::begin(Op op) {
    ++m_calls[op];
    QList<CrmError>& failures = m_failNext[op];
    if (failures.isEmpty())
        return std::nullopt;
    return failures.takeFirst();
}

CrmError FakeConnector::validationError(const QString& message) {
    CrmError e;
    e.kind = CrmErrorKind::Validation;
    e.httpStatus = 400;
    e.category = QStringLiteral("VALIDATION_ERROR");
    e.message = message;
    e.correlationId = QStringLiteral("fake-correlation-id");
    return e;
}

std::optional<CrmError> FakeConnector::checkBatch(int size) const {
    if (size > m_facts.maxWriteBatch)
        return validationError(QStringLiteral("Batch of %1 inputs exceeds the limit of %2")
                                   .arg(size)
                                   .arg(m_facts.maxWriteBatch));
    return std::nullopt;
}

CrmRecord FakeConnector::projected(const CrmRecord& record, const QStringList& properties) const {
    CrmRecord out = record;
    out.properties.clear();
    for (const QString& p : properties) {
        if (record.properties.contains(p))
            out.properties.insert(p, record.properties.value(p));
    }
    return out;
}

CrmPage FakeConnector::page(const QList<CrmRecord>& matches, const QStringList& properties,
                            const QString& cursor, int pageSize) const {
    const int from = cursor.isEmpty() ? 0 : cursor.toInt();
    const int size = qMax(1, pageSize);
    CrmPage p;
    p.total = matches.size();
    for (int i = from; i < matches.size() && i < from + size; ++i)
        p.records.append(projected(matches.at(i), properties));
    if (from + size < matches.size())
        p.nextCursor = QString::number(from + size);
    return p;
}

CrmResult<QList<CrmProperty>> FakeConnector::fetchProperties(RecordObject object) {
    if (auto e = begin(Op::FetchProperties))
        return *e;
    return m_properties.value(object);
}

CrmResult<CrmProperty> FakeConnector::createProperty(RecordObject object, const CrmProperty& definition) {
    if (auto e = begin(Op::CreateProperty))
        return *e;
    for (const CrmProperty& p : m_properties.value(object)) {
        if (p.name == definition.name) {
            CrmError e;
            e.kind = CrmErrorKind::Duplicate;
            e.httpStatus = 409;
            e.category = QStringLiteral("OBJECT_ALREADY_EXISTS");
            e.message = QStringLiteral("A property named '%1' already exists.").arg(definition.name);
            return e;
        }
    }
    m_properties[object].append(definition);
    return definition;
}

CrmResult<qint64> FakeConnector::countRecords(RecordObject object) {
    if (auto e = begin(Op::Count))
        return *e;
    return qint64(m_records.value(object).size());
}

CrmResult<CrmPage> FakeConnector::searchCompaniesByDomain(const QStringList& keys, DomainPolicy policy,
                                                          const QStringList& properties,
                                                          const QString& cursor) {
    Q_UNUSED(policy) // the CRM side knows nothing of policies: it matches raw values
    if (auto e = begin(Op::SearchDomain))
        return *e;
    if (m_facts.domainSearch == DomainSearchMode::None)
        return validationError(QStringLiteral("This CRM cannot search by domain"));

    const bool exactValues = m_facts.domainSearch == DomainSearchMode::ExactValues;
    const bool census = exactValues && keys.isEmpty();
    QSet<QString> exact;
    int values = 0;
    for (const QString& key : keys) {
        const QStringList forms = exactValues ? domainSearchValues(key) : QStringList{key.toLower()};
        values += int(forms.size());
        for (const QString& v : forms)
            exact.insert(v);
    }
    const int maxValues =
        m_facts.domainLookup.maxValues * (exactValues ? qMax(1, m_facts.maxFilterGroups) : 1);
    if (m_facts.domainLookup.maxValues > 0 && values > maxValues)
        return validationError(
            QStringLiteral("%1 filter values exceed the limit of %2").arg(values).arg(maxValues));
    if (census && m_facts.maxFilterGroups > 0 &&
        m_facts.domainCensusPatterns.size() > m_facts.maxFilterGroups)
        return validationError(QStringLiteral("%1 filter groups exceed the limit of %2")
                                   .arg(m_facts.domainCensusPatterns.size())
                                   .arg(m_facts.maxFilterGroups));

    QList<CrmRecord> matches;
    for (const CrmRecord& r : m_records.value(RecordObject::Company)) {
        const QString value = r.value(m_facts.domainProperty);
        const QString raw = value.toLower();
        bool hit = false;
        if (census) {
            hit = !value.isEmpty() && matchesDomainCensus(value, m_facts.domainCensusPatterns);
        } else if (exactValues) {
            hit = exact.contains(raw);
        } else {
            for (const QString& v : std::as_const(exact))
                hit = hit || raw.contains(v);
        }
        if (hit)
            matches.append(r);
    }
    const qint64 total = matches.size();
    if (m_facts.maxSearchResults > 0 && matches.size() > m_facts.maxSearchResults)
        matches.resize(m_facts.maxSearchResults); // the CRM reaches no further, but tells the total
    CrmPage p = page(matches, properties, cursor, m_facts.searchPageSize);
    p.total = total;
    return p;
}

CrmResult<CrmPage> FakeConnector::listRecords(RecordObject object, const QStringList& properties,
                                              const QString& cursor) {
    if (auto e = begin(Op::List))
        return *e;
    return page(records(object), properties, cursor, m_facts.listPageSize);
}

CrmResult<QList<CrmRecord>> FakeConnector::readRecords(RecordObject object, const QStringList& ids,
                                                       const QStringList& properties) {
    if (auto e = begin(Op::ReadRecords))
        return *e;
    if (ids.size() > m_facts.maxReadBatch)
        return validationError(
            QStringLiteral("%1 ids exceed the limit of %2").arg(ids.size()).arg(m_facts.maxReadBatch));
    QList<CrmRecord> out;
    for (const QString& id : ids) {
        if (const std::optional<CrmRecord> r = record(object, id))
            out.append(projected(*r, properties));
    }
    return out;
}

CrmResult<CrmPage> FakeConnector::findContactsByEmail(const QStringList& emails,
                                                      const QStringList& properties, const QString& cursor) {
    if (auto e = begin(Op::FindContacts))
        return *e;
    if (m_facts.emailLookup.maxValues > 0 && emails.size() > m_facts.emailLookup.maxValues)
        return validationError(QStringLiteral("%1 e-mails exceed the limit of %2")
                                   .arg(emails.size())
                                   .arg(m_facts.emailLookup.maxValues));
    QSet<QString> wanted;
    for (const QString& e : emails)
        wanted.insert(e.trimmed().toLower());
    QList<CrmRecord> matches;
    for (const CrmRecord& r : m_records.value(RecordObject::Contact)) {
        if (wanted.contains(r.value(m_facts.emailProperty).trimmed().toLower()))
            matches.append(r);
    }
    return page(matches, properties, cursor, m_facts.searchPageSize);
}

CrmResult<QHash<QString, QStringList>> FakeConnector::readCompanyAssociations(const QStringList& contactIds) {
    if (auto e = begin(Op::ReadAssociations))
        return *e;
    if (m_facts.maxAssociationReadBatch > 0 && contactIds.size() > m_facts.maxAssociationReadBatch)
        return validationError(QStringLiteral("%1 ids exceed the limit of %2")
                                   .arg(contactIds.size())
                                   .arg(m_facts.maxAssociationReadBatch));
    QHash<QString, QStringList> out;
    for (const QString& id : contactIds) {
        const QStringList companies = associatedCompanies(id);
        if (!companies.isEmpty())
            out.insert(id, companies);
    }
    return out;
}

std::optional<CrmError> FakeConnector::checkWrite(RecordObject object, const CrmWriteInput& input) const {
    if (m_recordFailure) {
        if (std::optional<CrmError> e = m_recordFailure(object, input))
            return e;
    }
    const QList<CrmProperty> schema = m_properties.value(object);
    for (auto it = input.properties.constBegin(); it != input.properties.constEnd(); ++it) {
        const CrmProperty* p = nullptr;
        for (const CrmProperty& candidate : schema) {
            if (candidate.name == it.key())
                p = &candidate;
        }
        if (!p) {
            CrmError e = validationError(QStringLiteral("Property \"%1\" does not exist").arg(it.key()));
            e.code = QStringLiteral("PROPERTY_DOESNT_EXIST");
            e.field = it.key();
            return e;
        }
        if (!p->isWritable()) {
            CrmError e = validationError(QStringLiteral("Property \"%1\" is read-only").arg(it.key()));
            e.code = QStringLiteral("READ_ONLY_VALUE");
            e.field = it.key();
            return e;
        }
        if (p->type == CrmPropertyType::Enumeration && !it.value().isEmpty()) {
            const QStringList values = p->multiValued ? it.value().split(u';') : QStringList{it.value()};
            for (const QString& v : values) {
                if (!p->hasOption(v)) {
                    CrmError e = validationError(
                        QStringLiteral("%1 was not one of the allowed options for %2").arg(v, it.key()));
                    e.code = QStringLiteral("INVALID_OPTION");
                    e.field = it.key();
                    return e;
                }
            }
        }
    }
    return std::nullopt;
}

CrmResult<QList<CrmWriteResult>> FakeConnector::createRecords(RecordObject object,
                                                              const QList<CrmWriteInput>& inputs) {
    if (auto e = begin(Op::Create))
        return *e;
    if (auto e = checkBatch(int(inputs.size())))
        return *e;
    QList<CrmWriteResult> results;
    for (const CrmWriteInput& in : inputs) {
        CrmWriteResult r;
        r.ref = in.ref;
        if (std::optional<CrmError> e = checkWrite(object, in)) {
            r.error = e;
        } else {
            r.id = addRecord(object, in.properties);
            r.ok = true;
            r.created = true;
            if (object == RecordObject::Contact && !in.companyId.isEmpty())
                associateNow(r.id, in.companyId);
        }
        results.append(r);
    }
    return results;
}

CrmResult<QList<CrmWriteResult>> FakeConnector::updateRecords(RecordObject object,
                                                              const QList<CrmWriteInput>& inputs) {
    if (auto e = begin(Op::Update))
        return *e;
    if (auto e = checkBatch(int(inputs.size())))
        return *e;
    QList<CrmWriteResult> results;
    auto& records = m_records[object];
    for (const CrmWriteInput& in : inputs) {
        CrmWriteResult r;
        r.ref = in.ref;
        r.id = in.id;
        if (!records.contains(in.id)) {
            CrmError e;
            e.kind = CrmErrorKind::NotFound;
            e.httpStatus = 404;
            e.category = QStringLiteral("OBJECT_NOT_FOUND");
            e.message = QStringLiteral("Object %1 not found").arg(in.id);
            r.error = e;
        } else if (std::optional<CrmError> e = checkWrite(object, in)) {
            r.error = e;
        } else {
            applyValues(records[in.id], in.properties);
            r.ok = true;
        }
        results.append(r);
    }
    return results;
}

CrmResult<QList<CrmWriteResult>> FakeConnector::upsertRecords(RecordObject object, const QString& idProperty,
                                                              const QList<CrmWriteInput>& inputs) {
    if (auto e = begin(Op::Upsert))
        return *e;
    if (auto e = checkBatch(int(inputs.size())))
        return *e;
    QList<CrmWriteResult> results;
    auto& records = m_records[object];
    for (const CrmWriteInput& in : inputs) {
        CrmWriteResult r;
        r.ref = in.ref;
        if (std::optional<CrmError> e = checkWrite(object, in)) {
            r.error = e;
            results.append(r);
            continue;
        }
        QString existing;
        for (const CrmRecord& rec : std::as_const(records)) {
            if (rec.value(idProperty) == in.id)
                existing = rec.id;
        }
        CrmValues values = in.properties;
        values.insert(idProperty, in.id);
        if (existing.isEmpty()) {
            r.id = addRecord(object, values);
            r.created = true;
            if (object == RecordObject::Contact && !in.companyId.isEmpty())
                associateNow(r.id, in.companyId);
        } else {
            applyValues(records[existing], values);
            r.id = existing;
        }
        r.ok = true;
        results.append(r);
    }
    return results;
}

CrmResult<QList<CrmWriteResult>> FakeConnector::archiveRecords(RecordObject object, const QStringList& ids) {
    if (auto e = begin(Op::Archive))
        return *e;
    if (auto e = checkBatch(int(ids.size())))
        return *e;
    QList<CrmWriteResult> results;
    for (const QString& id : ids) {
        CrmWriteResult r;
        r.ref = id;
        r.id = id;
        r.ok = m_records[object].remove(id) > 0;
        if (!r.ok) {
            CrmError e;
            e.kind = CrmErrorKind::NotFound;
            e.httpStatus = 404;
            e.message = QStringLiteral("Object %1 not found").arg(id);
            r.error = e;
        }
        results.append(r);
    }
    return results;
}

CrmResult<QList<CrmWriteResult>> FakeConnector::associate(const QList<CrmAssociationInput>& inputs) {
    if (auto e = begin(Op::Associate))
        return *e;
    if (auto e = checkBatch(int(inputs.size())))
        return *e;
    QList<CrmWriteResult> results;
    for (const CrmAssociationInput& in : inputs) {
        CrmWriteResult r;
        r.ref = in.ref;
        r.id = in.contactId;
        if (!record(RecordObject::Contact, in.contactId) || !record(RecordObject::Company, in.companyId)) {
            CrmError e;
            e.kind = CrmErrorKind::NotFound;
            e.httpStatus = 404;
            e.message = QStringLiteral("Contact %1 or company %2 not found").arg(in.contactId, in.companyId);
            r.error = e;
        } else {
            associateNow(in.contactId, in.companyId);
            r.ok = true;
        }
        results.append(r);
    }
    return results;
}

} // namespace syncdesk
