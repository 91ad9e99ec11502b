#pragma once

#include "core/query/FieldCatalog.h"
#include "core/query/FilterNode.h"
#include "ui/companies/FilterConditionRow.h"

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace syncdesk {

// The filter bar above the company list: free text (name, website, domain) plus field conditions
// joined by "all" or "any". Builds a FilterNode (never SQL): queryChanged() carries the text and
// the filter, after a short debounce and only when they changed; the list model runs it. The
// equivalent `--where` expression is shown beneath, for syncdesk-cli.
class FilterBar : public QWidget {
    Q_OBJECT

public:
    explicit FilterBar(QWidget* parent = nullptr);

    // The fields conditions can use (CompanyListModel::fields()). Drops the current conditions.
    void setFields(const QList<QueryField>& fields);

    QString searchText() const;
    std::optional<FilterNode> filter() const;
    bool matchAll() const;
    void setMatchAll(bool all);

    FilterConditionRow* addCondition();
    QList<FilterConditionRow*> conditions() const { return m_rows; }
    void clearConditions();
    // Clears text and conditions.
    void clearAll();

    // A problem with the filter (e.g. a value that does not fit its field), shown under the bar.
    void setError(const QString& message);

    QLineEdit* searchEdit() const { return m_search; }
    // Milliseconds between the last keystroke and queryChanged() (default 30).
    void setDebounceInterval(int ms);
    // Emits queryChanged() now if the query changed (Return does the same).
    void applyNow();

signals:
    void queryChanged(const QString& text, const std::optional<FilterNode>& filter);

private:
    void scheduleApply();
    void removeCondition(FilterConditionRow* row);
    void updateExpression();

    QList<QueryField> m_fields;
    QLineEdit* m_search = nullptr;
    QComboBox* m_matchMode = nullptr;
    QPushButton* m_addCondition = nullptr;
    QPushButton* m_clear = nullptr;
    QVBoxLayout* m_conditionLayout = nullptr;
    QLabel* m_expression = nullptr;
    QLabel* m_error = nullptr;
    QTimer* m_debounce = nullptr;
    QList<FilterConditionRow*> m_rows;
    QString m_lastText;
    QString m_lastExpression;
    bool m_emittedOnce = true; // the model starts with the empty query
};

} // namespace syncdesk
