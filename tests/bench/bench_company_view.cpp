// The company view on a workspace of 1,000,000 companies (PRODUCT.md "Performance targets": opens in
// < 1 s; a filter keystroke shows results in < 100 ms; scrolling stays smooth; memory < 500 MB).
//
// Drives the real MainWindow (offscreen platform unless QT_QPA_PLATFORM says otherwise):
//   open/first_paint      workspace open + AppContext + MainWindow + first page painted
//   keystroke/*           a key typed into the search box (or into a condition's value box) until
//                         the new first page is in the model and the list has repainted; the
//                         debounce of the filter bar is included; each key waits for the results
//                         of the one before (the worst case: no query is ever replaced)
//   typing/*              the same keys at a person's pace, a key every 150 ms whether or not the
//                         list caught up: per key, the time until the list shows its results or
//                         those of a later key (what the person waited)
//   scroll/page_down      PageDown in the list until the rows shown are loaded and painted
//   scroll/jump           the scroll bar dragged to a random place, until loaded and painted
//   select/all_filtered   Select all filtered on the unfiltered list: 1,000,000 ids ticked
//   memory                peak resident set size of all the above (VmHWM is reset after the
//                         workspace was generated)
// Each reports the median as the benchmark time and p95/max as counters.
//
// The workspace is generated at the first run: a 1,000,000-row companies CSV imported with the
// regular CsvImporter (set SYNCDESK_BENCH_VIEW_DB=/path/file.sqlite to keep it for later runs).
//
// Needs syncdesk_ui: tests/bench/CMakeLists.txt links it for this benchmark (see docs/desktop.md).
#include "core/import/CsvImporter.h"
#include "core/query/CompanyQuery.h"
#include "core/store/CompanyStore.h"
#include "core/store/Workspace.h"
#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/common/AppContext.h"
#include "ui/common/MessageBox.h"
#include "ui/companies/CompanyListModel.h"
#include "ui/companies/CompanyListView.h"
#include "ui/companies/FilterBar.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>

using namespace syncdesk;

namespace {

constexpr int companyCount = 1000000;

QString g_workspacePath;
QTemporaryDir* g_dir = nullptr;

// ---- Workspace generation ---------------------------------------------------------------------

QString csvField(const QString& s) {
    if (!s.contains(u',') && !s.contains(u'"'))
        return s;
    return u'"' + QString(s).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

bool generateWorkspace(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    std::mt19937_64 rng(7);
    static const char* const syllables[] = {
        "ba", "be", "bri", "ca", "co", "da", "de", "fa", "fe", "ga", "ha", "ka", "ke", "la", "le",
        "lo", "ma", "me",  "mi", "na", "no", "pa", "pe", "ra", "re", "ri", "sa", "se", "ta", "te",
        "to", "va", "ve",  "za", "ac", "en", "or", "ix", "el", "um", "qu", "il", "mo", "or"};
    QStringList words;
    QSet<QString> seen;
    while (words.size() < 4000) {
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
    static const char* const suffixes[] = {"Ltd", "GmbH", "Inc", "Labs", "Group", "", "", ""};
    static const char* const tlds[] = {".com", ".io", ".co.uk", ".de", ".fr", ".com.au", ".net"};
    static const char* const countries[] = {
        "United States", "United States", "United States", "UK",    "UK",     "Germany", "France", "Canada",
        "Australia",     "Spain",         "Netherlands",   "India", "Brazil", "Japan",   "Ireland"};
    static const char* const industries[] = {"Software",    "Retail",      "Manufacturing", "Healthcare",
                                             "Finance",     "Logistics",   "Energy",        "Media",
                                             "Hospitality", "Construction"};
    static const char* const tiers[] = {"Gold", "Silver", "Bronze", ""};
    std::lognormal_distribution<double> employees(3.5, 1.5);

    const QString csvPath = path + QStringLiteral(".csv");
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly))
            return false;
        csv.write("id,Name,Website,Domain,Industry,Employees,Country,City,Description,Annual Revenue,Tier\n");
        QByteArray chunk;
        for (int i = 1; i <= companyCount; ++i) {
            QString base = words[int(rng() % words.size())];
            if (rng() % 2)
                base += u' ' + words[int(rng() % words.size())];
            const QString suffix = QString::fromLatin1(suffixes[rng() % std::size(suffixes)]);
            const QString name = suffix.isEmpty() ? base : base + u' ' + suffix;
            const QString domain = base.toLower().remove(u' ') + QString::number(i % 97) +
                                   QString::fromLatin1(tlds[rng() % std::size(tlds)]);
            const QString website = rng() % 10 == 0 ? QString() : QStringLiteral("https://www.") + domain;
            QStringList row{QStringLiteral("B%1").arg(i),
                            name,
                            website,
                            domain,
                            QString::fromLatin1(industries[rng() % std::size(industries)]),
                            rng() % 20 == 0 ? QString() : QString::number(qint64(employees(rng)) + 1),
                            QString::fromLatin1(countries[rng() % std::size(countries)]),
                            QStringLiteral("City%1").arg(int(rng() % 500)),
                            QStringLiteral("%1 %2 for %3 customers.")
                                .arg(words[int(rng() % words.size())],
                                     words[int(rng() % words.size())].toLower(),
                                     words[int(rng() % words.size())].toLower()),
                            QString::number(qint64(10 + rng() % 5000) * 1000),
                            QString::fromLatin1(tiers[rng() % std::size(tiers)])};
            for (QString& f : row)
                f = csvField(f);
            chunk += row.join(u',').toUtf8();
            chunk += '\n';
            if (chunk.size() > (1 << 20)) {
                csv.write(chunk);
                chunk.clear();
            }
        }
        csv.write(chunk);
    }
    std::fprintf(stderr, "generated %d-row CSV in %.1f s\n", companyCount, timer.elapsed() / 1000.0);
    timer.restart();
    {
        std::unique_ptr<Workspace> ws = Workspace::open(path);
        if (!ws)
            return false;
        const ImportResult r = CsvImporter(*ws).importFile(RecordObject::Company, csvPath);
        if (!r.completed) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(r.fatalError));
            return false;
        }
        std::fprintf(stderr, "imported %lld companies in %.1f s\n", r.created, timer.elapsed() / 1000.0);
        // The import leaves the sort and filter indexes to the first query that needs each
        // (CompanyBulkLoad.h; that first query is measured by bench_query's first_use/*). Built here
        // as those first queries would, so that what follows measures the list as it is used from then on.
        timer.restart();
        if (!CompanyQuery::buildIndexes(ws->database().connectionName()))
            return false;
        std::fprintf(stderr, "built the sort and filter indexes in %.1f s\n", timer.elapsed() / 1000.0);
    }
    QFile::remove(csvPath);
    return true;
}

// ---- Measuring --------------------------------------------------------------------------------

long peakRssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

void resetPeakRss() {
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Keys as a person types them (QKeyEvent through the application, like QTest::keyClick).
void typeKey(QWidget* widget, int key, const QString& text = {}) {
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QApplication::sendEvent(widget, &press);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(widget, &release);
}

void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text)
        typeKey(widget, c.isLetter() ? int(Qt::Key_A) + (c.toUpper().unicode() - u'A') : int(c.unicode()),
                QString(c));
}

void idle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs = 30000) {
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

struct Samples {
    std::vector<double> ms;
    std::vector<QString> what; // per sample (when known): the query that key asked for
    void add(double v, const QString& label = {}) {
        ms.push_back(v);
        what.push_back(label);
    }
    void append(const Samples& other) {
        for (size_t i = 0; i < other.ms.size(); ++i)
            add(other.ms[i], i < other.what.size() ? other.what[i] : QString());
    }
    // The keys that took longer than `overMs` (stderr): which keystrokes make the p95.
    void printSlow(const char* benchmarkName, double overMs = 100) const {
        for (size_t i = 0; i < ms.size(); ++i) {
            if (ms[i] > overMs)
                std::fprintf(stderr, "slow key in %s: %.0f ms for [%s]\n", benchmarkName, ms[i],
                             i < what.size() ? qPrintable(what[i]) : "");
        }
    }
    double percentile(double p) const {
        if (ms.empty())
            return 0;
        std::vector<double> v = ms;
        std::sort(v.begin(), v.end());
        const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
        return v[i];
    }
    void report(benchmark::State& state, const char* name = "the next benchmark") const {
        printSlow(name);
        state.counters["median_ms"] = percentile(0.5);
        state.counters["p95_ms"] = percentile(0.95);
        state.counters["max_ms"] = percentile(1.0);
        state.counters["samples"] = double(ms.size());
    }
};

// One app over the big workspace, shared by the benchmarks after "open".
struct App {
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;

    bool listSettled() const {
        CompanyListModel* m = window->companyModel();
        return !m->isLoading() && m->rowCount() > 0;
    }
    // Shown: the newest query's first page is in the model and the visible rows are painted.
    void paint() const { window->companyList()->viewport()->repaint(); }
};

App* g_app = nullptr;
double openOnce(App& app, bool keep);

// The app the keystroke and scroll benchmarks share, opened on first use.
App& sharedApp() {
    if (!g_app->window)
        openOnce(*g_app, true);
    return *g_app;
}

double openOnce(App& app, bool keep) {
    QElapsedTimer t;
    t.start();
    app.settings = std::make_unique<AppSettings>(g_dir->filePath(QStringLiteral("settings.ini")));
    AppContext::Options options;
    options.persistSandbox = false;
    options.secretOpener = [] {
        return SecretStoreOpenResult{nullptr, QStringLiteral("bench: no keychain")};
    };
    app.context = std::make_unique<AppContext>(*app.settings, options);
    QString error;
    if (!app.context->openWorkspace(g_workspacePath, false, &error)) {
        std::fprintf(stderr, "open failed: %s\n", qPrintable(error));
        std::abort();
    }
    app.window = std::make_unique<MainWindow>(*app.context);
    app.window->resize(1400, 900);
    app.window->show();
    if (!waitFor([&] { return app.listSettled(); })) {
        std::fprintf(stderr, "the list never showed\n");
        std::abort();
    }
    app.paint();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (!keep) {
        app.window.reset();
        app.context.reset();
        app.settings.reset();
    }
    return ms;
}

void BM_OpenToFirstPaint(benchmark::State& state) {
    Samples s;
    for (auto _ : state) {
        App app;
        const double ms = openOnce(app, false);
        s.ms.push_back(ms);
        state.SetIterationTime(ms / 1000.0);
    }
    s.report(state);
}

// Types `text` one key at a time (after clearing the box and letting the list settle) and measures
// each keystroke until its results are shown.
void typeAndMeasure(const QString& text, Samples& samples, benchmark::State* state) {
    App& app = sharedApp();
    QLineEdit* edit = app.window->filterBar()->searchEdit();
    CompanyListModel* model = app.window->companyModel();
    edit->clear();
    app.window->filterBar()->applyNow();
    waitFor([&] { return app.listSettled(); });
    for (const QChar c : text) {
        if (QString(edit->text() + c).trimmed() == edit->text().trimmed()) {
            typeText(edit, QString(c)); // a space between words: the query does not change yet
            continue;
        }
        QElapsedTimer t;
        t.start();
        bool started = false;
        auto conn = QObject::connect(model, &CompanyListModel::queryStarted, [&] { started = true; });
        typeText(edit, QString(c));
        // Shown: the query this keystroke started has its first page in the model.
        if (!waitFor([&] { return started && !model->isLoading(); })) {
            std::fprintf(stderr, "keystroke '%c' never showed results\n", c.toLatin1());
            std::abort();
        }
        app.paint();
        QObject::disconnect(conn);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        samples.add(ms, edit->text());
        if (state)
            state->SetIterationTime(ms / 1000.0);
        // A person types a key every ~150 ms at most; let the count finish like it would.
        idle(150);
    }
}

// What the list is asked to show: the filter bar's query, and the model's.
QString describe(const QString& text, const std::optional<FilterNode>& filter) {
    return text + u'|' + (filter ? filter->toExpression() : QString());
}

// Types `keys` into `edit` at a person's pace (a key every `gapMs`, whether or not the list has
// caught up) and measures, for every key that changes the query, the time until the list shows
// the results of that query or of a later one (an outdated query that a later key replaced counts
// until the later results show: that is what the person waited). Appends to `samples`.
void typeAtPaceAndMeasure(QLineEdit* edit, const QString& keys, int gapMs, Samples& samples) {
    App& app = sharedApp();
    FilterBar* bar = app.window->filterBar();
    CompanyListModel* model = app.window->companyModel();
    QElapsedTimer clock;
    clock.start();
    std::vector<std::pair<double, QString>> shown; // time, what was shown
    QObject receiver;
    QObject::connect(model, &CompanyListModel::queryFinished, &receiver, [&] {
        app.paint();
        shown.emplace_back(double(clock.nsecsElapsed()) / 1e6,
                           describe(model->spec().text, model->spec().filter));
    });
    struct Key {
        double at;
        QString query;
    };
    std::vector<Key> typed;
    QString last = describe(bar->searchText(), bar->filter());
    for (const QChar c : keys) {
        const double at = double(clock.nsecsElapsed()) / 1e6;
        typeText(edit, QString(c));
        const QString now = describe(bar->searchText(), bar->filter());
        if (now != last)
            typed.push_back({at, now});
        last = now;
        idle(gapMs);
    }
    waitFor([&] { return !shown.empty() && shown.back().second == last && !model->isLoading(); });
    for (size_t k = 0; k < typed.size(); ++k) {
        bool found = false;
        for (const auto& [at, what] : shown) {
            if (at < typed[k].at)
                continue;
            for (size_t j = k; j < typed.size() && !found; ++j)
                found = what == typed[j].query;
            if (found) {
                samples.add(at - typed[k].at, typed[k].query);
                break;
            }
        }
        if (!found) {
            std::fprintf(stderr, "key %zu never showed results\n", k);
            std::abort();
        }
    }
}

// Free text typed at 150 ms a key (see typeAtPaceAndMeasure).
void BM_TypingFreeText(benchmark::State& state) {
    static const QStringList words = {QStringLiteral("bri"),   QStringLiteral("acme"), QStringLiteral("zaqu"),
                                      QStringLiteral("lo ma"), QStringLiteral("gmbh"), QStringLiteral("ora")};
    App& app = sharedApp();
    QLineEdit* edit = app.window->filterBar()->searchEdit();
    Samples s;
    int w = 0;
    for (auto _ : state) {
        edit->clear();
        app.window->filterBar()->applyNow();
        waitFor([&] { return app.listSettled(); });
        idle(150);
        Samples one;
        typeAtPaceAndMeasure(edit, words.at(w++ % words.size()), 150, one);
        double sum = 0;
        for (double ms : one.ms)
            sum += ms;
        s.append(one);
        state.SetIterationTime(sum / 1000.0 / double(std::max<size_t>(1, one.ms.size())));
    }
    s.report(state, "typing/free_text");
}

void BM_KeystrokeFreeText(benchmark::State& state) {
    static const QStringList words = {QStringLiteral("bri"),   QStringLiteral("acme"), QStringLiteral("zaqu"),
                                      QStringLiteral("lo ma"), QStringLiteral("gmbh"), QStringLiteral("ora")};
    Samples s;
    int w = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const QString word = words.at(w++ % words.size());
        state.ResumeTiming();
        Samples one;
        typeAndMeasure(word, one, nullptr);
        s.append(one);
        double sum = 0;
        for (double ms : one.ms)
            sum += ms;
        state.SetIterationTime(sum / 1000.0 / double(one.ms.size()));
    }
    s.report(state, "keystroke/free_text");
}

// A condition typed into the value box of a filter row, one key at a time as a person types it
// (each key a query of its own: `employees > 5`, `> 50`, `> 500`, `> 5000`), the list sorted by
// name; measured per keystroke like the free text.
struct TypedCondition {
    const char* field;
    FilterConditionRow::Operator op;
    const char* text;
};
const TypedCondition typedConditions[] = {
    {"employees", FilterConditionRow::Operator::Greater, "5000"},
    {"name", FilterConditionRow::Operator::Contains, "bril"},
    {"employees", FilterConditionRow::Operator::Less, "30"},
    {"city", FilterConditionRow::Operator::Equal, "City123"},
};

// A fresh filter with one empty condition row of `t`'s field and operator, focused, list settled.
FilterConditionRow* startCondition(App& app, const TypedCondition& t) {
    FilterBar* bar = app.window->filterBar();
    bar->clearAll();
    waitFor([&] { return app.listSettled(); });
    FilterConditionRow* row = bar->addCondition();
    row->setCondition(QString::fromLatin1(t.field), t.op, QString());
    row->valueEdit()->setFocus();
    bar->applyNow();
    waitFor([&] { return app.listSettled(); });
    idle(150);
    return row;
}

void BM_KeystrokeCondition(benchmark::State& state) {
    App& app = sharedApp();
    FilterBar* bar = app.window->filterBar();
    CompanyListModel* model = app.window->companyModel();
    Samples s;
    int i = 0;
    for (auto _ : state) {
        const TypedCondition& t = typedConditions[i++ % std::size(typedConditions)];
        QLineEdit* value = startCondition(app, t)->valueEdit();
        Samples one;
        for (const QChar c : QString::fromLatin1(t.text)) {
            QElapsedTimer timer;
            timer.start();
            bool started = false;
            auto conn = QObject::connect(model, &CompanyListModel::queryStarted, [&] { started = true; });
            typeText(value, QString(c));
            if (!waitFor([&] { return started && !model->isLoading(); })) {
                std::fprintf(stderr, "condition keystroke '%c' never showed results\n", c.toLatin1());
                std::abort();
            }
            app.paint();
            QObject::disconnect(conn);
            one.add(double(timer.nsecsElapsed()) / 1e6,
                    describe(QString(), app.window->filterBar()->filter()));
            idle(150); // a person types a key every ~150 ms at most
        }
        double sum = 0;
        for (double ms : one.ms)
            sum += ms;
        s.append(one);
        state.SetIterationTime(sum / 1000.0 / double(one.ms.size()));
    }
    bar->clearAll();
    waitFor([&] { return app.listSettled(); });
    s.report(state, "keystroke/condition");
}

// Conditions typed at 150 ms a key (the conditions of BM_KeystrokeCondition).
void BM_TypingCondition(benchmark::State& state) {
    App& app = sharedApp();
    FilterBar* bar = app.window->filterBar();
    Samples s;
    int i = 0;
    for (auto _ : state) {
        const TypedCondition& t = typedConditions[i++ % std::size(typedConditions)];
        FilterConditionRow* row = startCondition(app, t);
        Samples one;
        typeAtPaceAndMeasure(row->valueEdit(), QString::fromLatin1(t.text), 150, one);
        double sum = 0;
        for (double ms : one.ms)
            sum += ms;
        s.append(one);
        state.SetIterationTime(sum / 1000.0 / double(std::max<size_t>(1, one.ms.size())));
    }
    bar->clearAll();
    waitFor([&] { return app.listSettled(); });
    s.report(state, "typing/condition");
}

bool visibleRowsLoaded(App& app) {
    CompanyListView* view = app.window->companyList();
    const int first = view->rowAt(0);
    const int last = view->rowAt(view->viewport()->height() - 1);
    CompanyListModel* model = app.window->companyModel();
    for (int r = std::max(0, first); r <= (last < 0 ? model->rowCount() - 1 : last); ++r) {
        if (!model->isRowLoaded(r))
            return false;
    }
    return true;
}

void BM_ScrollPageDown(benchmark::State& state) {
    App& app = sharedApp();
    app.window->filterBar()->clearAll();
    waitFor([&] { return app.listSettled() && app.window->companyModel()->matchCountExact(); });
    CompanyListView* view = app.window->companyList();
    view->setFocus();
    view->scrollToTop();
    view->setCurrentIndex(app.window->companyModel()->index(0, 1));
    Samples s;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        typeKey(view, Qt::Key_PageDown);
        app.paint();
        waitFor([&] { return visibleRowsLoaded(app); });
        app.paint();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        s.ms.push_back(ms);
        state.SetIterationTime(ms / 1000.0);
    }
    s.report(state);
}

void BM_ScrollJump(benchmark::State& state) {
    App& app = sharedApp();
    CompanyListView* view = app.window->companyList();
    QScrollBar* bar = view->verticalScrollBar();
    QRandomGenerator rng(11);
    Samples s;
    for (auto _ : state) {
        const int target = int(rng.bounded(quint32(bar->maximum() + 1)));
        QElapsedTimer t;
        t.start();
        bar->setValue(target);
        app.paint();
        waitFor([&] { return visibleRowsLoaded(app); });
        app.paint();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        s.ms.push_back(ms);
        state.SetIterationTime(ms / 1000.0);
    }
    s.report(state);
}

// Edit > Select all filtered on the unfiltered list: every one of the 1,000,000 ids, ticked.
void BM_SelectAllFiltered(benchmark::State& state) {
    App& app = sharedApp();
    app.window->filterBar()->clearAll();
    CompanyListModel* model = app.window->companyModel();
    waitFor([&] { return app.listSettled() && model->matchCountExact(); });
    Samples s;
    for (auto _ : state) {
        model->clearSelection();
        QElapsedTimer t;
        t.start();
        model->selectAllMatching();
        if (!waitFor([&] { return !model->isBusy() && model->selection().size() == model->matchCount(); })) {
            std::fprintf(stderr, "select all never finished\n");
            std::abort();
        }
        app.paint();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        s.ms.push_back(ms);
        state.SetIterationTime(ms / 1000.0);
    }
    state.counters["selected"] = double(model->selection().size());
    s.report(state);
}

void BM_PeakMemory(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(peakRssKb());
    state.counters["peak_rss_MB"] = double(peakRssKb()) / 1024.0;
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("SyncDesk-bench"));
    benchmark::Initialize(&argc, argv);
    MessageBox::setTestMode(true);

    QTemporaryDir dir;
    g_dir = &dir;
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("xdg")).toUtf8());
    g_workspacePath = qEnvironmentVariable("SYNCDESK_BENCH_VIEW_DB");
    if (g_workspacePath.isEmpty())
        g_workspacePath = dir.filePath(QStringLiteral("bench-view.sqlite"));
    if (!QFile::exists(g_workspacePath) && !generateWorkspace(g_workspacePath))
        return 1;
    {
        std::unique_ptr<Workspace> ws = Workspace::open(g_workspacePath);
        if (!ws || CompanyStore(*ws).count() < companyCount) {
            std::fprintf(stderr, "%s does not hold %d companies\n", qPrintable(g_workspacePath),
                         companyCount);
            return 1;
        }
    }
    resetPeakRss();

    App shared;
    g_app = &shared;
    benchmark::RegisterBenchmark("open/first_paint", BM_OpenToFirstPaint)
        ->Iterations(5)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("keystroke/free_text", BM_KeystrokeFreeText)
        ->Iterations(6)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("keystroke/condition", BM_KeystrokeCondition)
        ->Iterations(8)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("typing/free_text", BM_TypingFreeText)
        ->Iterations(6)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("typing/condition", BM_TypingCondition)
        ->Iterations(8)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("scroll/page_down", BM_ScrollPageDown)
        ->Iterations(100)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("scroll/jump", BM_ScrollJump)
        ->Iterations(30)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("select/all_filtered_1m", BM_SelectAllFiltered)
        ->Iterations(3)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("memory/peak_rss", BM_PeakMemory)->Iterations(1);
    benchmark::RunSpecifiedBenchmarks();
    shared.window.reset();
    shared.context.reset();
    benchmark::Shutdown();
    return 0;
}
