#include "UiTestSupport.h"

#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/connections/ConnectionEditor.h"
#include "ui/connections/ConnectionsDialog.h"
#include "ui/mapping/MappingDocument.h"
#include "ui/mapping/MappingEditor.h"
#include "ui/mapping/MissingFieldsDialog.h"
#include "ui/mapping/ValueMapDialog.h"
#include "ui/runs/RunsView.h"
#include "ui/runs/UndoPreviewDialog.h"
#include "ui/sync/SyncPreviewDialog.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

namespace syncdesk::test {

std::string str(const QString& s) {
    return s.toStdString();
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

QString sampleFile(const char* name) {
    return QStringLiteral(SYNCDESK_SOURCE_DIR "/resources/sample/") + QString::fromLatin1(name);
}

void UiTest::SetUp() {
    ASSERT_TRUE(dir.isValid());
    // Workspace::defaultPath() and the Sandbox's state live under XDG_DATA_HOME: keep them here.
    savedXdgDataHome = qgetenv("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("xdg-data")).toUtf8());
    MessageBox::setTestMode(true);
    MessageBox::clearHistory();
    FileDialog::clearAnswers();
    start(setup());
}

void UiTest::start(const Setup& s) {
    settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("settings.ini")));
    AppContext::Options options;
    const bool keychainAvailable = s.keychainAvailable;
    options.secretOpener = [this, keychainAvailable]() -> SecretStoreOpenResult {
        if (!keychainAvailable)
            return {nullptr, QStringLiteral("No keychain is reachable (test).")};
        auto store = std::make_unique<InMemorySecretStore>();
        keychain = store.get();
        return {std::move(store), {}};
    };
    options.startSandbox = s.startSandbox;
    options.sandboxStateDir = dir.filePath(QStringLiteral("sandbox"));
    context = std::make_unique<AppContext>(*settings, options);
    if (s.openWorkspace) {
        QString error;
        ASSERT_TRUE(context->openWorkspace(workspacePath(), true, &error)) << str(error);
    }
    if (s.createWindow) {
        window = std::make_unique<MainWindow>(*context);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        if (s.openWorkspace) {
            ASSERT_TRUE(waitForList());
        }
    }
}

void UiTest::TearDown() {
    window.reset();
    context.reset();
    settings.reset();
    MessageBox::clearHistory();
    MessageBox::setTestMode(false);
    FileDialog::clearAnswers();
    if (savedXdgDataHome.isNull())
        qunsetenv("XDG_DATA_HOME");
    else
        qputenv("XDG_DATA_HOME", savedXdgDataHome);
}

bool UiTest::waitForList(int timeoutMs) {
    CompanyListModel* model = window->companyModel();
    return waitFor(
        [model] { return !model->isLoading() && model->matchCountExact() && model->totalCount() >= 0; },
        timeoutMs);
}

void UiTest::search(const QString& text) {
    QLineEdit* edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    ASSERT_NE(edit, nullptr);
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // apply now, without waiting for the debounce
    ASSERT_TRUE(waitForList());
}

bool UiTest::tourDialogs(const std::function<void(QWidget* dialog, const QString& name)>& visit) {
    constexpr int Slow = 60000;
    const auto shown = [](QWidget* w) {
        EXPECT_NE(w, nullptr);
        return w && QTest::qWaitForWindowExposed(w);
    };

    ConnectionsDialog* connections = window->showConnections();
    if (!shown(connections))
        return false;
    visit(connections, QStringLiteral("connections"));
    for (bool hubSpot : {true, false}) {
        ConnectionEditor* editor = hubSpot ? connections->addHubSpot() : connections->addSandbox();
        if (!shown(editor))
            return false;
        visit(editor, hubSpot ? QStringLiteral("connection editor (HubSpot)")
                              : QStringLiteral("connection editor (Sandbox)"));
        editor->reject();
    }
    connections->close();

    // The sync preview of three sample companies, planned and then run; the undo preview of that run.
    QList<qint64> ids;
    CompanyStore store(*context->workspace());
    for (const char* external : {"C0001", "C0002", "C0003"})
        ids.append(store.findByExternalId(QString::fromLatin1(external))->id);
    std::sort(ids.begin(), ids.end());
    window->showPage(window->companiesPage());
    window->companyModel()->setSelectedIds(ids);
    EXPECT_TRUE(waitFor([&] { return window->syncSelectedAction()->isEnabled(); }));
    window->syncSelectedAction()->trigger();
    auto* preview = find<SyncPreviewDialog>(QStringLiteral("syncPreviewDialog"));
    if (!shown(preview))
        return false;
    EXPECT_TRUE(waitFor([&] { return preview->state() != SyncPreviewDialog::State::Planning; }, Slow));
    if (preview->state() != SyncPreviewDialog::State::Ready)
        return false;
    visit(preview, QStringLiteral("sync preview"));
    preview->findChild<QPushButton*>(QStringLiteral("syncRunButton"))->click();
    EXPECT_TRUE(waitFor([&] { return preview->state() == SyncPreviewDialog::State::Finished; }, Slow));
    visit(preview, QStringLiteral("sync preview (finished)"));
    preview->findChild<QPushButton*>(QStringLiteral("syncShowRunButton"))->click();
    preview->close();

    auto* runs = find<RunsView>(QStringLiteral("runsPage"));
    if (!runs)
        return false;
    runs->action(QStringLiteral("runsUndoAction"))->trigger();
    UndoPreviewDialog* undo = runs->undoDialog();
    if (!shown(undo))
        return false;
    EXPECT_TRUE(waitFor([&] { return undo->state() != UndoPreviewDialog::State::Previewing; }, Slow));
    visit(undo, QStringLiteral("undo preview"));
    undo->close();

    // The mapping editor's dialogs: a value map for Industry, and "create missing fields".
    auto* editor = find<MappingEditor>(QStringLiteral("mappingPage"));
    if (!editor)
        return false;
    window->showPage(editor);
    EXPECT_TRUE(waitFor([&] { return editor->document()->crmPropertiesKnown() && !editor->isBusy(); }, Slow));
    editor->selectRow(editor->document()->addRow(QStringLiteral("industry")));
    editor->action(QStringLiteral("mappingValueMapAction"))->trigger();
    if (!shown(editor->valueMapDialog()))
        return false;
    visit(editor->valueMapDialog(), QStringLiteral("value map"));
    editor->valueMapDialog()->reject();
    editor->action(QStringLiteral("mappingCreateFieldsAction"))->trigger();
    if (!shown(editor->missingFieldsDialog()))
        return false;
    visit(editor->missingFieldsDialog(), QStringLiteral("create missing fields"));
    editor->missingFieldsDialog()->reject();
    editor->document()->undoStack()->setIndex(0);
    window->showPage(window->companiesPage());
    return true;
}

} // namespace syncdesk::test
