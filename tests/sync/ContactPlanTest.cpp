// The contact half of the plan: e-mail matching, modes, the company phase's consequences, associations.
#include "tests/sync/PlannerFixture.h"

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class ContactPlanTest : public PlannerFixture {
protected:
    // A company that exists in the CRM, and its local twin.
    qint64 matchedCompany(const QString& domain, QString* crmId) {
        *crmId = m_crm.addRecord(RecordObject::Company, {{m_crm.facts().nameProperty, domain},
                                                         {m_crm.facts().domainProperty, domain}});
        return company(domain, domain);
    }
};

class SalesforceContactPlanTest : public ContactPlanTest {
protected:
    SalesforceContactPlanTest() { resetFor(CrmKind::Salesforce); }
    void resetFor(CrmKind kind) {
        m_crm = FakeConnector(kind);
        m_input.companyMapping = Mapping::defaultMapping(kind, RecordObject::Company);
        m_input.contactMapping = Mapping::defaultMapping(kind, RecordObject::Contact);
        m_input.settings = SyncSettings::defaultsFor(kind);
    }
};

} // namespace

TEST_F(ContactPlanTest, EmailOutcomes) {
    QString crmCompany;
    const qint64 acme = matchedCompany(u"acme.io"_s, &crmCompany);
    const QString existing = m_crm.addRecord(
        RecordObject::Contact,
        {{u"email"_s, u"Jane@Acme.io"_s}, {u"firstname"_s, u"Jane"_s}, {u"lastname"_s, u"Old"_s}});
    m_crm.addAssociation(existing, crmCompany);

    const qint64 noEmail = contact(acme, u"  "_s);
    const qint64 invalid = contact(acme, u"jane@"_s);
    const qint64 matched = contact(acme, u" jane@ACME.io "_s, u"New"_s);
    const qint64 dup = contact(acme, u"JANE@acme.io"_s);
    const qint64 fresh = contact(acme, u"bob@acme.io"_s, u"Bob"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());

    const RecordPlan& n = contactOf(p, noEmail);
    EXPECT_EQ(n.action, PlanAction::Skipped);
    EXPECT_EQ(n.reason, PlanReason::NoEmail);

    const RecordPlan& i = contactOf(p, invalid);
    EXPECT_EQ(i.action, PlanAction::Invalid);
    EXPECT_EQ(i.reason, PlanReason::InvalidEmail);
    EXPECT_FALSE(i.match.noKeyReason.isEmpty());
    EXPECT_EQ(i.email, u"jane@"_s);

    // Trimmed and lower-cased on both sides.
    const RecordPlan& m = contactOf(p, matched);
    EXPECT_EQ(m.action, PlanAction::Update) << describe(m);
    EXPECT_EQ(m.crmId, existing);
    EXPECT_EQ(m.match.key, u"jane@acme.io"_s);
    EXPECT_EQ(m.match.policy, u"email"_s);
    EXPECT_EQ(m.match.field, u"email"_s);
    ASSERT_EQ(m.match.candidates.size(), 1);
    EXPECT_EQ(m.match.candidates.at(0).rawValue, u"Jane@Acme.io"_s);
    // The e-mail differs only in case: not rewritten. The last name differs: overridden.
    EXPECT_EQ(change(m, u"email"_s), nullptr) << describe(m);
    ASSERT_NE(change(m, u"lastname"_s), nullptr);
    EXPECT_EQ(change(m, u"lastname"_s)->before, u"Old"_s);
    EXPECT_EQ(m.association.kind, AssociationPlan::Kind::Present);

    const RecordPlan& d = contactOf(p, dup);
    EXPECT_EQ(d.action, PlanAction::Duplicate);
    EXPECT_EQ(d.match.duplicateOf, matched);

    const RecordPlan& f = contactOf(p, fresh);
    EXPECT_EQ(f.action, PlanAction::Create);
    EXPECT_EQ(f.association.kind, AssociationPlan::Kind::AtCreate);
    EXPECT_EQ(f.association.companyCrmId, crmCompany);
    EXPECT_EQ(f.association.companyLocalId, acme);
    ASSERT_NE(change(f, u"email"_s), nullptr);
    EXPECT_EQ(change(f, u"email"_s)->after, u"bob@acme.io"_s);

    // One lookup for the two distinct e-mails, one association read for the matched contact.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FindContacts), 1);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::ReadAssociations), 1);
}

TEST_F(ContactPlanTest, ContactModes) {
    QString crmCompany;
    const qint64 acme = matchedCompany(u"acme.io"_s, &crmCompany);
    m_crm.addRecord(RecordObject::Contact, {{u"email"_s, u"jane@acme.io"_s}, {u"lastname"_s, u"Old"_s}});
    const qint64 known = contact(acme, u"jane@acme.io"_s, u"New"_s);
    const qint64 unknown = contact(acme, u"bob@acme.io"_s);
    const qint64 noEmail = contact(acme, u""_s);

    m_input.settings.contactMode = ContactSyncMode::UpdateOnly;
    SyncPlan p = plan();
    EXPECT_EQ(contactOf(p, known).action, PlanAction::Update);
    EXPECT_EQ(contactOf(p, unknown).action, PlanAction::Skipped);
    EXPECT_EQ(contactOf(p, unknown).reason, PlanReason::NewUnderUpdateOnly);
    EXPECT_EQ(contactOf(p, noEmail).reason, PlanReason::NoEmail);

    m_input.settings.contactMode = ContactSyncMode::Disabled;
    p = plan();
    ASSERT_TRUE(p.ok());
    for (qint64 id : {known, unknown, noEmail}) {
        EXPECT_EQ(contactOf(p, id).action, PlanAction::Skipped);
        EXPECT_EQ(contactOf(p, id).reason, PlanReason::ContactsDisabled);
    }
    // Disabled costs nothing: no contact schema, no lookup.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FindContacts), 0);
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FetchProperties), 1);

    m_input.settings.contactMode = ContactSyncMode::CreateAndUpdate;
    p = plan();
    EXPECT_EQ(contactOf(p, unknown).action, PlanAction::Create);
}

TEST_F(ContactPlanTest, ContactsOfCompaniesWithoutCrmRecordAreSkipped) {
    QString crmCompany;
    const qint64 acme = matchedCompany(u"acme.io"_s, &crmCompany);
    const qint64 fresh = company(u"Fresh"_s, u"fresh.io"_s);
    const qint64 noKey = company(u"Nokey"_s, u"n/a"_s);
    const qint64 dupCompany = company(u"Acme again"_s, u"www.acme.io"_s);
    const qint64 ofAcme = contact(acme, u"a@acme.io"_s);
    const qint64 ofFresh = contact(fresh, u"b@fresh.io"_s);
    const qint64 ofNoKey = contact(noKey, u"c@nokey.io"_s);
    const qint64 ofDup = contact(dupCompany, u"d@acme.io"_s);
    const qint64 orphan = contact(999, u"e@else.io"_s);
    const qint64 alone = contact(0, u"f@alone.io"_s);

    m_input.settings.companyMode = CompanySyncMode::UpdateOnly;
    SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(companyOf(p, fresh).action, PlanAction::Skipped);
    EXPECT_EQ(contactOf(p, ofAcme).action, PlanAction::Create);

    const RecordPlan& f = contactOf(p, ofFresh);
    EXPECT_EQ(f.action, PlanAction::Skipped);
    EXPECT_EQ(f.reason, PlanReason::CompanyNotSynced);
    EXPECT_TRUE(f.reasonText.contains(companyOf(p, fresh).reasonText)) << f.reasonText.toStdString();
    EXPECT_EQ(contactOf(p, ofNoKey).reason, PlanReason::CompanyNotSynced);
    EXPECT_EQ(contactOf(p, ofDup).reason, PlanReason::CompanyNotSynced);
    EXPECT_EQ(contactOf(p, orphan).reason, PlanReason::CompanyNotSelected);
    // A contact without company is synced without association.
    EXPECT_EQ(contactOf(p, alone).action, PlanAction::Create);
    EXPECT_EQ(contactOf(p, alone).association.kind, AssociationPlan::Kind::None);
    // Only the two eligible contacts were looked up, in one call.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::FindContacts), 1);

    // Under Create & update the new company's contact is created with it.
    m_input.settings.companyMode = CompanySyncMode::CreateAndUpdate;
    p = plan();
    const RecordPlan& created = contactOf(p, ofFresh);
    EXPECT_EQ(created.action, PlanAction::Create);
    EXPECT_EQ(created.association.kind, AssociationPlan::Kind::AtCreate);
    EXPECT_TRUE(created.association.companyCrmId.isEmpty()); // known only after the company phase
    EXPECT_EQ(created.association.companyLocalId, fresh);
}

TEST_F(ContactPlanTest, ExistingContactsGetMissingAssociationsAdded) {
    QString acmeId;
    const qint64 acme = matchedCompany(u"acme.io"_s, &acmeId);
    const qint64 fresh = company(u"Fresh"_s, u"fresh.io"_s);
    const QString otherCompany = m_crm.addRecord(RecordObject::Company, {{u"domain"_s, u"other.io"_s}});
    const QString linked = m_crm.addRecord(
        RecordObject::Contact,
        {{u"email"_s, u"linked@acme.io"_s}, {u"firstname"_s, u"Jane"_s}, {u"lastname"_s, u"Doe"_s}});
    const QString elsewhere = m_crm.addRecord(
        RecordObject::Contact,
        {{u"email"_s, u"else@acme.io"_s}, {u"firstname"_s, u"Jane"_s}, {u"lastname"_s, u"Doe"_s}});
    m_crm.addRecord(
        RecordObject::Contact,
        {{u"email"_s, u"moving@fresh.io"_s}, {u"firstname"_s, u"Jane"_s}, {u"lastname"_s, u"Doe"_s}});
    m_crm.addAssociation(linked, acmeId);
    m_crm.addAssociation(elsewhere, otherCompany);
    const qint64 a = contact(acme, u"linked@acme.io"_s);
    const qint64 b = contact(acme, u"else@acme.io"_s);
    const qint64 c = contact(fresh, u"moving@fresh.io"_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    // Same values and already associated: nothing to do.
    EXPECT_EQ(contactOf(p, a).action, PlanAction::Unchanged) << describe(contactOf(p, a));
    EXPECT_EQ(contactOf(p, a).association.kind, AssociationPlan::Kind::Present);
    // Associated elsewhere only: the association is added (the other one stays), so the record is an update.
    EXPECT_EQ(contactOf(p, b).action, PlanAction::Update);
    EXPECT_TRUE(contactOf(p, b).changes.isEmpty());
    EXPECT_EQ(contactOf(p, b).association.kind, AssociationPlan::Kind::Add);
    EXPECT_EQ(contactOf(p, b).association.companyCrmId, acmeId);
    // Its company is created in this run: the association follows it.
    EXPECT_EQ(contactOf(p, c).association.kind, AssociationPlan::Kind::Add);
    EXPECT_TRUE(contactOf(p, c).association.companyCrmId.isEmpty());
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::ReadAssociations), 1);
}

TEST_F(SalesforceContactPlanTest, ParentFieldAssociationIsAddedNeverMoved) {
    QString acmeId;
    const qint64 acme = matchedCompany(u"acme.io"_s, &acmeId);
    const QString otherAccount = m_crm.addRecord(RecordObject::Company, {{u"Name"_s, u"X"_s}});
    m_crm.addRecord(
        RecordObject::Contact,
        {{u"Email"_s, u"none@acme.io"_s}, {u"FirstName"_s, u"Jane"_s}, {u"LastName"_s, u"Doe"_s}});
    m_crm.addRecord(RecordObject::Contact, {{u"Email"_s, u"here@acme.io"_s},
                                            {u"FirstName"_s, u"Jane"_s},
                                            {u"LastName"_s, u"Doe"_s},
                                            {u"AccountId"_s, acmeId}});
    m_crm.addRecord(RecordObject::Contact, {{u"Email"_s, u"there@acme.io"_s},
                                            {u"FirstName"_s, u"Jane"_s},
                                            {u"LastName"_s, u"Doe"_s},
                                            {u"AccountId"_s, otherAccount}});
    const qint64 none = contact(acme, u"none@acme.io"_s);
    const qint64 here = contact(acme, u"here@acme.io"_s);
    const qint64 there = contact(acme, u"there@acme.io"_s);
    const qint64 noLastName = contact(acme, u"new@acme.io"_s, u""_s);

    const SyncPlan p = plan();
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(contactOf(p, none).association.kind, AssociationPlan::Kind::Add);
    EXPECT_EQ(contactOf(p, none).action, PlanAction::Update);
    EXPECT_EQ(contactOf(p, here).association.kind, AssociationPlan::Kind::Present);
    EXPECT_EQ(contactOf(p, here).action, PlanAction::Unchanged);
    EXPECT_EQ(contactOf(p, there).association.kind, AssociationPlan::Kind::KeptOther);
    EXPECT_EQ(contactOf(p, there).association.existingCompanyId, otherAccount);
    EXPECT_EQ(contactOf(p, there).action, PlanAction::Unchanged);
    // LastName is required by Salesforce.
    EXPECT_EQ(contactOf(p, noLastName).action, PlanAction::Invalid);
    EXPECT_TRUE(contactOf(p, noLastName).reasonText.contains(u"LastName"_s));
    // AccountId comes with the contact: no association reads.
    EXPECT_EQ(m_crm.calls(FakeConnector::Op::ReadAssociations), 0);
}

TEST_F(SalesforceContactPlanTest, AmbiguousContacts) {
    QString acmeId;
    const qint64 acme = matchedCompany(u"acme.io"_s, &acmeId);
    const QString first =
        m_crm.addRecord(RecordObject::Contact, {{u"Email"_s, u"twin@acme.io"_s}, {u"LastName"_s, u"A"_s}});
    m_crm.addRecord(RecordObject::Contact, {{u"Email"_s, u"TWIN@acme.io"_s}, {u"LastName"_s, u"B"_s}});
    const qint64 twin = contact(acme, u"twin@acme.io"_s, u"C"_s);

    SyncPlan p = plan();
    EXPECT_EQ(contactOf(p, twin).action, PlanAction::Ambiguous);
    EXPECT_EQ(contactOf(p, twin).match.candidates.size(), 2);

    m_input.settings.ambiguous = AmbiguousHandling::UpdateOldest;
    p = plan();
    EXPECT_EQ(contactOf(p, twin).action, PlanAction::Update);
    EXPECT_EQ(contactOf(p, twin).crmId, first);
}
