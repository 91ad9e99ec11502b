#pragma once
// Shared set-up of the planner suites: a FakeConnector CRM, a workspace selection built record by
// record, the default mappings and settings of the CRM kind.
#include "core/connectors/FakeConnector.h"
#include "core/sync/SyncPlanner.h"
#include "tests/mapping/QtPrinters.h"

#include <gtest/gtest.h>

namespace syncdesk::test {

using namespace Qt::StringLiterals;

class PlannerFixture : public ::testing::Test {
protected:
    explicit PlannerFixture(CrmKind kind = CrmKind::HubSpot)
        : m_crm(kind) {
        m_input.companyMapping = Mapping::defaultMapping(kind, RecordObject::Company);
        m_input.contactMapping = Mapping::defaultMapping(kind, RecordObject::Contact);
        m_input.fields = builtInFields(RecordObject::Company) + builtInFields(RecordObject::Contact);
        m_input.settings = SyncSettings::defaultsFor(kind);
    }

    // A selected company; `values` adds or overrides field values.
    qint64 company(const QString& name, const QString& website, const QHash<QString, QString>& values = {}) {
        LocalRecord r;
        r.id = m_nextId++;
        r.object = RecordObject::Company;
        r.displayName = name;
        r.values.insert(u"name"_s, name);
        r.values.insert(u"website"_s, website);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            r.values.insert(it.key(), it.value());
        m_input.companies.append(r);
        return r.id;
    }

    qint64 contact(qint64 companyId, const QString& email, const QString& lastName = u"Doe"_s,
                   const QHash<QString, QString>& values = {}) {
        LocalRecord r;
        r.id = m_nextId++;
        r.object = RecordObject::Contact;
        r.companyId = companyId;
        r.displayName = u"Jane "_s + lastName;
        r.values.insert(u"first_name"_s, u"Jane"_s);
        r.values.insert(u"last_name"_s, lastName);
        r.values.insert(u"email"_s, email);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            r.values.insert(it.key(), it.value());
        m_input.contacts.append(r);
        return r.id;
    }

    void addField(RecordObject object, const QString& key, FieldType type, const QStringList& choices = {}) {
        FieldDefinition f;
        f.object = object;
        f.key = key;
        f.label = key.left(1).toUpper() + key.mid(1);
        f.type = type;
        f.choices = choices;
        m_input.fields.append(f);
    }

    SyncPlan plan() {
        m_crm.resetCalls();
        SyncPlanner planner(m_crm);
        return planner.plan(m_input);
    }

    static const RecordPlan& find(const QList<RecordPlan>& records, qint64 id) {
        for (const RecordPlan& r : records) {
            if (r.localId == id)
                return r;
        }
        ADD_FAILURE() << "no plan for local record " << id;
        static const RecordPlan none;
        return none;
    }
    static const RecordPlan& companyOf(const SyncPlan& p, qint64 id) { return find(p.companies, id); }
    static const RecordPlan& contactOf(const SyncPlan& p, qint64 id) { return find(p.contacts, id); }

    static const PropertyChange* change(const RecordPlan& r, const QString& property) {
        for (const PropertyChange& c : r.changes) {
            if (c.property == property)
                return &c;
        }
        return nullptr;
    }

    static std::string describe(const RecordPlan& r) {
        QString s = planActionName(r.action) + u' ' + r.reasonText + u" [";
        for (const PropertyChange& c : r.changes)
            s += c.property + u':' + c.before + u"->" + c.after + u'(' + changeStrategyName(c.strategy) +
                 u") ";
        return QString(s + u']').toStdString();
    }

    FakeConnector m_crm;
    PlanInput m_input;
    qint64 m_nextId = 1;
};

} // namespace syncdesk::test
