#pragma once

#include "core/query/FieldCatalog.h"
#include "core/query/FilterNode.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLineEdit;
class QToolButton;
class QCompleter;

namespace syncdesk {

// One field condition of the filter bar: field, operator, value, and a remove button. The
// operators offered follow the field's type (text: contains...; number and date: > < ...).
class FilterConditionRow : public QWidget {
    Q_OBJECT

public:
    // What the operator box offers (FilterNode has no "not contains"/"not in": they are a Not node).
    enum class Operator {
        Equal,
        NotEqual,
        Contains,
        NotContains,
        Greater,
        GreaterOrEqual,
        Less,
        LessOrEqual,
        In,
        NotIn,
        IsEmpty,
        IsNotEmpty,
    };

    FilterConditionRow(const QList<QueryField>& fields, QWidget* parent = nullptr);

    // The condition, or nullopt while it is incomplete (no value where one is needed).
    std::optional<FilterNode> node() const;

    // Sets the row (for tests and for restoring a filter). False when the field is unknown or
    // the operator does not fit its type.
    bool setCondition(const QString& fieldKey, Operator op, const QString& value = {});

    QString fieldKey() const;
    Operator currentOperator() const;
    QString value() const;

    QComboBox* fieldCombo() const { return m_field; }
    QComboBox* operatorCombo() const { return m_operator; }
    QLineEdit* valueEdit() const { return m_value; }

signals:
    void changed();
    void removeRequested();
    void submitted(); // Return pressed in the value

private:
    void fillOperators();
    void updateValueEditor();
    const QueryField* currentField() const;

    QList<QueryField> m_fields;
    QComboBox* m_field = nullptr;
    QComboBox* m_operator = nullptr;
    QLineEdit* m_value = nullptr;
    QToolButton* m_remove = nullptr;
    QCompleter* m_completer = nullptr;
};

} // namespace syncdesk
