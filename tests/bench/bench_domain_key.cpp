// Domain keys per second (PRODUCT.md "Performance targets": >= 1,000,000 values per second per core).
// The corpus is a generated, realistic mixture of messy website values: full URLs, bare domains,
// odd case and spacing, ports, user info, several values in one cell, country and private suffixes,
// a few IDN hosts, and the junk found in CRMs (n/a, e-mails, IPs, single words, mailto:).
#include "core/domain/DomainKey.h"

#include <benchmark/benchmark.h>

#include <QStringList>

#include <random>

using namespace syncdesk;

namespace {

QStringList messyCorpus(int size, int idnPercent) {
    static const char* const words[] = {"acme",   "globex",  "initech",    "umbrella", "hooli",  "stark",
                                        "wayne",  "tyrell",  "cyberdyne",  "soylent",  "wonka",  "vandelay",
                                        "dunder", "mifflin", "pied-piper", "aperture", "oscorp", "gringotts"};
    static const char* const tlds[] = {"com", "io",  "de",  "co.uk", "com.au",
                                       "fr",  "net", "org", "co.jp", "nl"};
    static const char* const idn[] = {"münchen", "zürich-bank", "straße", "café-paris", "españa-sa", "例え"};
    std::mt19937 rng(1234);
    const auto pick = [&rng](auto& array) {
        return QString::fromUtf8(array[std::uniform_int_distribution<size_t>(0, std::size(array) - 1)(rng)]);
    };
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> number(0, 9999);

    QStringList corpus;
    corpus.reserve(size);
    while (corpus.size() < size) {
        const QString name = pick(words) + QString::number(number(rng));
        const QString tld = pick(tlds);
        const int p = percent(rng);
        if (p < idnPercent) {
            corpus << u"https://www." + pick(idn) + QString::number(number(rng)) + u'.' + tld + u"/kontakt";
            continue;
        }
        switch (percent(rng) % 25) {
        case 0:
            corpus << u"https://www." + name + u'.' + tld + u"/about-us";
            break;
        case 1:
            corpus << u"http://" + name + u'.' + tld;
            break;
        case 2:
            corpus << name + u'.' + tld;
            break;
        case 3:
            corpus << u"www." + name + u'.' + tld + u'/';
            break;
        case 4:
            corpus << u"us." + name + u'.' + tld;
            break;
        case 5:
            corpus << u"http://shop." + name + u'.' + tld + u":8080/x?y=1#z";
            break;
        case 6:
            corpus << u"  WWW." + name.toUpper() + u'.' + tld.toUpper() + u".  ";
            break;
        case 7:
            corpus << name + u'.' + tld + u", " + pick(words) + u".com";
            break;
        case 8:
            corpus << u"https://user:secret@" + name + u'.' + tld + u"/path?q=1";
            break;
        case 9:
            corpus << u"HTTPS://" + name.toUpper() + u".COM";
            break;
        case 10:
            corpus << u"blog." + name + u".github.io";
            break;
        case 11:
            corpus << u"foo." + name + u".uk.com";
            break;
        case 12:
            corpus << u"www2." + name + u'.' + tld;
            break;
        case 13:
            corpus << u"https://www." + name + u'.' + tld + u"/en/products/index.html?utm_source=crm";
            break;
        case 14:
            corpus << name + u'.' + tld + u'.';
            break;
        case 15:
            corpus << u"http://www." + name + u'.' + tld + u"; http://" + name + u".net";
            break;
        case 16:
            corpus << u"a.b.c." + name + u'.' + tld;
            break;
        case 17:
            corpus << QStringLiteral("n/a");
            break;
        case 18:
            corpus << QString();
            break;
        case 19:
            corpus << u"info@" + name + u'.' + tld;
            break;
        case 20:
            corpus << u"192.168." + QString::number(number(rng) % 256) + u".10";
            break;
        case 21:
            corpus << u"mailto:sales@" + name + u".com";
            break;
        case 22:
            corpus << name;
            break;
        case 23:
            corpus << QStringLiteral("co.uk");
            break;
        default:
            corpus << name + u".." + tld;
            break;
        }
    }
    return corpus;
}

void runKeys(benchmark::State& state, const QStringList& corpus, DomainPolicy policy) {
    qsizetype i = 0;
    qint64 keys = 0;
    for (auto _ : state) {
        const DomainKeyResult r = DomainKey::compute(corpus[i], policy);
        benchmark::DoNotOptimize(r.key.constData());
        keys += r.hasKey() ? 1 : 0;
        if (++i == corpus.size())
            i = 0;
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["with_key_%"] = benchmark::Counter(100.0 * double(keys) / double(state.iterations()));
}

const QStringList& mixedCorpus() {
    static const QStringList corpus = messyCorpus(16384, 2); // 2% IDN hosts
    return corpus;
}

const QStringList& idnCorpus() {
    static const QStringList corpus = messyCorpus(4096, 100);
    return corpus;
}

void BM_DomainKey_Host(benchmark::State& state) {
    runKeys(state, mixedCorpus(), DomainPolicy::Host);
}
void BM_DomainKey_Registrable(benchmark::State& state) {
    runKeys(state, mixedCorpus(), DomainPolicy::Registrable);
}
// The slow path alone, for reference: every value has a non-ASCII host (QUrl::toAce/fromAce).
void BM_DomainKey_IdnOnly(benchmark::State& state) {
    runKeys(state, idnCorpus(), DomainPolicy::Registrable);
}

} // namespace

BENCHMARK(BM_DomainKey_Host);
BENCHMARK(BM_DomainKey_Registrable);
BENCHMARK(BM_DomainKey_IdnOnly);

BENCHMARK_MAIN();
