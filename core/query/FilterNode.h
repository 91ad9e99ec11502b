#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace syncdesk {

// What a field condition tests. `not contains` and `not in` are written as a Not node around
// Contains / In; `is not empty` has its own operator because people think of it as one.
enum class FilterOperator {
    Equal,          // =
    NotEqual,       // !=
    Contains,       // contains (text fields only)
    IsEmpty,        // is empty
    IsNotEmpty,     // is not empty
    Greater,        // >
    GreaterOrEqual, // >=
    Less,           // <
    LessOrEqual,    // <=
    In,             // in (v1, v2, ...)
};

// The expression keyword or symbol for an operator: "=", "contains", "is not empty", ...
QString filterOperatorText(FilterOperator op);

// One literal of a condition, as the person wrote it. Its meaning (number, date, text) is decided
// when the condition is compiled against the field's type: `employees > "50"` is fine,
// `employees > "abc"` is an error there.
struct FilterValue {
    enum class Kind {
        Text,   // "quoted" or a bare word
        Number, // 50, -3.5
        Date,   // 2024-05-31 or 2024-05-31T10:00[:00][Z]
    };
    Kind kind = Kind::Text;
    QString text;      // unescaped text of the literal
    int position = -1; // offset in the source expression (-1 when built in code)
    int length = 0;    // length of the literal in the source expression

    static FilterValue fromText(QString text) { return {Kind::Text, std::move(text), -1, 0}; }
    static FilterValue fromNumber(double number);
};

// A node of a filter: a field condition, or all / any / not over other nodes. Built by FilterParser
// from an expression (`syncdesk-cli sync --where`) or in code by the desktop filter bar.
struct FilterNode {
    enum class Kind { Condition, All, Any, Not };
    Kind kind = Kind::Condition;

    // Kind::Condition
    QString field;          // as written: a field key or label, matched case-insensitively
    int fieldPosition = -1; // offset in the source expression (-1 when built in code)
    int fieldLength = 0;
    FilterOperator op = FilterOperator::Equal;
    std::vector<FilterValue> values; // one value; none for is (not) empty; one or more for in

    // Kind::All / Any (two or more children) and Not (one child)
    std::vector<FilterNode> children;

    static FilterNode condition(QString field, FilterOperator op, std::vector<FilterValue> values = {});
    static FilterNode condition(QString field, FilterOperator op, const QString& value);
    static FilterNode all(std::vector<FilterNode> children);
    static FilterNode any(std::vector<FilterNode> children);
    static FilterNode negate(FilterNode child);

    // The node as an expression that FilterParser reads back to an equal tree (positions aside).
    // Parentheses are written only where precedence needs them.
    QString toExpression() const;
};

// Writes `text` as a double-quoted expression string literal (with \" and \\ escapes).
QString quoteFilterString(const QString& text);

} // namespace syncdesk

namespace syncdesk {

// `text` as an ISO-8601 date or date-time literal (2024-05-31, 2024-05-31T10:00, 2024-05-31 10:00:05Z,
// with an optional offset), with a space separator turned into 'T'; nullopt when it is not one or
// names an impossible date (2024-02-30).
std::optional<QString> normalizeDateLiteral(QStringView text);

} // namespace syncdesk
