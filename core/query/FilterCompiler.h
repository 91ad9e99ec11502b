#pragma once

#include "core/query/FieldCatalog.h"
#include "core/query/FilterError.h"
#include "core/query/FilterNode.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

namespace syncdesk {

// A piece of SQL and the values for its `?` placeholders, in order.
struct SqlFragment {
    QString sql;
    QVariantList binds;

    bool isEmpty() const { return sql.isEmpty(); }
    SqlFragment& operator+=(const SqlFragment& other);
};

// Turns a FilterNode into a SQL boolean expression over `companies AS c`, type-aware:
// text-like fields compare case-insensitively (SQLite NOCASE / LIKE: A-Z only), numbers numerically,
// dates as ISO-8601 text at the precision written, yes/no fields by their usual spellings.
// Every condition evaluates to 0 or 1 (never NULL), so `not` is an exact complement: an empty
// value is "not equal" to anything and never greater or smaller than anything.
// Field names only ever reach the SQL text as known column names; custom field keys and every value
// are bound as parameters.
class FilterCompiler {
    Q_DECLARE_TR_FUNCTIONS(FilterCompiler)
public:
    explicit FilterCompiler(const FieldCatalog& catalog);

    std::optional<SqlFragment> compile(const FilterNode& filter, FilterError* error) const;

    // `name|website|domain contains "text"` with an ASCII text of 2+ characters can be answered by
    // the trigram search index (migration 2) with the same matches as LIKE. When a chooser is set
    // and returns a search-index query (FTS5 syntax) for such a condition, it is compiled as a lookup
    // in that index instead of a per-row LIKE test (cheap when the text is rare, costly when most
    // rows hold it); nullopt keeps the LIKE. For 3+ characters the query is textIndexQuery() and its
    // hits are the matches. For 2 characters it names the trigrams that begin or end with them
    // (CompanyQuery finds them in the index's vocabulary; empty: there are none): their hits, plus
    // the values that are just those 2 characters, hold every match, and a LIKE on those keeps
    // exactly the matches.
    using TextIndexChooser = std::function<std::optional<QString>(const QueryField& field, const QString& text)>;
    void setTextIndexChooser(TextIndexChooser chooser) { m_textIndexChooser = std::move(chooser); }
    static bool textIndexCanAnswer(const QueryField& field, FilterOperator op, const QString& text);
    // The search-index query (FTS5 syntax) for `field contains text` (3+ characters): name : "text".
    static QString textIndexQuery(const QueryField& field, const QString& text);

    // The ORDER BY expression for `field` (no direction), over `alias`.
    static SqlFragment sortKey(const QueryField& field, const QString& alias = QStringLiteral("c"));

    // A LIKE pattern matching `text` anywhere, with \ as the escape character.
    static QString containsPattern(const QString& text);

private:
    std::optional<SqlFragment> compileCondition(const FilterNode& node, FilterError* error) const;

    const FieldCatalog& m_catalog;
    TextIndexChooser m_textIndexChooser;
};

} // namespace syncdesk
