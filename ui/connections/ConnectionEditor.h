#pragma once

#include "core/store/ConnectionStore.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace syncdesk {

class AppContext;
class ConnectionListModel;

// Adds or edits one connection: name, where (base URL), the token (private app token for
// HubSpot; written to the keychain, never shown again) and the sync settings. Not modal to the
// application: open it with open() and it closes itself on Save (problems show inside it, not in a
// message box).
class ConnectionEditor : public QDialog {
    Q_OBJECT

public:
    // A new connection of `kind`.
    ConnectionEditor(AppContext& context, ConnectionListModel& model, CrmKind kind,
                     QWidget* parent = nullptr);
    // Edits `connection`.
    ConnectionEditor(AppContext& context, ConnectionListModel& model, const Connection& connection,
                     QWidget* parent = nullptr);

    bool isNew() const { return m_isNew; }
    QString errorText() const;

    // Saves (as the Save button does); true when saved (the dialog is then accepted).
    bool save();

signals:
    void saved(const QString& connectionUuid);

private:
    void build();
    void load();
    Connection edited() const;

    AppContext& m_context;
    ConnectionListModel& m_model;
    Connection m_connection;
    bool m_isNew = false;
    bool m_inProcessSandbox = false;

    QLineEdit* m_name = nullptr;
    QLabel* m_type = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_token = nullptr;
    QLabel* m_tokenNote = nullptr;
    QComboBox* m_policy = nullptr;
    QComboBox* m_companyMode = nullptr;
    QComboBox* m_contactMode = nullptr;
    QComboBox* m_ambiguous = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace syncdesk
