// Import benchmark (PRODUCT.md "Performance targets": a 1,000,000-row companies CSV in < 10 s with
// < 500 MB peak memory). Generates the CSV at run time into a temporary folder (realistic messy
// websites, quoted fields with commas, quotes and line breaks, two custom columns), then:
//   BM_ImportCompaniesFresh     imports it into a fresh workspace (the create path);
//   BM_ImportCompaniesReimport  imports it again into that workspace (every row found: the update path);
//                               /0 right after the first import, /1 with the query indexes built.
// Counters: wall_s, cpu_s (user + system), rows_per_s, peak_rss_MB (getrusage ru_maxrss of the process
// so far), and the import's counts.
// SYNCDESK_BENCH_ROWS overrides the row count (default 1000000). See docs/import.md "Performance".
#include "core/import/CsvImporter.h"
#include "core/query/CompanyQuery.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <memory>

using namespace syncdesk;

namespace {

QTemporaryDir* g_dir = nullptr;
QString g_csv;
qint64 g_rows = 1000000;

// User + system CPU seconds of the whole process so far (the machine may be shared: wall time then
// says less than CPU time).
double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peakRssMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

// One row of a realistic export: varied and messy websites (schemes, www., upper case, ports, paths,
// several URLs, "n/a", empty, IP addresses, the same company spelled differently), names with commas
// and quotes, descriptions over two lines, employees with thousands separators, a date and a yes/no
// custom column.
void appendRow(QByteArray& out, qint64 i) {
    const QByteArray n = QByteArray::number(i);
    QByteArray name = "Company " + n;
    if (i % 7 == 0)
        name = "\"Company " + n + ", Inc.\"";
    else if (i % 31 == 0)
        name = "\"The \"\"Best\"\" " + n + "\"";

    QByteArray website;
    switch (i % 20) {
    case 0:
        website = "https://www.company" + n + ".com/";
        break;
    case 1:
        website = "company" + n + ".io";
        break;
    case 2:
        website = "http://Company" + n + ".co.uk/about?ref=list";
        break;
    case 3:
        website = "WWW.COMPANY" + n + ".NET";
        break;
    case 4:
        website = "https://shop.company" + n + ".de:8443/";
        break;
    case 5:
        website = "\"company" + n + ".com, company" + n + ".org\"";
        break;
    case 6:
        website = "n/a";
        break;
    case 7:
        website = "";
        break;
    case 8:
        website = "www.company" + n + ".fr/en/";
        break;
    case 9:
        website = "company" + n + ".com.au";
        break;
    case 10:
        website = "https://company" + n + ".com/contact#form";
        break;
    case 11:
        website = i % 100 == 11 ? QByteArray("10.0." + QByteArray::number(i % 250) + ".1")
                                : QByteArray("company" + n + ".nl");
        break;
    default:
        website = "https://www.company" + n + ".com";
        break;
    }
    if (i % 100 == 99) // the same company as 99 rows earlier, spelled differently
        website = "http://COMPANY" + QByteArray::number(i - 99) + ".com/";

    static const char* const industries[] = {"Software", "Manufacturing", "Retail",
                                             "Finance",  "Healthcare",    ""};
    static const char* const countries[] = {"Germany", "France", "United States", "United Kingdom", "Spain"};
    static const char* const cities[] = {"Berlin", "Paris", "New York", "London", "Madrid", "São Paulo"};
    const qint64 employees = (i * 37) % 50000;
    QByteArray employeesText;
    if (i % 5 != 0 && employees >= 1000 && i % 2)
        employeesText = "\"" + QByteArray::number(employees / 1000) + "," +
                        QByteArray::number(1000 + employees % 1000).mid(1) + "\"";
    else if (i % 5 != 0)
        employeesText = QByteArray::number(employees);
    QByteArray description = "Leading provider of things";
    if (i % 10 == 0)
        description = "\"Makes things, sells them\nsince " + QByteArray::number(1950 + i % 70) + "\"";
    const QByteArray founded = QByteArray::number(1950 + i % 70) + "-0" + QByteArray::number(1 + i % 9) +
                               "-1" + QByteArray::number(i % 9);

    out += name;
    out += ',';
    out += website;
    out += ',';
    out += industries[i % 6];
    out += ',';
    out += employeesText;
    out += ',';
    out += countries[i % 5];
    out += ',';
    out += cities[i % 6];
    out += ',';
    out += description;
    out += ",https://www.linkedin.com/company/company";
    out += n;
    out += ',';
    out += founded;
    out += ',';
    out += i % 3 ? "yes" : "no";
    out += '\n';
}

bool generateCsv(const QString& path, qint64 rows) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk = "Company name,Website,Industry,Number of Employees,Country,City,Description,LinkedIn,"
                       "Founded,Customer\n";
    for (qint64 i = 0; i < rows; ++i) {
        appendRow(chunk, i);
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size() && file.flush();
}

std::unique_ptr<Workspace> freshWorkspace(const QString& name, benchmark::State& state) {
    const QString path = g_dir->filePath(name);
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        state.SkipWithError(error.toUtf8().constData());
    return ws;
}

bool importOnce(Workspace& ws, benchmark::State& state, ImportResult* result) {
    *result = CsvImporter(ws).importFile(RecordObject::Company, g_csv);
    if (!result->completed) {
        state.SkipWithError(result->fatalError.toUtf8().constData());
        return false;
    }
    return true;
}

void report(benchmark::State& state, const ImportResult& r, double seconds, double cpu) {
    state.counters["wall_s"] = seconds;
    state.counters["cpu_s"] = cpu;
    state.counters["rows_per_s"] = double(r.rows) / seconds;
    state.counters["peak_rss_MB"] = peakRssMegabytes();
    state.counters["created"] = double(r.created);
    state.counters["updated"] = double(r.updated);
    state.counters["unchanged"] = double(r.unchanged);
    state.counters["skipped"] = double(r.skipped);
    state.counters["warnings"] = double(r.warnings.size());
}

void BM_ImportCompaniesFresh(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto ws = freshWorkspace(QStringLiteral("fresh.sqlite"), state);
        if (!ws)
            return;
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        ImportResult r;
        if (!importOnce(*ws, state, &r))
            return;
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        report(state, r, seconds, cpuSeconds() - cpu);
        if (r.rows != g_rows || r.created + r.updated + r.unchanged + r.skipped != r.rows || r.skipped != 0)
            state.SkipWithError("unexpected import counts");
    }
}

// Argument 0: straight after the first import, whose bulk load left the sort and filter indexes for
// the first query that needs each (core/query/CompanyBulkLoad.h). 1: with every one of them built in
// between (untimed), as once the company list has been sorted and filtered by every column.
void BM_ImportCompaniesReimport(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        auto ws = freshWorkspace(QStringLiteral("reimport.sqlite"), state);
        ImportResult first;
        if (!ws || !importOnce(*ws, state, &first))
            return;
        if (state.range(0) == 1 && !CompanyQuery::buildIndexes(ws->database().connectionName())) {
            state.SkipWithError("cannot build the query indexes");
            return;
        }
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuSeconds();
        ImportResult r;
        if (!importOnce(*ws, state, &r))
            return;
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        state.SetIterationTime(seconds);
        report(state, r, seconds, cpuSeconds() - cpu);
        if (r.created != 0 || r.rows != g_rows)
            state.SkipWithError("the re-import created records");
    }
}

// One import per run; --benchmark_repetitions=3 gives the median of three (docs/import.md).
BENCHMARK(BM_ImportCompaniesFresh)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);
BENCHMARK(BM_ImportCompaniesReimport)->Arg(0)->Arg(1)->Unit(benchmark::kSecond)->UseManualTime()->Iterations(1);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    bool ok = false;
    const qint64 rows = qEnvironmentVariable("SYNCDESK_BENCH_ROWS").toLongLong(&ok);
    if (ok && rows > 0)
        g_rows = rows;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 1;
    }
    g_dir = &dir;
    g_csv = dir.filePath(QStringLiteral("companies.csv"));
    QElapsedTimer timer;
    timer.start();
    if (!generateCsv(g_csv, g_rows)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(g_csv));
        return 1;
    }
    std::fprintf(stderr, "generated %lld rows (%.1f MB) in %.1f s: %s\n", static_cast<long long>(g_rows),
                 double(QFile(g_csv).size()) / 1e6, double(timer.elapsed()) / 1000.0, qPrintable(g_csv));

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
