#include "core/mapping/MappingJson.h"
#include "tests/mapping/QtPrinters.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

Mapping richMapping() {
    Mapping m = Mapping::defaultMapping(CrmKind::HubSpot, RecordObject::Company);
    m.rows[2].targets.append(MappingTarget{u"syncdesk_employees"_s, UpdateStrategy::Override, true, {}});
    m.rows.append(
        MappingRow{u"domain"_s, {MappingTarget{u"domain"_s, UpdateStrategy::UpdateIfEmpty, false, {}}}});
    m.rows.append(MappingRow{
        u"industry"_s,
        {MappingTarget{u"industry"_s,
                       UpdateStrategy::Override,
                       false,
                       {{u"Software"_s, u"COMPUTER_SOFTWARE"_s}, {u"Bio tech"_s, u"BIOTECHNOLOGY"_s}}}}});
    return m;
}

QString errorsText(const MappingImport& import) {
    QStringList out;
    for (const MappingJsonError& e : import.errors)
        out.append(e.toString());
    return out.join(u'\n');
}

} // namespace

TEST(MappingJson, RoundTripKeepsEverything) {
    const Mapping m = richMapping();
    const QByteArray bytes = MappingJson::toBytes(m, CrmKind::HubSpot);
    const MappingImport back = MappingJson::fromBytes(bytes);
    ASSERT_TRUE(back.ok()) << errorsText(back).toStdString();
    EXPECT_EQ(*back.mapping, m);
    EXPECT_EQ(back.crm, CrmKind::HubSpot);

    Mapping contacts = Mapping::defaultMapping(CrmKind::Salesforce, RecordObject::Contact);
    const MappingImport c = MappingJson::fromBytes(MappingJson::toBytes(contacts), RecordObject::Contact);
    ASSERT_TRUE(c.ok()) << errorsText(c).toStdString();
    EXPECT_EQ(*c.mapping, contacts);
    EXPECT_FALSE(c.crm.has_value());
}

TEST(MappingJson, DocumentShape) {
    const QJsonObject doc = MappingJson::toJson(richMapping(), CrmKind::Salesforce);
    EXPECT_EQ(doc.value(u"format"_s).toString(), u"syncdesk-mapping"_s);
    EXPECT_EQ(doc.value(u"version"_s).toInt(), 1);
    EXPECT_EQ(doc.value(u"crm"_s).toString(), u"salesforce"_s);
    EXPECT_EQ(doc.value(u"object"_s).toString(), u"companies"_s);
    const QJsonArray rows = doc.value(u"rows"_s).toArray();
    ASSERT_EQ(rows.size(), 9);
    const QJsonObject website = rows.at(1).toObject();
    EXPECT_EQ(website.value(u"field"_s).toString(), u"website"_s);
    const QJsonObject t = website.value(u"targets"_s).toArray().at(0).toObject();
    EXPECT_EQ(t.value(u"property"_s).toString(), u"domain"_s);
    EXPECT_EQ(t.value(u"strategy"_s).toString(), u"update_if_empty"_s);
    EXPECT_EQ(t.value(u"clear_when_empty"_s).toBool(true), false);
    EXPECT_FALSE(t.contains(u"value_map"_s));
    const QJsonObject industry = rows.at(8).toObject().value(u"targets"_s).toArray().at(0).toObject();
    EXPECT_EQ(industry.value(u"value_map"_s).toObject().value(u"Bio tech"_s).toString(), u"BIOTECHNOLOGY"_s);
}

TEST(MappingJson, SyntaxErrorsNameLineAndColumn) {
    const QByteArray broken = "{\n  \"format\": \"syncdesk-mapping\",\n  \"version\": 1\n  \"rows\": []\n}\n";
    const MappingImport r = MappingJson::fromBytes(broken);
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_EQ(r.errors.constFirst().line, 4) << errorsText(r).toStdString();
    EXPECT_TRUE(r.errors.constFirst().toString().startsWith(u"line 4, column "_s))
        << errorsText(r).toStdString();

    const MappingImport notObject = MappingJson::fromBytes("[1, 2]");
    ASSERT_FALSE(notObject.ok());
    EXPECT_EQ(notObject.errors.size(), 1);
}

TEST(MappingJson, RowAndTargetErrorsAreAllReported) {
    const QByteArray doc = R"({
      "format": "syncdesk-mapping", "version": 1, "object": "companies",
      "rows": [
        {"field": "name", "targets": [{"property": "name", "strategy": "update_if_empty"}]},
        {"field": "", "targets": [{"property": "domain", "strategy": "override"}]},
        {"field": "city", "targets": [{"property": "city", "strategy": "sometimes"},
                                      {"strategy": "override", "clear_when_empty": "yes"}]},
        {"field": "industry", "targets": [{"property": "industry", "strategy": "override", "value_map": ["x"]}]},
        {"field": "country", "targets": []},
        "not a row"
      ]})";
    const MappingImport r = MappingJson::fromBytes(doc);
    ASSERT_FALSE(r.ok());
    QStringList located;
    for (const MappingJsonError& e : r.errors)
        located.append(QStringLiteral("%1/%2").arg(e.row).arg(e.target));
    EXPECT_EQ(located, (QStringList{u"1/-1"_s, u"2/0"_s, u"2/1"_s, u"2/1"_s, u"3/0"_s, u"4/-1"_s, u"5/-1"_s}))
        << errorsText(r).toStdString();
    // Messages say what is wrong, 1-based for people.
    EXPECT_TRUE(r.errors.at(1).toString().startsWith(u"row 3, target 1: "_s))
        << r.errors.at(1).toString().toStdString();
    EXPECT_TRUE(r.errors.at(1).message.contains(u"sometimes"_s));
}

TEST(MappingJson, HeaderErrors) {
    const auto errorsOf = [](const QByteArray& json, std::optional<RecordObject> expected = std::nullopt) {
        return MappingJson::fromBytes(json, expected).errors;
    };
    EXPECT_EQ(errorsOf(R"({"format": "other", "version": 1, "object": "companies", "rows": []})").size(), 1);
    const auto newer =
        errorsOf(R"({"format": "syncdesk-mapping", "version": 7, "object": "companies", "rows": []})");
    ASSERT_EQ(newer.size(), 1);
    EXPECT_TRUE(newer.constFirst().message.contains(u"newer"_s));
    EXPECT_EQ(errorsOf(R"({"format": "syncdesk-mapping", "version": "1", "object": "companies", "rows": []})")
                  .size(),
              1);
    EXPECT_EQ(
        errorsOf(R"({"format": "syncdesk-mapping", "version": 1, "object": "deals", "rows": []})").size(), 1);
    EXPECT_EQ(errorsOf(R"({"format": "syncdesk-mapping", "version": 1, "object": "companies"})").size(), 1);
    EXPECT_EQ(
        errorsOf(
            R"({"format": "syncdesk-mapping", "version": 1, "crm": "zoho", "object": "companies", "rows": []})")
            .size(),
        1);
    // A contacts mapping imported where a companies mapping is expected.
    const auto wrongObject =
        errorsOf(R"({"format": "syncdesk-mapping", "version": 1, "object": "contacts", "rows": []})",
                 RecordObject::Company);
    ASSERT_EQ(wrongObject.size(), 1);
    EXPECT_TRUE(wrongObject.constFirst().message.contains(u"contacts"_s));

    const MappingImport empty = MappingJson::fromBytes(
        R"({"format": "syncdesk-mapping", "version": 1, "object": "contacts", "rows": []})");
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty.mapping->object, RecordObject::Contact);
    EXPECT_TRUE(empty.mapping->rows.isEmpty());
}
