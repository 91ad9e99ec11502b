#pragma once

#include "core/query/FieldCatalog.h"
#include "core/query/FilterCompiler.h"
#include "core/query/FilterError.h"
#include "core/query/FilterNode.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace syncdesk {

// One company as the list shows it.
struct CompanyRow {
    qint64 id = 0;
    QString externalId;
    QString name;
    QString website;
    QString domain;
    QString industry;
    QVariant employees; // null when unknown
    QString country;
    QString city;
    QString description;
    QString linkedinUrl;
    QString domainKey;
    QJsonObject custom; // custom field key -> value
    QString createdAt;
    QString updatedAt;

    // The value of a field by key: built-in and system fields from their members, custom fields
    // from `custom` (a null QVariant when absent).
    QVariant value(const QString& fieldKey) const;
};

// Exact up to a cap: `value` is the count when `exact`, else "at least `value`".
struct CappedCount {
    qint64 value = 0;
    bool exact = true;
};

// The companies of a workspace that match a free text and a filter, sorted and paged: the model
// behind the desktop list (1,000,000 companies, fetched on demand) and `syncdesk-cli sync --where`.
//
//   CompanyQuery q(connectionName);
//   q.setSearchText("acm");
//   if (auto error = q.setFilterExpression("country = UK and employees > 50"))
//       ... error->describe(expression) ...
//   q.setSort("name", Qt::AscendingOrder);
//   auto rows = q.page(0, 100, &message);
//
// Free text: every whitespace-separated word (or "quoted phrase") must occur, case-insensitively, in
// the name, website or domain (each word may match a different one). Words of three or more
// characters use the trigram search index (migration 2); shorter ones scan.
// Sorting: by any field, ascending or descending, ties broken by id in the same direction; empty
// values come first when ascending. Everything works on the connection named in the constructor
// (one per thread, as QtSql requires), with parameterised SQL only. See docs/filter-expressions.md.
class CompanyQuery {
    Q_DECLARE_TR_FUNCTIONS(CompanyQuery)
public:
    // Planner thresholds (see CompanyQuery.cpp). Tests shrink them to exercise every plan on small data.
    struct Tuning {
        int walkBudget = 10000;      // rows of the sort index a page query walks before giving up
        int sparseTextLimit = 20000; // at most this many search-index hits: drive the query from the index
        int sampleRows = 2000;       // rows sampled to judge whether a two-character `contains` is common
    };

    // How the last page() was answered (for tests and diagnostics).
    enum class Plan {
        None,      // nothing run yet
        Plain,     // one statement, SQLite's own plan
        TextIndex, // driven by the search index (few free-text hits)
        IndexWalk, // walked the sort index, filtering as it went, and stopped at the page
    };

    explicit CompanyQuery(QString connectionName = QString());

    void setSearchText(const QString& text);
    QString searchText() const { return m_text; }

    void setFilter(std::optional<FilterNode> filter);
    const std::optional<FilterNode>& filter() const { return m_filter; }
    // Parses `expression` (an empty one clears the filter) and checks it against the fields of the
    // workspace. On error the filter is left unchanged; describe the error with
    // `error->describe(expression)`.
    std::optional<FilterError> setFilterExpression(const QString& expression);

    void setSort(const QString& fieldKeyOrLabel, Qt::SortOrder order = Qt::AscendingOrder);
    QString sortField() const { return m_sortField; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setTuning(const Tuning& tuning);

    // Reads the field definitions and compiles the query; an unknown field or a value that does not
    // fit its field is returned. The other calls prepare on demand, and again after any setter.
    // Call invalidate() when the field definitions changed.
    std::optional<FilterError> prepare();
    void invalidate();

    // Each returns nullopt on failure, with a message in `error` (a filter problem or a database error).
    std::optional<qint64> count(QString* error = nullptr);
    // Counts at most `cap` matches: fast when many match.
    std::optional<CappedCount> countUpTo(qint64 cap, QString* error = nullptr);
    std::optional<QList<CompanyRow>> page(qint64 offset, int limit, QString* error = nullptr);
    // Every matching id in sort order ("select all filtered", sync --where).
    std::optional<QList<qint64>> ids(QString* error = nullptr);

    // The rows of `ids`, in that order (missing ids are left out).
    static std::optional<QList<CompanyRow>> rowsByIds(const QString& connectionName, const QList<qint64>& ids,
                                                      QString* error = nullptr);

    Plan lastPlan() const { return m_lastPlan; }

    // Builds now every sort and filter index that a bulk load left for the first query needing it
    // (CompanyBulkLoad.h), e.g. to measure the list as it is once in use. False if one could not be
    // built (the reason is logged).
    static bool buildIndexes(const QString& connectionName);

    // For a connection that mostly runs company queries (the desktop list's worker threads): a
    // page cache of `cacheMb` MB instead of SQLite's 2 MB, so that the rows and index pages that
    // successive keystrokes read stay in memory (halves most first pages on 1,000,000 companies,
    // tests/bench/bench_query.cpp with SYNCDESK_BENCH_QUERY_PRAGMAS). False on a database error.
    static bool configureQueryConnection(const QString& connectionName, int cacheMb = 32);

private:
    struct Compiled;

    bool ensurePrepared(QString* error);
    void lookUpTwoCharacterWords();
    bool textIsSparse(QString* error);
    std::optional<bool> walkIsLikely(qint64 rowsNeeded, QString* error);
    std::optional<QList<CompanyRow>> walkPage(qint64 offset, int limit, int budget, QString* error);
    SqlFragment whereClause(bool useTextIndex) const;
    QString orderByClause(bool sortMatches) const;
    std::optional<QList<CompanyRow>> fetchRows(const QString& sql, const QVariantList& binds,
                                               QString* error) const;

    QString m_connectionName;
    QString m_text;
    std::optional<FilterNode> m_filter;
    QString m_sortField = QStringLiteral("name");
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    Tuning m_tuning;
    std::shared_ptr<Compiled> m_compiled;
    std::optional<FilterError> m_prepareError;
    Plan m_lastPlan = Plan::None;
};

} // namespace syncdesk
