// The live connector-log dock: entries arriving from the log's signal (also across threads),
// colours, filters, follow-newest vs scrolled up, the detail pane and CSV export.
#include "UiTestSupport.h"

#include "core/log/ConnectorLog.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/log/ConnectorLogFilterModel.h"
#include "ui/log/ConnectorLogModel.h"
#include "ui/log/ConnectorLogPanel.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QToolButton>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

ConnectorLogEntry entry(LogLevel level, qint64 run, const QString& message) {
    ConnectorLogEntry e;
    e.level = level;
    e.runId = run;
    e.action = QStringLiteral("update");
    e.message = message;
    return e;
}

class LogPanelTest : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        panel = find<ConnectorLogPanel>(QStringLiteral("connectorLogDock"));
        ASSERT_NE(panel, nullptr);
        panel->show();
        log = context->connectorLog();
        ASSERT_NE(log, nullptr);
        // Every level is shown unless a test says otherwise.
        find<QComboBox>(QStringLiteral("logLevelFilter"))->setCurrentIndex(0);
    }
    int shown() const { return panel->filterModel()->rowCount(); }
    bool contains(const QString& message) const {
        for (int i = 0; i < panel->filterModel()->rowCount(); ++i) {
            if (panel->filterModel()->index(i, ConnectorLogModel::MessageColumn).data().toString() == message)
                return true;
        }
        return false;
    }

    ConnectorLogPanel* panel = nullptr;
    ConnectorLog* log = nullptr;
};

} // namespace

TEST(ConnectorLogModelTest, TheRingBufferKeepsTheNewestEntriesAndIgnoresRepeats) {
    ConnectorLogModel model(nullptr, 5);
    for (int i = 1; i <= 8; ++i) {
        ConnectorLogEntry e = entry(LogLevel::Info, i % 2 ? 1 : 2, QStringLiteral("entry %1").arg(i));
        e.id = i;
        model.append(e);
    }
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.entry(0).id, 4);
    EXPECT_EQ(model.entry(4).id, 8);
    EXPECT_EQ(model.index(4, ConnectorLogModel::MessageColumn).data().toString(), QStringLiteral("entry 8"));

    ConnectorLogEntry repeat = entry(LogLevel::Info, 1, QStringLiteral("entry 8 again"));
    repeat.id = 8; // history and live signal overlapping
    model.append(repeat);
    EXPECT_EQ(model.rowCount(), 5);

    // A batch larger than the buffer keeps its own newest entries.
    QList<ConnectorLogEntry> batch;
    for (int i = 100; i < 112; ++i) {
        ConnectorLogEntry e = entry(LogLevel::Error, 3, QStringLiteral("batch %1").arg(i));
        e.id = i;
        batch.append(e);
    }
    model.append(batch);
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_EQ(model.entry(0).id, 107);
    EXPECT_EQ(model.entry(4).id, 111);
    EXPECT_EQ(model.runIds(), (QList<qint64>{3, 2, 1}));
}

TEST_F(LogPanelTest, EntriesAppearLiveColouredByLevel) {
    const int before = panel->model()->rowCount();
    ASSERT_TRUE(log->append(entry(LogLevel::Error, 0, QStringLiteral("HTTP 400 on create"))));
    ASSERT_TRUE(log->append(entry(LogLevel::Info, 0, QStringLiteral("Company created"))));
    ASSERT_EQ(panel->model()->rowCount(), before + 2); // same thread: at once
    ConnectorLogModel* model = panel->model();
    const QVariant errorColour =
        model->index(before, ConnectorLogModel::MessageColumn).data(Qt::ForegroundRole);
    const QVariant infoColour =
        model->index(before + 1, ConnectorLogModel::MessageColumn).data(Qt::ForegroundRole);
    EXPECT_TRUE(errorColour.isValid());
    EXPECT_NE(errorColour, infoColour);
    EXPECT_EQ(model->index(before, ConnectorLogModel::LevelColumn).data().toString(),
              logLevelLabel(LogLevel::Error));
}

TEST_F(LogPanelTest, EntriesWrittenOnAWorkerThreadArriveThroughTheSignal) {
    // The engine appends on its own thread; the panel gets the entries queued to the UI thread.
    QThread* worker = QThread::create([this] {
        for (int i = 0; i < 3; ++i)
            log->append(entry(LogLevel::Warning, 42, QStringLiteral("from the engine %1").arg(i)));
    });
    worker->start();
    ASSERT_TRUE(waitFor([&] { return contains(QStringLiteral("from the engine 2")); }));
    worker->wait();
    delete worker;
    EXPECT_TRUE(contains(QStringLiteral("from the engine 0")));
    // The run shows up in the run filter.
    EXPECT_GE(find<QComboBox>(QStringLiteral("logRunFilter"))->findData(qint64(42)), 0);
}

TEST_F(LogPanelTest, FiltersByLevelRunTextAndRecord) {
    panel->model()->clear();
    ConnectorLogEntry a = entry(LogLevel::Debug, 7, QStringLiteral("GET properties"));
    ConnectorLogEntry b = entry(LogLevel::Info, 7, QStringLiteral("Acme updated"));
    b.object = RecordObject::Company;
    b.localId = 12;
    b.crmId = QStringLiteral("9001");
    ConnectorLogEntry c = entry(LogLevel::Error, 8, QStringLiteral("Property values were not valid"));
    c.object = RecordObject::Contact;
    c.localId = 12;
    c.code = QStringLiteral("INVALID_OPTION");
    c.correlationId = QStringLiteral("corr-123");
    ConnectorLogEntry d = entry(LogLevel::Warning, 8, QStringLiteral("429, waiting"));
    for (const ConnectorLogEntry& e : {a, b, c, d})
        panel->addEntry(e);
    ASSERT_EQ(shown(), 4);

    auto* level = find<QComboBox>(QStringLiteral("logLevelFilter"));
    level->setCurrentIndex(level->findData(static_cast<int>(LogLevel::Warning)));
    EXPECT_EQ(shown(), 2);
    level->setCurrentIndex(level->findData(static_cast<int>(LogLevel::Info)));
    EXPECT_EQ(shown(), 3);
    level->setCurrentIndex(0);

    auto* run = find<QComboBox>(QStringLiteral("logRunFilter"));
    run->setCurrentIndex(run->findData(qint64(8)));
    EXPECT_EQ(shown(), 2);
    run->setCurrentIndex(0);

    auto* text = find<QLineEdit>(QStringLiteral("logTextFilter"));
    QTest::keyClicks(text, QStringLiteral("invalid_opt")); // codes, case-insensitive
    EXPECT_EQ(shown(), 1);
    text->clear();
    QTest::keyClicks(text, QStringLiteral("corr-123")); // correlation id
    EXPECT_EQ(shown(), 1);
    text->clear();

    auto* record = find<QLineEdit>(QStringLiteral("logRecordFilter"));
    record->setText(QStringLiteral("company 12"));
    EXPECT_EQ(shown(), 1);
    EXPECT_TRUE(contains(QStringLiteral("Acme updated")));
    record->setText(QStringLiteral("contact:12"));
    EXPECT_EQ(shown(), 1);
    EXPECT_TRUE(contains(QStringLiteral("Property values were not valid")));
    record->setText(QStringLiteral("12")); // either object
    EXPECT_EQ(shown(), 2);
    record->setText(QStringLiteral("9001")); // a CRM id
    EXPECT_EQ(shown(), 1);
    record->clear();
    EXPECT_EQ(shown(), 4);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logCountLabel"))->text(), QStringLiteral("4 entries"));
}

TEST_F(LogPanelTest, TheDetailPaneShowsWhatWasSentAndAnswered) {
    ConnectorLogEntry e = entry(LogLevel::Error, 3, QStringLiteral("Property values were not valid"));
    e.request = QStringLiteral("POST /crm/v3/objects/companies/batch/update (2 inputs)");
    e.httpStatus = 400;
    e.category = QStringLiteral("VALIDATION_ERROR");
    e.code = QStringLiteral("INVALID_OPTION");
    e.hint = QStringLiteral("Add a value map for Industry.");
    e.correlationId = QStringLiteral("aaaa-bbbb");
    panel->addEntry(e);
    QTableView* table = panel->table();
    table->setCurrentIndex(panel->filterModel()->index(panel->filterModel()->rowCount() - 1, 0));
    ASSERT_NE(panel->currentEntry(), nullptr);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailRequest"))->text(), e.request);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailHttpStatus"))->text(), QStringLiteral("400"));
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailCategory"))->text(), e.category);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailCode"))->text(), e.code);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailMessage"))->text(), e.message);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailHint"))->text(), e.hint);
    EXPECT_EQ(find<QLabel>(QStringLiteral("logDetailCorrelationId"))->text(), e.correlationId);
}

TEST_F(LogPanelTest, FollowsTheNewestEntryUnlessScrolledUp) {
    window->resize(1200, 800);
    panel->setFloating(true);
    panel->resize(900, 300);
    QTest::qWait(20);
    QList<ConnectorLogEntry> many;
    for (int i = 0; i < 300; ++i)
        many.append(entry(LogLevel::Info, 1, QStringLiteral("entry %1").arg(i)));
    panel->model()->append(many);
    QScrollBar* bar = panel->table()->verticalScrollBar();
    ASSERT_GT(bar->maximum(), 0);
    EXPECT_TRUE(panel->isFollowingNewest());
    EXPECT_EQ(bar->value(), bar->maximum());

    // The person scrolls up: new entries no longer move the view.
    bar->setValue(0);
    EXPECT_FALSE(panel->isFollowingNewest());
    EXPECT_FALSE(find<QToolButton>(QStringLiteral("logFollowButton"))->isChecked());
    panel->addEntry(entry(LogLevel::Info, 1, QStringLiteral("while scrolled up")));
    QTest::qWait(10);
    EXPECT_EQ(bar->value(), 0);

    // Back to the bottom (here with the button): following again.
    find<QToolButton>(QStringLiteral("logFollowButton"))->click();
    EXPECT_TRUE(panel->isFollowingNewest());
    EXPECT_EQ(bar->value(), bar->maximum());
    panel->addEntry(entry(LogLevel::Info, 1, QStringLiteral("followed")));
    const int max = bar->maximum();
    EXPECT_EQ(bar->value(), max);
    // Scrolling to the bottom by hand follows too.
    bar->setValue(10);
    EXPECT_FALSE(panel->isFollowingNewest());
    bar->setValue(bar->maximum());
    EXPECT_TRUE(panel->isFollowingNewest());
}

TEST_F(LogPanelTest, CsvExportEscapesFormulaCellsAndKeepsTheFilter) {
    ConnectorLogEntry formula = entry(LogLevel::Error, 5, QStringLiteral("=HYPERLINK(\"http://x\")"));
    formula.crmId = QStringLiteral("+123");
    formula.hint = QStringLiteral("@SUM(A1)");
    ConnectorLogEntry quoted = entry(LogLevel::Warning, 5, QStringLiteral("-2, then \"quoted\""));
    ConnectorLogEntry other = entry(LogLevel::Info, 6, QStringLiteral("another run"));
    ASSERT_TRUE(log->append(QList<ConnectorLogEntry>{formula, quoted, other}));

    auto* run = find<QComboBox>(QStringLiteral("logRunFilter"));
    run->setCurrentIndex(run->findData(qint64(5)));
    ASSERT_EQ(shown(), 2);

    const QString path = dir.filePath(QStringLiteral("log.csv"));
    FileDialog::queueAnswer(path);
    find<QPushButton>(QStringLiteral("logExportButton"))->click();
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << str(csv); // header + the two entries of run 5
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("time,level,run")));
    EXPECT_TRUE(csv.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""))) << str(csv);
    EXPECT_TRUE(csv.contains(QStringLiteral("'+123"))) << str(csv);
    EXPECT_TRUE(csv.contains(QStringLiteral("'@SUM(A1)"))) << str(csv);
    EXPECT_TRUE(csv.contains(QStringLiteral("\"'-2, then \"\"quoted\"\"\""))) << str(csv);
    EXPECT_FALSE(csv.contains(QStringLiteral("another run")));
    EXPECT_TRUE(MessageBox::history().isEmpty());
}
