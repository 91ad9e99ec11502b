// Connections: add, edit, remove, test and activate, through the real dialogs. The HubSpot
// connection points at the in-process Sandbox CRM (HubSpot's API on 127.0.0.1), so "Test"
// really talks HTTP.
#include "UiTestSupport.h"

#include "core/connectors/ConnectorFactory.h"
#include "core/sandbox/SandboxServer.h"
#include "core/store/ConnectionStore.h"
#include "core/store/Workspace.h"
#include "ui/common/MessageBox.h"
#include "ui/common/SandboxBadge.h"
#include "ui/connections/ConnectionEditor.h"
#include "ui/connections/ConnectionListModel.h"
#include "ui/connections/ConnectionsDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolBar>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

const QString hubspotName = QStringLiteral("Acme HubSpot");

class ConnectionsTest : public UiTest {
protected:
    ConnectionsDialog* openDialog() {
        find<QAction>(QStringLiteral("connectionsAction"))->trigger();
        auto* dialog = find<ConnectionsDialog>(QStringLiteral("connectionsDialog"));
        if (dialog) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }

    void fill(ConnectionEditor* editor, const QString& name, const QString& url, const QString& token) {
        editor->findChild<QLineEdit*>(QStringLiteral("connectionNameEdit"))->setText(name);
        editor->findChild<QLineEdit*>(QStringLiteral("connectionBaseUrlEdit"))->setText(url);
        editor->findChild<QLineEdit*>(QStringLiteral("connectionTokenEdit"))->setText(token);
    }

    void clickSave(ConnectionEditor* editor) {
        QTest::mouseClick(editor->findChild<QPushButton*>(QStringLiteral("saveConnectionButton")),
                          Qt::LeftButton);
    }

    // Adds the HubSpot connection through the dialog; returns it as stored.
    std::optional<Connection> addHubSpot(ConnectionsDialog* dialog, const QString& token) {
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addHubSpotButton")),
                          Qt::LeftButton);
        ConnectionEditor* editor = dialog->editor();
        EXPECT_NE(editor, nullptr);
        if (!editor)
            return std::nullopt;
        fill(editor, hubspotName, context->sandbox()->baseUrl().toString(), token);
        clickSave(editor);
        EXPECT_EQ(editor->result(), QDialog::Accepted) << str(editor->errorText());
        return ConnectionStore(*context->workspace()).findByName(hubspotName);
    }

    QString testAndWait(ConnectionsDialog* dialog) {
        QSignalSpy done(dialog, &ConnectionsDialog::testFinished);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("testConnectionButton")),
                          Qt::LeftButton);
        EXPECT_TRUE(waitFor([&] { return done.count() == 1; }, 30000));
        return done.isEmpty() ? QString() : done.first().first().toString();
    }

    bool fileContains(const QString& path, const QString& text) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) && f.readAll().contains(text.toUtf8());
    }
};

} // namespace

TEST_F(ConnectionsTest, ListsTheBuiltInSandboxAsActive) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->model()->rowCount(), 1);
    EXPECT_EQ(dialog->model()->index(0).data().toString(), QStringLiteral("Sandbox (active)"));
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("removeConnectionButton"))->isEnabled());
    EXPECT_FALSE(dialog->findChild<QPushButton*>(QStringLiteral("activateConnectionButton"))->isEnabled());
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("connectionDetails"))
                    ->text()
                    .contains(context->sandbox()->baseUrl().toString()));
}

TEST_F(ConnectionsTest, TestingTheSandboxConnectionTalksToIt) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const QString result = testAndWait(dialog);
    EXPECT_TRUE(result.startsWith(QStringLiteral("The connection works"))) << str(result);
    EXPECT_EQ(dialog->findChild<QLabel*>(QStringLiteral("connectionTestResult"))->text(), result);
    EXPECT_GT(context->sandbox()->requestLog().entries().size(), 0);
}

TEST_F(ConnectionsTest, AddHubSpotStoresTheTokenOnlyInTheKeychain) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const QString token = context->sandbox()->accessToken();
    const std::optional<Connection> c = addHubSpot(dialog, token);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->kind(), CrmKind::HubSpot);
    EXPECT_EQ(c->baseUrl, context->sandbox()->baseUrl().toString());
    ASSERT_NE(keychain, nullptr);
    const SecretResult stored = keychain->read(SecretStore::connectionKey(c->uuid));
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(ConnectorFactory::tokenFromSecret(stored.value), token);
    // Nowhere else: not in the workspace file, not in the settings.
    context->workspace()->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    settings->sync();
    EXPECT_FALSE(fileContains(workspacePath(), token));
    EXPECT_FALSE(fileContains(dir.filePath(QStringLiteral("settings.ini")), token));

    // Selected in the list; the test really authenticates with the token.
    EXPECT_EQ(dialog->currentUuid(), c->uuid);
    const QString result = testAndWait(dialog);
    EXPECT_TRUE(result.startsWith(QStringLiteral("The connection works"))) << str(result);
}

TEST_F(ConnectionsTest, AWrongTokenFailsTheTest) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(addHubSpot(dialog, QStringLiteral("pat-na1-not-the-right-token")));
    const QString result = testAndWait(dialog);
    EXPECT_TRUE(result.startsWith(QStringLiteral("The test failed"))) << str(result);
    EXPECT_FALSE(result.contains(QStringLiteral("pat-na1-not-the-right-token")));
}

TEST_F(ConnectionsTest, ProblemsShowInTheEditorAndNothingIsStored) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addSandboxButton")), Qt::LeftButton);
    ConnectionEditor* editor = dialog->editor();
    ASSERT_NE(editor, nullptr);
    fill(editor, QStringLiteral("Other sandbox"), QString(), QStringLiteral("pat-na1-abcdef"));
    EXPECT_FALSE(editor->save()); // a Sandbox needs its URL
    EXPECT_FALSE(editor->errorText().isEmpty());
    fill(editor, QString(), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("pat-na1-abcdef"));
    EXPECT_FALSE(editor->save()); // and a name
    fill(editor, QStringLiteral("Sandbox"), QStringLiteral("http://127.0.0.1:1"),
         QStringLiteral("pat-na1-abcdef"));
    EXPECT_FALSE(editor->save()); // taken
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("already exists"))) << str(editor->errorText());
    EXPECT_EQ(ConnectionStore(*context->workspace()).list().size(), 1);
    fill(editor, QStringLiteral("Other sandbox"), QStringLiteral("http://127.0.0.1:1"),
         QStringLiteral("pat-na1-abcdef"));
    EXPECT_TRUE(editor->save());
    EXPECT_EQ(ConnectionStore(*context->workspace()).list().size(), 2);
}

TEST_F(ConnectionsTest, EditKeepsTheTokenUnlessANewOneIsGiven) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const std::optional<Connection> c = addHubSpot(dialog, QStringLiteral("pat-na1-first-token"));
    ASSERT_TRUE(c);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("editConnectionButton")),
                      Qt::LeftButton);
    ConnectionEditor* editor = dialog->editor();
    ASSERT_NE(editor, nullptr);
    editor->findChild<QLineEdit*>(QStringLiteral("connectionNameEdit"))
        ->setText(QStringLiteral("Acme (prod)"));
    editor->findChild<QComboBox*>(QStringLiteral("companyModeCombo"))->setCurrentIndex(1);
    clickSave(editor);
    std::optional<Connection> edited = ConnectionStore(*context->workspace()).findByUuid(c->uuid);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->name, QStringLiteral("Acme (prod)"));
    EXPECT_EQ(edited->companyMode, QStringLiteral("update_only"));
    EXPECT_EQ(ConnectorFactory::tokenFromSecret(keychain->read(SecretStore::connectionKey(c->uuid)).value),
              QStringLiteral("pat-na1-first-token"));

    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("editConnectionButton")),
                      Qt::LeftButton);
    editor = dialog->editor();
    editor->findChild<QLineEdit*>(QStringLiteral("connectionTokenEdit"))
        ->setText(QStringLiteral("pat-na1-second"));
    clickSave(editor);
    EXPECT_EQ(ConnectorFactory::tokenFromSecret(keychain->read(SecretStore::connectionKey(c->uuid)).value),
              QStringLiteral("pat-na1-second"));
}

TEST_F(ConnectionsTest, RemoveAsksFirstAndDeletesTheToken) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const std::optional<Connection> c = addHubSpot(dialog, QStringLiteral("pat-na1-remove-me"));
    ASSERT_TRUE(c);
    auto* remove = dialog->findChild<QPushButton*>(QStringLiteral("removeConnectionButton"));
    ASSERT_TRUE(remove->isEnabled());

    MessageBox::queueAnswer(QMessageBox::Cancel);
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_TRUE(ConnectionStore(*context->workspace()).findByUuid(c->uuid));
    ASSERT_EQ(MessageBox::history().size(), 1);
    EXPECT_TRUE(MessageBox::history().first().text.contains(hubspotName));

    dialog->selectConnection(c->uuid);
    MessageBox::queueAnswer(QMessageBox::Yes);
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_FALSE(ConnectionStore(*context->workspace()).findByUuid(c->uuid));
    EXPECT_EQ(keychain->read(SecretStore::connectionKey(c->uuid)).status, SecretStatus::NotFound);
    EXPECT_EQ(dialog->model()->rowCount(), 1);
}

TEST_F(ConnectionsTest, ChoosingTheActiveConnectionUpdatesToolbarAndBadge) {
    auto* badge = find<SandboxBadge>(QStringLiteral("sandboxBadge"));
    ASSERT_NE(badge, nullptr);
    EXPECT_TRUE(badge->isVisible());
    EXPECT_EQ(badge->accessibleName(), QStringLiteral("Sandbox: nothing leaves this computer"));
    window->resize(1280, 800); // a narrow window shows the short text (ScreenFitTest)
    EXPECT_TRUE(
        waitFor([&] { return badge->text() == QStringLiteral("Sandbox: nothing leaves this computer"); }));

    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    const std::optional<Connection> c = addHubSpot(dialog, QStringLiteral("pat-na1-activate"));
    ASSERT_TRUE(c);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("activateConnectionButton")),
                      Qt::LeftButton);
    EXPECT_EQ(context->activeConnectionUuid(), c->uuid);
    EXPECT_TRUE(waitFor([&] { return !badge->isVisible(); })) << "the toolbar lays itself out";
    auto* combo = find<QComboBox>(QStringLiteral("activeConnectionCombo"));
    EXPECT_EQ(combo->currentData().toString(), c->uuid);
    EXPECT_EQ(find<QAction>(QStringLiteral("syncSelectedAction"))->text(),
              QStringLiteral("&Sync selected to %1").arg(hubspotName));
    EXPECT_EQ(settings->activeConnection(workspacePath()), c->uuid);

    // Back to the Sandbox through the toolbar's combo.
    const int sandboxIndex = combo->findData(context->sandboxConnection()->uuid);
    ASSERT_GE(sandboxIndex, 0);
    combo->setCurrentIndex(sandboxIndex);
    emit combo->activated(sandboxIndex);
    EXPECT_EQ(context->activeConnectionUuid(), context->sandboxConnection()->uuid);
    EXPECT_TRUE(waitFor([&] { return badge->isVisible(); }));
}

namespace {

class NoKeychainTest : public ConnectionsTest {
protected:
    Setup setup() const override {
        Setup s;
        s.keychainAvailable = false;
        return s;
    }
};

} // namespace

TEST_F(NoKeychainTest, AHubSpotConnectionNeedsAKeychain) {
    ConnectionsDialog* dialog = openDialog();
    ASSERT_NE(dialog, nullptr);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("addHubSpotButton")), Qt::LeftButton);
    ConnectionEditor* editor = dialog->editor();
    ASSERT_NE(editor, nullptr);
    fill(editor, hubspotName, QString(), QStringLiteral("pat-na1-nowhere-to-go"));
    EXPECT_FALSE(editor->save());
    EXPECT_TRUE(editor->errorText().contains(QStringLiteral("keychain"))) << str(editor->errorText());
    EXPECT_FALSE(ConnectionStore(*context->workspace()).findByName(hubspotName));
    // The Sandbox needs none: its token lives in memory.
    const QString result = testAndWait(dialog);
    EXPECT_TRUE(result.startsWith(QStringLiteral("The connection works"))) << str(result);
}
