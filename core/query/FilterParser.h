#pragma once

#include "core/query/FilterError.h"
#include "core/query/FilterNode.h"

#include <QCoreApplication>
#include <QStringView>

#include <optional>

namespace syncdesk {

// Reads a filter expression (docs/filter-expressions.md) into a FilterNode tree:
//   country = "UK" and employees > 50
//   name contains acme or website is empty
//   not (industry in ("Software", "Retail") or "LinkedIn URL" is not empty)
// Precedence: not > and > or; parentheses group. Keywords are case-insensitive. Fields are not
// resolved here (CompanyQuery does that against the workspace's field definitions).
class FilterParser {
    Q_DECLARE_TR_FUNCTIONS(FilterParser)
public:
    struct Result {
        std::optional<FilterNode> filter; // set on success
        FilterError error;                // meaningful when filter is empty

        bool ok() const { return filter.has_value(); }
    };

    static Result parse(QStringView expression);

    // How deeply parentheses and `not` may nest.
    static constexpr int maxDepth = 64;
};

} // namespace syncdesk
