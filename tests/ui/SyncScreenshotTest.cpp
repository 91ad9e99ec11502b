// Pictures of desktop-sync's views and dialogs in a realistic state (a preview with diffs, a run's
// records, an undo preview, the mapping editor with a problem, the log with its detail pane), saved
// as PNGs under <build>/screenshots/desktop-sync/ for people to look at. Each grab is checked to be
// a real, non-blank picture of the widget.
#include "UiTestSupport.h"

#include "core/log/ConnectorLog.h"
#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/log/ConnectorLogFilterModel.h"
#include "ui/log/ConnectorLogPanel.h"
#include "ui/mapping/MappingDocument.h"
#include "ui/mapping/MappingEditor.h"
#include "ui/mapping/MissingFieldsDialog.h"
#include "ui/mapping/ValueMapDialog.h"
#include "ui/runs/RunModels.h"
#include "ui/runs/RunsView.h"
#include "ui/runs/UndoPreviewDialog.h"
#include "ui/sync/SyncPreviewDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class SyncScreenshotTest : public UiTest {
protected:
    void save(QWidget* widget, const QString& name) {
        QTest::qWait(50);
        const QPixmap shot = widget->grab();
        ASSERT_FALSE(shot.isNull()) << str(name);
        const QImage image = shot.toImage();
        // Not blank: more than a handful of distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        EXPECT_GT(colours.size(), 5) << str(name);
        const QString folder = QStringLiteral(SYNCDESK_BINARY_DIR "/screenshots/desktop-sync");
        QDir().mkpath(folder);
        EXPECT_TRUE(shot.save(folder + u'/' + name + QStringLiteral(".png"))) << str(name);
    }
    QList<qint64> firstTen() const {
        QList<qint64> ids;
        CompanyStore store(*context->workspace());
        for (int i = 1; i <= 10; ++i)
            ids.append(store.findByExternalId(QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0')))->id);
        std::sort(ids.begin(), ids.end());
        return ids;
    }
};

} // namespace

TEST_F(SyncScreenshotTest, DesktopSyncViews) {
    window->resize(1400, 900);

    // The mapping editor: Industry mapped without a value map (a problem on its row).
    auto* editor = find<MappingEditor>(QStringLiteral("mappingPage"));
    window->showPage(editor);
    ASSERT_TRUE(waitFor([&] { return editor->document()->crmPropertiesKnown() && !editor->isBusy(); }));
    editor->document()->addRow(QStringLiteral("domain"), 2);
    const int industry = editor->document()->addRow(QStringLiteral("industry"));
    editor->selectRow(industry);
    save(window.get(), QStringLiteral("mapping-editor"));
    editor->action(QStringLiteral("mappingValueMapAction"))->trigger();
    ASSERT_NE(editor->valueMapDialog(), nullptr);
    editor->valueMapDialog()->setEntry(QStringLiteral("Software"), QStringLiteral("COMPUTER_SOFTWARE"));
    save(editor->valueMapDialog(), QStringLiteral("value-map-dialog"));
    editor->valueMapDialog()->reject();
    editor->action(QStringLiteral("mappingCreateFieldsAction"))->trigger();
    ASSERT_NE(editor->missingFieldsDialog(), nullptr);
    save(editor->missingFieldsDialog(), QStringLiteral("missing-fields-dialog"));
    editor->missingFieldsDialog()->reject();

    // The sync preview of ten companies.
    window->showPage(window->companiesPage());
    window->companyModel()->setSelectedIds(firstTen());
    ASSERT_TRUE(waitFor([&] { return window->syncSelectedAction()->isEnabled(); }));
    window->syncSelectedAction()->trigger();
    auto* preview = find<SyncPreviewDialog>(QStringLiteral("syncPreviewDialog"));
    ASSERT_NE(preview, nullptr);
    ASSERT_TRUE(waitFor([&] { return preview->state() != SyncPreviewDialog::State::Planning; }, 60000));
    ASSERT_EQ(preview->state(), SyncPreviewDialog::State::Ready);
    const qint64 quillmoor =
        CompanyStore(*context->workspace()).findByExternalId(QStringLiteral("C0001"))->id;
    preview->selectRecord(RecordObject::Company, quillmoor);
    save(preview, QStringLiteral("sync-preview"));

    find<QPushButton>(QStringLiteral("syncRunButton"))->click();
    ASSERT_TRUE(waitFor([&] { return preview->state() == SyncPreviewDialog::State::Finished; }, 60000));
    save(preview, QStringLiteral("sync-finished"));
    const qint64 runId = preview->runId();
    find<QPushButton>(QStringLiteral("syncShowRunButton"))->click();

    // The runs view with the run's records, a created one selected.
    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    ASSERT_EQ(runs->currentRunId(), runId);
    for (int row = 0; row < runs->recordsModel()->rowCount(); ++row) {
        if (runs->recordsModel()->record(row)->outcome == RecordOutcome::Updated) {
            runs->selectRecord(row);
            break;
        }
    }
    // The log dock with the run's entries and one selected.
    auto* log = find<ConnectorLogPanel>(QStringLiteral("connectorLogDock"));
    log->showRun(runId);
    if (log->filterModel()->rowCount() > 0)
        log->table()->setCurrentIndex(log->filterModel()->index(log->filterModel()->rowCount() - 1, 0));
    save(window.get(), QStringLiteral("runs-and-log"));
    save(log, QStringLiteral("log-dock"));

    // The undo preview of that run.
    runs->action(QStringLiteral("runsUndoAction"))->trigger();
    UndoPreviewDialog* undo = runs->undoDialog();
    ASSERT_NE(undo, nullptr);
    ASSERT_TRUE(waitFor([&] { return undo->state() != UndoPreviewDialog::State::Previewing; }, 60000));
    ASSERT_EQ(undo->state(), UndoPreviewDialog::State::Ready);
    save(undo, QStringLiteral("undo-preview"));
}
