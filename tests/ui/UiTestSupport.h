#pragma once

// Support for the desktop's widget tests: a real MainWindow over a temporary workspace (sample
// data imported), an in-memory "keychain", the in-process Sandbox CRM, and settings in a temporary
// .ini file. Message boxes and file dialogs are in test mode: answer them with
// MessageBox::queueAnswer() / FileDialog::queueAnswer().

#include "core/auth/InMemorySecretStore.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/AppContext.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QWidget>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace syncdesk::test {

// Prints QStrings in assertion messages.
std::string str(const QString& s);

// Runs the event loop until `condition` holds or `timeoutMs` passed; returns the condition.
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 10000);

// The source tree's sample CSV files.
QString sampleFile(const char* name);

class UiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // What SetUp builds; a test may change these before calling start() itself.
    struct Setup {
        bool keychainAvailable = true;
        bool startSandbox = true;
        bool openWorkspace = true; // the temporary workspace, sample data imported
        bool createWindow = true;
    };
    virtual Setup setup() const { return {}; }
    void start(const Setup& s);

    // A widget or action of the main window (or of its dialogs) by object name; fails the test when missing.
    template <class T> T* find(const QString& objectName) const {
        T* found = window ? window->findChild<T*>(objectName) : nullptr;
        if (!found) {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                if (top->objectName() == objectName && qobject_cast<T*>(top))
                    return qobject_cast<T*>(top);
                if ((found = top->findChild<T*>(objectName)))
                    break;
            }
        }
        EXPECT_NE(found, nullptr) << "no " << T::staticMetaObject.className() << " named "
                                  << objectName.toStdString();
        return found;
    }

    // Waits until the company list shows the newest query with its exact count.
    bool waitForList(int timeoutMs = 10000);
    // Types into the search box and waits for the list.
    void search(const QString& text);

    // Opens every dialog of the window in a realistic state, one after the other, and calls
    // `visit` with each while it is shown: connections, the HubSpot and Sandbox connection
    // editors, the sync preview (planned, then finished), the undo preview, the value map and
    // "create missing fields" dialogs. Returns false (and fails the test) when one did not open.
    bool tourDialogs(const std::function<void(QWidget* dialog, const QString& name)>& visit);

    QString workspacePath() const { return dir.filePath(QStringLiteral("workspace.sqlite")); }

    QTemporaryDir dir;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;
    InMemorySecretStore* keychain = nullptr; // owned by context->secrets(), set when first opened
    QByteArray savedXdgDataHome;
};

} // namespace syncdesk::test
