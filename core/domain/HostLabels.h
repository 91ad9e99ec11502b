#pragma once
// Internal to core/domain: the label rules shared by domain keys and e-mail domains.

#include <cstddef>
#include <string_view>

namespace syncdesk::detail {

enum class LabelCheck {
    Ok,
    EmptyLabel, // ".a.com", "a..com", "a.com." (the caller drops an allowed trailing dot first)
    Invalid,    // a character other than a-z 0-9 '-' ('_'), a label longer than 63, '-' first or last
};

constexpr std::size_t MaxHostLength = 253;
constexpr std::size_t MaxLabelLength = 63;

// `host` is lower-case ASCII. An empty label is reported before any other defect.
constexpr LabelCheck checkLabels(std::string_view host, bool allowUnderscore) {
    LabelCheck result = host.size() > MaxHostLength ? LabelCheck::Invalid : LabelCheck::Ok;
    std::size_t labelStart = 0;
    for (std::size_t i = 0; i <= host.size(); ++i) {
        if (i < host.size() && host[i] != '.') {
            const char c = host[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                  (allowUnderscore && c == '_')))
                result = LabelCheck::Invalid;
            continue;
        }
        const std::size_t length = i - labelStart;
        if (length == 0)
            return LabelCheck::EmptyLabel;
        if (length > MaxLabelLength || host[labelStart] == '-' || host[i - 1] == '-')
            result = LabelCheck::Invalid;
        labelStart = i + 1;
    }
    return result;
}

} // namespace syncdesk::detail
