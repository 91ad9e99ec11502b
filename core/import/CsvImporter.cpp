#include "core/import/CsvImporter.h"

#include "core/domain/DomainKey.h"
#include "core/domain/EmailAddress.h"
#include "core/import/BatchQueue.h"
#include "core/import/CsvReader.h"
#include "core/import/HeaderAliases.h"
#include "core/import/IdentityIndex.h"
#include "core/import/ValueTypes.h"
#include "core/model/Company.h"
#include "core/model/Contact.h"
#include "core/query/CompanyBulkLoad.h"
#include "core/store/CompanyStore.h"
#include "core/store/ContactStore.h"
#include "core/store/FieldStore.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <climits>
#include <ctime>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

// Info and debug messages are off unless enabled (QT_LOGGING_RULES="syncdesk.import.debug=true").
Q_LOGGING_CATEGORY(lcImport, "syncdesk.import", QtWarningMsg)

namespace syncdesk {

QString ImportIssue::toString() const {
    if (line <= 0)
        return message;
    return QCoreApplication::translate("CsvImporter", "line %1: %2").arg(line).arg(message);
}

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("CsvImporter", text);
}

// Lower-cases ASCII letters only: the same comparison as SQLite's NOCASE used by the store's queries.
QString asciiFold(const QString& s) {
    QString out = s;
    for (QChar& c : out) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(char16_t(c.unicode() + 32));
    }
    return out;
}

constexpr auto foldAscii = IdentityIndex::foldAscii;

// asciiFold(a) == asciiFold(b), without building either.
bool equalsAsciiFolded(QStringView a, QStringView b) {
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (foldAscii(a[i].unicode()) != foldAscii(b[i].unicode()))
            return false;
    }
    return true;
}

// What a row was matched by, for the "same company as line N" warning; the text is only made when
// that warning is given (a million rows would otherwise format a million texts).
struct MatchIdentity {
    const char* format = nullptr; // QT_TRANSLATE_NOOP("CsvImporter", ...) with %1
    QString value;
    QString text() const {
        return format ? QCoreApplication::translate("CsvImporter", format).arg(value) : QString();
    }
};

QString contactNameKey(std::optional<qint64> companyId, const QString& firstName, const QString& lastName) {
    return QString::number(companyId.value_or(0)) + u'\x1f' + asciiFold(firstName) + u'\x1f' +
           asciiFold(lastName);
}

constexpr qint64 ImportCacheKibibytes = 64 * 1024; // SQLite page cache while importing
constexpr qint64 SortRunKibibytes = 2 * 1024;      // ... while a bulk load builds its indexes
// A bulk load starts once this many companies were written, and at least 1/BulkLoadRatio of those
// the workspace held when the import began.
constexpr qint64 BulkLoadMinimumWrites = 5000;
constexpr qint64 BulkLoadRatio = 20;

// The records around the last one fetched. A re-import meets the workspace's records mostly in id
// order, so fetching them a window at a time saves a query per row. Kept current with put(). A record
// asked for out of order (a duplicate row of a fresh import) is fetched alone: a window there would
// mostly read records that nobody asks for.
template <typename Record> class RecordWindow {
public:
    static constexpr qint64 Size = 256;

    template <typename Store> std::optional<Record> get(Store& store, qint64 id) {
        const bool sequential = id == m_lastAsked + 1;
        m_lastAsked = id;
        if (const Record* r = find(id))
            return *r;
        if (!sequential) {
            QList<Record> one = store.getRange(id, id);
            if (one.isEmpty())
                return std::nullopt;
            return std::move(one.first());
        }
        m_first = id;
        m_slots.assign(size_t(Size), std::nullopt);
        QList<Record> records = store.getRange(id, id + Size - 1);
        for (Record& r : records)
            m_slots[size_t(r.id - id)] = std::move(r);
        if (const Record* r = find(id))
            return *r;
        return std::nullopt;
    }
    void put(const Record& record) {
        if (record.id >= m_first && record.id < m_first + qint64(m_slots.size()))
            m_slots[size_t(record.id - m_first)] = record;
    }

private:
    const Record* find(qint64 id) const {
        if (id < m_first || id >= m_first + qint64(m_slots.size()) || !m_slots[size_t(id - m_first)])
            return nullptr;
        return &*m_slots[size_t(id - m_first)];
    }

    qint64 m_first = 0;
    qint64 m_lastAsked = -1;
    std::vector<std::optional<Record>> m_slots;
};

// Record id -> line of the row that first wrote or matched it. Ids are dense (SQLite's rowids), so up
// to a bound known at the start they index a vector; larger ones go to a hash.
class TouchedLines {
public:
    void setDenseLimit(qint64 limit) { m_denseLimit = limit; }
    qint64 find(qint64 id) const { // 0: not touched yet
        if (id >= 0 && id < qint64(m_dense.size()))
            return m_dense[size_t(id)];
        return m_sparse.value(id, 0);
    }
    void insert(qint64 id, qint64 line) {
        if (id >= 0 && id < m_denseLimit) {
            if (id >= qint64(m_dense.size()))
                m_dense.resize(size_t(qMin(m_denseLimit, qMax<qint64>(id + 1, qint64(m_dense.size()) * 2))));
            m_dense[size_t(id)] = line;
        } else {
            m_sparse.insert(id, line);
        }
    }
    void clear() {
        m_dense = {};
        m_sparse = {};
    }

private:
    qint64 m_denseLimit = 0;
    std::vector<qint64> m_dense;
    QHash<qint64, qint64> m_sparse;
};

struct Column {
    int index = 0;
    QString header;
    ColumnRole role = ColumnRole::Custom;
    QString Company::*companyText = nullptr;
    QString Contact::*contactText = nullptr;
    bool employees = false;
    int custom = -1; // index into ImportRun::m_customs
};

struct CustomColumn {
    FieldDefinition field;
    bool isNew = false;
    TypeInference inference;
    qint64 misfits = 0; // values of an existing field that do not fit its type
    qint64 firstMisfitLine = 0;
};

// Connection settings for the length of an import, put back afterwards: a larger page cache (a big
// transaction whose dirty pages do not fit spills them to the WAL again and again) and temporary
// files in memory (each INSERT of a multi-statement transaction writes a statement journal). A bulk
// load's index builds switch to temporary files and sorter threads (sortInParallel()).
class ScopedImportPragmas {
public:
    ScopedImportPragmas(const QSqlDatabase& db, qint64 cacheKibibytes)
        : m_db(db)
        , m_cacheKibibytes(cacheKibibytes) {
        set(QStringLiteral("cache_size"), QString::number(-cacheKibibytes));
        set(QStringLiteral("temp_store"), QStringLiteral("MEMORY"));
    }

    // For CREATE INDEX at the end of a bulk load: with temp_store = MEMORY, SQLite's sorter allocates
    // every sort key on its own (a million mallocs per index, then a merge sort that misses the CPU
    // cache at every step); with temporary files it packs the keys into buffers of up to cache_size,
    // writes each, sorted, as a run to a temporary file and merges the runs at the end. The page
    // cache is then made small (SortRunKibibytes) so that the runs are small, and the sorter gets
    // worker threads (PRAGMA threads): each run is sorted and written on a worker while this thread
    // reads the next keys from the table, and the runs are merged on the workers (docs/import.md
    // "Performance" has the figures). Only there: re-imports measured slower with temporary files.
    // SQLite refuses the change inside a transaction once the connection has opened its temporary
    // database; the indexes are then built as before. endSorting() puts the import's cache back for
    // what follows (the search index).
    void sortInParallel() {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("PRAGMA temp_store = FILE"))) {
            qCDebug(lcImport).noquote() << "temp_store stays MEMORY:" << q.lastError().text();
            return;
        }
        const int workers = qBound(0, QThread::idealThreadCount(), 4);
        set(QStringLiteral("threads"), QString::number(workers));
        q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(SortRunKibibytes));
        qCDebug(lcImport) << "index builds: sorted runs of" << SortRunKibibytes << "KiB," << workers
                          << "sorter threads";
    }
    void endSorting() {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(m_cacheKibibytes));
    }
    ~ScopedImportPragmas() {
        QSqlQuery q(m_db);
        for (auto it = m_previous.cbegin(); it != m_previous.cend(); ++it)
            q.exec(QStringLiteral("PRAGMA %1 = %2").arg(it.key(), it.value()));
    }

private:
    void set(const QString& pragma, const QString& value) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA ") + pragma) && q.next())
            m_previous.insert(pragma, q.value(0).toString());
        q.exec(QStringLiteral("PRAGMA %1 = %2").arg(pragma, value));
    }

    QSqlDatabase m_db;
    qint64 m_cacheKibibytes;
    QMap<QString, QString> m_previous;
};

// An import into an empty table writes with a rollback journal instead of the WAL, when this
// connection is the workspace's only one: SQLite journals no page that lies beyond the file's size
// when the transaction began, so the new rows, indexes and search index are written once, into the
// database file, instead of into the WAL and then copied again by the checkpoint (for a fresh
// million companies, ~770 MB twice: 36 -> 25 s, docs/import.md "Performance"). The commit stays
// atomic (a crash rolls back from the journal when the workspace is opened next); synchronous is
// FULL meanwhile, the safe setting for a rollback journal. With other connections open (the
// desktop's list, another process) the switch is refused at once (no busy wait) and the import
// runs in WAL mode as before. Put back to WAL when the import ends, committed or not.
class ScopedBulkJournal {
public:
    explicit ScopedBulkJournal(const QSqlDatabase& db)
        : m_db(db) {
        QSqlQuery q(m_db);
        const QString busyTimeout = value(q, "busy_timeout");
        m_synchronous = value(q, "synchronous");
        if (busyTimeout.isEmpty() || m_synchronous.isEmpty())
            return;
        q.exec(QStringLiteral("PRAGMA busy_timeout = 0"));
        m_active = value(q, "journal_mode = DELETE").compare(u"delete", Qt::CaseInsensitive) == 0;
        q.exec(QStringLiteral("PRAGMA busy_timeout = ") + busyTimeout);
        if (m_active)
            q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        qCDebug(lcImport) << "rollback journal for this import:" << m_active;
    }
    ~ScopedBulkJournal() {
        if (!m_active)
            return;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA synchronous = ") + m_synchronous);
        if (value(q, "journal_mode = WAL").compare(u"wal", Qt::CaseInsensitive) != 0)
            qCWarning(lcImport).noquote()
                << "the workspace stays in rollback-journal mode until it is opened again:"
                << q.lastError().text();
    }
    ScopedBulkJournal(const ScopedBulkJournal&) = delete;
    ScopedBulkJournal& operator=(const ScopedBulkJournal&) = delete;

private:
    // The pragma's answer ("PRAGMA name" or "PRAGMA name = value"), or empty when it fails.
    static QString value(QSqlQuery& q, const char* pragma) {
        QString answer;
        if (q.exec(QStringLiteral("PRAGMA ") + QLatin1String(pragma)) && q.next())
            answer = q.value(0).toString();
        q.finish();
        return answer;
    }

    QSqlDatabase m_db;
    QString m_synchronous;
    bool m_active = false;
};

// Wall and CPU time of the phases of an import, for the debug log (docs/import.md "Performance").
class PhaseTimer {
public:
    PhaseTimer()
        : m_cpu(std::clock()) {
        m_wall.start();
    }
    QString restart() {
        const std::clock_t cpu = std::clock();
        const QString text = QStringLiteral("%1 ms (CPU %2 ms)")
                                 .arg(m_wall.restart())
                                 .arg(qint64(double(cpu - m_cpu) * 1000.0 / CLOCKS_PER_SEC));
        m_cpu = cpu;
        return text;
    }

private:
    QElapsedTimer m_wall;
    std::clock_t m_cpu;
};

// What the reading thread found wrong with a row. The importer's thread adds it to the result before
// what it finds itself, so the issues stay in the order of the rows.
struct RowIssues {
    QList<ImportIssue> errors;
    QList<ImportIssue> warnings;
    qint64 skipped = 0;

    void error(qint64 line, const QString& message) {
        errors.append({line, message});
        ++skipped;
    }
    void warning(qint64 line, const QString& message) { warnings.append({line, message}); }
};

// A row as the reading thread hands it over (ImportRun::prepare).
struct PreparedRow {
    enum class Kind {
        Done,    // nothing to write: rejected, empty, or a company row without an identity
        Company, // `company` (its domain key set) to be matched and written
        Contact, // `record` to be imported by importContact()
    };
    Kind kind = Kind::Done;
    qint64 line = 0;
    CsvRecord record;
    Company company;
    IdentityIndex::Hash hashes[IdentityIndex::KindCount] = {}; // of its external id, key and name
    CompanyStore::Encoded encoded; // what inserting it writes, in its batch's `bytes`
    RowIssues issues;
};

// Rows handed over together. The importer's thread mostly reads only `rows` and `bytes`, each one
// block of memory, not the strings of each row: reading memory that the other core wrote costs a
// cache miss per line, and a row's strings lie all over the heap.
struct RowBatch {
    std::vector<PreparedRow> rows;
    QByteArray bytes; // the companies' encoded values (CompanyStore::encode), one after the other
};

class ImportRun {
public:
    ImportRun(const Workspace& workspace, const ImportOptions& options, RecordObject object,
              ImportResult& result)
        : m_options(options)
        , m_object(object)
        , m_result(result)
        , m_companies(workspace)
        , m_contacts(workspace)
        , m_fields(workspace)
        , m_workspace(workspace) {}

    // False on a fatal error (m_result.fatalError set); the caller rolls back.
    bool run(QIODevice* device, qint64 sizeHint);

private:
    bool fatal(const QString& message) {
        if (m_result.fatalError.isEmpty())
            m_result.fatalError = message;
        return false;
    }
    bool storeFailed(const QString& storeError) {
        return fatal(tr("Writing to the workspace failed: %1").arg(storeError));
    }
    void error(qint64 line, const QString& message) {
        m_result.errors.append({line, message});
        ++m_result.skipped;
    }
    void warning(qint64 line, const QString& message) { m_result.warnings.append({line, message}); }

    bool mapHeader(const CsvRecord& header);
    bool chooseIdentityLookup(qint64 sizeHint);
    bool runStatements(const QStringList& statements);
    bool noteCompanyWrite();
    bool beforeCompanyQuery();
    bool finishCustomFields();
    // Run on the reading thread (readRows()): they use the header's columns and the custom
    // columns' type inference, which the importer's thread leaves alone until the rows are read.
    void readRows(CsvReader& reader, BatchQueue<RowBatch>& queue, BatchQueue<RowBatch>& spent,
                  qint64* lastLine);
    void prepare(CsvRecord& record, PreparedRow& row, QByteArray& bytes);
    void prepareCompany(const CsvRecord& record, PreparedRow& row, QByteArray& bytes);
    bool checkShape(const CsvRecord& record, RowIssues& issues);
    void observeCustom(const CustomValues& values, qint64 line);

    bool writeRows(BatchQueue<RowBatch>& queue, BatchQueue<RowBatch>& spent);
    bool writeRow(PreparedRow& row, const QByteArray& bytes);
    void noteDuplicate(qint64 id, qint64 line, const MatchIdentity& identity);

    bool writeCompany(PreparedRow& row, const QByteArray& bytes);
    std::optional<Company> lookupCompany(IdentityIndex::Kind kind, const QString& value,
                                         IdentityIndex::Hash hash, bool* ok);
    std::optional<Company> findCompany(const PreparedRow& row, bool* ok, MatchIdentity* identity);
    void indexCompany(const Company& c);

    bool importContact(const CsvRecord& record);
    std::optional<qint64> linkedCompany(const CsvRecord& record, bool* ok);
    std::optional<Contact> lookupContact(IdentityIndex::Kind kind, const QString& value,
                                         const Contact& incoming, bool* ok);
    std::optional<Contact> findContact(const Contact& incoming, bool* ok, MatchIdentity* identity);
    void indexContact(const Contact& c);

    const ImportOptions& m_options;
    RecordObject m_object;
    ImportResult& m_result;
    CompanyStore m_companies;
    ContactStore m_contacts;
    FieldStore m_fields;
    const Workspace& m_workspace;

    QList<Column> m_columns;
    QList<CustomColumn> m_customs;
    int m_headerSize = 0;
    int m_fullNameColumn = -1;
    QList<int> m_companyLinkColumns[4]; // by ColumnRole CompanyExternalId .. CompanyName
    bool m_inMemory = true;
    qint64 m_existing = 0;   // records in the table when the import began
    qint64 m_writes = 0;     // companies created or updated so far
    bool m_bulkLoad = false; // search triggers and query indexes dropped until the end (CompanyBulkLoad.h)
    bool m_identityIndexesDropped = false; // companies_domain_key and companies_name too
    int m_tableScans = 0;                  // lookups in the database while those were dropped
    IdentityIndex m_index;
    RecordWindow<Company> m_companyWindow;
    RecordWindow<Contact> m_contactWindow;
    TouchedLines m_touched;
    QHash<QString, qint64> m_companyLinks; // contacts: "kind:value" -> company id (0: none)
};

bool ImportRun::mapHeader(const CsvRecord& header) {
    if (!header.error.isEmpty())
        return fatal(tr("line %1: the header row is malformed: %2").arg(header.line).arg(header.error));
    m_headerSize = int(header.fields.size());

    const QList<FieldDefinition> existing = m_fields.list(m_object);
    if (!m_fields.lastError().isEmpty())
        return storeFailed(m_fields.lastError());

    QSet<QString> filledRoles; // "role:key" already supplied by an earlier column
    QSet<QString> newCustomKeys;
    bool hasFirstOrLast = false;
    for (const QString& h : header.fields) {
        const HeaderRole r = roleForHeader(m_object, h.trimmed());
        hasFirstOrLast = hasFirstOrLast || r.fieldKey == u"first_name" || r.fieldKey == u"last_name";
    }

    for (int i = 0; i < header.fields.size(); ++i) {
        const QString name = header.fields.at(i).trimmed();
        if (name.isEmpty()) {
            warning(header.line, tr("column %1 has no name: its values are ignored").arg(i + 1));
            continue;
        }
        Column col;
        col.index = i;
        col.header = name;
        HeaderRole role = roleForHeader(m_object, name);
        if (role.role == ColumnRole::FullName && hasFirstOrLast)
            role = HeaderRole{}; // "Name" next to first/last name columns: keep it as a custom field
        col.role = role.role;

        if (col.role != ColumnRole::Custom) {
            const QString slot = QString::number(int(col.role)) + u':' + role.fieldKey;
            if (filledRoles.contains(slot)) {
                warning(header.line,
                        tr("column %1 \"%2\" is ignored: an earlier column already supplies that field")
                            .arg(i + 1)
                            .arg(name));
                continue;
            }
            filledRoles.insert(slot);
            if (col.role == ColumnRole::BuiltIn) {
                col.companyText =
                    m_object == RecordObject::Company ? Company::textField(role.fieldKey) : nullptr;
                col.contactText =
                    m_object == RecordObject::Contact ? Contact::textField(role.fieldKey) : nullptr;
                col.employees = m_object == RecordObject::Company && role.fieldKey == u"employees";
            } else if (col.role == ColumnRole::FullName) {
                m_fullNameColumn = i;
            } else if (col.role >= ColumnRole::CompanyExternalId) {
                m_companyLinkColumns[int(col.role) - int(ColumnRole::CompanyExternalId)].append(i);
            }
            m_columns.append(col);
            continue;
        }

        // Custom: an existing field with that label or key, else a new one.
        std::optional<FieldDefinition> field;
        const QString slug = customFieldKey(name);
        for (const FieldDefinition& f : existing) {
            if (!f.builtIn && (f.label.compare(name, Qt::CaseInsensitive) == 0 || f.key == slug))
                field = f;
        }
        const QString slot = field ? field->key : name.toCaseFolded();
        if (filledRoles.contains(u"custom:" + slot) || newCustomKeys.contains(slot)) {
            warning(
                header.line,
                tr("column %1 \"%2\" is ignored: an earlier column has the same name").arg(i + 1).arg(name));
            continue;
        }
        filledRoles.insert(u"custom:" + slot);
        CustomColumn custom;
        if (field) {
            custom.field = *field;
        } else {
            // Created now as text (inside the import's transaction); typed from the values at the end.
            auto added = m_fields.addCustomField(m_object, name, FieldType::Text);
            if (!added) {
                warning(header.line,
                        tr("column %1 \"%2\" is ignored: %3").arg(i + 1).arg(name, m_fields.lastError()));
                continue;
            }
            custom.field = *added;
            custom.isNew = true;
            newCustomKeys.insert(slot);
        }
        col.custom = int(m_customs.size());
        m_customs.append(custom);
        m_columns.append(col);
    }

    auto has = [this](const char* builtInKey) {
        for (const Column& c : std::as_const(m_columns)) {
            const bool match = builtInKey
                                   ? (c.role == ColumnRole::BuiltIn &&
                                      roleForHeader(m_object, c.header).fieldKey == QLatin1String(builtInKey))
                                   : c.role == ColumnRole::ExternalId;
            if (match)
                return true;
        }
        return false;
    };
    QStringList headers;
    for (const QString& h : header.fields)
        headers.append(u'"' + h.trimmed() + u'"');
    if (m_object == RecordObject::Company) {
        if (!has(nullptr) && !has("name") && !has("website") && !has("domain"))
            return fatal(
                tr("The file has no column for the company name, website, domain or id (its columns: %1). "
                   "See docs/import.md for the recognised column names.")
                    .arg(headers.join(QLatin1String(", "))));
    } else if (!has(nullptr) && !has("email") && !has("first_name") && !has("last_name") &&
               m_fullNameColumn < 0) {
        return fatal(tr("The file has no column for the contact's e-mail, name or id (its columns: %1). "
                        "See docs/import.md for the recognised column names.")
                         .arg(headers.join(QLatin1String(", "))));
    }
    return true;
}

bool ImportRun::chooseIdentityLookup(qint64 sizeHint) {
    using Lookup = ImportOptions::IdentityLookup;
    const qint64 existing = m_existing; // counted by run()
    // Ids of the records an import touches are mostly below this (rowids are dense); 100 bytes a row.
    m_touched.setDenseLimit(2 * (existing + qMax<qint64>(sizeHint, 0) / 100) + 1024);
    m_inMemory = true;
    if (m_options.identityLookup == Lookup::Database) {
        m_inMemory = false;
    } else if (m_options.identityLookup == Lookup::Automatic && existing > 100000) {
        // Loading the index costs one pass over the table (about 1 s per million rows); indexed
        // queries cost a few microseconds per row. A file of fewer rows than a tenth of the table is
        // cheaper with queries. Rows are estimated at 100 bytes.
        const qint64 estimatedRows = sizeHint > 0 ? sizeHint / 100 : 0;
        m_inMemory = estimatedRows * 10 >= existing;
    }
    m_result.identityLookup =
        m_inMemory ? ImportResult::IdentityLookup::InMemory : ImportResult::IdentityLookup::Database;
    if (!m_inMemory)
        return true;

    QElapsedTimer timer;
    timer.start();
    m_index.reserve(existing + (sizeHint > 0 ? sizeHint / 100 : 0));
    bool ok;
    if (m_object == RecordObject::Company) {
        ok = m_companies.forEachIdentity(
            [this](qint64 id, const QString& ext, const QString& key, const QString& name) {
                m_index.add(IdentityIndex::External, ext, id);
                m_index.add(IdentityIndex::Key, key, id);
                m_index.add(IdentityIndex::Name, name, id);
            });
    } else {
        ok = m_contacts.forEachIdentity([this](const Contact& c) { indexContact(c); });
    }
    if (!ok)
        return storeFailed(m_object == RecordObject::Company ? m_companies.lastError()
                                                             : m_contacts.lastError());
    qCDebug(lcImport) << "identity index of" << existing << "records loaded in" << timer.elapsed() << "ms";
    return true;
}

// A record must have the header's number of fields; extra fields that are all empty are tolerated
// (spreadsheets leave trailing delimiters).
bool ImportRun::checkShape(const CsvRecord& record, RowIssues& issues) {
    if (!record.error.isEmpty()) {
        issues.error(record.line, record.error);
        return false;
    }
    const qsizetype n = record.fields.size();
    bool ok = n == m_headerSize;
    if (n > m_headerSize) {
        ok = true;
        for (qsizetype i = m_headerSize; i < n && ok; ++i)
            ok = record.fields.at(i).trimmed().isEmpty();
    }
    if (!ok) {
        QString message = tr("expected %1 fields, found %2").arg(m_headerSize).arg(n);
        if (record.lastLine > record.line)
            message +=
                u' ' + tr("(the row runs from line %1 to line %2: check for a quote that is not closed)")
                           .arg(record.line)
                           .arg(record.lastLine);
        issues.error(record.line, message);
        return false;
    }
    if (record.notUtf8)
        issues.warning(record.line, tr("the row is not valid UTF-8 text; it was read as Windows-1252"));
    return true;
}

// The reading thread: reads the rows, prepares them and hands them over in batches until the file
// ends, reading fails (the reader says so) or the importer stops the queue. Written batches come back
// (`spent`) to be freed here: memory that one thread allocates and another frees makes glibc's
// allocator slow for both (measured: the rows then took longer than with one thread).
void ImportRun::readRows(CsvReader& reader, BatchQueue<RowBatch>& queue, BatchQueue<RowBatch>& spent,
                         qint64* lastLine) {
    // A batch is handed over at 256 rows, or sooner once its rows took 1 MiB of the file; the queue
    // holds at most 4 MiB of the file (run()). So when rows are long (a 4 MB description), memory stays
    // bounded by a few of them, as with one thread.
    constexpr std::size_t BatchRows = 256;
    constexpr qint64 BatchFileBytes = 1024 * 1024;
    RowBatch batch;
    CsvRecord record;
    qint64 batchStart = 0;
    while (reader.readNext(record)) {
        if (batch.rows.empty()) {
            while (spent.tryPop(batch))
                batch.rows.clear();
            batch.rows.reserve(BatchRows);
            batch.bytes.resize(0); // keeps its memory
        }
        prepare(record, batch.rows.emplace_back(), batch.bytes);
        const qint64 read = reader.bytesConsumed();
        if (batch.rows.size() == BatchRows || read - batchStart >= BatchFileBytes) {
            const std::size_t fileBytes = std::size_t(read - std::exchange(batchStart, read));
            if (!queue.push(std::exchange(batch, {}), fileBytes))
                return;
        }
    }
    *lastLine = record.lastLine;
    if (!batch.rows.empty())
        queue.push(std::move(batch), std::size_t(reader.bytesConsumed() - batchStart));
    queue.finish();
}

void ImportRun::prepare(CsvRecord& record, PreparedRow& row, QByteArray& bytes) {
    row.line = record.line;
    if (!checkShape(record, row.issues))
        return;
    if (m_object == RecordObject::Company) {
        prepareCompany(record, row, bytes);
    } else {
        row.record = std::move(record);
        row.kind = PreparedRow::Kind::Contact;
    }
}

bool ImportRun::writeRows(BatchQueue<RowBatch>& queue, BatchQueue<RowBatch>& spent) {
    RowBatch batch;
    while (queue.pop(batch)) {
        std::vector<PreparedRow>& rows = batch.rows;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (m_inMemory && i + 1 < rows.size()) {
                // The next row's places in the identity index, while this one is written.
                for (int kind = 0; kind < IdentityIndex::KindCount; ++kind)
                    m_index.prefetch(IdentityIndex::Kind(kind), rows[i + 1].hashes[kind]);
            }
            if (!writeRow(rows[i], batch.bytes))
                return false;
        }
        spent.push(std::exchange(batch, {}));
    }
    return true;
}

// The importer's thread: the row's issues from the reading thread, then what writing it finds.
bool ImportRun::writeRow(PreparedRow& row, const QByteArray& bytes) {
    ++m_result.rows;
    m_result.errors += row.issues.errors;
    m_result.warnings += row.issues.warnings;
    m_result.skipped += row.issues.skipped;
    switch (row.kind) {
    case PreparedRow::Kind::Company:
        return writeCompany(row, bytes);
    case PreparedRow::Kind::Contact:
        return importContact(row.record);
    case PreparedRow::Kind::Done:
        break;
    }
    return true;
}

void ImportRun::observeCustom(const CustomValues& values, qint64 line) {
    if (values.isEmpty())
        return;
    for (CustomColumn& c : m_customs) {
        const auto it = values.constFind(c.field.key);
        if (it == values.cend())
            continue;
        if (c.isNew) {
            c.inference.observe(*it);
        } else if (!valueFitsType(*it, c.field.type, c.field.choices)) {
            if (c.misfits++ == 0)
                c.firstMisfitLine = line;
        }
    }
}

void ImportRun::noteDuplicate(qint64 id, qint64 line, const MatchIdentity& identity) {
    const qint64 first = m_touched.find(id);
    if (first == 0) {
        m_touched.insert(id, line);
        return;
    }
    warning(line, m_object == RecordObject::Company
                      ? tr("same company as line %1 (%2): that company was updated again")
                            .arg(first)
                            .arg(identity.text())
                      : tr("same contact as line %1 (%2): that contact was updated again")
                            .arg(first)
                            .arg(identity.text()));
}

bool ImportRun::runStatements(const QStringList& statements) {
    QSqlQuery q(m_workspace.database());
    for (const QString& sql : statements) {
        PhaseTimer timer;
        if (!q.exec(sql))
            return storeFailed(q.lastError().text());
        qCDebug(lcImport).noquote() << timer.restart() << sql.left(70);
    }
    return true;
}

// Keeping the search index and the query indexes in step row by row costs more than rebuilding them
// once when an import writes many companies compared with what the workspace held: switch to a bulk
// load (CompanyBulkLoad.h) once the writes so far pass that point. Re-imports that change little
// never switch.
bool ImportRun::noteCompanyWrite() {
    ++m_writes;
    if (m_bulkLoad || m_writes < qMax<qint64>(BulkLoadMinimumWrites, m_existing / BulkLoadRatio))
        return true;
    QElapsedTimer timer;
    timer.start();
    if (!runStatements(companyBulkLoadBeginStatements()))
        return false;
    m_bulkLoad = true;
    if (m_inMemory) {
        if (!runStatements(companyIdentityIndexDropStatements()))
            return false;
        m_identityIndexesDropped = true;
    }
    qCDebug(lcImport) << "bulk load started after" << m_writes << "writes in" << timer.elapsed() << "ms";
    return true;
}

// Called before the importer asks the database for companies by domain key or name. With the identity
// indexes dropped that reads the whole table; it happens rarely (a 64-bit hash collision, or a company
// whose website an earlier row changed), but a file could make it happen often, so after a few such
// lookups the indexes come back for the rest of the import.
bool ImportRun::beforeCompanyQuery() {
    constexpr int TableScansBeforeRebuild = 8;
    if (!m_identityIndexesDropped || ++m_tableScans <= TableScansBeforeRebuild)
        return true;
    if (!runStatements(companyIdentityIndexCreateStatements()))
        return false;
    m_identityIndexesDropped = false;
    qCDebug(lcImport) << "identity indexes rebuilt after" << m_tableScans - 1 << "lookups without them";
    return true;
}

bool ImportRun::finishCustomFields() {
    for (CustomColumn& c : m_customs) {
        if (c.isNew) {
            c.field.type = c.inference.type();
            if (c.field.type != FieldType::Text && !m_fields.updateCustomField(c.field))
                return storeFailed(m_fields.lastError());
            m_result.newFields.append(c.field);
        } else if (c.misfits > 0) {
            // (Computed outside the translate() call: lupdate's parser loops on a template argument list
            // there.)
            const int misfits = int(std::min<qint64>(c.misfits, INT_MAX));
            warning(c.firstMisfitLine, QCoreApplication::translate(
                                           "CsvImporter",
                                           "%n value(s) of column \"%1\" do not fit the field's type (%2), "
                                           "first on this line; they were stored as they are",
                                           nullptr, misfits)
                                           .arg(c.field.label, fieldTypeName(c.field.type)));
        }
    }
    return true;
}

// --- companies -----------------------------------------------------------------------------------------

void overlay(Company& target, const Company& in) {
    static QString Company::*const texts[] = {&Company::name,        &Company::website,    &Company::domain,
                                              &Company::industry,    &Company::country,    &Company::city,
                                              &Company::description, &Company::linkedinUrl};
    if (!in.externalId.isEmpty())
        target.externalId = in.externalId;
    for (QString Company::*m : texts) {
        if (!(in.*m).isEmpty())
            target.*m = in.*m;
    }
    if (in.employees)
        target.employees = in.employees;
    for (auto it = in.custom.cbegin(); it != in.custom.cend(); ++it)
        target.custom.insert(it.key(), it.value());
}

void ImportRun::indexCompany(const Company& c) {
    if (!m_inMemory)
        return;
    m_index.add(IdentityIndex::External, c.externalId, c.id);
    m_index.add(IdentityIndex::Key, c.domainKey, c.id);
    m_index.add(IdentityIndex::Name, c.name, c.id);
}

std::optional<Company> ImportRun::lookupCompany(IdentityIndex::Kind kind, const QString& value,
                                                IdentityIndex::Hash hash, bool* ok) {
    *ok = true;
    if (hash == 0) // no value
        return std::nullopt;
    std::optional<Company> found;
    if (m_inMemory) {
        const qint64 id = m_index.find(kind, hash);
        if (id == 0)
            return std::nullopt; // no record has this value
        found = m_companyWindow.get(m_companies, id);
        if (found) {
            const QString& actual = kind == IdentityIndex::External ? found->externalId
                                    : kind == IdentityIndex::Key    ? found->domainKey
                                                                    : found->name;
            if (kind == IdentityIndex::Name ? equalsAsciiFolded(actual, value) : actual == value)
                return found;
        } else if (!m_companies.lastError().isEmpty()) {
            *ok = false;
            return std::nullopt;
        }
        // A hash collision, or the candidate changed since: ask the database.
        if (kind != IdentityIndex::External && !beforeCompanyQuery()) {
            *ok = false;
            return std::nullopt;
        }
    }
    switch (kind) {
    case IdentityIndex::External:
        found = m_companies.findByExternalId(value);
        break;
    case IdentityIndex::Key:
        found = m_companies.findByDomainKey(value);
        break;
    default:
        found = m_companies.findByName(value);
        break;
    }
    *ok = m_companies.lastError().isEmpty();
    return found;
}

// Identity (docs/import.md): the id column; else the domain key; else the name. A row with an id that
// is not in the workspace adopts the company with its domain key (or name) when that has no id yet.
std::optional<Company> ImportRun::findCompany(const PreparedRow& row, bool* ok, MatchIdentity* identity) {
    const Company& in = row.company;
    const QString& key = in.domainKey;
    const auto lookup = [&](IdentityIndex::Kind kind, const QString& value) {
        return lookupCompany(kind, value, row.hashes[kind], ok);
    };
    if (!in.externalId.isEmpty()) {
        *identity = {QT_TRANSLATE_NOOP("CsvImporter", "id %1"), in.externalId};
        auto found = lookup(IdentityIndex::External, in.externalId);
        if (found || !*ok)
            return found;
        auto adopted = key.isEmpty() ? lookup(IdentityIndex::Name, in.name) : lookup(IdentityIndex::Key, key);
        if (adopted && adopted->externalId.isEmpty())
            return adopted;
        return std::nullopt;
    }
    if (!key.isEmpty()) {
        *identity = {QT_TRANSLATE_NOOP("CsvImporter", "domain key %1"), key};
        return lookup(IdentityIndex::Key, key);
    }
    *identity = {QT_TRANSLATE_NOOP("CsvImporter", "name \"%1\""), in.name};
    return lookup(IdentityIndex::Name, in.name);
}

// The reading thread's part of a company row: its values, its domain key and the warnings about them.
void ImportRun::prepareCompany(const CsvRecord& record, PreparedRow& row, QByteArray& bytes) {
    const qint64 line = record.line;
    RowIssues& issues = row.issues;
    Company& in = row.company;
    bool anyValue = false;
    for (const Column& col : std::as_const(m_columns)) {
        const QString value = record.fields.at(col.index).trimmed();
        if (value.isEmpty())
            continue;
        anyValue = true;
        if (col.companyText) {
            in.*(col.companyText) = value;
        } else if (col.employees) {
            // A range or a word does not cost the company: it is imported without the number.
            QString reason;
            in.employees = parseWholeNumber(value, &reason);
            if (!in.employees)
                issues.warning(line,
                               tr("%1 \"%2\" is %3: imported without it").arg(col.header, value, reason));
        } else if (col.role == ColumnRole::ExternalId) {
            in.externalId = value;
        } else if (col.custom >= 0) {
            in.custom.insert(m_customs.at(col.custom).field.key, value);
        }
    }
    if (in.name.isEmpty() && in.website.isEmpty() && in.domain.isEmpty() && in.externalId.isEmpty()) {
        if (anyValue) {
            issues.error(line, tr("the row has no company name, website, domain or id"));
        } else {
            issues.warning(line, tr("the row is empty"));
            ++issues.skipped;
        }
        return;
    }

    const QString& key = in.domainKey = CompanyStore::domainKeyFor(in);
    if (key.isEmpty()) {
        for (const QString* value : {&in.website, &in.domain}) {
            const DomainKeyResult r = DomainKey::compute(*value, DomainPolicy::Host);
            if (!value->isEmpty() && r.reason != NoKeyReason::Empty) {
                issues.warning(line, tr("no domain key from \"%1\": %2").arg(*value, r.reasonText()));
                break;
            }
        }
    } else if (in.website.contains(u',') || in.website.contains(u';') || in.website.contains(u' ')) {
        const DomainKeyResult r = DomainKey::compute(in.website, DomainPolicy::Host);
        if (r.severalValues)
            issues.warning(
                line, tr("the website \"%1\" holds several addresses; the first one gives the domain key %2")
                          .arg(in.website, r.key));
    }
    observeCustom(in.custom, line);
    row.encoded = CompanyStore::encode(in, bytes);
    row.hashes[IdentityIndex::External] = IdentityIndex::hash(IdentityIndex::External, in.externalId);
    row.hashes[IdentityIndex::Key] = IdentityIndex::hash(IdentityIndex::Key, key);
    row.hashes[IdentityIndex::Name] = IdentityIndex::hash(IdentityIndex::Name, in.name);
    row.kind = PreparedRow::Kind::Company;
}

// The importer's part: match the company and write it.
bool ImportRun::writeCompany(PreparedRow& row, const QByteArray& bytes) {
    Company& in = row.company;
    const qint64 line = row.line;
    bool ok = true;
    MatchIdentity identity;
    std::optional<Company> existing = findCompany(row, &ok, &identity);
    if (!ok)
        return storeFailed(m_companies.lastError());

    if (!existing) {
        if (!m_companies.insert(in, bytes, row.encoded))
            return storeFailed(m_companies.lastError());
        ++m_result.created;
        if (m_inMemory) {
            for (int kind = 0; kind < IdentityIndex::KindCount; ++kind)
                m_index.add(IdentityIndex::Kind(kind), row.hashes[kind], in.id);
        }
        m_touched.insert(in.id, line);
        return noteCompanyWrite();
    }
    noteDuplicate(existing->id, line, identity);
    Company merged = *existing;
    overlay(merged, in);
    if (merged.sameData(*existing)) {
        ++m_result.unchanged;
        return true;
    }
    const bool keySourcesKept = merged.website == existing->website && merged.domain == existing->domain;
    merged.domainKey = keySourcesKept ? existing->domainKey : CompanyStore::domainKeyFor(merged);
    if (!m_companies.update(merged, CompanyStore::DerivedKey::AlreadyComputed))
        return storeFailed(m_companies.lastError());
    ++m_result.updated;
    indexCompany(merged);
    m_companyWindow.put(merged);
    return noteCompanyWrite();
}

// --- contacts ------------------------------------------------------------------------------------------

void overlay(Contact& target, const Contact& in) {
    static QString Contact::*const texts[] = {&Contact::firstName, &Contact::lastName, &Contact::email,
                                              &Contact::jobTitle, &Contact::phone};
    if (!in.externalId.isEmpty())
        target.externalId = in.externalId;
    if (in.companyId)
        target.companyId = in.companyId;
    for (QString Contact::*m : texts) {
        if (!(in.*m).isEmpty())
            target.*m = in.*m;
    }
    for (auto it = in.custom.cbegin(); it != in.custom.cend(); ++it)
        target.custom.insert(it.key(), it.value());
}

void ImportRun::indexContact(const Contact& c) {
    if (!m_inMemory)
        return;
    m_index.add(IdentityIndex::External, c.externalId, c.id);
    m_index.add(IdentityIndex::Key, c.emailKey, c.id);
    if (!c.firstName.isEmpty() || !c.lastName.isEmpty())
        m_index.add(IdentityIndex::Name, contactNameKey(c.companyId, c.firstName, c.lastName), c.id);
}

// The company named by the row's company columns: by id, else website, else domain, else name.
// nullopt when the row names none or none was found (then a warning says so).
std::optional<qint64> ImportRun::linkedCompany(const CsvRecord& record, bool* ok) {
    *ok = true;
    QStringList tried;
    for (int kind = 0; kind < 4; ++kind) {
        for (int column : std::as_const(m_companyLinkColumns[kind])) {
            const QString value = record.fields.at(column).trimmed();
            if (value.isEmpty())
                continue;
            const QString lookupValue = (kind == 1 || kind == 2) ? DomainKey::key(value, DomainPolicy::Host)
                                        : kind == 3              ? asciiFold(value)
                                                                 : value;
            tried.append(u'"' + value + u'"');
            if (lookupValue.isEmpty())
                continue; // a website without a domain key cannot name a company
            const QString cacheKey = QString::number(kind) + u':' + lookupValue;
            if (const auto it = m_companyLinks.constFind(cacheKey); it != m_companyLinks.cend()) {
                if (*it > 0)
                    return *it;
                continue;
            }
            std::optional<Company> c;
            switch (kind) {
            case 0:
                c = m_companies.findByExternalId(lookupValue);
                break;
            case 1:
            case 2:
                c = m_companies.findByDomainKey(lookupValue);
                break;
            default:
                c = m_companies.findByName(value);
                break;
            }
            if (!m_companies.lastError().isEmpty()) {
                *ok = false;
                return std::nullopt;
            }
            if (m_companyLinks.size() > 200000)
                m_companyLinks.clear(); // bounded memory; it is only a cache
            m_companyLinks.insert(cacheKey, c ? c->id : 0);
            if (c)
                return c->id;
        }
    }
    if (!tried.isEmpty())
        warning(record.line,
                tr("no company in the workspace matches %1: the contact was imported without a company")
                    .arg(tried.join(QLatin1String(", "))));
    return std::nullopt;
}

std::optional<Contact> ImportRun::lookupContact(IdentityIndex::Kind kind, const QString& value,
                                                const Contact& in, bool* ok) {
    *ok = true;
    if (value.isEmpty())
        return std::nullopt;
    const QString indexValue =
        kind == IdentityIndex::Name ? contactNameKey(in.companyId, in.firstName, in.lastName) : value;
    std::optional<Contact> found;
    if (m_inMemory) {
        const qint64 id = m_index.find(kind, indexValue);
        if (id == 0)
            return std::nullopt;
        found = m_contactWindow.get(m_contacts, id);
        if (found) {
            const QString actual = kind == IdentityIndex::External ? found->externalId
                                   : kind == IdentityIndex::Key
                                       ? found->emailKey
                                       : contactNameKey(found->companyId, found->firstName, found->lastName);
            if (actual == indexValue)
                return found;
        } else if (!m_contacts.lastError().isEmpty()) {
            *ok = false;
            return std::nullopt;
        }
    }
    switch (kind) {
    case IdentityIndex::External:
        found = m_contacts.findByExternalId(value);
        break;
    case IdentityIndex::Key:
        found = m_contacts.findByEmailKey(value);
        break;
    default:
        found = m_contacts.findByName(in.companyId, in.firstName, in.lastName);
        break;
    }
    *ok = m_contacts.lastError().isEmpty();
    return found;
}

// Identity (docs/import.md): the id column; else the e-mail key; else first and last name within the
// same company. A row with an id that is not in the workspace adopts a contact without id.
std::optional<Contact> ImportRun::findContact(const Contact& in, bool* ok, MatchIdentity* identity) {
    const QString name = QString(in.firstName + u' ' + in.lastName).trimmed();
    if (!in.externalId.isEmpty()) {
        *identity = {QT_TRANSLATE_NOOP("CsvImporter", "id %1"), in.externalId};
        auto found = lookupContact(IdentityIndex::External, in.externalId, in, ok);
        if (found || !*ok)
            return found;
        auto adopted = !in.emailKey.isEmpty() ? lookupContact(IdentityIndex::Key, in.emailKey, in, ok)
                                              : lookupContact(IdentityIndex::Name, name, in, ok);
        if (adopted && adopted->externalId.isEmpty())
            return adopted;
        return std::nullopt;
    }
    if (!in.emailKey.isEmpty()) {
        *identity = {QT_TRANSLATE_NOOP("CsvImporter", "e-mail %1"), in.emailKey};
        return lookupContact(IdentityIndex::Key, in.emailKey, in, ok);
    }
    *identity = {QT_TRANSLATE_NOOP("CsvImporter", "name \"%1\""), name};
    return lookupContact(IdentityIndex::Name, name, in, ok);
}

bool ImportRun::importContact(const CsvRecord& record) {
    const qint64 line = record.line;
    Contact in;
    bool anyValue = false;
    for (const Column& col : std::as_const(m_columns)) {
        const QString value = record.fields.at(col.index).trimmed();
        if (value.isEmpty())
            continue;
        anyValue = true;
        if (col.contactText)
            in.*(col.contactText) = value;
        else if (col.role == ColumnRole::ExternalId)
            in.externalId = value;
        else if (col.custom >= 0)
            in.custom.insert(m_customs.at(col.custom).field.key, value);
    }
    if (m_fullNameColumn >= 0) {
        // "Name" without first/last name columns: the last word is the last name.
        const QString full = record.fields.at(m_fullNameColumn).simplified();
        const qsizetype space = full.lastIndexOf(u' ');
        in.firstName = space < 0 ? QString() : full.left(space);
        in.lastName = space < 0 ? full : full.mid(space + 1);
    }
    if (in.email.isEmpty() && in.firstName.isEmpty() && in.lastName.isEmpty() && in.externalId.isEmpty()) {
        if (anyValue) {
            error(line, tr("the row has no e-mail, name or id"));
        } else {
            warning(line, tr("the row is empty"));
            ++m_result.skipped;
        }
        return true;
    }
    if (!in.email.isEmpty()) {
        const EmailResult email = EmailAddress::normalize(in.email);
        in.emailKey = email.key;
        if (!email.valid)
            warning(line, tr("the e-mail address \"%1\" is not valid (%2); it was imported as it is")
                              .arg(in.email, email.reason));
    }
    bool ok = true;
    in.companyId = linkedCompany(record, &ok);
    if (!ok)
        return storeFailed(m_companies.lastError());

    MatchIdentity identity;
    std::optional<Contact> existing = findContact(in, &ok, &identity);
    if (!ok)
        return storeFailed(m_contacts.lastError());
    observeCustom(in.custom, line);

    if (!existing) {
        if (!m_contacts.insert(in, ContactStore::DerivedKey::AlreadyComputed))
            return storeFailed(m_contacts.lastError());
        ++m_result.created;
        indexContact(in);
        m_touched.insert(in.id, line);
        return true;
    }
    noteDuplicate(existing->id, line, identity);
    Contact merged = *existing;
    overlay(merged, in);
    if (merged.sameData(*existing)) {
        ++m_result.unchanged;
        return true;
    }
    merged.emailKey = ContactStore::emailKeyFor(merged);
    if (!m_contacts.update(merged, ContactStore::DerivedKey::AlreadyComputed))
        return storeFailed(m_contacts.lastError());
    ++m_result.updated;
    indexContact(merged);
    m_contactWindow.put(merged);
    return true;
}

// --- the run ---------------------------------------------------------------------------------------------

bool ImportRun::run(QIODevice* device, qint64 sizeHint) {
    CsvReader reader(device);
    reader.setDelimiter(m_options.delimiter);
    reader.setMaxRecordSize(m_options.maxRecordSize);
    CsvRecord record;
    if (!reader.readNext(record)) {
        return fatal(reader.hasReadError() ? tr("Cannot read the file: %1").arg(reader.readError())
                                           : tr("The file is empty: there is no header row."));
    }
    m_result.delimiter = reader.delimiter();

    // Counted before the transaction: an empty table is written with a rollback journal.
    m_existing = m_object == RecordObject::Company ? m_companies.count() : m_contacts.count();
    if (m_existing < 0)
        return storeFailed(m_object == RecordObject::Company ? m_companies.lastError()
                                                             : m_contacts.lastError());
    std::optional<ScopedBulkJournal> journal;
    if (m_existing == 0)
        journal.emplace(m_workspace.database());
    ScopedImportPragmas pragmas(m_workspace.database(), ImportCacheKibibytes);
    Workspace::Transaction tx = m_workspace.transaction();
    if (!tx.isActive())
        return storeFailed(tx.error());
    if (!mapHeader(record) || !chooseIdentityLookup(sizeHint))
        return false;
    // The C API for the million inserts (QtSql costs more than SQLite's own work); the statements end
    // with m_companies, before the connection can be closed.
    if (m_object == RecordObject::Company && !m_companies.useDirectStatements(true))
        qCDebug(lcImport) << "direct SQLite statements unavailable; importing through QtSql";
    PhaseTimer phase;

    // The rows are read and prepared on a thread of their own while this one matches and writes them
    // (docs/import.md "Performance"): about half of a company row's work is reading it.
    constexpr std::size_t BatchesAhead = 8;
    constexpr std::size_t FileBytesAhead = 4 * 1024 * 1024;
    BatchQueue<RowBatch> queue(BatchesAhead, FileBytesAhead);
    // Written batches go back to be freed on the reading thread (readRows()). Never full, so that
    // writing never waits for a thread that has ended; at most ~10 batches exist at any time.
    BatchQueue<RowBatch> spent(std::numeric_limits<std::size_t>::max());
    qint64 lastLine = 0;
    bool written;
    {
        std::thread reading([&] { readRows(reader, queue, spent, &lastLine); });
        const auto joinReading = qScopeGuard([&] {
            queue.stop(); // at once when writing failed; a no-op once every batch was taken
            reading.join();
        });
        written = writeRows(queue, spent);
    }
    if (!written)
        return false;
    if (reader.hasReadError())
        return fatal(tr("Reading the file failed after line %1: %2. Nothing was imported.")
                         .arg(lastLine)
                         .arg(reader.readError()));
    qCDebug(lcImport).noquote() << m_result.rows << "rows read and written in" << phase.restart()
                                << QStringLiteral("(waited: for rows %1 ms, for room %2 ms)")
                                       .arg(queue.popWaited().count())
                                       .arg(queue.pushWaited().count());
    // What only the rows needed: its memory goes to the search index's rebuild.
    m_index.clear();
    m_touched.clear();
    m_companyWindow = {};
    m_contactWindow = {};
    m_companyLinks = {};
    if (!finishCustomFields())
        return false;
    // The rows are in the file's page cache, not yet on disk: start writing them while the indexes
    // are built, so that the commit has less to wait for (docs/import.md). Again after the indexes.
    if (m_bulkLoad) {
        m_workspace.startWriteback();
        pragmas.sortInParallel(); // for the index builds below
    }
    if (m_identityIndexesDropped) {
        if (!runStatements(companyIdentityIndexCreateStatements()))
            return false;
        m_identityIndexesDropped = false;
    }
    if (m_bulkLoad) {
        if (!runStatements(companyBulkLoadTriggerStatements()))
            return false;
        pragmas.endSorting();
        m_workspace.startWriteback();
        if (!runStatements(companyBulkLoadSearchStatements()))
            return false;
        qCDebug(lcImport).noquote() << "bulk load finished (triggers back, search index rebuilt) in"
                                    << phase.restart();
    }
    if (!tx.commit())
        return storeFailed(tx.error());
    qCDebug(lcImport).noquote() << "committed in" << phase.restart();
    return true;
}

} // namespace

CsvImporter::CsvImporter(const Workspace& workspace, ImportOptions options)
    : m_workspace(workspace)
    , m_options(options) {}

ImportResult CsvImporter::importFile(RecordObject object, const QString& path) {
    const QFileInfo info(path);
    ImportResult result;
    result.object = object;
    if (!info.exists()) {
        result.fatalError = tr("The file %1 does not exist.").arg(path);
        return result;
    }
    if (info.isDir()) {
        result.fatalError = tr("%1 is a folder, not a CSV file.").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.fatalError = tr("Cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return importDevice(object, &file, file.size());
}

ImportResult CsvImporter::importDevice(RecordObject object, QIODevice* device, qint64 sizeHint) {
    ImportResult result;
    result.object = object;
    QElapsedTimer timer;
    timer.start();
    bool ok;
    {
        ImportRun run(m_workspace, m_options, object, result);
        ok = run.run(device, sizeHint); // rolls back on failure (the transaction ends with `run`)
    }
    if (!ok) {
        const ImportResult failed = result;
        result = ImportResult();
        result.object = object;
        result.fatalError = failed.fatalError;
        result.delimiter = failed.delimiter;
        qCInfo(lcImport).noquote() << "import failed (reported to the caller):" << result.fatalError;
        return result;
    }
    result.completed = true;
    qCInfo(lcImport) << "imported" << result.rows << "rows in" << timer.elapsed() << "ms:" << result.created
                     << "created" << result.updated << "updated" << result.unchanged << "unchanged"
                     << result.skipped << "skipped";
    return result;
}

} // namespace syncdesk
