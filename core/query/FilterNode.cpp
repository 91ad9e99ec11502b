#include "core/query/FilterNode.h"

#include <QDate>
#include <QRegularExpression>

#include <cmath>

namespace syncdesk {

QString filterOperatorText(FilterOperator op) {
    switch (op) {
    case FilterOperator::Equal:
        return QStringLiteral("=");
    case FilterOperator::NotEqual:
        return QStringLiteral("!=");
    case FilterOperator::Contains:
        return QStringLiteral("contains");
    case FilterOperator::IsEmpty:
        return QStringLiteral("is empty");
    case FilterOperator::IsNotEmpty:
        return QStringLiteral("is not empty");
    case FilterOperator::Greater:
        return QStringLiteral(">");
    case FilterOperator::GreaterOrEqual:
        return QStringLiteral(">=");
    case FilterOperator::Less:
        return QStringLiteral("<");
    case FilterOperator::LessOrEqual:
        return QStringLiteral("<=");
    case FilterOperator::In:
        return QStringLiteral("in");
    }
    return QString();
}

FilterValue FilterValue::fromNumber(double number) {
    FilterValue v;
    v.kind = Kind::Number;
    if (std::isfinite(number) && number == std::trunc(number) && std::fabs(number) < 1e15)
        v.text = QString::number(static_cast<qint64>(number));
    else
        v.text = QString::number(number, 'g', 15);
    return v;
}

FilterNode FilterNode::condition(QString field, FilterOperator op, std::vector<FilterValue> values) {
    FilterNode n;
    n.kind = Kind::Condition;
    n.field = std::move(field);
    n.op = op;
    n.values = std::move(values);
    return n;
}

FilterNode FilterNode::condition(QString field, FilterOperator op, const QString& value) {
    return condition(std::move(field), op, std::vector<FilterValue>{FilterValue::fromText(value)});
}

FilterNode FilterNode::all(std::vector<FilterNode> children) {
    FilterNode n;
    n.kind = Kind::All;
    n.children = std::move(children);
    return n;
}

FilterNode FilterNode::any(std::vector<FilterNode> children) {
    FilterNode n;
    n.kind = Kind::Any;
    n.children = std::move(children);
    return n;
}

FilterNode FilterNode::negate(FilterNode child) {
    FilterNode n;
    n.kind = Kind::Not;
    n.children.push_back(std::move(child));
    return n;
}

QString quoteFilterString(const QString& text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            out += c;
        }
    }
    out += u'"';
    return out;
}

namespace {

bool isKeyword(const QString& word) {
    static const QStringList keywords = {
        QStringLiteral("and"), QStringLiteral("or"),    QStringLiteral("not"), QStringLiteral("contains"),
        QStringLiteral("is"),  QStringLiteral("empty"), QStringLiteral("in")};
    return keywords.contains(word, Qt::CaseInsensitive);
}

QString fieldText(const QString& field) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (plain.match(field).hasMatch() && !isKeyword(field))
        return field;
    return quoteFilterString(field);
}

QString valueText(const FilterValue& v) {
    return v.kind == FilterValue::Kind::Text ? quoteFilterString(v.text) : v.text;
}

// A group of one is printed as its only member.
const FilterNode& unwrapSingle(const FilterNode& node) {
    const bool group = node.kind == FilterNode::Kind::All || node.kind == FilterNode::Kind::Any;
    return group && node.children.size() == 1 ? unwrapSingle(node.children.front()) : node;
}

// Precedence: any < all < not < condition. A child is wrapped when it binds more loosely than its
// parent, and when it is of the same kind (so that the tree reads back unflattened).
QString childText(const FilterNode& parent, const FilterNode& node) {
    const FilterNode& child = unwrapSingle(node);
    const QString text = child.toExpression();
    const bool group = child.kind == FilterNode::Kind::All || child.kind == FilterNode::Kind::Any;
    bool wrap = false;
    switch (parent.kind) {
    case FilterNode::Kind::All:
        wrap = group;
        break;
    case FilterNode::Kind::Any:
        wrap = child.kind == FilterNode::Kind::Any;
        break;
    case FilterNode::Kind::Not:
        wrap = group;
        break;
    case FilterNode::Kind::Condition:
        break;
    }
    return wrap ? u'(' + text + u')' : text;
}

} // namespace

QString FilterNode::toExpression() const {
    switch (kind) {
    case Kind::Condition: {
        QString out = fieldText(field) + u' ' + filterOperatorText(op);
        if (op == FilterOperator::In) {
            QStringList items;
            for (const FilterValue& v : values)
                items << valueText(v);
            out += QLatin1String(" (") + items.join(QLatin1String(", ")) + u')';
        } else if (!values.empty()) {
            out += u' ' + valueText(values.front());
        }
        return out;
    }
    case Kind::All:
    case Kind::Any: {
        QStringList parts;
        for (const FilterNode& c : children)
            parts << childText(*this, c);
        return parts.join(kind == Kind::All ? QLatin1String(" and ") : QLatin1String(" or "));
    }
    case Kind::Not:
        return children.empty() ? QString() : QLatin1String("not ") + childText(*this, children.front());
    }
    return QString();
}

std::optional<QString> normalizeDateLiteral(QStringView text) {
    static const QRegularExpression date(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})([T ](\\d{2}):(\\d{2})(:(\\d{2})(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$"));
    const QRegularExpressionMatch m = date.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    if (!QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid())
        return std::nullopt;
    if (m.hasCaptured(4) && (m.captured(5).toInt() > 23 || m.captured(6).toInt() > 59 ||
                             (m.hasCaptured(8) && m.captured(8).toInt() > 59)))
        return std::nullopt;
    QString out = text.toString();
    if (out.size() > 10 && out[10] == u' ')
        out[10] = u'T';
    return out;
}

} // namespace syncdesk
