#pragma once

#include "ui/connections/ConnectionEditor.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QListView;
class QPushButton;

namespace syncdesk {

class AppContext;
class ConnectionListModel;
class ConnectionTester;

// Connections: add, edit and remove HubSpot and Sandbox connections, test one, choose the active
// one. Modeless (show()); the editor opens on top of it, also modeless.
class ConnectionsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionsDialog(AppContext& context, QWidget* parent = nullptr);
    ~ConnectionsDialog() override;

    ConnectionListModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    // The editor currently open, if any.
    ConnectionEditor* editor() const { return m_editor; }
    bool isTesting() const;

    void selectConnection(const QString& uuid);
    QString currentUuid() const;

    // The button actions, for keyboard users and tests.
    ConnectionEditor* addHubSpot();
    ConnectionEditor* addSandbox();
    ConnectionEditor* editCurrent();
    void removeCurrent();
    void testCurrent();
    void activateCurrent();

signals:
    void testFinished(const QString& message);

private:
    ConnectionEditor* openEditor(ConnectionEditor* editor);
    void updateButtons();
    void updateDetails();

    AppContext& m_context;
    ConnectionListModel* m_model = nullptr;
    ConnectionTester* m_tester = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_testResult = nullptr;
    QPushButton* m_addHubSpot = nullptr;
    QPushButton* m_addSandbox = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_activate = nullptr;
    QPointer<ConnectionEditor> m_editor;
};

} // namespace syncdesk
