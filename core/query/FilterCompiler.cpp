#include "core/query/FilterCompiler.h"

#include <QLocale>

#include <cmath>

namespace syncdesk {

SqlFragment& SqlFragment::operator+=(const SqlFragment& other) {
    sql += other.sql;
    binds += other.binds;
    return *this;
}

namespace {

SqlFragment operator+(SqlFragment a, const SqlFragment& b) {
    a += b;
    return a;
}

SqlFragment text(const QString& sql) {
    return {sql, {}};
}

SqlFragment text(const char* sql) {
    return {QString::fromLatin1(sql), {}};
}

SqlFragment bound(const QVariant& value) {
    return {QStringLiteral("?"), {value}};
}

// Text values: a null QString would be bound as SQL NULL.
SqlFragment bound(const QString& value) {
    return bound(QVariant(value.isNull() ? QStringLiteral("") : value));
}

SqlFragment column(const QString& alias, const QString& name) {
    return text(alias + u'.' + name);
}

enum class Semantics { Text, Number, Date, Boolean };

Semantics semanticsOf(FieldType type) {
    switch (type) {
    case FieldType::Number:
        return Semantics::Number;
    case FieldType::Date:
        return Semantics::Date;
    case FieldType::Boolean:
        return Semantics::Boolean;
    default:
        return Semantics::Text;
    }
}

// The custom value as text, NULL when the key is absent.
SqlFragment customRaw(const QueryField& f, const QString& alias) {
    return text(QStringLiteral("CAST(json_extract(%1.custom, ?) AS TEXT)").arg(alias)) +
           SqlFragment{QString(), {f.jsonPath()}};
}

// The value as text, '' when absent.
SqlFragment textValue(const QueryField& f, const QString& alias) {
    if (f.storage == QueryField::Storage::Custom)
        return text("IFNULL(") + customRaw(f, alias) + text(", '')");
    if (f.nullable)
        return text("IFNULL(") + column(alias, f.column()) + text(", '')");
    return column(alias, f.column());
}

// A number: `guard` is 1 when the stored value is a number (empty guard: always), `value` its value.
struct NumberExpr {
    SqlFragment guard;
    SqlFragment value;
};

NumberExpr numberValue(const QueryField& f, const QString& alias) {
    if (f.storage == QueryField::Storage::Custom) {
        // CAST(x AS REAL) = x compares with numeric affinity applied to x: true only for number text.
        const SqlFragment raw = customRaw(f, alias);
        return {text("IFNULL(CAST(") + raw + text(" AS REAL) = ") + raw + text(", 0)"),
                text("CAST(") + raw + text(" AS REAL)")};
    }
    const SqlFragment col = column(alias, f.column());
    if (f.system)
        return {{}, col};
    return {text("typeof(") + col + text(") IN ('integer', 'real')"), col};
}

// A date: ISO-8601 text; `guard` is 1 when the stored value starts like one.
struct DateExpr {
    SqlFragment guard;
    SqlFragment value;
};

DateExpr dateValue(const QueryField& f, const QString& alias) {
    const SqlFragment value = textValue(f, alias);
    if (f.system)
        return {{}, value};
    return {value + text(" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"), value};
}

SqlFragment guarded(const SqlFragment& guard, const SqlFragment& test) {
    if (guard.isEmpty())
        return text("(") + test + text(")");
    return text("(") + guard + text(" AND ") + test + text(")");
}

SqlFragment negated(const SqlFragment& test) {
    return text("NOT ") + test;
}

QString comparison(FilterOperator op) {
    switch (op) {
    case FilterOperator::Greater:
        return QStringLiteral(" > ");
    case FilterOperator::GreaterOrEqual:
        return QStringLiteral(" >= ");
    case FilterOperator::Less:
        return QStringLiteral(" < ");
    case FilterOperator::LessOrEqual:
        return QStringLiteral(" <= ");
    default:
        return QStringLiteral(" = ");
    }
}

bool isOrdering(FilterOperator op) {
    return op == FilterOperator::Greater || op == FilterOperator::GreaterOrEqual ||
           op == FilterOperator::Less || op == FilterOperator::LessOrEqual;
}

std::optional<QVariant> toNumber(const FilterValue& v) {
    if (v.kind == FilterValue::Kind::Date)
        return std::nullopt;
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double d = c.toDouble(v.text.trimmed(), &ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
        return QVariant(static_cast<qint64>(d));
    return QVariant(d);
}

std::optional<bool> toBoolean(const FilterValue& v) {
    const QString t = v.text.trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"y" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"n" || t == u"0")
        return false;
    return std::nullopt;
}

QString typeText(FieldType type) {
    switch (semanticsOf(type)) {
    case Semantics::Number:
        return FilterCompiler::tr("a number field");
    case Semantics::Date:
        return FilterCompiler::tr("a date field");
    case Semantics::Boolean:
        return FilterCompiler::tr("a yes/no field");
    case Semantics::Text:
        break;
    }
    return FilterCompiler::tr("a text field");
}

} // namespace

FilterCompiler::FilterCompiler(const FieldCatalog& catalog)
    : m_catalog(catalog) {}

bool FilterCompiler::textIndexCanAnswer(const QueryField& field, FilterOperator op, const QString& text) {
    if (op != FilterOperator::Contains || field.storage != QueryField::Storage::Column ||
        (field.key != u"name" && field.key != u"website" && field.key != u"domain"))
        return false;
    // LIKE folds A-Z only, the index all of Unicode: ASCII text matches the same rows either way.
    for (QChar c : text) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return text.size() >= 2;
}

QString FilterCompiler::textIndexQuery(const QueryField& field, const QString& text) {
    return field.key + QLatin1String(" : \"") + QString(text).replace(u'"', QLatin1String("\"\"")) + u'"';
}

QString FilterCompiler::containsPattern(const QString& value) {
    QString escaped = value;
    escaped.replace(u'\\', QLatin1String("\\\\"))
        .replace(u'%', QLatin1String("\\%"))
        .replace(u'_', QLatin1String("\\_"));
    return u'%' + escaped + u'%';
}

SqlFragment FilterCompiler::sortKey(const QueryField& field, const QString& alias) {
    switch (semanticsOf(field.type)) {
    case Semantics::Number: {
        const NumberExpr n = numberValue(field, alias);
        if (field.storage == QueryField::Storage::Column)
            return n.value; // numbers first (ascending), other stored text after them
        return text("CASE WHEN ") + n.guard + text(" THEN ") + n.value + text(" END");
    }
    case Semantics::Date:
        return textValue(field, alias);
    case Semantics::Boolean:
    case Semantics::Text:
        break;
    }
    return textValue(field, alias) + text(" COLLATE NOCASE");
}

std::optional<SqlFragment> FilterCompiler::compile(const FilterNode& filter, FilterError* error) const {
    switch (filter.kind) {
    case FilterNode::Kind::Condition:
        return compileCondition(filter, error);
    case FilterNode::Kind::Not: {
        if (filter.children.size() != 1) {
            error->kind = FilterError::Kind::Syntax;
            error->message = tr("\"not\" needs exactly one condition");
            return std::nullopt;
        }
        std::optional<SqlFragment> inner = compile(filter.children.front(), error);
        if (!inner)
            return std::nullopt;
        return text("(NOT ") + *inner + text(")");
    }
    case FilterNode::Kind::All:
    case FilterNode::Kind::Any: {
        const bool all = filter.kind == FilterNode::Kind::All;
        if (filter.children.empty())
            return text(all ? "1" : "0");
        SqlFragment out = text("(");
        bool first = true;
        for (const FilterNode& child : filter.children) {
            std::optional<SqlFragment> c = compile(child, error);
            if (!c)
                return std::nullopt;
            if (!first)
                out += text(all ? " AND " : " OR ");
            out += *c;
            first = false;
        }
        out += text(")");
        return out;
    }
    }
    return std::nullopt;
}

std::optional<SqlFragment> FilterCompiler::compileCondition(const FilterNode& node,
                                                            FilterError* error) const {
    auto failAt = [&](FilterError::Kind kind, int position, int length, const QString& message) {
        error->kind = kind;
        error->position = position;
        error->length = qMax(1, length);
        error->message = message;
        error->field = node.field;
        return std::nullopt;
    };

    const QueryField* found = m_catalog.find(node.field);
    if (!found) {
        error->suggestions = m_catalog.closeMatches(node.field);
        QString message = tr("unknown field \"%1\"").arg(node.field);
        if (!error->suggestions.isEmpty()) {
            QStringList quoted;
            for (const QString& s : std::as_const(error->suggestions))
                quoted << u'"' + s + u'"';
            message += tr("; did you mean %1?").arg(quoted.join(tr(" or ")));
        }
        failAt(FilterError::Kind::UnknownField, node.fieldPosition, node.fieldLength, message);
        return std::nullopt;
    }
    const QueryField& f = *found;
    const QString a = QStringLiteral("c");
    const QString label = f.label.isEmpty() ? f.key : f.label;
    const Semantics semantics = semanticsOf(f.type);
    const FilterOperator op = node.op;

    auto opError = [&](const QString& message) {
        return failAt(FilterError::Kind::TypeMismatch, node.fieldPosition, node.fieldLength, message);
    };
    auto valueError = [&](const FilterValue& v, const QString& message) {
        return failAt(FilterError::Kind::TypeMismatch, v.position >= 0 ? v.position : node.fieldPosition,
                      v.position >= 0 ? v.length : node.fieldLength, message);
    };

    // Empty tests need no value.
    if (op == FilterOperator::IsEmpty || op == FilterOperator::IsNotEmpty) {
        SqlFragment empty;
        if (f.storage == QueryField::Storage::Column && f.nullable) {
            const SqlFragment col = column(a, f.column());
            empty = text("(") + col + text(" IS NULL OR ") + col + text(" = '')");
        } else if (f.storage == QueryField::Storage::Column && semantics == Semantics::Text) {
            // The same test; NOCASE lets the column's (NOCASE) index answer it.
            empty = text("(") + column(a, f.column()) + text(" = '' COLLATE NOCASE)");
        } else {
            empty = text("(") + textValue(f, a) + text(" = '')");
        }
        return op == FilterOperator::IsEmpty ? empty : negated(empty);
    }

    if (node.values.empty())
        return opError(tr("\"%1\" needs a value").arg(filterOperatorText(op)));
    if (op != FilterOperator::In && node.values.size() != 1)
        return opError(tr("\"%1\" takes one value").arg(filterOperatorText(op)));

    if (op == FilterOperator::Contains && semantics != Semantics::Text)
        return opError(tr("\"contains\" works on text fields; %1 is %2").arg(label, typeText(f.type)));

    switch (semantics) {
    case Semantics::Text: {
        const SqlFragment value = textValue(f, a);
        switch (op) {
        case FilterOperator::Equal:
        case FilterOperator::NotEqual: {
            const SqlFragment eq =
                text("(") + value + text(" = ") + bound(node.values.front().text) + text(" COLLATE NOCASE)");
            return op == FilterOperator::Equal ? eq : negated(eq);
        }
        case FilterOperator::Contains: {
            const QString& wanted = node.values.front().text;
            const SqlFragment like =
                text("(") + value + text(" LIKE ") + bound(containsPattern(wanted)) + text(" ESCAPE '\\')");
            std::optional<QString> match;
            if (m_textIndexChooser && textIndexCanAnswer(f, op, wanted))
                match = m_textIndexChooser(f, wanted);
            if (!match)
                return like;
            if (wanted.size() >= 3)
                return text("c.id IN (SELECT rowid FROM companies_search WHERE companies_search MATCH ") +
                       bound(*match) + text(")");
            // Two characters: the hits of the trigrams that begin or end with them, and the values
            // that are just them (too short for a trigram), then the LIKE itself on those few rows.
            SqlFragment candidates = text("(c.id IN (");
            if (!match->isEmpty())
                candidates += text("SELECT rowid FROM companies_search WHERE companies_search MATCH ") +
                              bound(*match) + text(" UNION ALL ");
            return candidates + text("SELECT id FROM companies WHERE ") + text(f.column()) + text(" = ") +
                   bound(wanted) + text(" COLLATE NOCASE) AND ") + like + text(")");
        }
        case FilterOperator::In: {
            SqlFragment list = text("(") + value + text(" COLLATE NOCASE IN (");
            for (size_t i = 0; i < node.values.size(); ++i)
                list += text(i ? ", " : "") + bound(node.values[i].text);
            return list + text("))");
        }
        default: // ordering: alphabetical, case-insensitive; an empty value is neither smaller nor greater
            return text("(") + value + text(" <> '' AND ") + value + text(comparison(op)) +
                   bound(node.values.front().text) + text(" COLLATE NOCASE)");
        }
    }
    case Semantics::Number: {
        QVariantList numbers;
        for (const FilterValue& v : node.values) {
            const std::optional<QVariant> n = toNumber(v);
            if (!n)
                return valueError(
                    v, tr("\"%1\" is not a number, and %2 is %3").arg(v.text, label, typeText(f.type)));
            numbers << *n;
        }
        const NumberExpr n = numberValue(f, a);
        if (op == FilterOperator::In) {
            SqlFragment list = n.value + text(" IN (");
            for (qsizetype i = 0; i < numbers.size(); ++i)
                list += text(i ? ", " : "") + bound(numbers[i]);
            return guarded(n.guard, list + text(")"));
        }
        const SqlFragment test = guarded(n.guard, n.value + text(comparison(op)) + bound(numbers.front()));
        return op == FilterOperator::NotEqual ? negated(test) : test;
    }
    case Semantics::Date: {
        QStringList dates;
        for (const FilterValue& v : node.values) {
            const std::optional<QString> d =
                v.kind == FilterValue::Kind::Number ? std::nullopt : normalizeDateLiteral(v.text.trimmed());
            if (!d)
                return valueError(v, tr("\"%1\" is not a date (write dates as 2024-05-31), and %2 is %3")
                                         .arg(v.text, label, typeText(f.type)));
            dates << *d;
        }
        // Dates compare at the precision written: `= 2024-05-31` is the whole day. A stored value
        // with the literal as its prefix lies in [literal, literal + "~"), '~' sorting after every
        // character of an ISO-8601 date-time.
        const DateExpr d = dateValue(f, a);
        auto equal = [&](const QString& date) {
            return d.value + text(" >= ") + bound(date) + text(" AND ") + d.value + text(" < ") +
                   bound(QString(date + u'~'));
        };
        const QString date = dates.front();
        switch (op) {
        case FilterOperator::Equal:
            return guarded(d.guard, equal(date));
        case FilterOperator::NotEqual:
            return negated(guarded(d.guard, equal(date)));
        case FilterOperator::Greater:
            return guarded(d.guard, d.value + text(" > ") + bound(QString(date + u'~')));
        case FilterOperator::GreaterOrEqual:
            return guarded(d.guard, d.value + text(" >= ") + bound(date));
        case FilterOperator::Less:
            return guarded(d.guard, d.value + text(" < ") + bound(date));
        case FilterOperator::LessOrEqual:
            return guarded(d.guard, d.value + text(" < ") + bound(QString(date + u'~')));
        case FilterOperator::In: {
            SqlFragment any = text("(");
            for (qsizetype i = 0; i < dates.size(); ++i)
                any += text(i ? " OR " : "") + text("(") + equal(dates[i]) + text(")");
            return guarded(d.guard, any + text(")"));
        }
        default:
            break;
        }
        return opError(tr("\"%1\" does not apply to %2").arg(filterOperatorText(op), label));
    }
    case Semantics::Boolean: {
        if (isOrdering(op))
            return opError(tr("\"%1\" does not apply to %2, %3; use = true or = false")
                               .arg(filterOperatorText(op), label, typeText(f.type)));
        QList<bool> wanted;
        for (const FilterValue& v : node.values) {
            const std::optional<bool> b = toBoolean(v);
            if (!b)
                return valueError(
                    v, tr("\"%1\" is not true or false, and %2 is %3").arg(v.text, label, typeText(f.type)));
            wanted << *b;
        }
        const SqlFragment value = text("lower(trim(") + textValue(f, a) + text("))");
        auto is = [&](bool b) {
            return value + text(b ? " IN ('true', 'yes', 'y', '1')" : " IN ('false', 'no', 'n', '0')");
        };
        SqlFragment any = text("(");
        for (qsizetype i = 0; i < wanted.size(); ++i)
            any += text(i ? " OR " : "") + is(wanted[i]);
        any += text(")");
        return op == FilterOperator::NotEqual ? negated(any) : any;
    }
    }
    return std::nullopt;
}

} // namespace syncdesk
