#include "core/query/CompanyQuery.h"

#include "core/query/CompanyBulkLoad.h"
#include "core/query/FilterParser.h"
#include "core/query/QueryLogging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace syncdesk {

// How a page is fetched (measured on 1,000,000 companies, tests/bench/bench_query.cpp):
//  - SQLite's planner, given `country = ? AND employees > ?` and ORDER BY name LIMIT 100, fetches every
//    match through the filter's index and sorts them all, even when the sort order has its own index
//    and the first 100 matches lie in its first few thousand entries. So when the sort key has an index,
//    a page is first tried by walking that index for at most `walkBudget` rows, filtering as it goes
//    (IndexWalk). When the walk does not fill the page, matches are few and SQLite's own plan
//    (through the filter's index, then a sort) is the fast one. When the filter is made only of
//    conditions that indexes answer, counting matches up to what the walk needs is cheap, and
//    decides beforehand (walkIsLikely); otherwise such a count would read more rows than the walk.
//  - When SQLite's plan is used with a filter or free text, its ORDER BY reads `+key`: without it,
//    SQLite (which has no statistics: the workspace is never ANALYZEd) reads the rows along the sort
//    key's index to save the sort whatever the filter, e.g. 40,000 random row reads to find 200 of
//    the 0.5 % with `employees > 5000` by name (3-4 s measured). With it, the matches come through
//    the filter's index and are sorted (5,000 rows: a few ms). Only when the first walk showed the
//    matches dense along the sort index do deeper pages keep reading along it.
//  - `name|website|domain contains "text"` (ASCII, 3+ characters) is looked up in the search index
//    when that finds at most sparseTextLimit rows (FilterCompiler::setTextIndexChooser), and counts
//    as an indexed condition then; otherwise it is a LIKE test per row, met early by the walk.
//  - Chosen over ANALYZE / sqlite_stat4: these estimates are exact counts up to a cap, taken per
//    query in a few ms, so they never go stale after an import and need no upkeep.
//  - Free-text words of 3+ characters are looked up in the trigram index `companies_search`. With
//    few hits (<= sparseTextLimit) the query is driven from them (TextIndex). With many hits, reading
//    them all costs more than testing rows one by one while walking the sort order, so ASCII words
//    are then tested per row with LIKE (the same matches as the index). Words with other characters
//    stay with the index (LIKE folds only A-Z); a per-row index probe was measured at ~100 us a row,
//    so the hits are read once into a set instead.
//  - Counts of free text alone come straight from the index; countUpTo() stops at its cap.

namespace {

const char selectColumns[] =
    "c.id, c.external_id, c.name, c.website, c.domain, c.industry, c.employees, c.country,"
    " c.city, c.description, c.linkedin_url, c.domain_key, c.custom, c.created_at,"
    " c.updated_at";

// Sort keys that an index of migration 1, 2 or 5 (SchemaQueryMigration.cpp,
// SchemaSortIndexMigration.cpp) returns in order, with id
// (the rowid, implicitly last in every index) as the tie-break: FilterCompiler::sortKey(field) must
// produce exactly this text for the walk to be used. The index is built by the first query that
// sorts by its column when a bulk load left it out (ensureIndexes()); without it there is no walk.
struct WalkableKey {
    const char* sortKey;
    const char* column;
    const char* index; // nullptr: the table itself (id is the rowid)
};
const WalkableKey walkableSortKeys[] = {
    {"c.id", "c.id", nullptr},
    {"c.name COLLATE NOCASE", "c.name", "companies_name"},
    {"c.website COLLATE NOCASE", "c.website", "companies_website"},
    {"c.domain COLLATE NOCASE", "c.domain", "companies_domain"},
    {"c.city COLLATE NOCASE", "c.city", "companies_city"},
    {"c.employees", "c.employees", "companies_employees"},
    {"c.updated_at", "c.updated_at", "companies_updated_at"},
    {"c.country COLLATE NOCASE", "c.country", "companies_sort_country"},
    {"c.industry COLLATE NOCASE", "c.industry", "companies_sort_industry"},
    {"c.linkedin_url COLLATE NOCASE", "c.linkedin_url", "companies_sort_linkedin_url"},
    {"c.description COLLATE NOCASE", "c.description", "companies_sort_description"},
    {"c.created_at", "c.created_at", "companies_sort_created_at"},
};

QString containsKey(const QString& field, const QString& text) {
    return field + u'\x1f' + text;
}

// The built-in columns that lead an index of migration 1, 2 or 5, and that index (nullptr: id, the
// rowid).
struct ColumnIndex {
    const char* key;
    const char* index;
};
const ColumnIndex columnIndexes[] = {
    {"id", nullptr},
    {"name", "companies_name"},
    {"website", "companies_website"},
    {"domain", "companies_domain"},
    {"industry", "companies_industry"},
    {"employees", "companies_employees"},
    {"country", "companies_country"},
    {"city", "companies_city"},
    {"updated_at", "companies_updated_at"},
    {"description", "companies_sort_description"},
    {"linkedin_url", "companies_sort_linkedin_url"},
    {"created_at", "companies_sort_created_at"},
};

// The entry whose index answers the condition `node` (a built-in column's index and an operator
// such an index answers); nullptr when none does.
const ColumnIndex* conditionIndex(const FilterNode& node, const FieldCatalog& catalog) {
    const QueryField* f = catalog.find(node.field);
    if (!f || f->storage != QueryField::Storage::Column)
        return nullptr;
    switch (node.op) {
    case FilterOperator::Equal:
    case FilterOperator::In:
    case FilterOperator::Greater:
    case FilterOperator::GreaterOrEqual:
    case FilterOperator::Less:
    case FilterOperator::LessOrEqual:
    case FilterOperator::IsEmpty:
        break;
    default:
        return nullptr;
    }
    for (const ColumnIndex& c : columnIndexes) {
        if (f->key == QLatin1String(c.key))
            return &c;
    }
    return nullptr;
}

// The indexes that would answer conditions of the filter (not those under a NOT: no index answers
// them).
void wantedIndexes(const FilterNode& node, const FieldCatalog& catalog, QSet<QString>* out) {
    if (node.kind == FilterNode::Kind::Condition) {
        if (const ColumnIndex* c = conditionIndex(node, catalog); c && c->index)
            out->insert(QString::fromLatin1(c->index));
    } else if (node.kind != FilterNode::Kind::Not) {
        for (const FilterNode& child : node.children)
            wantedIndexes(child, catalog, out);
    }
}

// Whether every condition of the filter can be answered by an index that exists (`available`), or
// by the search index (the `contains` in `indexedContains`, see FilterCompiler::setTextIndexChooser).
bool answeredByIndex(const FilterNode& node, const FieldCatalog& catalog,
                     const QSet<QString>& indexedContains, const QSet<QString>& available) {
    switch (node.kind) {
    case FilterNode::Kind::Not:
        return false;
    case FilterNode::Kind::All:
    case FilterNode::Kind::Any:
        for (const FilterNode& child : node.children) {
            if (!answeredByIndex(child, catalog, indexedContains, available))
                return false;
        }
        return true;
    case FilterNode::Kind::Condition:
        break;
    }
    const QueryField* f = catalog.find(node.field);
    if (f && node.op == FilterOperator::Contains && node.values.size() == 1)
        return indexedContains.contains(containsKey(f->key, node.values.front().text));
    const ColumnIndex* c = conditionIndex(node, catalog);
    return c && (!c->index || available.contains(QLatin1String(c->index)));
}

const char textIndexMatch[] = "c.id IN (SELECT rowid FROM companies_search WHERE companies_search MATCH ?)";

bool isAscii(const QString& s) {
    for (QChar c : s) {
        if (c.unicode() > 0x7f)
            return false;
    }
    return true;
}

// Whitespace-separated words; "double quoted" text is one word (spaces included).
QStringList searchWords(const QString& text) {
    QStringList words;
    QString current;
    bool quoted = false;
    for (QChar c : text) {
        if (c == u'"') {
            if (!current.trimmed().isEmpty())
                words << current.trimmed();
            current.clear();
            quoted = !quoted;
        } else if (c.isSpace() && !quoted) {
            if (!current.isEmpty())
                words << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        words << (quoted ? current.trimmed() : current);
    return words;
}

QString ftsPhrase(QString word) {
    return u'"' + word.replace(u'"', QLatin1String("\"\"")) + u'"';
}

SqlFragment likeAnyColumn(const QString& word) {
    const QString p = FilterCompiler::containsPattern(word);
    return {QStringLiteral(
                "(c.name LIKE ? ESCAPE '\\' OR c.website LIKE ? ESCAPE '\\' OR c.domain LIKE ? ESCAPE '\\')"),
            {p, p, p}};
}

void appendAnd(SqlFragment& to, const SqlFragment& term) {
    if (term.isEmpty())
        return;
    if (!to.isEmpty())
        to.sql += QLatin1String(" AND ");
    to += term;
}

QSqlDatabase connection(const QString& name) {
    return QSqlDatabase::database(
        name.isEmpty() ? QString::fromLatin1(QSqlDatabase::defaultConnection) : name, false);
}

bool run(QSqlQuery& q, const QString& sql, const QVariantList& binds, QString* error) {
    q.setForwardOnly(true);
    bool ok = q.prepare(sql);
    if (ok) {
        for (const QVariant& v : binds)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok) {
        // Stopped on purpose (StatementCancel): an outdated query, not a problem.
        if (q.lastError().nativeErrorCode() == QLatin1String("9")) // SQLITE_INTERRUPT
            qCDebug(lcQuery) << "query stopped:" << q.lastError().text();
        else
            qCWarning(lcQuery) << "query failed:" << q.lastError().text();
        if (error)
            *error = CompanyQuery::tr("the company query failed: %1").arg(q.lastError().text());
    }
    return ok;
}

// After the last next(): false (with `error`) when the statement stopped on an error, e.g. it was
// interrupted (StatementCancel), rather than at its last row.
bool finishedCleanly(const QSqlQuery& q, QString* error) {
    if (q.lastError().type() == QSqlError::NoError)
        return true;
    qCDebug(lcQuery) << "query stopped:" << q.lastError().text();
    if (error)
        *error = CompanyQuery::tr("the company query failed: %1").arg(q.lastError().text());
    return false;
}

// Of the indexes `wanted`, those that exist, after building the missing ones among the query
// indexes that a bulk load leaves out (CompanyBulkLoad.h): the first query that sorts or filters by
// such a column builds its index (0.5-1.6 s for 1,000,000 companies), every later one finds it.
// While another connection writes, the build waits briefly only: the query then runs without the
// index (slower, the same rows) and a later one builds it.
QSet<QString> ensureIndexes(const QString& connectionName, const QSet<QString>& wanted) {
    QSet<QString> present;
    if (wanted.isEmpty())
        return present;
    QSqlQuery q(connection(connectionName));
    if (!run(q, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"), {}, nullptr))
        return present;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (wanted.contains(name))
            present.insert(name);
    }
    QStringList missing;
    for (const QString& name : wanted) {
        if (!present.contains(name) && !companyQueryIndexStatement(name).isEmpty())
            missing << name;
    }
    if (missing.isEmpty())
        return present;
    missing.sort(); // the same order on every connection
    // Set for the builds, then put back: a short wait for the write lock, and SQLite's sorter in
    // small runs (its run size is the page cache) sorted and written on worker threads while this
    // thread reads on, as the import's index builds do (docs/import.md). On an imported million, in
    // the sqlite3 shell: companies_sort_description 1.57 s with no worker thread, 0.81 s with two;
    // with two and a 32 MB cache (the desktop list's, configureQueryConnection()) 1.26 s.
    auto swap = [&](const char* pragma, int value) {
        int previous = 0;
        if (run(q, QLatin1String("PRAGMA ") + QLatin1String(pragma), {}, nullptr) && q.next())
            previous = q.value(0).toInt();
        run(q, QStringLiteral("PRAGMA %1 = %2").arg(QLatin1String(pragma)).arg(value), {}, nullptr);
        return previous;
    };
    constexpr int buildWaitMs = 200;
    const int busyTimeout = swap("busy_timeout", buildWaitMs);
    if (busyTimeout < buildWaitMs)
        swap("busy_timeout", busyTimeout);
    const int threads = swap("threads", qBound(0, QThread::idealThreadCount(), 4));
    constexpr int sortRunKibibytes = 2048;
    const int cacheSize = swap("cache_size", -sortRunKibibytes);
    for (const QString& name : std::as_const(missing)) {
        QElapsedTimer timer;
        timer.start();
        if (!run(q, companyQueryIndexStatement(name), {}, nullptr))
            break; // logged; the query goes on without it
        present.insert(name);
        qCInfo(lcQuery).noquote() << "built index" << name << "for the first query that needs it in"
                                  << timer.elapsed() << "ms";
    }
    swap("busy_timeout", busyTimeout);
    swap("threads", threads);
    swap("cache_size", cacheSize);
    return present;
}

// A two-character word has no trigram of its own. In a value of 3+ characters each of its
// occurrences begins a trigram (all but the last two positions) or ends one (all but the first), so
// the index's hits of the trigrams that begin or end with the (case-folded) word hold every value
// that contains it; shorter values holding it are the word itself. The trigrams are read from the
// index's vocabulary (an fts5vocab table in the connection's temp schema: nothing is stored):
// those beginning with the word as a range of terms, those ending with it as "x" + word for each
// character x that begins a term (skip scans: one seek per term or distinct character). Returns an
// FTS5 expression ORing them ("" when there is none), or nullopt when the vocabulary cannot be read.
// Only for ASCII words: the index folds them as LIKE does.
std::optional<QString> twoCharacterTrigrams(const QString& connectionName, const QString& word, QString* error) {
    QSqlQuery q(connection(connectionName));
    // One row per occurrence of a term, in term order: a seek to the first term from a given text
    // reads one entry, not the term's whole list of rows as the 'row' kind would (ms for a common one).
    if (!run(q,
             QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.syncdesk_search_terms USING "
                            "fts5vocab(main, companies_search, 'instance')"),
             {}, error))
        return std::nullopt;
    const QString folded = word.toLower(); // ASCII: what the index's case folding makes of it
    QStringList terms;
    // Trigrams that begin with the word: from "xy" up to (not including) "xz", term by term (a
    // term has three characters, so the next one is the first from term + char(1)).
    const QString upTo = QString(folded.at(0)) + QChar(char16_t(folded.at(1).unicode() + 1));
    if (!run(q,
             QStringLiteral("WITH RECURSIVE next(term) AS ("
                            " SELECT (SELECT term FROM temp.syncdesk_search_terms WHERE term >= ? LIMIT 1)"
                            " UNION ALL"
                            " SELECT (SELECT term FROM temp.syncdesk_search_terms"
                            "         WHERE term >= next.term || char(1) LIMIT 1)"
                            " FROM next WHERE next.term < ?)"
                            " SELECT term FROM next WHERE term < ?"),
             {folded, upTo, upTo}, error))
        return std::nullopt;
    while (q.next()) {
        const QString term = q.value(0).toString();
        if (term.startsWith(folded))
            terms << term;
    }
    if (!finishedCleanly(q, error))
        return std::nullopt;
    // Trigrams that end with it: each character that begins a term, in front of the word (the
    // index looks up the ones that do not exist for nothing).
    if (!run(q,
             QStringLiteral(
                 "WITH RECURSIVE first(c) AS ("
                 " SELECT (SELECT substr(term, 1, 1) FROM temp.syncdesk_search_terms LIMIT 1)"
                 " UNION ALL"
                 " SELECT (SELECT substr(term, 1, 1) FROM temp.syncdesk_search_terms"
                 "         WHERE term >= char(unicode(first.c) + 1) LIMIT 1)"
                 " FROM first WHERE first.c IS NOT NULL AND unicode(first.c) < 1114111)"
                 " SELECT c FROM first WHERE c IS NOT NULL"),
             {}, error))
        return std::nullopt;
    while (q.next()) {
        const QString term = q.value(0).toString() + folded;
        if (!terms.contains(term))
            terms << term;
    }
    if (!finishedCleanly(q, error))
        return std::nullopt;
    if (terms.isEmpty())
        return QString();
    QStringList phrases;
    for (const QString& term : std::as_const(terms))
        phrases << ftsPhrase(term);
    return u'(' + phrases.join(QLatin1String(" OR ")) + u')';
}

CompanyRow readRow(const QSqlQuery& q) {
    CompanyRow r;
    r.id = q.value(0).toLongLong();
    r.externalId = q.value(1).toString();
    r.name = q.value(2).toString();
    r.website = q.value(3).toString();
    r.domain = q.value(4).toString();
    r.industry = q.value(5).toString();
    r.employees = q.value(6).isNull() ? QVariant() : q.value(6);
    r.country = q.value(7).toString();
    r.city = q.value(8).toString();
    r.description = q.value(9).toString();
    r.linkedinUrl = q.value(10).toString();
    r.domainKey = q.value(11).toString();
    r.custom = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    r.createdAt = q.value(13).toString();
    r.updatedAt = q.value(14).toString();
    return r;
}

} // namespace

QVariant CompanyRow::value(const QString& key) const {
    if (key == u"id")
        return id;
    if (key == u"name")
        return name;
    if (key == u"website")
        return website;
    if (key == u"domain")
        return domain;
    if (key == u"industry")
        return industry;
    if (key == u"employees")
        return employees;
    if (key == u"country")
        return country;
    if (key == u"city")
        return city;
    if (key == u"description")
        return description;
    if (key == u"linkedin_url")
        return linkedinUrl;
    if (key == u"created_at")
        return createdAt;
    if (key == u"updated_at")
        return updatedAt;
    const QJsonValue v = custom.value(key);
    return v.isUndefined() || v.isNull() ? QVariant() : v.toVariant();
}

struct CompanyQuery::Compiled {
    FieldCatalog catalog;
    SqlFragment filter;         // empty: no filter
    QString textMatch;          // search-index query for the words of 3+ characters and the
                                // two-character ASCII ones (their trigrams); empty if none
    bool textHasNoHits = false; // a two-character word begins or ends no trigram at all
    SqlFragment textShortValues; // ids of the values that are a two-character word (no trigram)
    QStringList twoCharacterWords; // ASCII words of two characters, not yet looked up (textMatch)
    QString textHits;           // the search index's hits (a JSON array of ids) when they are few
    SqlFragment shortWords;     // LIKE tests of the shorter words
    SqlFragment exactText;      // a per-row test of every word; empty: no free text
    SqlFragment sortKey;        // over `c`
    QString walkIndex;          // "INDEXED BY ..." when an index returns rows in sort order; empty otherwise
    QString walkColumn;         // the sort column then (without COLLATE)
    bool walkNullable = false;  // the sort column may hold NULL
    bool indexedFilter = false; // every condition of the filter can be answered by an index
    QSet<QString> indexedContains; // `contains` conditions compiled as search-index lookups
    std::optional<bool> sparseText;
    // Whether matches lie dense along the sort index: learnt from the first walk (or the count
    // that decided against one), used for the pages after it.
    std::optional<bool> denseInSortOrder;
};

CompanyQuery::CompanyQuery(QString connectionName)
    : m_connectionName(std::move(connectionName)) {}

void CompanyQuery::setSearchText(const QString& text) {
    m_text = text;
    invalidate();
}

void CompanyQuery::setFilter(std::optional<FilterNode> filter) {
    m_filter = std::move(filter);
    invalidate();
}

std::optional<FilterError> CompanyQuery::setFilterExpression(const QString& expression) {
    if (expression.trimmed().isEmpty()) {
        setFilter(std::nullopt);
        return std::nullopt;
    }
    FilterParser::Result parsed = FilterParser::parse(expression);
    if (!parsed.ok())
        return parsed.error;

    FilterError error;
    FieldCatalog catalog;
    if (!FieldCatalog::load(connection(m_connectionName), &catalog, &error.message)) {
        error.kind = FilterError::Kind::Database;
        return error;
    }
    if (!FilterCompiler(catalog).compile(*parsed.filter, &error))
        return error;
    setFilter(std::move(parsed.filter));
    return std::nullopt;
}

void CompanyQuery::setSort(const QString& field, Qt::SortOrder order) {
    m_sortField = field;
    m_sortOrder = order;
    invalidate();
}

void CompanyQuery::setTuning(const Tuning& tuning) {
    m_tuning = tuning;
    invalidate();
}

void CompanyQuery::invalidate() {
    m_compiled.reset();
    m_prepareError.reset();
}

std::optional<FilterError> CompanyQuery::prepare() {
    if (m_compiled)
        return std::nullopt;
    if (m_prepareError)
        return m_prepareError;

    auto compiled = std::make_shared<Compiled>();
    QString loadError;
    if (!FieldCatalog::load(connection(m_connectionName), &compiled->catalog, &loadError)) {
        FilterError e;
        e.kind = FilterError::Kind::Database;
        e.message = loadError;
        return e; // not cached: the database may come back
    }

    if (m_filter) {
        FilterError e;
        FilterCompiler compiler(compiled->catalog);
        // A rare text is looked up in the search index; a common one tested per row (the walk
        // along the sort order then meets matches early).
        compiler.setTextIndexChooser([&](const QueryField& field, const QString& text) -> std::optional<QString> {
            QString probeError;
            QString match;
            if (text.size() >= 3) {
                match = FilterCompiler::textIndexQuery(field, text);
            } else {
                // Two characters: a sample of the first rows first (~1 ms). When the text is more
                // common there than the index's limit allows, the LIKE wins (the walk meets it early)
                // and the look-up and count (~20 ms for `ba`) are not worth asking. Either plan
                // gives the same rows; the sample only picks the cheaper one.
                const int sample = qMax(1, m_tuning.sampleRows);
                QSqlQuery s(connection(m_connectionName));
                if (!run(s,
                         QLatin1String("SELECT (SELECT count(*) FROM (SELECT ") + field.column() +
                             QLatin1String(" AS v FROM companies LIMIT ?) WHERE v LIKE ? ESCAPE '\\'),"
                                           " (SELECT max(id) FROM companies)"),
                         {sample, FilterCompiler::containsPattern(text)}, &probeError) ||
                    !s.next())
                    return std::nullopt;
                const qint64 sampled = s.value(0).toLongLong(), companies = s.value(1).toLongLong();
                if (sampled * qMax<qint64>(companies, sample) > qint64(m_tuning.sparseTextLimit) * sample)
                    return std::nullopt;
                const std::optional<QString> trigrams =
                    twoCharacterTrigrams(m_connectionName, text, &probeError);
                if (!trigrams)
                    return std::nullopt; // the per-row test is right too
                if (trigrams->isEmpty()) {
                    compiled->indexedContains.insert(containsKey(field.key, text));
                    return QString(); // only a value that is just the text can hold it
                }
                match = field.key + QLatin1String(" : ") + *trigrams;
            }
            QSqlQuery q(connection(m_connectionName));
            if (!run(q,
                     QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM companies_search WHERE "
                                    "companies_search MATCH ? LIMIT ?)"),
                     {match, qint64(m_tuning.sparseTextLimit) + 1}, &probeError) ||
                !q.next())
                return std::nullopt;
            if (q.value(0).toLongLong() > m_tuning.sparseTextLimit)
                return std::nullopt;
            compiled->indexedContains.insert(containsKey(field.key, text));
            return match;
        });
        std::optional<SqlFragment> sql = compiler.compile(*m_filter, &e);
        if (!sql) {
            m_prepareError = e;
            return e;
        }
        compiled->filter = *sql;
    }

    const QueryField* sortField = compiled->catalog.find(m_sortField);
    if (!sortField) {
        FilterError e;
        e.kind = FilterError::Kind::UnknownField;
        e.field = m_sortField;
        e.suggestions = compiled->catalog.closeMatches(m_sortField);
        e.message = tr("cannot sort by \"%1\": there is no such field").arg(m_sortField);
        m_prepareError = e;
        return e;
    }
    compiled->sortKey = FilterCompiler::sortKey(*sortField);
    const WalkableKey* walk = nullptr;
    for (const WalkableKey& key : walkableSortKeys) {
        if (compiled->sortKey.binds.isEmpty() && compiled->sortKey.sql == QLatin1String(key.sortKey))
            walk = &key;
    }

    QSet<QString> wanted;
    if (m_filter)
        wantedIndexes(*m_filter, compiled->catalog, &wanted);
    if (walk && walk->index)
        wanted.insert(QString::fromLatin1(walk->index));
    const QSet<QString> available = ensureIndexes(m_connectionName, wanted);
    if (m_filter) {
        compiled->indexedFilter =
            answeredByIndex(*m_filter, compiled->catalog, compiled->indexedContains, available);
    }
    if (walk && (!walk->index || available.contains(QLatin1String(walk->index)))) {
        compiled->walkIndex = walk->index ? QLatin1String("INDEXED BY ") + QLatin1String(walk->index)
                                          : QStringLiteral("NOT INDEXED");
        compiled->walkColumn = QString::fromLatin1(walk->column);
        compiled->walkNullable = sortField->nullable;
    }

    QStringList phrases;
    for (const QString& word : searchWords(m_text)) {
        if (word.toUcs4().size() >= 3) {
            phrases << ftsPhrase(word);
            if (isAscii(word))
                appendAnd(compiled->exactText, likeAnyColumn(word));
            else
                appendAnd(compiled->exactText, {QString::fromLatin1(textIndexMatch), {ftsPhrase(word)}});
        } else {
            appendAnd(compiled->shortWords, likeAnyColumn(word));
            appendAnd(compiled->exactText, likeAnyColumn(word));
            if (word.size() == 2 && isAscii(word))
                compiled->twoCharacterWords << word; // looked up when the index is needed
        }
    }
    compiled->textMatch = phrases.join(QLatin1String(" AND "));

    m_compiled = compiled;
    return std::nullopt;
}

bool CompanyQuery::ensurePrepared(QString* error) {
    if (std::optional<FilterError> e = prepare()) {
        if (error)
            *error = e->message;
        return false;
    }
    return true;
}

// The two-character words' trigrams join the search-index query (a few ms each: asked for only
// when the index is about to be used).
void CompanyQuery::lookUpTwoCharacterWords() {
    Compiled& c = *m_compiled;
    for (const QString& word : std::as_const(c.twoCharacterWords)) {
        QString vocabularyError;
        const std::optional<QString> trigrams = twoCharacterTrigrams(m_connectionName, word, &vocabularyError);
        if (!trigrams)
            continue; // the LIKE alone is right too
        if (trigrams->isEmpty())
            c.textHasNoHits = true;
        else
            c.textMatch += (c.textMatch.isEmpty() ? QString() : QStringLiteral(" AND ")) + *trigrams;
        if (!c.textShortValues.isEmpty())
            c.textShortValues.sql += QLatin1String(" UNION ALL ");
        c.textShortValues +=
            {QStringLiteral("SELECT id FROM companies WHERE name = ? COLLATE NOCASE UNION ALL SELECT id "
                            "FROM companies WHERE website = ? COLLATE NOCASE UNION ALL SELECT id FROM "
                            "companies WHERE domain = ? COLLATE NOCASE"),
             {word, word, word}};
    }
    c.twoCharacterWords.clear();
}

// Few hits (at most sparseTextLimit) are read once, as a JSON array of ids that the page, count
// and ids statements then bind (json_each), instead of each asking the index again (an AND of two
// common two-character words: ~20 ms per asking on 1,000,000 companies).
bool CompanyQuery::textIsSparse(QString* error) {
    lookUpTwoCharacterWords();
    Compiled& c = *m_compiled;
    if (c.textHasNoHits)
        return true; // only values that are a two-character word can match
    if (c.textMatch.isEmpty())
        return false;
    if (!c.sparseText) {
        QSqlQuery q(connection(m_connectionName));
        if (!run(q,
                 QStringLiteral("SELECT count(*), json_group_array(rowid) FROM (SELECT rowid FROM "
                                "companies_search WHERE companies_search MATCH ? LIMIT ?)"),
                 {c.textMatch, qint64(m_tuning.sparseTextLimit) + 1}, error) ||
            !q.next())
            return false;
        c.sparseText = q.value(0).toLongLong() <= m_tuning.sparseTextLimit;
        if (*c.sparseText)
            c.textHits = q.value(1).toString();
    }
    return *c.sparseText;
}

SqlFragment CompanyQuery::whereClause(bool useTextIndex) const {
    const Compiled& c = *m_compiled;
    SqlFragment where;
    appendAnd(where, c.filter);
    if (useTextIndex && (!c.textMatch.isEmpty() || c.textHasNoHits)) {
        // The index's hits (and the values too short for a trigram) hold every match; the
        // per-row tests of the short words keep exactly the matches (of every word when values too
        // short for a trigram joined the hits: the index did not check those).
        SqlFragment candidates{QStringLiteral("c.id IN ("), {}};
        if (!c.textHasNoHits && !c.textHits.isEmpty())
            candidates += {QStringLiteral("SELECT value FROM json_each(?)"), {c.textHits}};
        else if (!c.textHasNoHits)
            candidates += {QStringLiteral("SELECT rowid FROM companies_search WHERE companies_search MATCH ?"),
                           {c.textMatch}};
        if (!c.textHasNoHits && !c.textShortValues.isEmpty())
            candidates.sql += QLatin1String(" UNION ALL ");
        candidates += c.textShortValues;
        candidates.sql += u')';
        appendAnd(where, candidates);
        appendAnd(where, c.textShortValues.isEmpty() ? c.shortWords : c.exactText);
    } else {
        appendAnd(where, c.exactText);
    }
    if (!where.isEmpty())
        where.sql.prepend(QLatin1String(" WHERE "));
    return where;
}

// " ORDER BY <key> <dir>, c.id <dir>" (the key's binds, if any, follow the WHERE clause's).
// `sortMatches`: " ORDER BY +<key> ...": the unary plus keeps SQLite from reading the rows along the
// sort key's index (it would, to save the sort, however few rows match: without statistics it
// cannot know), so that it fetches the matches through the filter's own index and sorts them.
QString CompanyQuery::orderByClause(bool sortMatches) const {
    const QString dir = m_sortOrder == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    return QLatin1String(sortMatches ? " ORDER BY +" : " ORDER BY ") + m_compiled->sortKey.sql + dir +
           QLatin1String(", c.id") + dir;
}

std::optional<QList<CompanyRow>> CompanyQuery::fetchRows(const QString& sql, const QVariantList& binds,
                                                         QString* error) const {
    QSqlQuery q(connection(m_connectionName));
    if (!run(q, sql, binds, error))
        return std::nullopt;
    QList<CompanyRow> rows;
    while (q.next())
        rows << readRow(q);
    if (!finishedCleanly(q, error))
        return std::nullopt;
    return rows;
}

std::optional<QList<CompanyRow>> CompanyQuery::page(qint64 offset, int limit, QString* error) {
    if (!ensurePrepared(error))
        return std::nullopt;
    Compiled& c = *m_compiled;
    offset = qMax<qint64>(0, offset);
    if (limit <= 0)
        return QList<CompanyRow>();

    const QString orderBy = orderByClause(false);
    // The page's ids first, then their rows: sorting (id, key) pairs is far cheaper than sorting
    // whole rows when SQLite has to sort all matches (measured 3x on a deep page).
    auto plain = [&](bool useTextIndex, Plan plan, bool sortMatches) -> std::optional<QList<CompanyRow>> {
        const SqlFragment where = whereClause(useTextIndex);
        m_lastPlan = plan;
        return fetchRows(
            QLatin1String("SELECT ") + QLatin1String(selectColumns) +
                QLatin1String(" FROM companies c WHERE c.id IN (SELECT c.id FROM companies c") + where.sql +
                orderByClause(sortMatches) + QLatin1String(" LIMIT ? OFFSET ?)") + orderBy,
            where.binds + c.sortKey.binds + QVariantList{limit, offset} + c.sortKey.binds, error);
    };

    const bool hasText = !c.exactText.isEmpty();
    if (c.filter.isEmpty() && !hasText)
        return plain(false, Plan::Plain, false);

    const int budget = m_tuning.walkBudget;
    QString probeError;
    auto textIndexFits = [&]() -> std::optional<bool> {
        const bool sparse = textIsSparse(&probeError);
        if (!probeError.isEmpty()) {
            if (error)
                *error = probeError;
            return std::nullopt;
        }
        return sparse;
    };
    // Words of one or two characters only: a short walk first (a tenth of the budget, ~4 ms on
    // 1,000,000 companies). It fills the page when they are very common (`ac` sorted by name), and
    // when it finds enough for the whole walk to fill it (`lo`: 5 % of the companies) the index is
    // not asked: looking the trigrams up and counting the hits would cost more (~10-15 ms).
    const bool shortWordsOnly = c.textMatch.isEmpty() && !c.twoCharacterWords.isEmpty();
    const int shortBudget = budget / 10;
    bool walkLooksFull = false;
    if (shortWordsOnly && !c.walkIndex.isEmpty() && offset + limit <= shortBudget / 2 &&
        c.denseInSortOrder.value_or(true)) {
        std::optional<QList<CompanyRow>> rows = walkPage(offset, limit, shortBudget, error);
        if (!rows)
            return std::nullopt;
        if (rows->size() == limit) {
            c.denseInSortOrder = true;
            m_lastPlan = Plan::IndexWalk;
            return rows;
        }
        walkLooksFull = rows->size() * qint64(budget / qMax(1, shortBudget)) >= offset + limit;
    }

    if (!walkLooksFull) {
        const std::optional<bool> sparse = textIndexFits();
        if (!sparse)
            return std::nullopt;
        if (*sparse)
            return plain(true, Plan::TextIndex, true);
    }

    const bool probeFirst = c.indexedFilter && !hasText;
    if (!c.walkIndex.isEmpty() && offset + limit <= budget / 2) {
        if (probeFirst && !c.denseInSortOrder) {
            QString countError;
            const std::optional<bool> likely = walkIsLikely(offset + limit, &countError);
            if (!likely) {
                if (error)
                    *error = countError;
                return std::nullopt;
            }
            c.denseInSortOrder = *likely;
        }
        if (c.denseInSortOrder.value_or(true)) {
            std::optional<QList<CompanyRow>> rows = walkPage(offset, limit, budget, error);
            if (!rows)
                return std::nullopt;
            if (rows->size() == limit) {
                c.denseInSortOrder = true;
                m_lastPlan = Plan::IndexWalk;
                return rows;
            }
            if (offset == 0)
                c.denseInSortOrder = false;
        }
    }
    // Matches are few within the first part of the sort order (or the page lies deeper than a walk
    // goes): fetch them through the filter's index and sort them, unless a walk showed that they
    // are dense along the sort index, where reading along it finds the page soonest. A free text
    // the search index answers (however many hits) is fetched through it unless the filter has
    // indexes of its own: its hits cost far less to read than every row (`lo ma`: 2,654 of
    // 1,000,000 companies, from two dense words).
    const bool dense = c.denseInSortOrder.value_or(false);
    if (walkLooksFull && !dense) { // the index was not asked yet
        const std::optional<bool> sparse = textIndexFits();
        if (!sparse)
            return std::nullopt;
        if (*sparse)
            return plain(true, Plan::TextIndex, true);
    }
    if (!dense && (!c.textMatch.isEmpty() || c.textHasNoHits) && !c.indexedFilter)
        return plain(true, Plan::TextIndex, true);
    return plain(false, Plan::Plain, !dense);
}

// The page read along the sort index, limited to its first `budget` entries: the sort key of
// the entry that far in bounds the range, so that SQLite stops at the page (no sort) or at the bound.
// A full page is the right page: the range is a prefix of the sort order. A short one says nothing.
std::optional<QList<CompanyRow>> CompanyQuery::walkPage(qint64 offset, int limit, int budget, QString* error) {
    const Compiled& c = *m_compiled;
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const QString orderBy = orderByClause(false);

    QSqlQuery bound(connection(m_connectionName));
    if (!run(bound,
             QLatin1String("SELECT ") + c.sortKey.sql + QLatin1String(" FROM companies c ") + c.walkIndex +
                 orderBy + QLatin1String(" LIMIT 1 OFFSET ?"),
             {budget}, error))
        return std::nullopt;

    SqlFragment where = whereClause(false);
    if (bound.next()) {
        const QVariant b = bound.value(0);
        const QString& column = c.walkColumn;
        SqlFragment range;
        if (ascending && b.isNull())
            range = {column + QLatin1String(" IS NULL"), {}};
        else if (ascending) {
            const QString upTo = c.sortKey.sql + QLatin1String(" <= ?");
            range = {c.walkNullable ? QString(u'(' + column + QLatin1String(" IS NULL OR ") + upTo + u')')
                                    : upTo,
                     {b}};
        } else if (!b.isNull())
            range = {c.sortKey.sql + QLatin1String(" >= ?"), {b}};
        if (!range.isEmpty())
            where.sql += (where.isEmpty() ? QLatin1String(" WHERE ") : QLatin1String(" AND ")) + range.sql;
        where.binds += range.binds;
    }
    return fetchRows(QLatin1String("SELECT ") + QLatin1String(selectColumns) +
                         QLatin1String(" FROM companies c ") + c.walkIndex + where.sql + orderBy +
                         QLatin1String(" LIMIT ? OFFSET ?"),
                     where.binds + QVariantList{limit, offset}, error);
}

// A walk of `walkBudget` rows of the sort index fills the page when at least a share of
// (offset + limit) / walkBudget of all companies match. With a filter that indexes answer, counting
// matches up to that many is cheap; fewer matches are few enough for SQLite to fetch and sort.
std::optional<bool> CompanyQuery::walkIsLikely(qint64 rowsNeeded, QString* error) {
    QSqlQuery q(connection(m_connectionName));
    if (!run(q, QStringLiteral("SELECT max(id) FROM companies"), {}, error) || !q.next())
        return std::nullopt;
    const qint64 companies = q.value(0).toLongLong();
    const qint64 matchesNeeded = qMax<qint64>(1, companies * rowsNeeded / m_tuning.walkBudget);
    const std::optional<CappedCount> matches = countUpTo(matchesNeeded, error);
    if (!matches)
        return std::nullopt;
    return !matches->exact;
}

std::optional<CappedCount> CompanyQuery::countUpTo(qint64 cap, QString* error) {
    if (!ensurePrepared(error))
        return std::nullopt;
    const Compiled& c = *m_compiled;
    const bool capped = cap >= 0;

    QString from;
    QVariantList binds;
    if (c.filter.isEmpty() && c.exactText.isEmpty()) {
        from = QStringLiteral(" FROM companies");
    } else if (c.filter.isEmpty() && c.shortWords.isEmpty() && !c.textMatch.isEmpty()) {
        from = QStringLiteral(" FROM companies_search WHERE companies_search MATCH ?");
        binds << c.textMatch;
    } else {
        QString probeError;
        const bool sparse = textIsSparse(&probeError);
        if (!probeError.isEmpty()) {
            if (error)
                *error = probeError;
            return std::nullopt;
        }
        const SqlFragment where = whereClause(sparse);
        from = QLatin1String(" FROM companies c") + where.sql;
        binds = where.binds;
    }
    QString sql;
    if (capped) {
        sql = QLatin1String("SELECT count(*) FROM (SELECT 1") + from + QLatin1String(" LIMIT ?)");
        binds << cap + 1;
    } else {
        sql = QLatin1String("SELECT count(*)") + from;
    }

    QSqlQuery q(connection(m_connectionName));
    if (!run(q, sql, binds, error) || !q.next())
        return std::nullopt;
    const qint64 n = q.value(0).toLongLong();
    if (capped && n > cap)
        return CappedCount{cap, false};
    return CappedCount{n, true};
}

std::optional<qint64> CompanyQuery::count(QString* error) {
    const std::optional<CappedCount> n = countUpTo(-1, error);
    return n ? std::optional<qint64>(n->value) : std::nullopt;
}

std::optional<QList<qint64>> CompanyQuery::ids(QString* error) {
    if (!ensurePrepared(error))
        return std::nullopt;
    const Compiled& c = *m_compiled;
    QString probeError;
    const bool sparse = textIsSparse(&probeError);
    if (!probeError.isEmpty()) {
        if (error)
            *error = probeError;
        return std::nullopt;
    }
    const SqlFragment where = whereClause(sparse);
    QSqlQuery q(connection(m_connectionName));
    if (!run(q, QLatin1String("SELECT c.id FROM companies c") + where.sql + orderByClause(false),
             where.binds + c.sortKey.binds, error))
        return std::nullopt;
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    if (!finishedCleanly(q, error))
        return std::nullopt;
    return out;
}

bool CompanyQuery::buildIndexes(const QString& connectionName) {
    QSet<QString> all;
    for (const WalkableKey& key : walkableSortKeys) {
        if (key.index)
            all.insert(QString::fromLatin1(key.index));
    }
    for (const ColumnIndex& c : columnIndexes) {
        if (c.index)
            all.insert(QString::fromLatin1(c.index));
    }
    return ensureIndexes(connectionName, all) == all;
}

bool CompanyQuery::configureQueryConnection(const QString& connectionName, int cacheMb) {
    QSqlQuery q(connection(connectionName));
    // A negative cache_size is in KiB. PRAGMA takes no bound parameters; the value is a number.
    return run(q, QStringLiteral("PRAGMA cache_size = -%1").arg(qMax(1, cacheMb) * 1024), {}, nullptr);
}

std::optional<QList<CompanyRow>> CompanyQuery::rowsByIds(const QString& connectionName,
                                                         const QList<qint64>& ids, QString* error) {
    QHash<qint64, CompanyRow> byId;
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const QList<qint64> part = ids.mid(from, chunk);
        QStringList marks;
        QVariantList binds;
        for (qint64 id : part) {
            marks << QStringLiteral("?");
            binds << id;
        }
        QSqlQuery q(connection(connectionName));
        if (!run(q,
                 QLatin1String("SELECT ") + QLatin1String(selectColumns) +
                     QLatin1String(" FROM companies c WHERE c.id IN (") + marks.join(u',') + u')',
                 binds, error))
            return std::nullopt;
        while (q.next()) {
            CompanyRow row = readRow(q);
            byId.insert(row.id, std::move(row));
        }
        if (!finishedCleanly(q, error))
            return std::nullopt;
    }
    QList<CompanyRow> out;
    out.reserve(ids.size());
    for (qint64 id : ids) {
        auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out << *it;
    }
    return out;
}

} // namespace syncdesk
