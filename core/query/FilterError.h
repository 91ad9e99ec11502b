#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace syncdesk {

// A problem with a filter: a syntax error from FilterParser, or an unknown field / a value that
// does not fit the field's type found when the filter is compiled. `position` and `length` point
// into the expression the filter was parsed from (-1 when the filter was built in code).
struct FilterError {
    enum class Kind {
        Syntax,       // the expression cannot be read
        UnknownField, // no field has that key or label
        TypeMismatch, // the value or operator does not fit the field's type
        Database,     // the field definitions could not be read
    };
    Kind kind = Kind::Syntax;
    int position = -1;
    int length = 1;
    QString message;         // translated, without position: "expected a value, found end of expression"
    QString expected;        // Syntax: what the parser expected there ("a value"); else empty
    QString field;           // UnknownField / TypeMismatch: the field as written
    QStringList suggestions; // UnknownField: close matches (field keys), best first

    // 1-based line and column of `position` in `source` (column counts characters of that line).
    int line(QStringView source) const;
    int column(QStringView source) const;

    // "column 23: expected a value, found end of expression" followed by the source line and a caret
    // line under the offending token:
    //   country = "UK" and employees >
    //                                  ^
    // Without a position only the message. Long lines are cut around the position.
    QString describe(QStringView source) const;
};

} // namespace syncdesk
