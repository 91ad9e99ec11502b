#include "UiTestSupport.h"

#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/companies/CompanyListModel.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>

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

} // namespace syncdesk::test
