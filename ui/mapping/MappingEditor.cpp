#include "ui/mapping/MappingEditor.h"

#include "core/mapping/MappingJson.h"
#include "core/store/FieldStore.h"
#include "core/store/MappingStore.h"
#include "core/store/Workspace.h"
#include "ui/common/AppContext.h"
#include "ui/common/FileDialog.h"
#include "ui/common/Icons.h"
#include "ui/common/MessageBox.h"
#include "ui/common/Theme.h"
#include "ui/mapping/MappingDocument.h"
#include "ui/mapping/MappingItemDelegate.h"
#include "ui/mapping/MappingTableModel.h"
#include "ui/mapping/MissingFieldsDialog.h"
#include "ui/mapping/ValueMapDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace syncdesk {

MappingEditor::MappingEditor(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_document(new MappingDocument(this))
    , m_model(new MappingTableModel(*m_document, this))
    , m_schema(context.secrets()) {
    setObjectName(QStringLiteral("mappingPage"));
    setAccessibleName(tr("Mapping editor"));

    auto* layout = new QVBoxLayout(this);

    // ---- Which mapping -------------------------------------------------------------------------
    auto* top = new QHBoxLayout;
    m_connections = new QComboBox(this);
    m_connections->setObjectName(QStringLiteral("mappingConnectionCombo"));
    m_connections->setAccessibleName(tr("Connection"));
    m_connections->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* connectionLabel = new QLabel(tr("Co&nnection:"), this);
    connectionLabel->setBuddy(m_connections);
    m_objects = new QComboBox(this);
    m_objects->setObjectName(QStringLiteral("mappingObjectCombo"));
    m_objects->setAccessibleName(tr("Object"));
    m_objects->addItem(tr("Companies"), static_cast<int>(RecordObject::Company));
    m_objects->addItem(tr("Contacts"), static_cast<int>(RecordObject::Contact));
    auto* objectLabel = new QLabel(tr("O&bject:"), this);
    objectLabel->setBuddy(m_objects);
    m_propertiesLabel = new QLabel(this);
    m_propertiesLabel->setObjectName(QStringLiteral("mappingPropertiesLabel"));
    m_propertiesLabel->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(connectionLabel);
    top->addWidget(m_connections);
    top->addWidget(objectLabel);
    top->addWidget(m_objects);
    top->addSpacing(12);
    top->addWidget(m_propertiesLabel, 1);
    layout->addLayout(top);

    // ---- Actions -------------------------------------------------------------------------------
    QAction* addRow = makeAction(QStringLiteral("mappingAddRowAction"), tr("&Add row"),
                                 QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("Map another local field"));
    QAction* addTarget = makeAction(QStringLiteral("mappingAddTargetAction"), tr("Add &target"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Insert),
                                    tr("Write the current row's field into one more CRM property"));
    QAction* remove = makeAction(QStringLiteral("mappingRemoveAction"), tr("&Remove"), QKeySequence::Delete,
                                 tr("Remove the current target (the row when it is its only one)"));
    QAction* up = makeAction(QStringLiteral("mappingMoveUpAction"), tr("Move &up"),
                             QKeySequence(Qt::ALT | Qt::Key_Up), tr("Move the current row up"));
    QAction* down = makeAction(QStringLiteral("mappingMoveDownAction"), tr("Move &down"),
                               QKeySequence(Qt::ALT | Qt::Key_Down), tr("Move the current row down"));
    QAction* valueMap = makeAction(QStringLiteral("mappingValueMapAction"), tr("&Value map…"),
                                   QKeySequence(Qt::CTRL | Qt::Key_M),
                                   tr("Map local values onto the CRM's options for the current target"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("mappingUndoAction"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    m_actions.append(undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("Re&do"));
    redo->setObjectName(QStringLiteral("mappingRedoAction"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    m_actions.append(redo);
    QAction* refresh =
        makeAction(QStringLiteral("mappingRefreshAction"), tr("Re&fresh CRM fields"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Load the CRM's property list again"));
    QAction* create =
        makeAction(QStringLiteral("mappingCreateFieldsAction"), tr("&Create missing fields…"), {},
                   tr("Create \"(SyncDesk)\" properties on the CRM for local fields and map them"));
    QAction* importJson = makeAction(QStringLiteral("mappingImportAction"), tr("&Import…"), {},
                                     tr("Replace the rows with a mapping exported as JSON"));
    QAction* exportJson = makeAction(QStringLiteral("mappingExportAction"), tr("E&xport…"), {},
                                     tr("Save this mapping as JSON"));
    QAction* revert =
        makeAction(QStringLiteral("mappingRevertAction"), tr("Re&vert"), {}, tr("Forget the unsaved edits"));
    QAction* save = makeAction(QStringLiteral("mappingSaveAction"), tr("&Save"), QKeySequence::Save,
                               tr("Save the mapping (only when it fits the CRM)"));

    connect(addRow, &QAction::triggered, this, &MappingEditor::addRow);
    connect(addTarget, &QAction::triggered, this, &MappingEditor::addTarget);
    connect(remove, &QAction::triggered, this, &MappingEditor::removeCurrent);
    connect(up, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(down, &QAction::triggered, this, [this] { moveCurrent(+1); });
    connect(valueMap, &QAction::triggered, this, &MappingEditor::editValueMap);
    connect(refresh, &QAction::triggered, this, &MappingEditor::refreshCrmFields);
    connect(create, &QAction::triggered, this, [this] { createMissingFields(); });
    connect(importJson, &QAction::triggered, this, &MappingEditor::importJson);
    connect(exportJson, &QAction::triggered, this, &MappingEditor::exportJson);
    connect(revert, &QAction::triggered, this, &MappingEditor::revert);
    connect(save, &QAction::triggered, this, &MappingEditor::save);

    undo->setIcon(Icons::icon(Icons::Id::Undo));
    redo->setIcon(Icons::icon(Icons::Id::Redo));
    refresh->setIcon(Icons::icon(Icons::Id::Refresh));
    // A toolbar, so that on a narrow window (200 % scale) the buttons that do not fit go into its
    // extension menu instead of widening the window.
    auto* tools = new QToolBar(this);
    tools->setObjectName(QStringLiteral("mappingToolBar"));
    tools->setAccessibleName(tr("Mapping actions"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // text alone where there is no icon
    tools->setIconSize(QSize(16, 16));
    const QList<QList<QAction*>> groups = {{save, revert},
                                           {addRow, addTarget, remove, up, down, valueMap},
                                           {undo, redo},
                                           {refresh, create, importJson, exportJson}};
    for (const QList<QAction*>& group : groups) {
        if (!tools->actions().isEmpty())
            tools->addSeparator();
        for (QAction* a : group)
            nameButton(tools, a);
    }
    layout->addWidget(tools);

    // ---- Status --------------------------------------------------------------------------------
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mappingStatusLabel"));
    m_status->setWordWrap(true);
    m_mappingProblems = new QLabel(this);
    m_mappingProblems->setObjectName(QStringLiteral("mappingProblemsLabel"));
    m_mappingProblems->setWordWrap(true);
    m_mappingProblems->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    layout->addWidget(m_mappingProblems);

    // ---- The table -----------------------------------------------------------------------------
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setAccessibleName(tr("Mapping rows"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new MappingItemDelegate(*m_document, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setDragEnabled(true);
    m_table->setAcceptDrops(true);
    m_table->setDropIndicatorShown(true);
    m_table->setDragDropMode(QAbstractItemView::InternalMove);
    m_table->setDefaultDropAction(Qt::MoveAction);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(MappingTableModel::KeyColumn, 100);
    m_table->setColumnWidth(MappingTableModel::FieldColumn, 170);
    m_table->setColumnWidth(MappingTableModel::PropertyColumn, 260);
    m_table->setColumnWidth(MappingTableModel::StrategyColumn, 130);
    m_table->setColumnWidth(MappingTableModel::ClearColumn, 140);
    m_table->setColumnWidth(MappingTableModel::ValueMapColumn, 200);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() == MappingTableModel::ValueMapColumn)
            editValueMap();
    });
    connect(m_model, &MappingTableModel::rowDropped, this, &MappingEditor::selectRow);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MappingEditor::updateState);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("mappingEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);

    connect(m_document, &MappingDocument::changed, this, &MappingEditor::updateState);
    connect(m_document, &MappingDocument::modifiedChanged, this, &MappingEditor::updateState);
    connect(m_connections, &QComboBox::currentIndexChanged, this, [this] {
        if (m_switching)
            return;
        const QString uuid = m_connections->currentData().toString();
        if (!showMapping(uuid, m_object)) {
            QSignalBlocker block(m_connections);
            m_connections->setCurrentIndex(m_connections->findData(m_connectionUuid));
        }
    });
    connect(m_objects, &QComboBox::currentIndexChanged, this, [this] {
        if (m_switching)
            return;
        const auto object = static_cast<RecordObject>(m_objects->currentData().toInt());
        if (!showMapping(m_connectionUuid, object)) {
            QSignalBlocker block(m_objects);
            m_objects->setCurrentIndex(m_objects->findData(static_cast<int>(m_object)));
        }
    });
    connect(&m_schema, &CrmSchemaClient::finished, this, &MappingEditor::onSchemaFinished);
    connect(&m_context, &AppContext::workspaceAboutToClose, this, &MappingEditor::onWorkspaceAboutToClose);
    connect(&m_context, &AppContext::workspaceChanged, this, [this] {
        m_schema.setLog(m_context.connectorLog());
        m_connectionUuid.clear();
        m_loaded = false;
        reloadConnections();
    });
    connect(&m_context, &AppContext::connectionsChanged, this, &MappingEditor::reloadConnections);

    m_schema.setLog(m_context.connectorLog());
    reloadConnections();
}

MappingEditor::~MappingEditor() = default;

QAction* MappingEditor::makeAction(const QString& name, const QString& text, const QKeySequence& keys,
                                   const QString& tip) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    if (!keys.isEmpty()) {
        a->setShortcut(keys);
        a->setToolTip(tr("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
    } else {
        a->setToolTip(tip);
    }
    a->setStatusTip(tip);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
    m_actions.append(a);
    return a;
}

void MappingEditor::nameButton(QToolBar* toolBar, QAction* action) {
    toolBar->addAction(action);
    QWidget* button = toolBar->widgetForAction(action);
    button->setObjectName(
        QString(action->objectName()).replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setAccessibleName(QString(action->text()).remove(u'&').remove(QStringLiteral("…")));
}

QAction* MappingEditor::action(const QString& objectName) const {
    for (QAction* a : m_actions) {
        if (a->objectName() == objectName)
            return a;
    }
    return nullptr;
}

std::optional<Connection> MappingEditor::currentConnection() const {
    Workspace* ws = m_context.workspace();
    if (!ws || m_connectionUuid.isEmpty())
        return std::nullopt;
    return ConnectionStore(*ws).findByUuid(m_connectionUuid);
}

void MappingEditor::reloadConnections() {
    m_switching = true;
    m_connections->clear();
    QList<Connection> list;
    if (Workspace* ws = m_context.workspace())
        list = ConnectionStore(*ws).list();
    for (const Connection& c : list)
        m_connections->addItem(tr("%1 (%2)").arg(c.name, crmKindLabel(c.kind())), c.uuid);
    QString uuid = m_connectionUuid;
    if (m_connections->findData(uuid) < 0)
        uuid = m_context.activeConnectionUuid();
    if (m_connections->findData(uuid) < 0)
        uuid = list.isEmpty() ? QString() : list.first().uuid;
    m_connections->setCurrentIndex(m_connections->findData(uuid));
    m_switching = false;
    if (uuid != m_connectionUuid || !m_loaded) {
        m_connectionUuid = uuid;
        load();
    } else {
        updateState();
    }
}

bool MappingEditor::showMapping(const QString& connectionUuid, RecordObject object) {
    if (connectionUuid == m_connectionUuid && object == m_object)
        return true;
    if (!maybeSave())
        return false;
    m_schema.cancelAndWait();
    m_pendingCreate.clear();
    m_connectionUuid = connectionUuid;
    m_object = object;
    m_switching = true;
    m_connections->setCurrentIndex(m_connections->findData(connectionUuid));
    m_objects->setCurrentIndex(m_objects->findData(static_cast<int>(object)));
    m_switching = false;
    load();
    return true;
}

void MappingEditor::load() {
    m_loaded = true;
    const std::optional<Connection> c = currentConnection();
    Workspace* ws = m_context.workspace();
    if (!c || !ws) {
        m_document->setContext(CrmKind::HubSpot, m_object, {});
        m_document->setCrmProperties(std::nullopt);
        m_document->load(Mapping{}, true);
        updateState();
        return;
    }
    const QList<FieldDefinition> fields = FieldStore(*ws).list(m_object);
    MappingStore store(*ws);
    QString error;
    std::optional<Mapping> mapping = store.mapping(c->id, m_object, &error);
    const bool stored = mapping.has_value();
    if (!mapping) {
        if (!error.isEmpty() && store.mappingDocument(c->id, m_object))
            MessageBox::warning(this, tr("Mapping"), error);
        mapping = Mapping::defaultMapping(c->kind(), m_object); // none stored: what a new connection gets
    }
    const std::optional<MappingStore::CachedProperties> cached = store.properties(c->id, m_object);
    m_document->setContext(c->kind(), m_object, fields);
    m_document->setCrmProperties(cached ? std::optional(cached->properties) : std::nullopt);
    m_document->load(*mapping, stored);
    m_propertiesLabel->setText(
        cached ? tr("%n CRM properties, loaded %1", nullptr, static_cast<int>(cached->properties.size()))
                     .arg(QLocale().toString(cached->fetchedAt.toLocalTime(), QLocale::ShortFormat))
               : tr("CRM properties not loaded yet"));
    if (!m_document->mapping().rows.isEmpty())
        selectRow(0);
    if (!cached)
        refreshCrmFields();
    updateState();
}

void MappingEditor::onWorkspaceAboutToClose() {
    m_schema.cancelAndWait();
    m_pendingCreate.clear();
    m_schema.setLog(nullptr);
    m_document->markSaved(); // the workspace goes: nothing left to save into
}

int MappingEditor::currentRow() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->mappingRow(current.row()) : -1;
}

void MappingEditor::selectRow(int row) {
    const int line = m_model->lineOf(row);
    if (line < 0)
        return;
    const QModelIndex index = m_model->index(line, MappingTableModel::FieldColumn);
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void MappingEditor::updateState() {
    const bool haveConnection = currentConnection().has_value();
    m_empty->setText(m_context.workspace()
                         ? tr("Add a connection first (Sync > Connections): a mapping belongs to "
                              "a connection.")
                         : tr("No workspace is open."));
    m_stack->setCurrentWidget(haveConnection ? static_cast<QWidget*>(m_table) : m_empty);

    const int row = currentRow();
    const int rows = static_cast<int>(m_document->mapping().rows.size());
    const bool busy = m_schema.isBusy();
    action(QStringLiteral("mappingAddRowAction"))
        ->setEnabled(haveConnection && !m_document->localFields().isEmpty());
    action(QStringLiteral("mappingAddTargetAction"))->setEnabled(haveConnection && row >= 0);
    action(QStringLiteral("mappingRemoveAction"))->setEnabled(row >= 0);
    action(QStringLiteral("mappingMoveUpAction"))->setEnabled(row > 0);
    action(QStringLiteral("mappingMoveDownAction"))->setEnabled(row >= 0 && row < rows - 1);
    action(QStringLiteral("mappingValueMapAction"))
        ->setEnabled(row >= 0 && m_model->target(m_table->currentIndex().row()) >= 0);
    action(QStringLiteral("mappingRefreshAction"))->setEnabled(haveConnection && !busy);
    action(QStringLiteral("mappingCreateFieldsAction"))
        ->setEnabled(haveConnection && !busy && m_document->crmPropertiesKnown());
    action(QStringLiteral("mappingImportAction"))->setEnabled(haveConnection);
    action(QStringLiteral("mappingExportAction"))->setEnabled(haveConnection);
    action(QStringLiteral("mappingRevertAction"))->setEnabled(haveConnection && m_document->isModified());
    const QString blocker = m_document->saveBlocker();
    QAction* save = action(QStringLiteral("mappingSaveAction"));
    save->setEnabled(haveConnection && m_document->isModified() && blocker.isEmpty());

    QString status;
    QPalette::ColorRole role = QPalette::WindowText;
    if (!haveConnection) {
        status.clear();
    } else if (busy) {
        status = tr("Talking to the CRM…");
    } else if (!blocker.isEmpty()) {
        status = blocker;
        role = QPalette::Text;
    } else if (m_document->isUnsavedDefault()) {
        status = tr("Default mapping, not saved yet: a sync uses it as shown. It fits the CRM; save it "
                    "(Ctrl+S) to keep it for this connection.");
    } else if (m_document->isModified()) {
        status = tr("Unsaved changes. The mapping fits the CRM and can be saved (Ctrl+S).");
    } else {
        status = tr("Saved. The mapping fits the CRM.");
    }
    m_status->setText(status);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, !blocker.isEmpty() && haveConnection ? Theme::tone(Theme::Tone::Error)
                                                                            : palette().color(role));
    m_status->setPalette(pal);
    save->setToolTip(blocker.isEmpty() ? tr("Save the mapping (Ctrl+S)") : blocker);

    QStringList whole;
    for (const MappingProblem& p : m_document->problems()) {
        if (p.row < 0)
            whole.append(p.message);
    }
    m_mappingProblems->setText(whole.join(u'\n'));
    m_mappingProblems->setVisible(!whole.isEmpty());
    m_mappingProblems->setPalette(pal);
}

// ---- Edits -----------------------------------------------------------------------------------

void MappingEditor::addRow() {
    // The first local field no row maps yet, else the first field.
    const QList<FieldDefinition>& fields = m_document->localFields();
    if (fields.isEmpty())
        return;
    QString key = fields.first().key;
    for (const FieldDefinition& f : fields) {
        bool mapped = false;
        for (const MappingRow& r : m_document->mapping().rows)
            mapped = mapped || r.fieldKey == f.key;
        if (!mapped) {
            key = f.key;
            break;
        }
    }
    const int current = currentRow();
    const int row = m_document->addRow(key, current >= 0 ? current + 1 : -1);
    selectRow(row);
    const int line = m_model->lineOf(row);
    m_table->setCurrentIndex(m_model->index(line, MappingTableModel::FieldColumn));
    m_table->edit(m_table->currentIndex());
}

void MappingEditor::addTarget() {
    const int row = currentRow();
    if (row < 0)
        return;
    const int target = static_cast<int>(m_document->mapping().rows.at(row).targets.size());
    // An empty target, edited at once: the person picks the property (until then the row says so).
    m_document->addTarget(row, QString());
    const int line = m_model->lineOf(row, target);
    if (line >= 0) {
        m_table->setCurrentIndex(m_model->index(line, MappingTableModel::PropertyColumn));
        m_table->edit(m_table->currentIndex());
    }
}

void MappingEditor::removeCurrent() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const int row = m_model->mappingRow(current.row());
    const int target = m_model->target(current.row());
    if (target < 0)
        m_document->removeRow(row);
    else
        m_document->removeTarget(row, target);
    selectRow(std::min(row, static_cast<int>(m_document->mapping().rows.size()) - 1));
}

void MappingEditor::moveCurrent(int delta) {
    const int row = currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_document->mapping().rows.size())
        return;
    m_document->moveRow(row, to);
    selectRow(to);
}

void MappingEditor::editValueMap() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || m_valueMapDialog)
        return;
    const int row = m_model->mappingRow(current.row());
    const int target = m_model->target(current.row());
    if (target < 0)
        return;
    const MappingRow& r = m_document->mapping().rows.at(row);
    const MappingTarget& t = r.targets.at(target);
    auto* dialog =
        new ValueMapDialog(m_document->field(r.fieldKey), m_document->property(t.property), t.valueMap, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_valueMapDialog = dialog;
    const QString uuid = m_connectionUuid;
    const RecordObject object = m_object;
    const MappingTarget before = t;
    connect(dialog, &QDialog::accepted, this, [this, dialog, row, target, uuid, object, before] {
        // Only when the same target is still there (the mapping may have changed meanwhile).
        const Mapping& m = m_document->mapping();
        if (uuid != m_connectionUuid || object != m_object || row >= m.rows.size() ||
            target >= m.rows.at(row).targets.size() ||
            m.rows.at(row).targets.at(target).property != before.property)
            return;
        m_document->setValueMap(row, target, dialog->valueMap());
    });
    dialog->open();
}

// ---- Save, revert, import, export ----------------------------------------------------------

bool MappingEditor::save() {
    const std::optional<Connection> c = currentConnection();
    if (!c)
        return false;
    const QString blocker = m_document->saveBlocker();
    if (!blocker.isEmpty()) {
        QStringList lines;
        for (const MappingProblem& p : m_document->problems()) {
            if (p.isError())
                lines.append(p.row >= 0 ? tr("Row %1: %2").arg(p.row + 1).arg(p.message) : p.message);
        }
        MessageBox::warning(this, tr("Save mapping"),
                            lines.isEmpty() ? blocker : blocker + QStringLiteral("\n\n") + lines.join(u'\n'));
        return false;
    }
    Workspace* ws = m_context.workspace();
    MappingStore store(*ws);
    if (!store.setMapping(c->id, m_document->mapping(), c->kind())) {
        MessageBox::critical(this, tr("Save mapping"), store.lastError());
        return false;
    }
    m_document->markSaved();
    updateState();
    emit saved(c->uuid, m_object);
    return true;
}

void MappingEditor::revert() {
    m_document->markSaved(); // no question: the person asked for it
    load();
}

bool MappingEditor::maybeSave() {
    if (!m_document->isModified() || !currentConnection())
        return true;
    const MessageBox::Button answer = MessageBox::question(
        this, tr("Unsaved mapping"), tr("The mapping has unsaved changes. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        m_document->markSaved();
        return true;
    }
    return false;
}

void MappingEditor::exportJson() {
    const std::optional<Connection> c = currentConnection();
    if (!c)
        return;
    const QString path = FileDialog::saveFile(
        this, tr("Export mapping"), tr("Mapping files (*.json);;All files (*)"),
        QStringLiteral("%1-%2.json")
            .arg(c->name, m_object == RecordObject::Company ? QStringLiteral("companies")
                                                            : QStringLiteral("contacts")));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(MappingJson::toBytes(m_document->mapping(), c->kind())) < 0 || !file.commit())
        MessageBox::warning(this, tr("Export mapping"),
                            tr("%1 cannot be written: %2").arg(path, file.errorString()));
}

void MappingEditor::importJson() {
    if (!currentConnection())
        return;
    const QString path =
        FileDialog::openFile(this, tr("Import mapping"), tr("Mapping files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Import mapping"),
                            tr("%1 cannot be read: %2").arg(path, file.errorString()));
        return;
    }
    const MappingImport read = MappingJson::fromBytes(file.readAll(), m_object);
    if (!read.ok() || !read.mapping) {
        QStringList problems;
        for (const MappingJsonError& e : read.errors)
            problems.append(e.toString());
        MessageBox::warning(this, tr("Import mapping"),
                            tr("%1 is not a mapping SyncDesk can read:\n%2").arg(path, problems.join(u'\n')));
        return;
    }
    m_document->edit(*read.mapping, tr("Import %1").arg(path));
    if (!m_document->mapping().rows.isEmpty())
        selectRow(0);
}

// ---- The CRM's schema ------------------------------------------------------------------------

void MappingEditor::refreshCrmFields() {
    const std::optional<Connection> c = currentConnection();
    if (!c || m_schema.isBusy())
        return;
    m_pendingCreate.clear();
    m_schema.fetch(*c, m_object);
    updateState();
}

void MappingEditor::createMissingFields(const QStringList& fieldKeys) {
    const std::optional<Connection> c = currentConnection();
    if (!c || m_schema.isBusy() || !m_document->crmPropertiesKnown())
        return;
    const auto start = [this, c](const QList<FieldDefinition>& chosen) {
        if (chosen.isEmpty() || m_schema.isBusy())
            return;
        const QList<MissingFieldPlan> plans =
            MissingFields::plan(chosen, c->kind(), m_document->crmProperties());
        QList<CrmProperty> toCreate;
        for (const MissingFieldPlan& p : plans) {
            if (!p.alreadyExists)
                toCreate.append(p.property);
        }
        if (toCreate.isEmpty()) {
            m_document->edit(MissingFields::addToMapping(m_document->mapping(), plans),
                             tr("Map SyncDesk fields"));
            return;
        }
        m_pendingCreate = plans;
        m_schema.create(*c, m_object, toCreate);
        updateState();
    };
    if (!fieldKeys.isEmpty()) {
        QList<FieldDefinition> chosen;
        for (const QString& key : fieldKeys) {
            if (const FieldDefinition* f = m_document->field(key))
                chosen.append(*f);
        }
        start(chosen);
        return;
    }
    if (m_missingFieldsDialog)
        return;
    auto* dialog = new MissingFieldsDialog(c->kind(), m_document->localFields(), m_document->mapping(),
                                           m_document->crmProperties(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_missingFieldsDialog = dialog;
    const QString uuid = c->uuid;
    const RecordObject object = m_object;
    connect(dialog, &QDialog::accepted, this, [this, dialog, start, uuid, object] {
        if (uuid == m_connectionUuid && object == m_object)
            start(dialog->chosenFields());
    });
    dialog->open();
}

void MappingEditor::onSchemaFinished(const CrmSchemaResult& result) {
    const QList<MissingFieldPlan> plans = std::exchange(m_pendingCreate, {});
    const std::optional<Connection> c = currentConnection();
    QString message;
    if (result.properties && c && c->uuid == result.connectionUuid) {
        if (Workspace* ws = m_context.workspace())
            MappingStore(*ws).setProperties(c->id, result.object, *result.properties,
                                            QDateTime::currentDateTimeUtc());
    }
    if (!c || c->uuid != result.connectionUuid || result.object != m_object) {
        updateState();
        return; // the person moved on; the cache is updated all the same
    }
    if (result.properties) {
        m_document->setCrmProperties(result.properties);
        m_propertiesLabel->setText(
            tr("%n CRM properties, loaded %1", nullptr, static_cast<int>(result.properties->size()))
                .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat)));
        message = tr("Loaded %n CRM properties.", nullptr, static_cast<int>(result.properties->size()));
    }
    if (!plans.isEmpty()) {
        // Map what now exists on the CRM (created now or before).
        QList<MissingFieldPlan> mapped;
        for (const MissingFieldPlan& p : plans) {
            if (m_document->property(p.property.name))
                mapped.append(p);
        }
        if (!mapped.isEmpty())
            m_document->edit(MissingFields::addToMapping(m_document->mapping(), mapped),
                             tr("Create missing fields"));
        message = tr("Created %n CRM properties.", nullptr, static_cast<int>(result.created.size()));
        if (!result.problems.isEmpty())
            MessageBox::warning(this, tr("Create missing fields"), result.problems.join(u'\n'));
    }
    if (result.error) {
        QString text = result.error->message;
        if (!result.error->hint.isEmpty())
            text += u'\n' + result.error->hint;
        message = tr("The CRM's fields could not be loaded: %1").arg(text);
        MessageBox::warning(this, tr("CRM fields"), message);
    }
    updateState();
    emit schemaJobFinished(message);
}

} // namespace syncdesk
