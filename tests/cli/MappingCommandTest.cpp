// End-to-end: `syncdesk-cli mapping export|import` as a real process, validated against the
// Sandbox CRM's property list (fetched, cached, refreshed) (PRODUCT.md "Headless", docs/connections.md).
#include "CliSandboxFixture.h"

using namespace clitest;

namespace {

QStringList args(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* a : list)
        out.append(QString::fromUtf8(a));
    return out;
}

const QString kProperties = QStringLiteral("GET /crm/v3/properties/companies");

QByteArray companiesDoc(const char* extraRows) {
    return QByteArray(R"({"format": "syncdesk-mapping", "version": 1, "object": "companies", "rows": [
  {"field": "name", "targets": [{"property": "name", "strategy": "update_if_empty"}]},
  {"field": "website", "targets": [{"property": "domain", "strategy": "update_if_empty"}]})") +
           extraRows + "\n]}\n";
}

} // namespace

class MappingCommand : public CliSandboxTest {
protected:
    void SetUp() override {
        CliSandboxTest::SetUp();
        const CliRun add = addSandbox(QStringLiteral("Box"));
        ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    }

    QString write(const char* name, const QByteArray& content) {
        QFile f(path(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return f.fileName();
    }

    QString exported(const char* object = "companies") {
        const CliRun r = run(args({"mapping", "export", "Box", "--object", object}));
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.out;
    }
};

TEST_F(MappingCommand, ExportsToAFileAndImportsItBackUsingTheCachedPropertyList) {
    const CliRun exp = run(args({"mapping", "export", "Box"}) + QStringList{path("companies.json")});
    ASSERT_EQ(exp.exitCode, 0) << exp.err.toStdString();
    EXPECT_TRUE(exp.out.isEmpty()); // the document went to the file
    QFile f(path("companies.json"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()), exported());

    const CliRun first = run(args({"mapping", "import", "Box"}) + QStringList{path("companies.json")});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.contains(QLatin1String("Imported the companies mapping of \"Box\" (7 row(s))")))
        << first.out.toStdString();
    EXPECT_EQ(calls(kProperties), 1);

    const CliRun second = run(args({"mapping", "import", "Box"}) + QStringList{path("companies.json")});
    ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
    EXPECT_EQ(calls(kProperties), 1); // cached

    const CliRun refreshed =
        run(args({"mapping", "import", "Box", "--refresh"}) + QStringList{path("companies.json")});
    ASSERT_EQ(refreshed.exitCode, 0) << refreshed.err.toStdString();
    EXPECT_EQ(calls(kProperties), 2);
}

TEST_F(MappingCommand, ImportRefusesAMappingThatDoesNotFitWithRowLevelErrors) {
    const QString before = exported();
    const QString file = write("bad.json", companiesDoc(R"(,
  {"field": "industry", "targets": [{"property": "industry", "strategy": "override", "value_map": {"Software": "SOFTWARE_THINGS"}}]},
  {"field": "city", "targets": [{"property": "town_of_hq", "strategy": "override"}]},
  {"field": "employees", "targets": [{"property": "hs_object_id", "strategy": "override"}]})"));
    const CliRun r = run(args({"mapping", "import", "Box"}) + QStringList{file});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QLatin1String("row 3, target 1 (industry)"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QLatin1String("SOFTWARE_THINGS")));
    EXPECT_TRUE(r.err.contains(QLatin1String("row 4, target 1 (town_of_hq)")));
    EXPECT_TRUE(r.err.contains(QLatin1String("[unknown_property]")));
    EXPECT_TRUE(r.err.contains(QLatin1String("row 5, target 1 (hs_object_id)")));
    EXPECT_TRUE(r.err.contains(QLatin1String("[read_only_property]")));
    EXPECT_TRUE(r.err.contains(QLatin1String("not imported")));
    EXPECT_EQ(exported(), before);
    // The first fetch was fresh: no second fetch just because the mapping is wrong.
    EXPECT_EQ(calls(kProperties), 1);
}

TEST_F(MappingCommand, ImportReportsSyntaxAndStructureErrorsWithTheirPlace) {
    const CliRun syntax =
        run(args({"mapping", "import", "Box"}) +
            QStringList{write("broken.json", "{\n  \"format\": \"syncdesk-mapping\",\n  oops\n}\n")});
    EXPECT_EQ(syntax.exitCode, 2);
    EXPECT_TRUE(syntax.err.contains(QLatin1String("line 3, column"))) << syntax.err.toStdString();

    const CliRun structure =
        run(args({"mapping", "import", "Box"}) + QStringList{write("structure.json", companiesDoc(R"(,
  {"field": "city", "targets": [{"property": "city", "strategy": "sometimes"}]})"))});
    EXPECT_EQ(structure.exitCode, 2);
    EXPECT_TRUE(structure.err.contains(QLatin1String("row 3, target 1"))) << structure.err.toStdString();
    EXPECT_TRUE(structure.err.contains(QLatin1String("sometimes")));
    EXPECT_EQ(calls(kProperties), 0); // refused before asking the CRM

    const CliRun missing = run(args({"mapping", "import", "Box"}) + QStringList{path("nope.json")});
    EXPECT_EQ(missing.exitCode, 2);
}

TEST_F(MappingCommand, ImportsFromStdinAndChecksTheObject) {
    const QByteArray contacts = exported("contacts").toUtf8();
    const CliRun wrong = run(args({"mapping", "import", "Box", "--object", "companies"}), contacts);
    EXPECT_EQ(wrong.exitCode, 2) << wrong.err.toStdString();
    const CliRun ok = run(args({"mapping", "import", "Box", "--object", "contacts"}), contacts);
    EXPECT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains(QLatin1String("contacts mapping")));
    EXPECT_EQ(calls(QStringLiteral("GET /crm/v3/properties/contacts")), 1);
}

TEST_F(MappingCommand, AStaleCacheIsRefreshedWhenTheCrmGainedAProperty) {
    const QString file = write("tier.json", companiesDoc(R"(,
  {"field": "description", "targets": [{"property": "syncdesk_notes", "strategy": "override"}]})"));
    const CliRun before = run(args({"mapping", "import", "Box"}) + QStringList{file});
    EXPECT_EQ(before.exitCode, 2);
    EXPECT_TRUE(before.err.contains(QLatin1String("syncdesk_notes")));
    EXPECT_EQ(calls(kProperties), 1);

    QString error;
    ASSERT_TRUE(m_server->loadSeedJson(
        QJsonDocument::fromJson(
            R"json({"properties": {"companies": [{"name": "syncdesk_notes", "label": "Notes (SyncDesk)",
            "type": "string", "fieldType": "textarea", "groupName": "companyinformation"}]}})json")
            .object(),
        &error))
        << error.toStdString();
    const CliRun after = run(args({"mapping", "import", "Box"}) + QStringList{file});
    EXPECT_EQ(after.exitCode, 0) << after.err.toStdString();
    EXPECT_EQ(calls(kProperties), 2); // the cached list said "unknown": asked the CRM again
    EXPECT_TRUE(exported().contains(QLatin1String("syncdesk_notes")));
}

TEST_F(MappingCommand, ATokenTheCrmRefusesExitsWithThree) {
    const CliRun replace = run(args({"connection", "token", "Box", "--token-stdin"}),
                               secret(QStringLiteral("pat-na1-revoked-token-1234")).toUtf8());
    ASSERT_EQ(replace.exitCode, 0);
    const CliRun r = run(args({"mapping", "import", "Box"}), exported().toUtf8());
    EXPECT_EQ(r.exitCode, 3) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QLatin1String("INVALID_AUTHENTICATION")));
}

TEST_F(MappingCommand, SalesforceMappingsExportButCannotBeCheckedYet) {
    ASSERT_EQ(run(args({"connection", "add", "SF", "--type", "salesforce"})).exitCode, 0);
    const CliRun exp = run(args({"mapping", "export", "SF"}));
    ASSERT_EQ(exp.exitCode, 0);
    EXPECT_TRUE(exp.out.contains(QLatin1String("\"BillingCountry\"")));
    const CliRun imp = run(args({"mapping", "import", "SF"}), exp.out.toUtf8());
    EXPECT_EQ(imp.exitCode, 2);
    EXPECT_TRUE(imp.err.contains(QLatin1String("Salesforce"))) << imp.err.toStdString();
}
