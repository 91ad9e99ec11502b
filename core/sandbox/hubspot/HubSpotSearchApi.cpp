#include "core/sandbox/hubspot/HubSpotSearchApi.h"

#include "core/sandbox/hubspot/HubSpotDialect.h"
#include "core/sandbox/hubspot/HubSpotObjectsApi.h"

#include <QRegularExpression>

#include <algorithm>

namespace syncdesk::sandbox::hubspot {

namespace {

const QStringList kOperators{QStringLiteral("EQ"),
                             QStringLiteral("NEQ"),
                             QStringLiteral("LT"),
                             QStringLiteral("LTE"),
                             QStringLiteral("GT"),
                             QStringLiteral("GTE"),
                             QStringLiteral("BETWEEN"),
                             QStringLiteral("IN"),
                             QStringLiteral("NOT_IN"),
                             QStringLiteral("HAS_PROPERTY"),
                             QStringLiteral("NOT_HAS_PROPERTY"),
                             QStringLiteral("CONTAINS_TOKEN"),
                             QStringLiteral("NOT_CONTAINS_TOKEN")};

QString jsonScalar(const QJsonValue& v) {
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return {};
}

QStringList tokens(const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}*]+"));
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

// The whole of `text` against `pattern`, where '*' stands for any run of characters (also none) and
// every other character for itself. Greedy with one backtrack point: linear for the patterns a
// search uses, and no regular expression to compile per record (the census tests every company).
// The client has its own (core/connectors/LookupChunks.cpp): the sandbox links no SyncDesk code on
// purpose, since a server that shared the client's matching would hide the client's mistakes.
bool wildcardMatch(QStringView pattern, QStringView text) {
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype star = -1; // position of the last '*' seen in the pattern
    qsizetype resume = 0; // where in the text that '*' would take one more character from
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            resume = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool containsToken(const QString& value, const QString& wanted) {
    const QString v = value.toLower();
    const QString w = wanted.trimmed().toLower();
    if (w.isEmpty())
        return false;
    if (w.contains(u'*')) {
        if (wildcardMatch(w, v))
            return true;
        for (const QString& t : tokens(v))
            if (wildcardMatch(w, t))
                return true;
        return false;
    }
    if (v == w)
        return true;
    const QStringList have = tokens(v);
    const QStringList need = tokens(w);
    if (need.isEmpty())
        return false;
    for (qsizetype i = 0; i + need.size() <= have.size(); ++i)
        if (have.mid(i, need.size()) == need)
            return true;
    return false;
}

enum class Kind { Text, Number, Time, Enumeration };

Kind kindOf(const HubSpotProperty* p) {
    if (!p)
        return Kind::Text;
    if (p->type == u"number")
        return Kind::Number;
    if (p->type == u"date" || p->type == u"datetime")
        return Kind::Time;
    if (p->isEnumeration())
        return Kind::Enumeration;
    return Kind::Text;
}

std::optional<double> numeric(Kind kind, const QString& s) {
    if (kind == Kind::Number) {
        bool ok = false;
        const double d = s.trimmed().toDouble(&ok);
        return ok ? std::optional<double>(d) : std::nullopt;
    }
    if (kind == Kind::Time) {
        if (s.trimmed().size() == 10) { // YYYY-MM-DD
            if (const auto ms = parseTimestamp(s.trimmed() + QStringLiteral("T00:00:00Z")))
                return static_cast<double>(*ms);
        }
        if (const auto ms = parseTimestamp(s))
            return static_cast<double>(*ms);
    }
    return std::nullopt;
}

// <0, 0, >0; strings compare case-insensitively.
int compareValues(Kind kind, const QString& a, const QString& b) {
    const auto x = numeric(kind, a);
    const auto y = numeric(kind, b);
    if (x && y)
        return *x < *y ? -1 : (*x > *y ? 1 : 0);
    return a.compare(b, Qt::CaseInsensitive);
}

} // namespace

HubSpotSearchApi::HubSpotSearchApi(HubSpotDialect& dialect, HubSpotObjectsApi& objects)
    : m_dialect(dialect)
    , m_objects(objects)
    , m_store(dialect.store()) {}

void HubSpotSearchApi::registerRoutes(SandboxRouter& router) {
    m_dialect.addApiRoute(router, "POST", QStringLiteral("/crm/v3/objects/{objectType}/search"),
                          HubSpotDialect::objectScope(QStringLiteral("objectType"), QStringLiteral("read")),
                          HubSpotDialect::RateClass::Search, [this](SandboxRequest& r) { return search(r); });
}

Errors::Detail HubSpotSearchApi::parseFilter(const QString& objectType, const QJsonObject& json,
                                             Filter* f) const {
    f->propertyName = json.value(QStringLiteral("propertyName")).toString();
    f->op = json.value(QStringLiteral("operator")).toString();
    f->value = jsonScalar(json.value(QStringLiteral("value")));
    f->highValue = jsonScalar(json.value(QStringLiteral("highValue")));
    for (const QJsonValue& v : json.value(QStringLiteral("values")).toArray()) {
        f->values << jsonScalar(v);
        f->valueSet.insert(f->values.constLast());
    }
    if (f->propertyName.isEmpty())
        return Errors::validation(QStringLiteral("Each filter needs a propertyName"));
    if (!kOperators.contains(f->op))
        return Errors::validation(QStringLiteral("Unknown filter operator \"%1\". Supported: %2")
                                      .arg(f->op, kOperators.join(QStringLiteral(", "))));
    const bool association = f->propertyName.startsWith(QStringLiteral("associations."));
    if (association) {
        const QString target = ObjectTypes::normalize(f->propertyName.mid(13));
        if (target.isEmpty() || HubSpotStore::associationTypeIds(objectType, target).isEmpty())
            return Errors::validation(
                QStringLiteral("Cannot filter %1 by %2").arg(objectType, f->propertyName));
    } else if (f->propertyName != u"id" && !m_store.property(objectType, f->propertyName)) {
        return Errors::validation(QStringLiteral("Property \"%1\" does not exist").arg(f->propertyName));
    }
    const bool needsValue =
        f->op != u"HAS_PROPERTY" && f->op != u"NOT_HAS_PROPERTY" && f->op != u"IN" && f->op != u"NOT_IN";
    if (needsValue && json.value(QStringLiteral("value")).isUndefined())
        return Errors::validation(QStringLiteral("Operator %1 needs a value").arg(f->op));
    if ((f->op == u"IN" || f->op == u"NOT_IN") && f->values.isEmpty())
        return Errors::validation(QStringLiteral("Operator %1 needs a non-empty values array").arg(f->op));
    if (f->op == u"BETWEEN" && json.value(QStringLiteral("highValue")).isUndefined())
        return Errors::validation(QStringLiteral("Operator BETWEEN needs value and highValue"));
    return {};
}

bool HubSpotSearchApi::matches(const QString& objectType, const IndexedRecord& record,
                               const Filter& f) const {
    if (f.propertyName.startsWith(QStringLiteral("associations."))) {
        const QString target = ObjectTypes::normalize(f.propertyName.mid(13));
        const auto linked = m_store.associations(objectType, record.id, target);
        auto has = [&](const QString& id) { return linked.contains(id.toLongLong()); };
        if (f.op == u"HAS_PROPERTY")
            return !linked.isEmpty();
        if (f.op == u"NOT_HAS_PROPERTY")
            return linked.isEmpty();
        if (f.op == u"EQ")
            return has(f.value);
        if (f.op == u"NEQ")
            return !has(f.value);
        if (f.op == u"IN" || f.op == u"NOT_IN") {
            const bool any = std::any_of(f.values.cbegin(), f.values.cend(), has);
            return f.op == u"IN" ? any : !any;
        }
        return false;
    }
    const QString name = f.propertyName == u"id" ? QStringLiteral("hs_object_id") : f.propertyName;
    const HubSpotProperty* property = m_store.property(objectType, name);
    const Kind kind = kindOf(property);
    const QString value = record.properties.value(name);
    const bool present = !value.isEmpty();
    auto equals = [&](const QString& wanted) {
        if (kind == Kind::Enumeration && property->fieldType == u"checkbox")
            return value.split(u';').contains(wanted, Qt::CaseInsensitive);
        return compareValues(kind, value, wanted) == 0;
    };
    // IN and NOT_IN compare string values against the lower-cased stored value, as HubSpot does:
    // upper-case values in the request never match.
    auto inEquals = [&](const QString& wanted) {
        if (kind == Kind::Text)
            return value.toLower() == wanted;
        return equals(wanted);
    };
    const QString& op = f.op;
    if (op == u"HAS_PROPERTY")
        return present;
    if (op == u"NOT_HAS_PROPERTY")
        return !present;
    if (op == u"EQ")
        return present && equals(f.value);
    if (op == u"NEQ")
        return !(present && equals(f.value));
    if (op == u"IN" || op == u"NOT_IN") {
        const bool any = kind == Kind::Text
                             ? present && f.valueSet.contains(value.toLower())
                             : present && std::any_of(f.values.cbegin(), f.values.cend(), inEquals);
        return op == u"IN" ? any : !any;
    }
    if (op == u"CONTAINS_TOKEN")
        return present && containsToken(value, f.value);
    if (op == u"NOT_CONTAINS_TOKEN")
        return !(present && containsToken(value, f.value));
    if (!present)
        return false;
    if (op == u"GT")
        return compareValues(kind, value, f.value) > 0;
    if (op == u"GTE")
        return compareValues(kind, value, f.value) >= 0;
    if (op == u"LT")
        return compareValues(kind, value, f.value) < 0;
    if (op == u"LTE")
        return compareValues(kind, value, f.value) <= 0;
    if (op == u"BETWEEN")
        return compareValues(kind, value, f.value) >= 0 && compareValues(kind, value, f.highValue) <= 0;
    return false;
}

bool HubSpotSearchApi::matchesQuery(const QString& objectType, const IndexedRecord& record,
                                    const QStringList& queryTokens) const {
    const QStringList searchable =
        objectType == ObjectTypes::companies
            ? QStringList{QStringLiteral("name"), QStringLiteral("domain"), QStringLiteral("website"),
                          QStringLiteral("phone")}
            : QStringList{QStringLiteral("firstname"), QStringLiteral("lastname"), QStringLiteral("email"),
                          QStringLiteral("phone"), QStringLiteral("company")};
    QStringList have;
    for (const QString& name : searchable)
        have << tokens(record.properties.value(name));
    for (const QString& q : queryTokens) {
        const QString prefix = QString(q).remove(u'*');
        if (!std::any_of(have.cbegin(), have.cend(), [&](const QString& t) { return t.startsWith(prefix); }))
            return false;
    }
    return true;
}

SandboxResponse HubSpotSearchApi::search(SandboxRequest& request) {
    SandboxResponse error;
    const QString type = m_dialect.objectType(request, QStringLiteral("objectType"), &error);
    if (type.isEmpty())
        return error;
    const SandboxSettings& s = m_dialect.context().settings();
    const qsizetype chars = QString::fromUtf8(request.body).size();
    if (s.searchMaxBodyChars > 0 && chars > s.searchMaxBodyChars)
        return Errors::validation(
                   QStringLiteral("The search request body is %1 characters long; at most %2 are "
                                  "allowed.")
                       .arg(chars)
                       .arg(s.searchMaxBodyChars))
            .response(request);
    QJsonObject body;
    if (!request.body.trimmed().isEmpty())
        if (Errors::Detail e = Errors::parseJsonObject(request.body, &body); e.isError())
            return e.response(request);

    // Filters and their limits.
    const QJsonArray groups = body.value(QStringLiteral("filterGroups")).toArray();
    if (groups.size() > s.searchMaxFilterGroups)
        return Errors::validation(
                   QStringLiteral("Too many filterGroups: %1 given, at most %2 are allowed.")
                       .arg(groups.size())
                       .arg(s.searchMaxFilterGroups),
                   QJsonArray{QJsonObject{
                       {QStringLiteral("message"),
                        QStringLiteral("size must be between 0 and %1").arg(s.searchMaxFilterGroups)},
                       {QStringLiteral("in"), QStringLiteral("filterGroups")}}})
            .response(request);
    QList<QList<Filter>> filterGroups;
    int totalFilters = 0;
    for (const QJsonValue& g : groups) {
        const QJsonArray filters = g.toObject().value(QStringLiteral("filters")).toArray();
        if (filters.size() > s.searchMaxFiltersPerGroup)
            return Errors::validation(
                       QStringLiteral("Too many filters in a filterGroup: %1 given, at most %2 are "
                                      "allowed.")
                           .arg(filters.size())
                           .arg(s.searchMaxFiltersPerGroup))
                .response(request);
        totalFilters += filters.size();
        QList<Filter> parsed;
        for (const QJsonValue& f : filters) {
            Filter filter;
            if (Errors::Detail e = parseFilter(type, f.toObject(), &filter); e.isError())
                return e.response(request);
            parsed.append(filter);
        }
        filterGroups.append(parsed);
    }
    if (totalFilters > s.searchMaxFilters)
        return Errors::validation(
                   QStringLiteral("Too many filters: %1 given across all filterGroups, at most %2 are "
                                  "allowed.")
                       .arg(totalFilters)
                       .arg(s.searchMaxFilters))
            .response(request);

    // Paging.
    int limit = 10;
    if (body.contains(QStringLiteral("limit"))) {
        limit = body.value(QStringLiteral("limit")).toInt(-1);
        if (limit < 0 || limit > s.searchMaxLimit)
            return Errors::validation(
                       QStringLiteral("limit: must be between 0 and %1").arg(s.searchMaxLimit),
                       QJsonArray{QJsonObject{
                           {QStringLiteral("message"),
                            QStringLiteral("must be less than or equal to %1").arg(s.searchMaxLimit)},
                           {QStringLiteral("in"), QStringLiteral("limit")}}})
                .response(request);
    }
    qint64 offset = 0;
    const QJsonValue after = body.value(QStringLiteral("after"));
    if (!after.isUndefined() && !after.isNull() && !jsonScalar(after).isEmpty()) {
        bool ok = false;
        offset = jsonScalar(after).toLongLong(&ok);
        if (!ok || offset < 0)
            return Errors::validation(QStringLiteral("after: not a valid paging cursor")).response(request);
    }
    if (offset >= s.searchMaxResults && offset > 0)
        return Errors::validation(
                   QStringLiteral("Search results are limited to %1 per query; after=%2 is beyond "
                                  "them. Narrow the filters (for example by hs_object_id ranges).")
                       .arg(s.searchMaxResults)
                       .arg(offset))
            .response(request);

    // Sorts: objects {propertyName, direction} or strings ("name", "-name").
    struct Sort {
        QString property;
        bool descending = false;
    };
    QList<Sort> sorts;
    for (const QJsonValue& v : body.value(QStringLiteral("sorts")).toArray()) {
        Sort sort;
        if (v.isString()) {
            sort.property = v.toString();
            if (sort.property.startsWith(u'-')) {
                sort.descending = true;
                sort.property.remove(0, 1);
            }
        } else {
            sort.property = v.toObject().value(QStringLiteral("propertyName")).toString();
            sort.descending = v.toObject().value(QStringLiteral("direction")).toString() == u"DESCENDING";
        }
        if (sort.property == u"id")
            sort.property = QStringLiteral("hs_object_id");
        if (!m_store.property(type, sort.property))
            return Errors::validation(
                       QStringLiteral("Cannot sort by \"%1\": no such property").arg(sort.property))
                .response(request);
        sorts.append(sort);
    }
    const QStringList queryTokens = tokens(body.value(QStringLiteral("query")).toString());

    QList<const IndexedRecord*> hits;
    for (const IndexedRecord& record : m_store.searchIndex(type)) {
        bool ok = filterGroups.isEmpty();
        for (const QList<Filter>& group : filterGroups) {
            bool all = true;
            for (const Filter& f : group)
                all = all && matches(type, record, f);
            if (all) {
                ok = true;
                break;
            }
        }
        if (ok && !queryTokens.isEmpty())
            ok = matchesQuery(type, record, queryTokens);
        if (ok)
            hits.append(&record);
    }
    if (!sorts.isEmpty()) {
        std::stable_sort(hits.begin(), hits.end(), [&](const IndexedRecord* a, const IndexedRecord* b) {
            for (const Sort& sort : sorts) {
                const QString x = a->properties.value(sort.property);
                const QString y = b->properties.value(sort.property);
                if (x.isEmpty() != y.isEmpty())
                    return y.isEmpty(); // records without a value come last
                const int c = compareValues(kindOf(m_store.property(type, sort.property)), x, y);
                if (c != 0)
                    return sort.descending ? c > 0 : c < 0;
            }
            return false;
        });
    }

    const QStringList requested = [&] {
        QStringList out;
        for (const QJsonValue& v : body.value(QStringLiteral("properties")).toArray())
            out << v.toString();
        return out;
    }();
    const qint64 end =
        std::min<qint64>({offset + limit, static_cast<qint64>(hits.size()), s.searchMaxResults});
    QJsonArray results;
    for (qint64 i = offset; i < end; ++i) {
        const IndexedRecord* r = hits[i];
        results.append(m_objects.recordJson(type, r->id, r->properties, r->createdAtMs, r->updatedAtMs, false,
                                            0, requested));
    }
    QJsonObject response{{QStringLiteral("total"), hits.size()}, {QStringLiteral("results"), results}};
    if (end < hits.size() && end < s.searchMaxResults && limit > 0)
        response.insert(
            QStringLiteral("paging"),
            QJsonObject{{QStringLiteral("next"),
                         QJsonObject{{QStringLiteral("after"), QString::number(end)},
                                     {QStringLiteral("link"), QStringLiteral("?after=%1").arg(end)}}}});
    return SandboxResponse::json(200, response);
}

} // namespace syncdesk::sandbox::hubspot
