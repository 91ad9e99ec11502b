#include "ui/companies/FilterConditionRow.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

namespace syncdesk {

namespace {

using Op = FilterConditionRow::Operator;

QList<Op> operatorsFor(FieldType type) {
    switch (type) {
    case FieldType::Number:
    case FieldType::Date:
        return {Op::Equal,       Op::NotEqual, Op::Greater, Op::GreaterOrEqual, Op::Less,
                Op::LessOrEqual, Op::In,       Op::IsEmpty, Op::IsNotEmpty};
    case FieldType::Boolean:
        return {Op::Equal, Op::NotEqual, Op::IsEmpty, Op::IsNotEmpty};
    case FieldType::Choice:
        return {Op::Equal, Op::NotEqual, Op::In, Op::NotIn, Op::IsEmpty, Op::IsNotEmpty};
    case FieldType::Text:
    case FieldType::Url:
    case FieldType::Email:
        break;
    }
    return {Op::Contains, Op::NotContains, Op::Equal,   Op::NotEqual,
            Op::In,       Op::NotIn,       Op::IsEmpty, Op::IsNotEmpty};
}

QString operatorLabel(Op op) {
    switch (op) {
    case Op::Equal:
        return FilterConditionRow::tr("is");
    case Op::NotEqual:
        return FilterConditionRow::tr("is not");
    case Op::Contains:
        return FilterConditionRow::tr("contains");
    case Op::NotContains:
        return FilterConditionRow::tr("does not contain");
    case Op::Greater:
        return FilterConditionRow::tr("is greater than");
    case Op::GreaterOrEqual:
        return FilterConditionRow::tr("is at least");
    case Op::Less:
        return FilterConditionRow::tr("is less than");
    case Op::LessOrEqual:
        return FilterConditionRow::tr("is at most");
    case Op::In:
        return FilterConditionRow::tr("is one of");
    case Op::NotIn:
        return FilterConditionRow::tr("is none of");
    case Op::IsEmpty:
        return FilterConditionRow::tr("is empty");
    case Op::IsNotEmpty:
        return FilterConditionRow::tr("is not empty");
    }
    return QString();
}

bool needsValue(Op op) {
    return op != Op::IsEmpty && op != Op::IsNotEmpty;
}

bool takesList(Op op) {
    return op == Op::In || op == Op::NotIn;
}

// A literal as the expression would spell it for the field's type: numbers and dates unquoted
// when they read as such; anything else as text (CompanyQuery then says what does not fit).
FilterValue literal(const QString& text, FieldType type) {
    if (type == FieldType::Number) {
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (ok)
            return FilterValue::fromNumber(d);
    } else if (type == FieldType::Date) {
        if (const std::optional<QString> date = normalizeDateLiteral(text))
            return FilterValue{FilterValue::Kind::Date, *date, -1, 0};
    }
    return FilterValue::fromText(text);
}

} // namespace

FilterConditionRow::FilterConditionRow(const QList<QueryField>& fields, QWidget* parent)
    : QWidget(parent)
    , m_fields(fields) {
    setObjectName(QStringLiteral("filterCondition"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("conditionField"));
    m_field->setAccessibleName(tr("Condition field"));
    for (const QueryField& f : std::as_const(m_fields))
        m_field->addItem(f.label, f.key);
    m_field->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_operator = new QComboBox(this);
    m_operator->setObjectName(QStringLiteral("conditionOperator"));
    m_operator->setAccessibleName(tr("Condition operator"));
    m_operator->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("conditionValue"));
    m_value->setAccessibleName(tr("Condition value"));
    m_value->setClearButtonEnabled(true);
    m_completer = new QCompleter(new QStringListModel(this), this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_value->setCompleter(m_completer);

    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("removeCondition"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_remove->setAccessibleName(tr("Remove condition"));
    m_remove->setAutoRaise(true);

    layout->addWidget(m_field);
    layout->addWidget(m_operator);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_remove);

    fillOperators();
    updateValueEditor();

    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        fillOperators();
        updateValueEditor();
        emit changed();
    });
    connect(m_operator, &QComboBox::currentIndexChanged, this, [this] {
        updateValueEditor();
        emit changed();
    });
    connect(m_value, &QLineEdit::textChanged, this, &FilterConditionRow::changed);
    connect(m_value, &QLineEdit::returnPressed, this, &FilterConditionRow::submitted);
    connect(m_remove, &QToolButton::clicked, this, &FilterConditionRow::removeRequested);
}

const QueryField* FilterConditionRow::currentField() const {
    const int i = m_field->currentIndex();
    return i >= 0 && i < m_fields.size() ? &m_fields.at(i) : nullptr;
}

QString FilterConditionRow::fieldKey() const {
    return m_field->currentData().toString();
}

FilterConditionRow::Operator FilterConditionRow::currentOperator() const {
    return Operator(m_operator->currentData().toInt());
}

QString FilterConditionRow::value() const {
    return m_value->text();
}

void FilterConditionRow::fillOperators() {
    const QueryField* field = currentField();
    const Operator previous = m_operator->count() ? currentOperator() : Operator::Contains;
    const QSignalBlocker block(m_operator);
    m_operator->clear();
    for (Op op : operatorsFor(field ? field->type : FieldType::Text))
        m_operator->addItem(operatorLabel(op), int(op));
    const int keep = m_operator->findData(int(previous));
    m_operator->setCurrentIndex(keep >= 0 ? keep : 0);
}

void FilterConditionRow::updateValueEditor() {
    const QueryField* field = currentField();
    const Operator op = currentOperator();
    m_value->setVisible(needsValue(op));
    QStringList suggestions;
    QString placeholder;
    if (field) {
        switch (field->type) {
        case FieldType::Number:
            placeholder = tr("a number, e.g. 50");
            break;
        case FieldType::Date:
            placeholder = tr("a date, e.g. 2024-05-31");
            break;
        case FieldType::Boolean:
            suggestions = {QStringLiteral("true"), QStringLiteral("false")};
            placeholder = tr("true or false");
            break;
        default:
            placeholder = tr("a value");
            break;
        }
    }
    if (takesList(op))
        placeholder = tr("values separated by commas");
    m_value->setPlaceholderText(placeholder);
    static_cast<QStringListModel*>(m_completer->model())->setStringList(suggestions);
}

std::optional<FilterNode> FilterConditionRow::node() const {
    const QueryField* field = currentField();
    if (!field)
        return std::nullopt;
    const Operator op = currentOperator();
    const QString text = m_value->text().trimmed();
    if (!needsValue(op))
        return FilterNode::condition(field->key, op == Op::IsEmpty ? FilterOperator::IsEmpty
                                                                   : FilterOperator::IsNotEmpty);
    if (text.isEmpty())
        return std::nullopt;
    if (takesList(op)) {
        std::vector<FilterValue> values;
        for (const QString& part : text.split(u',')) {
            if (!part.trimmed().isEmpty())
                values.push_back(literal(part.trimmed(), field->type));
        }
        if (values.empty())
            return std::nullopt;
        FilterNode in = FilterNode::condition(field->key, FilterOperator::In, std::move(values));
        return op == Op::NotIn ? FilterNode::negate(std::move(in)) : in;
    }
    auto condition = [&](FilterOperator o) {
        std::vector<FilterValue> values{literal(text, field->type)};
        return FilterNode::condition(field->key, o, std::move(values));
    };
    switch (op) {
    case Op::Equal:
        return condition(FilterOperator::Equal);
    case Op::NotEqual:
        return condition(FilterOperator::NotEqual);
    case Op::Contains:
        return condition(FilterOperator::Contains);
    case Op::NotContains:
        return FilterNode::negate(condition(FilterOperator::Contains));
    case Op::Greater:
        return condition(FilterOperator::Greater);
    case Op::GreaterOrEqual:
        return condition(FilterOperator::GreaterOrEqual);
    case Op::Less:
        return condition(FilterOperator::Less);
    case Op::LessOrEqual:
        return condition(FilterOperator::LessOrEqual);
    default:
        return std::nullopt;
    }
}

bool FilterConditionRow::setCondition(const QString& fieldKey, Operator op, const QString& value) {
    int fieldIndex = m_field->findData(fieldKey);
    if (fieldIndex < 0) {
        for (int i = 0; i < m_fields.size(); ++i) {
            if (m_fields.at(i).key.compare(fieldKey, Qt::CaseInsensitive) == 0 ||
                m_fields.at(i).label.compare(fieldKey, Qt::CaseInsensitive) == 0)
                fieldIndex = i;
        }
    }
    if (fieldIndex < 0)
        return false;
    m_field->setCurrentIndex(fieldIndex);
    const int opIndex = m_operator->findData(int(op));
    if (opIndex < 0)
        return false;
    m_operator->setCurrentIndex(opIndex);
    m_value->setText(value);
    return true;
}

} // namespace syncdesk
