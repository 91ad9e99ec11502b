#include "core/query/FieldCatalog.h"

#include "core/query/QueryLogging.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace syncdesk {

namespace {

struct CompanyColumn {
    const char* name;
    bool nullable;
};

// Columns of `companies` (Schema.cpp, migration 1) that built-in field definitions may name.
// Only these names ever reach SQL text; everything else is bound as a parameter.
constexpr CompanyColumn companyColumns[] = {
    {"name", false},     {"website", false},     {"domain", false},
    {"industry", false}, {"employees", true},    {"country", false},
    {"city", false},     {"description", false}, {"linkedin_url", false},
};

const CompanyColumn* companyColumn(const QString& key) {
    for (const CompanyColumn& c : companyColumns) {
        if (key == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

QueryField systemField(const char* key, const char* label, FieldType type) {
    QueryField f;
    f.key = QString::fromLatin1(key);
    f.label = QCoreApplication::translate("FieldCatalog", label);
    f.type = type;
    f.storage = QueryField::Storage::Column;
    f.system = true;
    return f;
}

// Optimal string alignment distance (Levenshtein with adjacent transpositions).
int editDistance(const QString& a, const QString& b) {
    const qsizetype n = a.size(), m = b.size();
    std::vector<std::vector<int>> d(size_t(n + 1), std::vector<int>(size_t(m + 1)));
    for (qsizetype i = 0; i <= n; ++i)
        d[size_t(i)][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][size_t(j)] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({d[size_t(i - 1)][size_t(j)] + 1, d[size_t(i)][size_t(j - 1)] + 1,
                              d[size_t(i - 1)][size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, d[size_t(i - 2)][size_t(j - 2)] + 1);
            d[size_t(i)][size_t(j)] = v;
        }
    }
    return d[size_t(n)][size_t(m)];
}

// How close `candidate` is to what was written: smaller is closer; -1 when not close at all.
int closeness(const QString& written, const QString& candidate) {
    if (written.size() >= 3 && (candidate.startsWith(written) || candidate.contains(written) ||
                                (candidate.size() >= 3 && written.contains(candidate))))
        return 1;
    const int d = editDistance(written, candidate);
    const int allowed = std::max<int>(1, int(std::min(written.size(), candidate.size())) / 3);
    return d <= allowed ? d : -1;
}

} // namespace

bool FieldCatalog::isCompanyColumn(const QString& key) {
    return companyColumn(key) != nullptr;
}

FieldCatalog::FieldCatalog(const QList<FieldDefinition>& definitions) {
    for (const FieldDefinition& def : definitions) {
        if (def.object != RecordObject::Company)
            continue;
        QueryField f;
        f.key = def.key;
        f.label = def.label;
        f.type = def.type;
        if (def.builtIn) {
            const CompanyColumn* column = companyColumn(def.key);
            if (!column) {
                qCWarning(lcQuery) << "built-in company field without a column ignored:" << def.key;
                continue;
            }
            f.storage = QueryField::Storage::Column;
            f.nullable = column->nullable;
        } else {
            // A JSON path cannot quote a double quote; such a key cannot be queried.
            if (def.key.isEmpty() || def.key.contains(u'"')) {
                qCWarning(lcQuery) << "custom company field with an unusable key ignored:" << def.key;
                continue;
            }
            f.storage = QueryField::Storage::Custom;
        }
        m_fields << f;
    }
    m_fields << systemField("id", QT_TRANSLATE_NOOP("FieldCatalog", "ID"), FieldType::Number)
             << systemField("created_at", QT_TRANSLATE_NOOP("FieldCatalog", "Created at"), FieldType::Date)
             << systemField("updated_at", QT_TRANSLATE_NOOP("FieldCatalog", "Updated at"), FieldType::Date);
}

bool FieldCatalog::load(const QSqlDatabase& db, FieldCatalog* catalog, QString* error) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key, label, type, built_in, choices, position FROM field_definitions"
                               " WHERE object = 'company' ORDER BY position, id"))) {
        if (error)
            *error = QCoreApplication::translate("FieldCatalog", "cannot read the field definitions: %1")
                         .arg(q.lastError().text());
        return false;
    }
    QList<FieldDefinition> definitions;
    while (q.next()) {
        FieldDefinition def;
        def.object = RecordObject::Company;
        def.key = q.value(0).toString();
        def.label = q.value(1).toString();
        def.type = parseFieldType(q.value(2).toString()).value_or(FieldType::Text);
        def.builtIn = q.value(3).toInt() != 0;
        def.position = q.value(5).toInt();
        definitions << def;
    }
    *catalog = FieldCatalog(definitions);
    return true;
}

const QueryField* FieldCatalog::find(QStringView name) const {
    const QStringView n = name.trimmed();
    for (const QueryField& f : m_fields) {
        if (n.compare(f.key, Qt::CaseInsensitive) == 0)
            return &f;
    }
    for (const QueryField& f : m_fields) {
        if (n.compare(f.label, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QStringList FieldCatalog::closeMatches(QStringView name, int max) const {
    const QString written = name.trimmed().toString().toLower();
    struct Scored {
        int score;
        int order;
        QString key;
    };
    std::vector<Scored> scored;
    for (int i = 0; i < m_fields.size(); ++i) {
        const QueryField& f = m_fields[i];
        int best = -1;
        for (const QString& candidate : {f.key.toLower(), f.label.toLower()}) {
            const int c = closeness(written, candidate);
            if (c >= 0 && (best < 0 || c < best))
                best = c;
        }
        if (best >= 0)
            scored.push_back({best, i, f.key});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score < b.score : a.order < b.order;
    });
    QStringList out;
    for (const Scored& s : scored) {
        if (out.size() >= max)
            break;
        out << s.key;
    }
    return out;
}

} // namespace syncdesk
