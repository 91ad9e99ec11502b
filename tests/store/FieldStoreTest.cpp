#include "tests/store/TempWorkspace.h"

#include "core/store/FieldStore.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::TempWorkspace;

TEST(FieldStore, AddsCustomFieldsAfterTheBuiltIns) {
    TempWorkspace ws;
    FieldStore fields(*ws);
    const auto revenue = fields.addCustomField(RecordObject::Company, QStringLiteral(" Annual Revenue (€) "),
                                               FieldType::Number);
    ASSERT_TRUE(revenue) << fields.lastError().toStdString();
    EXPECT_EQ(revenue->key, u"annual_revenue");
    EXPECT_EQ(revenue->label, u"Annual Revenue (€)");
    EXPECT_FALSE(revenue->builtIn);
    EXPECT_EQ(revenue->type, FieldType::Number);

    const auto tier = fields.addCustomField(RecordObject::Company, QStringLiteral("Tier"), FieldType::Choice,
                                            {QStringLiteral("Gold"), QStringLiteral("Silver")});
    ASSERT_TRUE(tier);
    EXPECT_EQ(tier->choices, (QStringList{QStringLiteral("Gold"), QStringLiteral("Silver")}));

    const QList<FieldDefinition> list = fields.list(RecordObject::Company);
    const qsizetype builtIns = builtInFields(RecordObject::Company).size();
    ASSERT_EQ(list.size(), builtIns + 2);
    EXPECT_EQ(list[builtIns].key, u"annual_revenue");
    EXPECT_EQ(list[builtIns + 1].key, u"tier");
    EXPECT_GT(list[builtIns + 1].position, list[builtIns].position);
    EXPECT_EQ(fields.list(RecordObject::Contact).size(), builtInFields(RecordObject::Contact).size());
    EXPECT_EQ(fields.find(RecordObject::Company, QStringLiteral("tier"))->label, u"Tier");
    EXPECT_EQ(fields.findByLabel(RecordObject::Company, QStringLiteral("TIER"))->key, u"tier");
}

TEST(FieldStore, KeysAreUniqueAndLabelsMustDiffer) {
    TempWorkspace ws;
    FieldStore fields(*ws);
    // "Name!" slugs to "name", a built-in key: the custom field gets "name_2".
    const auto odd = fields.addCustomField(RecordObject::Company, QStringLiteral("Name!"), FieldType::Text);
    ASSERT_TRUE(odd) << fields.lastError().toStdString();
    EXPECT_EQ(odd->key, u"name_2");
    EXPECT_FALSE(fields.addCustomField(RecordObject::Company, QStringLiteral("website"), FieldType::Text));
    EXPECT_TRUE(fields.lastError().contains(u"already a field")) << fields.lastError().toStdString();
    EXPECT_FALSE(fields.addCustomField(RecordObject::Company, QStringLiteral("  "), FieldType::Text));
    EXPECT_FALSE(fields.addCustomField(RecordObject::Company, QStringLiteral("Tier"), FieldType::Choice));
    EXPECT_TRUE(fields.lastError().contains(u"choice")) << fields.lastError().toStdString();
    // The same label on the other object is fine.
    EXPECT_TRUE(fields.addCustomField(RecordObject::Contact, QStringLiteral("Name!"), FieldType::Text));
}

TEST(FieldStore, UpdatesCustomFieldsOnly) {
    TempWorkspace ws;
    FieldStore fields(*ws);
    auto f = fields.addCustomField(RecordObject::Contact, QStringLiteral("Newsletter"), FieldType::Text);
    ASSERT_TRUE(f);
    f->type = FieldType::Boolean;
    f->label = QStringLiteral("Newsletter opt-in");
    ASSERT_TRUE(fields.updateCustomField(*f)) << fields.lastError().toStdString();
    const auto stored = fields.find(RecordObject::Contact, QStringLiteral("newsletter"));
    EXPECT_EQ(stored->type, FieldType::Boolean);
    EXPECT_EQ(stored->label, u"Newsletter opt-in");

    FieldDefinition builtIn = *fields.find(RecordObject::Contact, QStringLiteral("email"));
    builtIn.label = QStringLiteral("Mail");
    EXPECT_FALSE(fields.updateCustomField(builtIn));
}

TEST(FieldStore, CustomFieldKeyFromLabel) {
    EXPECT_EQ(customFieldKey(QStringLiteral("Größe in m²")), u"grosse_in_m2");
    EXPECT_EQ(customFieldKey(QStringLiteral("  --Café  Owner-- ")), u"cafe_owner");
    EXPECT_EQ(customFieldKey(QStringLiteral("日本")), u"field");
    EXPECT_EQ(customFieldKey(QStringLiteral("# Employees")), u"employees");
}
