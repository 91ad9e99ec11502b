#include "core/sync/LocalSelection.h"

#include "core/query/CompanyQuery.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/FieldStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QSet>

namespace syncdesk {

namespace {
class SelectionText {
    Q_DECLARE_TR_FUNCTIONS(LocalSelection)
};
} // namespace

LocalRecord LocalRecords::fromCompany(const Company& company) {
    LocalRecord r;
    r.id = company.id;
    r.object = RecordObject::Company;
    r.displayName = company.name;
    for (const FieldDefinition& f : builtInFields(RecordObject::Company)) {
        const QString v = company.value(f.key);
        if (!v.isEmpty())
            r.values.insert(f.key, v);
    }
    for (auto it = company.custom.constBegin(); it != company.custom.constEnd(); ++it) {
        if (!it.value().isEmpty())
            r.values.insert(it.key(), it.value());
    }
    return r;
}

LocalRecord LocalRecords::fromContact(const Contact& contact) {
    LocalRecord r;
    r.id = contact.id;
    r.object = RecordObject::Contact;
    r.companyId = contact.companyId.value_or(0);
    r.displayName = QStringList{contact.firstName, contact.lastName}.join(u' ').trimmed();
    for (const FieldDefinition& f : builtInFields(RecordObject::Contact)) {
        const QString v = contact.value(f.key);
        if (!v.isEmpty())
            r.values.insert(f.key, v);
    }
    for (auto it = contact.custom.constBegin(); it != contact.custom.constEnd(); ++it) {
        if (!it.value().isEmpty())
            r.values.insert(it.key(), it.value());
    }
    return r;
}

QJsonObject SelectionRequest::toJson() const {
    QJsonArray idArray;
    for (qint64 id : ids)
        idArray.append(id);
    return QJsonObject{{QStringLiteral("where"), where},
                       {QStringLiteral("ids"), idArray},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("with_contacts"), withContacts}};
}

SelectionRequest SelectionRequest::fromJson(const QJsonObject& json) {
    SelectionRequest r;
    r.where = json.value(QLatin1String("where")).toString();
    for (const QJsonValue& v : json.value(QLatin1String("ids")).toArray())
        r.ids.append(v.toInteger());
    r.limit = json.value(QLatin1String("limit")).toInt();
    r.withContacts = json.value(QLatin1String("with_contacts")).toBool(true);
    return r;
}

std::optional<LocalSelection> LocalSelection::load(const Workspace& workspace,
                                                   const SelectionRequest& request, QString* error) {
    LocalSelection out;
    FieldStore fields(workspace);
    out.fields = fields.list(RecordObject::Company) + fields.list(RecordObject::Contact);
    if (out.fields.isEmpty() && !fields.lastError().isEmpty()) {
        *error = fields.lastError();
        return std::nullopt;
    }

    QList<qint64> ids;
    if (!request.where.trimmed().isEmpty() || request.ids.isEmpty()) {
        CompanyQuery query(workspace.connectionName());
        if (const std::optional<FilterError> e = query.setFilterExpression(request.where)) {
            *error = SelectionText::tr("The filter cannot be used: %1").arg(e->describe(request.where));
            return std::nullopt;
        }
        if (const std::optional<FilterError> e = query.prepare()) {
            *error = SelectionText::tr("The filter cannot be used: %1").arg(e->describe(request.where));
            return std::nullopt;
        }
        QString message;
        const std::optional<QList<qint64>> matching = query.ids(&message);
        if (!matching) {
            *error = message;
            return std::nullopt;
        }
        if (request.ids.isEmpty()) {
            ids = *matching;
        } else {
            const QSet<qint64> wanted(request.ids.begin(), request.ids.end());
            for (qint64 id : *matching) {
                if (wanted.contains(id))
                    ids.append(id);
            }
        }
    } else {
        ids = request.ids;
    }
    if (request.limit > 0 && ids.size() > request.limit)
        ids.resize(request.limit);

    CompanyStore companies(workspace);
    ContactStore contacts(workspace);
    QSet<qint64> seen;
    for (qint64 id : std::as_const(ids)) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const std::optional<Company> company = companies.get(id);
        if (!company) {
            *error = companies.lastError().isEmpty()
                         ? SelectionText::tr("There is no company with id %1.").arg(id)
                         : companies.lastError();
            return std::nullopt;
        }
        out.companies.append(LocalRecords::fromCompany(*company));
        if (!request.withContacts)
            continue;
        const QList<Contact> list = contacts.listByCompany(id);
        if (list.isEmpty() && !contacts.lastError().isEmpty()) {
            *error = contacts.lastError();
            return std::nullopt;
        }
        for (const Contact& c : list)
            out.contacts.append(LocalRecords::fromContact(c));
    }
    return out;
}

} // namespace syncdesk
