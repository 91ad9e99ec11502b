#include "core/mapping/MappingValidator.h"
#include "core/connectors/FakeConnector.h"
#include "tests/mapping/QtPrinters.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

FieldDefinition custom(const QString& key, FieldType type, const QStringList& choices = {}) {
    FieldDefinition f;
    f.object = RecordObject::Company;
    f.key = key;
    f.label = key.toUpper();
    f.type = type;
    f.choices = choices;
    return f;
}

CrmProperty prop(const QString& name, CrmPropertyType type, const QStringList& options = {}) {
    CrmProperty p;
    p.name = name;
    p.label = name;
    p.type = type;
    for (const QString& o : options)
        p.options.append({o, o});
    return p;
}

MappingTarget target(const QString& property, UpdateStrategy strategy = UpdateStrategy::Override,
                     const QMap<QString, QString>& valueMap = {}) {
    return MappingTarget{property, strategy, false, valueMap};
}

class MappingValidatorTest : public ::testing::Test {
protected:
    MappingValidatorTest()
        : m_facts(ConnectorFacts::forKind(CrmKind::HubSpot)) {
        m_fields = builtInFields(RecordObject::Company);
        m_fields += {custom(u"founded"_s, FieldType::Date), custom(u"public"_s, FieldType::Boolean),
                     custom(u"segment"_s, FieldType::Choice, {u"Enterprise"_s, u"SMB"_s}),
                     custom(u"score"_s, FieldType::Number), custom(u"contact_email"_s, FieldType::Email)};
        m_properties = FakeConnector::standardProperties(CrmKind::HubSpot, RecordObject::Company);
        m_properties += {prop(u"segment_enum"_s, CrmPropertyType::Enumeration, {u"ENT"_s, u"SMB"_s}),
                         prop(u"yes_no"_s, CrmPropertyType::Enumeration, {u"Yes"_s, u"No"_s}),
                         prop(u"true_false"_s, CrmPropertyType::Enumeration, {u"true"_s, u"false"_s}),
                         prop(u"three"_s, CrmPropertyType::Enumeration, {u"a"_s, u"b"_s, u"c"_s}),
                         prop(u"founded_date"_s, CrmPropertyType::Date),
                         prop(u"founded_dt"_s, CrmPropertyType::DateTime),
                         prop(u"score_num"_s, CrmPropertyType::Number),
                         prop(u"flag"_s, CrmPropertyType::Bool),
                         prop(u"owner_ref"_s, CrmPropertyType::Reference)};
    }

    // The default company mapping plus one row: the key row keeps NoMatchKey out of the way.
    QList<MappingProblem> validateRow(const QString& field, const QList<MappingTarget>& targets) {
        Mapping m = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
        m.rows.append(MappingRow{field, targets});
        m_lastRow = int(m.rows.size()) - 1;
        return MappingValidator::validate(m, m_fields, m_properties, m_facts);
    }

    static QList<MappingProblem::Code> codes(const QList<MappingProblem>& problems) {
        QList<MappingProblem::Code> out;
        for (const MappingProblem& p : problems)
            out.append(p.code);
        return out;
    }

    void expectFits(const QString& field, const QString& property) {
        const QList<MappingProblem> problems = validateRow(field, {target(property)});
        EXPECT_TRUE(problems.isEmpty())
            << field.toStdString() << " -> " << property.toStdString() << ": "
            << (problems.isEmpty() ? "" : problems.constFirst().message.toStdString());
    }

    void expectMismatch(const QString& field, const QString& property) {
        const QList<MappingProblem> problems = validateRow(field, {target(property)});
        ASSERT_EQ(codes(problems), QList<MappingProblem::Code>{MappingProblem::Code::TypeMismatch})
            << field.toStdString() << " -> " << property.toStdString();
        EXPECT_EQ(problems.constFirst().row, m_lastRow);
        EXPECT_EQ(problems.constFirst().target, 0);
        EXPECT_TRUE(problems.constFirst().message.contains(property))
            << problems.constFirst().message.toStdString();
        EXPECT_TRUE(problems.constFirst().isError());
    }

    ConnectorFacts m_facts;
    QList<FieldDefinition> m_fields;
    QList<CrmProperty> m_properties;
    int m_lastRow = -1;
};

} // namespace

TEST_F(MappingValidatorTest, DefaultMappingsAreValidAgainstTheStandardProperties) {
    for (CrmKind kind : {CrmKind::HubSpot, CrmKind::Salesforce}) {
        for (RecordObject object : {RecordObject::Company, RecordObject::Contact}) {
            const QList<MappingProblem> problems = MappingValidator::validate(
                Mapping::defaultMapping(kind, object), builtInFields(object),
                FakeConnector::standardProperties(kind, object), ConnectorFacts::forKind(kind));
            EXPECT_TRUE(problems.isEmpty())
                << crmKindName(kind).toStdString() << " " << recordObjectName(object).toStdString() << ": "
                << (problems.isEmpty() ? "" : problems.constFirst().message.toStdString());
        }
    }
}

TEST_F(MappingValidatorTest, TextFitsStringsOnly) {
    expectFits(u"description"_s, u"description"_s);       // textarea
    expectFits(u"website"_s, u"linkedin_company_page"_s); // url -> string
    expectFits(u"contact_email"_s, u"city"_s);            // email -> string
    expectMismatch(u"city"_s, u"score_num"_s);
    expectMismatch(u"city"_s, u"founded_date"_s);
    expectMismatch(u"city"_s, u"flag"_s);
    expectMismatch(u"city"_s, u"segment_enum"_s); // text onto an enumeration: needs a choice field
    expectMismatch(u"website"_s, u"owner_ref"_s);
}

TEST_F(MappingValidatorTest, NumberFitsNumbersOnly) {
    expectFits(u"score"_s, u"score_num"_s);
    expectFits(u"employees"_s, u"numberofemployees"_s);
    expectMismatch(u"score"_s, u"city"_s);
    expectMismatch(u"score"_s, u"founded_date"_s);
}

TEST_F(MappingValidatorTest, DateFitsDateAndDateTime) {
    expectFits(u"founded"_s, u"founded_date"_s);
    expectFits(u"founded"_s, u"founded_dt"_s);
    expectMismatch(u"founded"_s, u"founded_year"_s); // a string
    expectMismatch(u"founded"_s, u"score_num"_s);
}

TEST_F(MappingValidatorTest, BooleanFitsBoolOrATwoOptionChoice) {
    expectFits(u"public"_s, u"flag"_s);
    expectFits(u"public"_s, u"is_public"_s);
    expectFits(u"public"_s, u"true_false"_s); // options true/false: no value map needed
    expectMismatch(u"public"_s, u"three"_s);
    expectMismatch(u"public"_s, u"city"_s);

    // Options other than true/false need a value map covering yes and no.
    EXPECT_EQ(codes(validateRow(u"public"_s, {target(u"yes_no"_s)})),
              QList<MappingProblem::Code>{MappingProblem::Code::ValueMapRequired});
    EXPECT_TRUE(validateRow(u"public"_s, {target(u"yes_no"_s, UpdateStrategy::Override,
                                                 {{u"true"_s, u"Yes"_s}, {u"false"_s, u"No"_s}})})
                    .isEmpty());
    EXPECT_EQ(codes(validateRow(u"public"_s,
                                {target(u"yes_no"_s, UpdateStrategy::Override, {{u"yes"_s, u"Yes"_s}})})),
              QList<MappingProblem::Code>{MappingProblem::Code::ValueMapIncomplete});
}

TEST_F(MappingValidatorTest, ChoiceNeedsAValueMapOntoAnEnumeration) {
    const QList<MappingProblem> none = validateRow(u"segment"_s, {target(u"segment_enum"_s)});
    ASSERT_EQ(codes(none), QList<MappingProblem::Code>{MappingProblem::Code::ValueMapRequired});
    EXPECT_TRUE(none.constFirst().message.contains(u"segment_enum"_s));

    // Every CRM value of the map must be one of the property's options (case-sensitive).
    const QList<MappingProblem> wrong =
        validateRow(u"segment"_s, {target(u"segment_enum"_s, UpdateStrategy::Override,
                                          {{u"Enterprise"_s, u"ent"_s}, {u"SMB"_s, u"SMB"_s}})});
    ASSERT_EQ(codes(wrong), QList<MappingProblem::Code>{MappingProblem::Code::ValueMapUnknownOption});
    EXPECT_TRUE(wrong.constFirst().message.contains(u"\"ent\""_s))
        << wrong.constFirst().message.toStdString();

    EXPECT_TRUE(validateRow(u"segment"_s, {target(u"segment_enum"_s, UpdateStrategy::Override,
                                                  {{u"Enterprise"_s, u"ENT"_s}, {u"SMB"_s, u"SMB"_s}})})
                    .isEmpty());

    // A local choice without entry is only a warning: such records are refused at plan time.
    const QList<MappingProblem> partial = validateRow(
        u"segment"_s, {target(u"segment_enum"_s, UpdateStrategy::Override, {{u"Enterprise"_s, u"ENT"_s}})});
    ASSERT_EQ(codes(partial), QList<MappingProblem::Code>{MappingProblem::Code::ValueMapIncomplete});
    EXPECT_FALSE(partial.constFirst().isError());
    EXPECT_FALSE(MappingValidator::hasErrors(partial));
    EXPECT_TRUE(partial.constFirst().message.contains(u"SMB"_s));

    // Choice onto a text property: fine, with or without a value map.
    expectFits(u"segment"_s, u"city"_s);
    expectMismatch(u"segment"_s, u"score_num"_s);
}

TEST_F(MappingValidatorTest, ValueMapsOnlyOnChoiceAndTextProperties) {
    EXPECT_EQ(codes(validateRow(u"score"_s,
                                {target(u"score_num"_s, UpdateStrategy::Override, {{u"1"_s, u"2"_s}})})),
              QList<MappingProblem::Code>{MappingProblem::Code::ValueMapNotApplicable});
    EXPECT_EQ(codes(validateRow(
                  u"segment"_s,
                  {target(u"segment_enum"_s, UpdateStrategy::Override,
                          {{u"Enterprise"_s, u"ENT"_s}, {u"SMB"_s, u"SMB"_s}, {u"Other"_s, u""_s}})})),
              (QList<MappingProblem::Code>{MappingProblem::Code::ValueMapEmptyEntry}));
}

TEST_F(MappingValidatorTest, ReadOnlyCalculatedAndUnknownProperties) {
    const QList<MappingProblem> ro = validateRow(u"score"_s, {target(u"hs_object_id"_s)});
    ASSERT_EQ(codes(ro), QList<MappingProblem::Code>{MappingProblem::Code::ReadOnlyProperty});
    EXPECT_TRUE(ro.constFirst().message.contains(u"read-only"_s));
    const QList<MappingProblem> calc = validateRow(u"score"_s, {target(u"num_associated_contacts"_s)});
    ASSERT_EQ(codes(calc), QList<MappingProblem::Code>{MappingProblem::Code::ReadOnlyProperty});
    EXPECT_TRUE(calc.constFirst().message.contains(u"calculated"_s));

    const QList<MappingProblem> unknown =
        validateRow(u"city"_s, {target(u"city"_s), target(u"no_such_property"_s)});
    ASSERT_EQ(codes(unknown), QList<MappingProblem::Code>{MappingProblem::Code::UnknownProperty});
    EXPECT_EQ(unknown.constFirst().target, 1);
    EXPECT_EQ(unknown.constFirst().property, u"no_such_property"_s);

    const QList<MappingProblem> field = validateRow(u"ghost"_s, {target(u"city"_s)});
    ASSERT_EQ(codes(field), QList<MappingProblem::Code>{MappingProblem::Code::UnknownField});
    EXPECT_EQ(field.constFirst().target, -1);

    EXPECT_EQ(codes(validateRow(u"city"_s, {})),
              QList<MappingProblem::Code>{MappingProblem::Code::NoTargets});
}

TEST_F(MappingValidatorTest, DuplicateTargetsAndStrategies) {
    EXPECT_EQ(codes(validateRow(u"city"_s, {target(u"city"_s), target(u"city"_s)})),
              QList<MappingProblem::Code>{MappingProblem::Code::DuplicateTarget});

    MappingTarget clear = target(u"city"_s, UpdateStrategy::UpdateIfEmpty);
    clear.clearWhenEmpty = true;
    // The default mapping already writes city with Override: two problems, both on the new row.
    const QList<MappingProblem> problems = validateRow(u"country"_s, {clear});
    EXPECT_EQ(codes(problems), (QList<MappingProblem::Code>{MappingProblem::Code::ClearNeedsOverride,
                                                            MappingProblem::Code::ConflictingStrategies}));
    for (const MappingProblem& p : problems)
        EXPECT_EQ(p.row, m_lastRow);

    // A fallback chain with one strategy is fine: Domain after Website onto domain.
    EXPECT_TRUE(validateRow(u"domain"_s, {target(u"domain"_s, UpdateStrategy::UpdateIfEmpty)}).isEmpty());
    const QList<MappingProblem> conflict =
        validateRow(u"domain"_s, {target(u"domain"_s, UpdateStrategy::Override)});
    ASSERT_EQ(codes(conflict), QList<MappingProblem::Code>{MappingProblem::Code::ConflictingStrategies});
    EXPECT_TRUE(conflict.constFirst().message.contains(u"domain"_s));
}

TEST_F(MappingValidatorTest, MatchKeyIsRequired) {
    Mapping companies = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
    companies.rows.removeAt(1); // website -> domain
    const QList<MappingProblem> c = MappingValidator::validate(companies, m_fields, m_properties, m_facts);
    ASSERT_EQ(codes(c), QList<MappingProblem::Code>{MappingProblem::Code::NoMatchKey});
    EXPECT_EQ(c.constFirst().row, -1);
    EXPECT_TRUE(c.constFirst().message.contains(u"domain"_s));

    Mapping contacts = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Contact);
    contacts.rows.removeAt(2); // email -> Email
    const QList<MappingProblem> p = MappingValidator::validate(
        contacts, builtInFields(RecordObject::Contact),
        FakeConnector::standardProperties(CrmKind::Salesforce, RecordObject::Contact),
        ConnectorFacts::forKind(CrmKind::Salesforce));
    ASSERT_EQ(codes(p), QList<MappingProblem::Code>{MappingProblem::Code::NoMatchKey});
    EXPECT_TRUE(p.constFirst().message.contains(u"Email"_s));
}

TEST_F(MappingValidatorTest, MultiValuedEnumerationChecksEveryValue) {
    CrmProperty tags = prop(u"tags"_s, CrmPropertyType::Enumeration, {u"x"_s, u"y"_s});
    tags.multiValued = true;
    m_properties.append(tags);
    EXPECT_TRUE(validateRow(u"segment"_s, {target(u"tags"_s, UpdateStrategy::Override,
                                                  {{u"Enterprise"_s, u"x;y"_s}, {u"SMB"_s, u"y"_s}})})
                    .isEmpty());
    EXPECT_EQ(codes(validateRow(u"segment"_s, {target(u"tags"_s, UpdateStrategy::Override,
                                                      {{u"Enterprise"_s, u"x;z"_s}, {u"SMB"_s, u"y"_s}})})),
              QList<MappingProblem::Code>{MappingProblem::Code::ValueMapUnknownOption});
}
