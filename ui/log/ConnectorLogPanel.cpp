#include "ui/log/ConnectorLogPanel.h"

#include "core/log/ConnectorLog.h"
#include "core/log/ConnectorLogExport.h"
#include "ui/common/FileDialog.h"
#include "ui/common/FlowLayout.h"
#include "ui/common/Icons.h"
#include "ui/common/MessageBox.h"
#include "ui/log/ConnectorLogFilterModel.h"
#include "ui/log/ConnectorLogModel.h"
#include "ui/sync/TableViews.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace syncdesk {

namespace {

// Level choices of the filter: "at least" this level; -1 = everything.
constexpr int AllLevels = -1;

QLabel* selectableLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ConnectorLogPanel::ConnectorLogPanel(QWidget* parent, int capacity)
    : QDockWidget(tr("Connector log"), parent)
    , m_model(new ConnectorLogModel(this, capacity > 0 ? capacity : ConnectorLogModel::DefaultCapacity))
    , m_filter(new ConnectorLogFilterModel(this)) {
    setObjectName(QStringLiteral("connectorLogDock"));
    setAccessibleName(tr("Connector log"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                QDockWidget::DockWidgetFloatable);
    m_filter->setLogModel(m_model);

    auto* body = new QWidget(this);
    body->setObjectName(QStringLiteral("connectorLogBody"));
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(createFilterBar());

    m_table = makeListTable(body, QStringLiteral("logTable"), tr("Connector log entries"));
    m_table->setModel(m_filter);
    setColumnChars(m_table, {{ConnectorLogModel::TimeColumn, 12},
                             {ConnectorLogModel::LevelColumn, 10},
                             {ConnectorLogModel::RunColumn, 5},
                             {ConnectorLogModel::RecordColumn, 12},
                             {ConnectorLogModel::CrmIdColumn, 11},
                             {ConnectorLogModel::ActionColumn, 9},
                             {ConnectorLogModel::HttpColumn, 5}});

    auto* splitter = new QSplitter(Qt::Horizontal, body);
    splitter->setObjectName(QStringLiteral("logSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(createDetailPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    setWidget(body);

    // Follow the newest entry unless the person scrolled away from it.
    QScrollBar* bar = m_table->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this, bar](int value) {
        if (!m_scrolling)
            setFollowingNewest(value >= bar->maximum());
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            scrollToNewest();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ConnectorLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        if (m_follow)
            scrollToNewest();
        updateCount();
        updateDetail();
    });
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_follow)
            scrollToNewest();
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectorLogPanel::updateDetail);
    connect(m_model, &ConnectorLogModel::runIdsChanged, this, &ConnectorLogPanel::updateRunChoices);

    // Also in the main window's File menu (DesktopSyncFeatures), so it works wherever the focus is.
    m_exportAction = new QAction(Icons::icon(Icons::Id::Export), tr("&Export connector log (CSV)…"), this);
    m_exportAction->setObjectName(QStringLiteral("logExportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setShortcutContext(Qt::WindowShortcut);
    m_exportAction->setToolTip(m_export->toolTip());
    addAction(m_exportAction);
    connect(m_exportAction, &QAction::triggered, this, &ConnectorLogPanel::exportWithDialog);

    updateRunChoices();
    applyFilterFromControls();
    updateCount();
    updateDetail();
}

ConnectorLogPanel::~ConnectorLogPanel() = default;

QWidget* ConnectorLogPanel::createFilterBar() {
    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("logFilterBar"));
    // Wraps on a narrow window instead of widening it.
    auto* row = new FlowLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_level = new QComboBox(bar);
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    m_level->setAccessibleName(tr("Lowest level shown"));
    m_level->addItem(tr("All levels"), AllLevels);
    m_level->addItem(tr("Info and above"), static_cast<int>(LogLevel::Info));
    m_level->addItem(tr("Warnings and errors"), static_cast<int>(LogLevel::Warning));
    m_level->addItem(tr("Errors only"), static_cast<int>(LogLevel::Error));
    m_level->setItemIcon(0, Icons::icon(Icons::Id::LevelDebug));
    m_level->setItemIcon(1, Icons::icon(Icons::Id::LevelInfo));
    m_level->setItemIcon(2, Icons::icon(Icons::Id::LevelWarning));
    m_level->setItemIcon(3, Icons::icon(Icons::Id::LevelError));
    m_level->setCurrentIndex(1);
    auto* levelLabel = new QLabel(tr("&Level:"), bar);
    levelLabel->setBuddy(m_level);

    m_run = new QComboBox(bar);
    m_run->setObjectName(QStringLiteral("logRunFilter"));
    m_run->setAccessibleName(tr("Run shown"));
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* runLabel = new QLabel(tr("R&un:"), bar);
    runLabel->setBuddy(m_run);

    m_text = new QLineEdit(bar);
    m_text->setObjectName(QStringLiteral("logTextFilter"));
    m_text->setAccessibleName(tr("Search the log"));
    m_text->setPlaceholderText(tr("Message, code, correlation id…"));
    m_text->setClearButtonEnabled(true);
    auto* textLabel = new QLabel(tr("&Search:"), bar);
    textLabel->setBuddy(m_text);

    m_record = new QLineEdit(bar);
    m_record->setObjectName(QStringLiteral("logRecordFilter"));
    m_record->setAccessibleName(tr("Record shown"));
    m_record->setPlaceholderText(tr("company 12, contact 7 or CRM id"));
    m_record->setToolTip(tr("Show one record: \"company 12\" or \"contact 7\" (workspace ids), a bare number "
                            "(either), or a CRM record id."));
    m_record->setClearButtonEnabled(true);
    auto* recordLabel = new QLabel(tr("Re&cord:"), bar);
    recordLabel->setBuddy(m_record);

    m_followButton = new QToolButton(bar);
    m_followButton->setObjectName(QStringLiteral("logFollowButton"));
    m_followButton->setText(tr("&Follow newest"));
    m_followButton->setAccessibleName(tr("Follow the newest entry"));
    m_followButton->setToolTip(tr("Keep the newest entry in view. Scrolling up stops following."));
    m_followButton->setCheckable(true);
    m_followButton->setChecked(true);
    connect(m_followButton, &QToolButton::clicked, this, [this](bool on) { setFollowingNewest(on); });

    m_export = new QPushButton(tr("&Export CSV…"), bar);
    m_export->setObjectName(QStringLiteral("logExportButton"));
    m_export->setAccessibleName(tr("Export the shown entries as CSV"));
    m_export->setToolTip(tr("Export every entry that matches the filter as a CSV file (Ctrl+Shift+E)"));
    m_export->setIcon(Icons::icon(Icons::Id::Export));
    connect(m_export, &QPushButton::clicked, this, &ConnectorLogPanel::exportWithDialog);

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("logCountLabel"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    // A label stays on the line of its field.
    const auto pair = [bar](QLabel* label, QWidget* field, int fieldChars) {
        auto* box = new QWidget(bar);
        auto* boxLayout = new QHBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->addWidget(label);
        boxLayout->addWidget(field, 1);
        if (fieldChars > 0) {
            field->setMinimumWidth(field->fontMetrics().averageCharWidth() * fieldChars);
            box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        }
        return box;
    };
    row->addWidget(pair(levelLabel, m_level, 0));
    row->addWidget(pair(runLabel, m_run, 0));
    row->addWidget(pair(textLabel, m_text, 22));
    row->addWidget(pair(recordLabel, m_record, 16));
    row->addWidget(m_followButton);
    row->addWidget(m_export);
    row->addWidget(m_count);

    connect(m_level, &QComboBox::currentIndexChanged, this, &ConnectorLogPanel::applyFilterFromControls);
    connect(m_run, &QComboBox::currentIndexChanged, this, &ConnectorLogPanel::applyFilterFromControls);
    connect(m_text, &QLineEdit::textChanged, this, &ConnectorLogPanel::applyFilterFromControls);
    connect(m_record, &QLineEdit::textChanged, this, &ConnectorLogPanel::applyFilterFromControls);
    return bar;
}

QWidget* ConnectorLogPanel::createDetailPane() {
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("logDetail"));
    scroll->setAccessibleName(tr("Details of the selected entry"));
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(220);
    setCompactMinimumHeight(scroll, 2);

    auto* content = new QWidget(scroll);
    auto* outer = new QVBoxLayout(content);
    m_detailEmpty =
        new QLabel(tr("Select an entry to see what was sent and what the CRM answered."), content);
    m_detailEmpty->setObjectName(QStringLiteral("logDetailEmpty"));
    m_detailEmpty->setWordWrap(true);
    m_detailEmpty->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_detailEmpty);

    m_detailForm = new QWidget(content);
    auto* form = new QFormLayout(m_detailForm);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QList<std::pair<QString, QString>> fields = {
        {QStringLiteral("Time"), tr("Time")},
        {QStringLiteral("Level"), tr("Level")},
        {QStringLiteral("Run"), tr("Run")},
        {QStringLiteral("Record"), tr("Record")},
        {QStringLiteral("CrmId"), tr("CRM id")},
        {QStringLiteral("Action"), tr("Action")},
        {QStringLiteral("Request"), tr("Request")},
        {QStringLiteral("HttpStatus"), tr("HTTP status")},
        {QStringLiteral("Category"), tr("Category")},
        {QStringLiteral("Code"), tr("Code")},
        {QStringLiteral("Message"), tr("Message")},
        {QStringLiteral("Hint"), tr("Hint")},
        {QStringLiteral("CorrelationId"), tr("Correlation id")},
    };
    for (const auto& [name, label] : fields) {
        QLabel* value = selectableLabel(m_detailForm, QStringLiteral("logDetail") + name);
        value->setAccessibleName(label);
        form->addRow(label + u':', value);
        m_detail.insert(name, value);
    }
    QFont bold = m_detail.value(QStringLiteral("Hint"))->font();
    bold.setBold(true);
    m_detail.value(QStringLiteral("Hint"))->setFont(bold);
    outer->addWidget(m_detailForm);
    outer->addStretch(1);
    scroll->setWidget(content);
    return scroll;
}

void ConnectorLogPanel::setLog(ConnectorLog* log) {
    if (m_logConnection)
        disconnect(m_logConnection);
    m_log = log;
    if (log)
        m_logConnection = connect(log, &ConnectorLog::entryAdded, this, &ConnectorLogPanel::addEntry);
    reload();
}

void ConnectorLogPanel::reload() {
    QList<ConnectorLogEntry> history;
    if (m_log) {
        ConnectorLogFilter f;
        f.newestFirst = true;
        f.limit = m_model->capacity();
        if (std::optional<QList<ConnectorLogEntry>> newest = m_log->query(f)) {
            history = std::move(*newest);
            std::reverse(history.begin(), history.end());
        }
    }
    m_model->reset(history);
}

void ConnectorLogPanel::addEntry(const ConnectorLogEntry& entry) {
    m_model->append(entry);
}

LogEntryFilter ConnectorLogPanel::filter() const {
    return m_filter->filter();
}

void ConnectorLogPanel::setFilter(const LogEntryFilter& filter) {
    m_updatingControls = true;
    const int level = filter.minLevel ? static_cast<int>(*filter.minLevel) : AllLevels;
    m_level->setCurrentIndex(std::max(0, m_level->findData(level)));
    m_text->setText(filter.text);
    m_record->setText(filter.record);
    if (filter.runId != 0 && m_run->findData(filter.runId) < 0)
        m_run->addItem(tr("Run %1").arg(filter.runId), filter.runId);
    m_run->setCurrentIndex(std::max(0, m_run->findData(filter.runId)));
    m_updatingControls = false;
    applyFilterFromControls();
}

void ConnectorLogPanel::showRun(qint64 runId) {
    LogEntryFilter f = filter();
    f.runId = runId;
    f.record.clear();
    setFilter(f);
    setVisible(true);
    raise();
}

void ConnectorLogPanel::applyFilterFromControls() {
    if (m_updatingControls)
        return;
    LogEntryFilter f;
    const int level = m_level->currentData().toInt();
    if (level != AllLevels)
        f.minLevel = static_cast<LogLevel>(level);
    f.runId = m_run->currentData().toLongLong();
    f.text = m_text->text();
    f.record = m_record->text();
    m_filter->setFilter(f);
}

void ConnectorLogPanel::updateRunChoices() {
    const qint64 current = m_run->count() > 0 ? m_run->currentData().toLongLong() : 0;
    m_updatingControls = true;
    m_run->clear();
    m_run->addItem(tr("All runs"), qint64(0));
    QList<qint64> runs = m_model->runIds();
    if (current != 0 && !runs.contains(current))
        runs.prepend(current);
    for (qint64 id : runs)
        m_run->addItem(tr("Run %1").arg(id), id);
    m_run->setCurrentIndex(std::max(0, m_run->findData(current)));
    m_updatingControls = false;
}

void ConnectorLogPanel::setFollowingNewest(bool follow) {
    m_follow = follow;
    m_followButton->setChecked(follow);
    if (follow)
        scrollToNewest();
}

void ConnectorLogPanel::scrollToNewest() {
    m_scrolling = true;
    m_table->scrollToBottom();
    m_scrolling = false;
}

const ConnectorLogEntry* ConnectorLogPanel::currentEntry() const {
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QModelIndex source = m_filter->mapToSource(current);
    return source.isValid() ? &m_model->entry(source.row()) : nullptr;
}

void ConnectorLogPanel::updateDetail() {
    const ConnectorLogEntry* e = currentEntry();
    m_detailEmpty->setVisible(!e);
    m_detailForm->setVisible(e != nullptr);
    if (!e)
        return;
    const auto set = [this](const QString& name, const QString& text) {
        QLabel* label = m_detail.value(name);
        label->setText(text.isEmpty() ? QStringLiteral("—") : text);
    };
    set(QStringLiteral("Time"),
        QLocale().toString(e->time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
    set(QStringLiteral("Level"), logLevelLabel(e->level));
    set(QStringLiteral("Run"), e->runId != 0 ? QString::number(e->runId) : QString());
    set(QStringLiteral("Record"), ConnectorLogModel::recordText(*e));
    set(QStringLiteral("CrmId"), e->crmId);
    set(QStringLiteral("Action"), e->action);
    set(QStringLiteral("Request"), e->request);
    set(QStringLiteral("HttpStatus"), e->httpStatus != 0 ? QString::number(e->httpStatus) : QString());
    set(QStringLiteral("Category"), e->category);
    set(QStringLiteral("Code"), e->code);
    set(QStringLiteral("Message"), e->message);
    set(QStringLiteral("Hint"), e->hint);
    set(QStringLiteral("CorrelationId"), e->correlationId);
}

void ConnectorLogPanel::updateCount() {
    const QLocale locale;
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total
                         ? tr("%1 entries").arg(locale.toString(total))
                         : tr("%1 of %2 entries").arg(locale.toString(shown), locale.toString(total)));
}

QList<ConnectorLogEntry> ConnectorLogPanel::filteredEntries() const {
    const LogEntryFilter f = filter();
    QList<ConnectorLogEntry> all;
    if (m_log) {
        ConnectorLogFilter query;
        query.runId = f.runId;
        query.minLevel = f.minLevel;
        if (std::optional<QList<ConnectorLogEntry>> stored = m_log->query(query))
            all = std::move(*stored);
    } else {
        all = m_model->entries();
    }
    QList<ConnectorLogEntry> shown;
    for (const ConnectorLogEntry& e : all) {
        if (f.accepts(e))
            shown.append(e);
    }
    return shown;
}

bool ConnectorLogPanel::exportCsv(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    if (!ConnectorLogExport::writeCsv(filteredEntries(), file) || !file.commit()) {
        if (error)
            *error = tr("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ConnectorLogPanel::exportWithDialog() {
    const QString path =
        FileDialog::saveFile(this, tr("Export connector log"), tr("CSV files (*.csv);;All files (*)"),
                             QStringLiteral("connector-log.csv"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        MessageBox::warning(this, tr("Export connector log"), error);
}

} // namespace syncdesk
