#pragma once

#include "core/mapping/MissingFields.h"
#include "core/model/FieldDefinition.h"
#include "ui/mapping/CrmSchemaClient.h"
#include "ui/mapping/MissingFieldsDialog.h"
#include "ui/mapping/ValueMapDialog.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolBar;
class QToolButton;

namespace syncdesk {

class AppContext;
class MappingDocument;
class MappingTableModel;

// The mapping editor page (PRODUCT.md "Mapping rules"): per connection and object, the ordered
// rows with local field, CRM target(s), strategy, clear-when-empty and value map; add, remove and
// reorder rows (buttons, Alt+Up/Down, drag and drop); the match-key row marked; problems shown on
// their row with the reason; refresh the CRM's fields; create missing fields; undo/redo; save
// (refused while the mapping does not fit the CRM); import/export as JSON.
// Object name "mappingPage".
class MappingEditor : public QWidget {
    Q_OBJECT

public:
    explicit MappingEditor(AppContext& context, QWidget* parent = nullptr);
    ~MappingEditor() override;

    MappingDocument* document() const { return m_document; }
    MappingTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QAction* action(const QString& objectName) const;

    // Shows the mapping of a connection (by uuid) and object. Unsaved edits are offered for saving
    // first; false when the person chose to stay.
    bool showMapping(const QString& connectionUuid, RecordObject object);
    QString connectionUuid() const { return m_connectionUuid; }
    RecordObject object() const { return m_object; }

    // The mapping row of the current line (-1 none); selects a row's first line.
    int currentRow() const;
    void selectRow(int row);

    // Saves the mapping; refused (false, with a message box saying why) while it has errors or the
    // CRM's fields are unknown.
    bool save();
    void revert();
    void refreshCrmFields();
    // Creates properties for `fieldKeys` (or asks which, when empty) and maps them.
    void createMissingFields(const QStringList& fieldKeys = {});
    bool isBusy() const { return m_schema.isBusy(); }
    // Unsaved edits: asks Save / Discard / Cancel. True when it is fine to go on.
    bool maybeSave();

    ValueMapDialog* valueMapDialog() const { return m_valueMapDialog; }
    MissingFieldsDialog* missingFieldsDialog() const { return m_missingFieldsDialog; }
    // Opens the value map of the current line's target.
    void editValueMap();

signals:
    void saved(const QString& connectionUuid, syncdesk::RecordObject object);
    // A schema job (refresh, create) ended; `message` says how.
    void schemaJobFinished(const QString& message);

private:
    QAction* makeAction(const QString& name, const QString& text, const QKeySequence& keys,
                        const QString& tip);
    void nameButton(QToolBar* toolBar, QAction* action);
    void reloadConnections();
    void load();
    void onWorkspaceAboutToClose();
    void onSchemaFinished(const CrmSchemaResult& result);
    void updateState();
    void addRow();
    void addTarget();
    void removeCurrent();
    void moveCurrent(int delta);
    void exportJson();
    void importJson();
    std::optional<Connection> currentConnection() const;

    AppContext& m_context;
    MappingDocument* m_document = nullptr;
    MappingTableModel* m_model = nullptr;
    CrmSchemaClient m_schema;
    QString m_connectionUuid;
    RecordObject m_object = RecordObject::Company;
    QList<MissingFieldPlan> m_pendingCreate; // the create job's plans, mapped when it ends

    QComboBox* m_connections = nullptr;
    QComboBox* m_objects = nullptr;
    QLabel* m_propertiesLabel = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_mappingProblems = nullptr;
    QLabel* m_empty = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    QList<QAction*> m_actions;
    QPointer<ValueMapDialog> m_valueMapDialog;
    QPointer<MissingFieldsDialog> m_missingFieldsDialog;
    bool m_switching = false;
    bool m_loaded = false; // load() ran for the current workspace
};

} // namespace syncdesk
