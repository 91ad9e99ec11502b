// Company query on 1,000,000 companies (PRODUCT.md "Performance targets": a filter keystroke shows
// results in < 100 ms). The workspace is generated at run time in a temporary folder (set
// SYNCDESK_BENCH_QUERY_DB=/path/file.sqlite to keep it and reuse it on the next run): migration 1,
// one bulk-insert transaction, then migration 2 (search index, indexes), as an existing workspace
// upgraded to this version would be. The connection is set up as Workspace::open does (WAL,
// synchronous NORMAL, foreign keys, SQLite's default 2 MB page cache); SYNCDESK_BENCH_QUERY_PRAGMAS
// adds statements to try other settings.
//
// Every iteration builds a fresh CompanyQuery (reading the field definitions and, with free text,
// probing the search index), as a keystroke in the filter bar does.
#include "core/model/FieldDefinition.h"
#include "core/query/CompanyQuery.h"
#include "core/store/Schema.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <tuple>

using namespace syncdesk;

namespace {

constexpr int companyCount = 1000000;
const QString benchConnection = QStringLiteral("bench-query");

bool exec(QSqlQuery& q, const QString& sql) {
    if (!q.exec(sql)) {
        std::fprintf(stderr, "SQL failed: %s\n%s\n", qPrintable(q.lastError().text()), qPrintable(sql));
        return false;
    }
    return true;
}

// Fictional names from syllables: 3,000 words, one or two per name, an optional legal suffix.
struct Generator {
    std::mt19937_64 rng{42};
    QStringList words;

    Generator() {
        static const char* const syllables[] = {
            "ba", "be", "bi", "bo", "ca", "co", "cu", "da", "de", "di", "do", "fa", "fe", "fi",
            "ga", "go", "ha", "he", "ka", "ke", "ki", "ko", "la", "le", "li", "lo", "lu", "ma",
            "me", "mi", "mo", "na", "ne", "ni", "no", "pa", "pe", "pi", "po", "ra", "re", "ri",
            "ro", "sa", "se", "si", "so", "ta", "te", "ti", "to", "va", "ve", "vi", "vo", "za",
            "ze", "zo", "ac", "en", "or", "ix", "ex", "an", "on", "ar", "el", "um"};
        QSet<QString> seen;
        while (words.size() < 3000) {
            QString w;
            const int n = 2 + int(rng() % 2);
            for (int i = 0; i < n; ++i)
                w += QString::fromLatin1(syllables[rng() % std::size(syllables)]);
            w[0] = w[0].toUpper();
            if (!seen.contains(w)) {
                seen.insert(w);
                words << w;
            }
        }
    }

    template <size_t N> QString pick(const char* const (&list)[N]) {
        return QString::fromUtf8(list[rng() % N]);
    }
    int percent() { return int(rng() % 100); }
};

bool generate(const QString& path) {
    QElapsedTimer total;
    total.start();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-generate"));
        db.setDatabaseName(path);
        if (!db.open())
            return false;
        QSqlQuery q(db);
        for (const char* pragma :
             {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -262144"})
            exec(q, QString::fromLatin1(pragma));

        const QList<SchemaMigration>& migrations = workspaceMigrations();
        for (const QString& s : migrations.at(0).statements) {
            if (!exec(q, s))
                return false;
        }
        q.prepare(
            QStringLiteral("INSERT INTO field_definitions (object, key, label, type, built_in, position)"
                           " VALUES ('company', ?, ?, ?, ?, ?)"));
        QList<FieldDefinition> fields = builtInFields(RecordObject::Company);
        for (const auto& [key, label, type] :
             {std::tuple{"annual_revenue", "Annual Revenue", FieldType::Number},
              std::tuple{"customer_since", "Customer Since", FieldType::Date},
              std::tuple{"tier", "Tier", FieldType::Choice}}) {
            FieldDefinition f;
            f.key = QString::fromLatin1(key);
            f.label = QString::fromLatin1(label);
            f.type = type;
            f.position = int(fields.size());
            fields << f;
        }
        for (const FieldDefinition& f : fields) {
            q.addBindValue(f.key);
            q.addBindValue(f.label);
            q.addBindValue(fieldTypeName(f.type));
            q.addBindValue(f.builtIn ? 1 : 0);
            q.addBindValue(f.position);
            q.exec();
        }

        static const char* const suffixes[] = {
            "Ltd", "GmbH", "Inc", "LLC", "Group", "Labs", "Systems", "Solutions", "Partners", "", "", "", ""};
        static const char* const tlds[] = {".com", ".com",    ".com", ".io",  ".co.uk",
                                           ".de",  ".com.au", ".fr",  ".net", ".example"};
        static const char* const industries[] = {"Software", "Retail",      "Manufacturing", "Healthcare",
                                                 "Finance",  "Education",   "Logistics",     "Energy",
                                                 "Media",    "Hospitality", "Construction",  "Agriculture",
                                                 "Legal",    "Consulting",  "Telecom",       "Automotive",
                                                 "Biotech",  "Insurance",   "Real Estate",   "Nonprofit",
                                                 ""};
        static const char* const tiers[] = {"Gold", "Silver", "Bronze", ""};
        // Weighted countries: United States 30 %, UK 8 %, ..., 20 small ones at 1 % each.
        QStringList countryPool;
        const std::pair<const char*, int> weighted[] = {
            {"United States", 30}, {"UK", 8},     {"Germany", 7}, {"France", 6},      {"Canada", 5},
            {"Australia", 4},      {"Spain", 3},  {"Italy", 3},   {"Netherlands", 3}, {"Sweden", 2},
            {"India", 4},          {"Brazil", 3}, {"Japan", 3},   {"Mexico", 2},      {"Poland", 2},
            {"Ireland", 2},        {"", 5}};
        for (const auto& [name, weight] : weighted) {
            for (int i = 0; i < weight; ++i)
                countryPool << QString::fromUtf8(name);
        }
        for (int i = 0; i < 20; ++i)
            countryPool << QStringLiteral("Country%1").arg(i, 2, 10, QLatin1Char('0'));

        Generator g;
        std::lognormal_distribution<double> employees(3.5, 1.5);
        QElapsedTimer t;
        t.start();
        exec(q, QStringLiteral("BEGIN"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO companies (id, name, website, domain, industry, "
                                      "employees, country, city, description,"
                                      " linkedin_url, domain_key, custom, created_at, updated_at) VALUES (?, "
                                      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int id = 1; id <= companyCount; ++id) {
            QString base = g.words[int(g.rng() % g.words.size())];
            if (g.percent() < 50)
                base += u' ' + g.words[int(g.rng() % g.words.size())];
            const QString suffix = g.pick(suffixes);
            const QString name = suffix.isEmpty() ? base : base + u' ' + suffix;
            const QString slug = base.toLower().remove(u' ');
            const QString domain = slug + g.pick(tlds);
            const int w = g.percent();
            const QString website = w < 5    ? QString(QLatin1String(""))
                                    : w < 60 ? QStringLiteral("https://www.") + domain
                                    : w < 80 ? QStringLiteral("http://") + domain + QStringLiteral("/about")
                                             : domain;
            QString description;
            const int descriptionWords = 8 + int(g.rng() % 13);
            for (int i = 0; i < descriptionWords; ++i)
                description +=
                    (i ? QStringLiteral(" ") : QString()) + g.words[int(g.rng() % g.words.size())].toLower();
            const QString custom =
                QStringLiteral("{\"annual_revenue\":\"%1\",\"tier\":\"%2\",\"customer_since\":\"%3-%4-%5\"}")
                    .arg(qint64(10 + g.rng() % 4990) * 1000)
                    .arg(g.pick(tiers))
                    .arg(2010 + int(g.rng() % 15))
                    .arg(1 + int(g.rng() % 12), 2, 10, QLatin1Char('0'))
                    .arg(1 + int(g.rng() % 28), 2, 10, QLatin1Char('0'));
            const QString stamp = QStringLiteral("2024-%1-%2T10:00:00Z")
                                      .arg(1 + int(g.rng() % 12), 2, 10, QLatin1Char('0'))
                                      .arg(1 + int(g.rng() % 28), 2, 10, QLatin1Char('0'));
            insert.bindValue(0, id);
            insert.bindValue(1, name);
            insert.bindValue(2, website);
            insert.bindValue(3, domain);
            insert.bindValue(4, g.pick(industries));
            insert.bindValue(5, g.percent() < 5 ? QVariant() : QVariant(qint64(employees(g.rng))));
            insert.bindValue(6, countryPool[int(g.rng() % countryPool.size())]);
            insert.bindValue(7, QStringLiteral("City%1").arg(int(g.rng() % 300), 3, 10, QLatin1Char('0')));
            insert.bindValue(8, description);
            insert.bindValue(9, QString(QStringLiteral("https://www.linkedin.com/company/") + slug));
            insert.bindValue(10, domain);
            insert.bindValue(11, custom);
            insert.bindValue(12, stamp);
            insert.bindValue(13, stamp);
            if (!insert.exec()) {
                std::fprintf(stderr, "insert failed: %s\n", qPrintable(insert.lastError().text()));
                return false;
            }
        }
        exec(q, QStringLiteral("COMMIT"));
        std::fprintf(stderr, "generated %d companies (migration 1 only) in %.1f s\n", companyCount,
                     t.elapsed() / 1000.0);

        t.restart();
        exec(q, QStringLiteral("BEGIN"));
        for (qsizetype m = 1; m < migrations.size(); ++m) {
            for (const QString& s : migrations.at(m).statements) {
                if (!exec(q, s))
                    return false;
            }
        }
        exec(q, QStringLiteral("PRAGMA user_version = %1").arg(migrations.constLast().version));
        exec(q, QStringLiteral("COMMIT"));
        std::fprintf(stderr, "migration 2 (search index + indexes) and later ones on %d companies: %.1f s\n",
                     companyCount, t.elapsed() / 1000.0);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-generate"));
    std::fprintf(stderr, "workspace ready in %.1f s, %.0f MB\n", total.elapsed() / 1000.0,
                 QFile(path).size() / 1048576.0);
    return true;
}

// What migration 2 costs an import: 50,000 more companies inserted through its triggers and
// indexes in one transaction, then rolled back.
void measureInsertCost() {
    QSqlDatabase db = QSqlDatabase::database(benchConnection);
    QSqlQuery q(db);
    exec(q, QStringLiteral("BEGIN"));
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO companies (name, website, domain, industry, employees, country, city,"
                       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QElapsedTimer t;
    t.start();
    constexpr int n = 50000;
    for (int i = 0; i < n; ++i) {
        insert.bindValue(0, QStringLiteral("Extra Company %1").arg(i));
        insert.bindValue(1, QStringLiteral("https://www.extra-%1.example/about").arg(i));
        insert.bindValue(2, QStringLiteral("extra-%1.example").arg(i));
        insert.bindValue(3, QStringLiteral("Software"));
        insert.bindValue(4, i % 500);
        insert.bindValue(5, QStringLiteral("UK"));
        insert.bindValue(6, QStringLiteral("London"));
        insert.bindValue(7, QStringLiteral("2024-06-01T00:00:00Z"));
        insert.bindValue(8, QStringLiteral("2024-06-01T00:00:00Z"));
        insert.exec();
    }
    const double seconds = t.elapsed() / 1000.0;
    exec(q, QStringLiteral("ROLLBACK"));
    std::fprintf(stderr, "insert with migration 2 in place: %d companies in %.2f s (%.0f rows/s)\n", n,
                 seconds, n / seconds);
}

CompanyQuery makeQuery(const QString& expression, const QString& text,
                       const QString& sort = QStringLiteral("name"),
                       Qt::SortOrder order = Qt::AscendingOrder) {
    CompanyQuery q(benchConnection);
    if (!expression.isEmpty()) {
        if (auto e = q.setFilterExpression(expression)) {
            std::fprintf(stderr, "%s\n", qPrintable(e->describe(expression)));
            std::abort();
        }
    }
    q.setSearchText(text);
    q.setSort(sort, order);
    return q;
}

const char* planName(CompanyQuery::Plan p) {
    switch (p) {
    case CompanyQuery::Plan::Plain:
        return "plain";
    case CompanyQuery::Plan::TextIndex:
        return "text-index";
    case CompanyQuery::Plan::IndexWalk:
        return "index-walk";
    case CompanyQuery::Plan::None:
        break;
    }
    return "none";
}

void benchPage(benchmark::State& state, QString expression, QString text, qint64 offset, QString sort,
               Qt::SortOrder order) {
    qsizetype rows = 0;
    CompanyQuery::Plan plan = CompanyQuery::Plan::None;
    for (auto _ : state) {
        CompanyQuery q = makeQuery(expression, text, sort, order);
        QString error;
        const auto page = q.page(offset, 100, &error);
        if (!page) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        rows = page->size();
        plan = q.lastPlan();
        benchmark::DoNotOptimize(rows);
    }
    state.counters["rows"] = double(rows);
    state.SetLabel(planName(plan));
}

void benchCount(benchmark::State& state, QString expression, QString text, qint64 cap) {
    qint64 n = 0;
    for (auto _ : state) {
        CompanyQuery q = makeQuery(expression, text);
        QString error;
        if (cap > 0) {
            const auto c = q.countUpTo(cap, &error);
            if (!c) {
                state.SkipWithError(qPrintable(error));
                return;
            }
            n = c->value;
        } else {
            const auto c = q.count(&error);
            if (!c) {
                state.SkipWithError(qPrintable(error));
                return;
            }
            n = *c;
        }
        benchmark::DoNotOptimize(n);
    }
    state.counters["count"] = double(n);
}

void benchIds(benchmark::State& state, QString expression, QString text) {
    qsizetype n = 0;
    for (auto _ : state) {
        CompanyQuery q = makeQuery(expression, text);
        const auto ids = q.ids();
        if (!ids) {
            state.SkipWithError("ids failed");
            return;
        }
        n = ids->size();
    }
    state.counters["ids"] = double(n);
}

// The first page that needs a query index after a bulk import, which leaves them out
// (CompanyBulkLoad.h): the page's query builds the index. Each iteration drops it first (untimed).
void benchFirstUse(benchmark::State& state, QString index, QString expression, QString sort) {
    QSqlQuery q(QSqlDatabase::database(benchConnection));
    qsizetype rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        if (!exec(q, QStringLiteral("DROP INDEX IF EXISTS ") + index)) {
            state.SkipWithError("DROP INDEX failed");
            return;
        }
        state.ResumeTiming();
        CompanyQuery query = makeQuery(expression, QString(), sort);
        QString error;
        const auto page = query.page(0, 100, &error);
        if (!page) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        rows = page->size();
    }
    state.counters["rows"] = double(rows);
}

void registerBenchmarks() {
    const QString uk = QStringLiteral("country = \"UK\" and employees > 50");
    const QString name = QStringLiteral("name");
    auto page = [&](const char* label, const QString& expression, const QString& text, qint64 offset,
                    const QString& sort, Qt::SortOrder order = Qt::AscendingOrder) {
        benchmark::RegisterBenchmark(label, benchPage, expression, text, offset, sort, order);
    };
    page("page/filtered_sorted: country = UK and employees > 50, by name", uk, QString(), 0, name);
    page("page/filtered_sorted_desc: same, by name descending", uk, QString(), 0, name, Qt::DescendingOrder);
    page("page/filtered_by_employees: same, by employees", uk, QString(), 0, QStringLiteral("employees"));
    page("page/rare_filter: country = Country07 and employees > 50",
         QStringLiteral("country = Country07 and employees > 50"), QString(), 0, name);
    page("page/free_text: acm", QString(), QStringLiteral("acm"), 0, name);
    page("page/free_text_keystroke_1: a", QString(), QStringLiteral("a"), 0, name);
    page("page/free_text_keystroke_2: ac", QString(), QStringLiteral("ac"), 0, name);
    page("page/free_text_dense: com", QString(), QStringLiteral("com"), 0, name);
    // Two-character words (no trigram of their own): held by no company, by 0.6 %, by 5 %, and two
    // common ones that few companies hold together.
    page("page/free_text_two_chars_none: br", QString(), QStringLiteral("br"), 0, name);
    page("page/free_text_two_chars_rare: xk", QString(), QStringLiteral("xk"), 0, name);
    page("page/free_text_two_chars_common: lo", QString(), QStringLiteral("lo"), 0, name);
    page("page/free_text_two_common_words: lo ma", QString(), QStringLiteral("lo ma"), 0, name);
    page("page/free_text_short_words: lo m", QString(), QStringLiteral("lo m"), 0, name);
    page("page/free_text_and_filter: acm + UK filter", uk, QStringLiteral("acm"), 0, name);
    page("page/deep: offset 500000, by name", QString(), QString(), 500000, name);
    page("page/deep_filtered: UK filter, offset 20000", uk, QString(), 20000, name);
    page("page/custom_sort: by annual_revenue descending", QString(), QString(), 0,
         QStringLiteral("annual_revenue"), Qt::DescendingOrder);
    // The first page (100 rows) sorted by every built-in column, both ways, unfiltered.
    for (const char* column : {"name", "website", "domain", "industry", "employees", "country", "city",
                               "description", "linkedin_url", "created_at", "updated_at"}) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            const std::string label =
                std::string("page/sort: by ") + column + (order == Qt::AscendingOrder ? "" : " descending");
            benchmark::RegisterBenchmark(label.c_str(), benchPage, QString(), QString(), qint64(0),
                                         QString::fromLatin1(column), order);
        }
    }
    // Common conditions, as a keystroke builds them (prefixes of `employees > 5000` included), by name
    // unless said otherwise.
    const std::pair<const char*, const char*> conditions[] = {
        {"employees > 5", "name"},
        {"employees > 50", "name"},
        {"employees > 500", "name"},
        {"employees > 5000", "name"},
        {"employees > 5000", "employees"},
        {"employees < 3", "name"},
        {"employees = 33", "name"},
        {"employees is empty", "name"},
        {"country = UK", "name"},
        {"country = Country07", "city"},
        {"country in (UK, France, Country07)", "name"},
        {"industry = Software", "country"},
        {"industry is empty", "name"},
        {"website is empty", "domain"},
        {"city = City042", "name"},
        {"name contains acm", "name"},
        {"name contains ba", "name"},
        {"name contains br", "name"},
        {"name contains xk", "name"},
        {"domain contains ub", "employees"},
        {"website contains com", "name"},
        {"domain contains \"zo.de\"", "employees"},
        {"description contains ba", "name"},
        {"description contains zzzz", "name"},
        {"tier = Gold", "name"},
        {"annual_revenue > 4000000", "name"},
        {"country = UK and employees > 50", "employees"},
        {"country = UK or industry = Legal", "name"},
        {"not country = UK", "name"},
        {"industry = Software and name contains acm", "name"},
        {"employees > 5000 and country = Germany", "description"},
    };
    for (const auto& [expression, sort] : conditions) {
        const std::string label = std::string("page/condition: ") + expression + ", by " + sort;
        benchmark::RegisterBenchmark(label.c_str(), benchPage, QString::fromLatin1(expression), QString(),
                                     qint64(0), QString::fromLatin1(sort), Qt::AscendingOrder);
    }
    benchmark::RegisterBenchmark("count/all", benchCount, QString(), QString(), 0);
    benchmark::RegisterBenchmark("count/filtered: country = UK and employees > 50", benchCount, uk, QString(),
                                 0);
    benchmark::RegisterBenchmark("count/free_text: acm", benchCount, QString(), QStringLiteral("acm"), 0);
    benchmark::RegisterBenchmark("count/free_text_dense: com", benchCount, QString(), QStringLiteral("com"),
                                 0);
    benchmark::RegisterBenchmark("count/free_text_short: ac", benchCount, QString(), QStringLiteral("ac"), 0);
    benchmark::RegisterBenchmark("count/free_text_short_capped: ac, up to 10000", benchCount, QString(),
                                 QStringLiteral("ac"), 10000);
    benchmark::RegisterBenchmark("count/dense_text_and_filter: com + UK filter", benchCount, uk,
                                 QStringLiteral("com"), 0);
    benchmark::RegisterBenchmark("count/dense_text_and_filter_capped: com + UK filter, up to 10000",
                                 benchCount, uk, QStringLiteral("com"), 10000);
    benchmark::RegisterBenchmark("ids/filtered: all ids of the UK filter", benchIds, uk, QString());
    // After a bulk import: the first page sorted or filtered by a column whose index is not built yet.
    const std::tuple<const char*, const char*, const char*> firstUses[] = {
        {"companies_sort_country", "", "country"},
        {"companies_sort_description", "", "description"},
        {"companies_employees", "", "employees"},
        {"companies_industry", "industry = Software", "name"},
    };
    for (const auto& [index, expression, sort] : firstUses) {
        const std::string label = std::string("first_use/") + index + ": the first page " +
                                  (*expression ? std::string("of ") + expression + ", by " : "by ") + sort +
                                  ", building the index";
        benchmark::RegisterBenchmark(label.c_str(), benchFirstUse, QString::fromLatin1(index),
                                     QString::fromLatin1(expression), QString::fromLatin1(sort))
            ->Iterations(3)
            ->Unit(benchmark::kMillisecond);
    }
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);

    QTemporaryDir dir;
    QString path = qEnvironmentVariable("SYNCDESK_BENCH_QUERY_DB");
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench-workspace.sqlite"));
    if (!QFile::exists(path) && !generate(path))
        return 1;

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), benchConnection);
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        exec(q, QStringLiteral("PRAGMA journal_mode = WAL"));
        exec(q, QStringLiteral("PRAGMA synchronous = NORMAL"));
        exec(q, QStringLiteral("PRAGMA foreign_keys = ON"));
        // Extra statements to try other connection settings, e.g.
        // SYNCDESK_BENCH_QUERY_PRAGMAS="PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824"
        for (const QString& pragma :
             qEnvironmentVariable("SYNCDESK_BENCH_QUERY_PRAGMAS").split(u';', Qt::SkipEmptyParts)) {
            exec(q, pragma.trimmed());
            std::fprintf(stderr, "%s\n", qPrintable(pragma.trimmed()));
        }
        if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
            std::fprintf(stderr, "SQLite %s\n", qPrintable(q.value(0).toString()));
        if (qEnvironmentVariableIsEmpty("SYNCDESK_BENCH_QUERY_NO_INSERT")) // 1-2 min on a loaded machine
            measureInsertCost();
    }

    registerBenchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    QSqlDatabase::removeDatabase(benchConnection);
    return 0;
}
