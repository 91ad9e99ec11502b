#include "ui/companies/FilterBar.h"

#include "ui/common/Theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace syncdesk {

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("filterBar"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

    auto* top = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search name, website or domain"));
    m_search->setAccessibleName(tr("Search companies"));
    m_search->setClearButtonEnabled(true);

    m_matchMode = new QComboBox(this);
    m_matchMode->setObjectName(QStringLiteral("matchModeCombo"));
    m_matchMode->setAccessibleName(tr("How conditions combine"));
    m_matchMode->addItem(tr("Match all conditions"), true);
    m_matchMode->addItem(tr("Match any condition"), false);

    m_addCondition = new QPushButton(tr("Add condition"), this);
    m_addCondition->setObjectName(QStringLiteral("addConditionButton"));
    m_addCondition->setToolTip(tr("Filter on a field (Ctrl+Shift+F)"));
    m_addCondition->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    m_clear = new QPushButton(tr("Clear filter"), this);
    m_clear->setObjectName(QStringLiteral("clearFilterButton"));

    top->addWidget(m_search, 1);
    top->addWidget(m_matchMode);
    top->addWidget(m_addCondition);
    top->addWidget(m_clear);
    outer->addLayout(top);

    m_conditionLayout = new QVBoxLayout;
    m_conditionLayout->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(m_conditionLayout);

    m_expression = new QLabel(this);
    m_expression->setObjectName(QStringLiteral("filterExpressionLabel"));
    m_expression->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_expression->setForegroundRole(QPalette::PlaceholderText);
    m_expression->setVisible(false);
    outer->addWidget(m_expression);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("filterErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    Theme::keepTone(m_error, Theme::Tone::Error);
    outer->addWidget(m_error);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(30);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyNow);

    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::scheduleApply);
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applyNow);
    connect(m_matchMode, &QComboBox::currentIndexChanged, this, &FilterBar::scheduleApply);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        FilterConditionRow* row = addCondition();
        if (row)
            row->fieldCombo()->setFocus();
    });
    connect(m_clear, &QPushButton::clicked, this, &FilterBar::clearAll);
    updateExpression();
}

void FilterBar::setFields(const QList<QueryField>& fields) {
    clearConditions();
    m_fields = fields;
    m_addCondition->setEnabled(!m_fields.isEmpty());
}

QString FilterBar::searchText() const {
    return m_search->text().trimmed();
}

bool FilterBar::matchAll() const {
    return m_matchMode->currentData().toBool();
}

void FilterBar::setMatchAll(bool all) {
    m_matchMode->setCurrentIndex(all ? 0 : 1);
}

std::optional<FilterNode> FilterBar::filter() const {
    std::vector<FilterNode> nodes;
    for (FilterConditionRow* row : m_rows) {
        if (auto n = row->node())
            nodes.push_back(std::move(*n));
    }
    if (nodes.empty())
        return std::nullopt;
    if (nodes.size() == 1)
        return std::move(nodes.front());
    return matchAll() ? FilterNode::all(std::move(nodes)) : FilterNode::any(std::move(nodes));
}

FilterConditionRow* FilterBar::addCondition() {
    if (m_fields.isEmpty())
        return nullptr;
    auto* row = new FilterConditionRow(m_fields, this);
    m_rows.append(row);
    m_conditionLayout->addWidget(row);
    connect(row, &FilterConditionRow::changed, this, &FilterBar::scheduleApply);
    connect(row, &FilterConditionRow::submitted, this, &FilterBar::applyNow);
    connect(row, &FilterConditionRow::removeRequested, this, [this, row] { removeCondition(row); });
    scheduleApply();
    return row;
}

void FilterBar::removeCondition(FilterConditionRow* row) {
    m_rows.removeAll(row);
    row->hide();
    row->deleteLater();
    scheduleApply();
    m_search->setFocus();
}

void FilterBar::clearConditions() {
    for (FilterConditionRow* row : std::as_const(m_rows)) {
        row->hide();
        row->deleteLater();
    }
    m_rows.clear();
    scheduleApply();
}

void FilterBar::clearAll() {
    m_search->clear();
    clearConditions();
    setError(QString());
    applyNow();
}

void FilterBar::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void FilterBar::setDebounceInterval(int ms) {
    m_debounce->setInterval(ms);
}

void FilterBar::scheduleApply() {
    updateExpression();
    m_debounce->start();
}

void FilterBar::updateExpression() {
    const std::optional<FilterNode> f = filter();
    m_expression->setVisible(f.has_value());
    if (f)
        m_expression->setText(tr("Filter: %1").arg(f->toExpression()));
    m_clear->setEnabled(!m_search->text().isEmpty() || !m_rows.isEmpty());
}

void FilterBar::applyNow() {
    m_debounce->stop();
    const QString text = searchText();
    const std::optional<FilterNode> f = filter();
    const QString expression = f ? f->toExpression() : QString();
    if (m_emittedOnce && text == m_lastText && expression == m_lastExpression)
        return;
    m_emittedOnce = true;
    m_lastText = text;
    m_lastExpression = expression;
    setError(QString());
    emit queryChanged(text, f);
}

} // namespace syncdesk
