#include "core/mapping/ValueConversion.h"
#include "tests/mapping/QtPrinters.h"

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::StringLiterals;

namespace {

FieldDefinition field(FieldType type) {
    FieldDefinition f;
    f.key = u"f"_s;
    f.label = u"F"_s;
    f.type = type;
    return f;
}

CrmProperty prop(CrmPropertyType type, const QStringList& options = {}) {
    CrmProperty p;
    p.name = u"p"_s;
    p.type = type;
    for (const QString& o : options)
        p.options.append({o, o});
    return p;
}

ConvertedValue convert(const QString& value, FieldType type, const CrmProperty& p,
                       const QMap<QString, QString>& map = {}) {
    return ValueConversion::toCrm(value, field(type),
                                  MappingTarget{p.name, UpdateStrategy::Override, false, map}, &p);
}

} // namespace

TEST(ValueConversion, Numbers) {
    const CrmProperty number = prop(CrmPropertyType::Number);
    EXPECT_EQ(convert(u" 0050 "_s, FieldType::Number, number).value, u"50"_s);
    EXPECT_EQ(convert(u"12.50"_s, FieldType::Number, number).value, u"12.5"_s);
    EXPECT_EQ(convert(u"-3"_s, FieldType::Number, number).value, u"-3"_s);
    EXPECT_EQ(convert(u"1e3"_s, FieldType::Number, number).value, u"1000"_s);
    EXPECT_EQ(convert(u"123456789012345678901"_s, FieldType::Number, number).value,
              u"123456789012345678901"_s);
    const ConvertedValue bad = convert(u"12 employees"_s, FieldType::Number, number);
    EXPECT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error.contains(u"12 employees"_s)) << bad.error.toStdString();
}

TEST(ValueConversion, BooleansOntoBoolAndEnumerations) {
    EXPECT_EQ(convert(u"Yes"_s, FieldType::Boolean, prop(CrmPropertyType::Bool)).value, u"true"_s);
    EXPECT_EQ(convert(u"0"_s, FieldType::Boolean, prop(CrmPropertyType::Bool)).value, u"false"_s);
    EXPECT_FALSE(convert(u"maybe"_s, FieldType::Boolean, prop(CrmPropertyType::Bool)).ok());
    // A true/false enumeration takes the option's own spelling.
    EXPECT_EQ(convert(u"1"_s, FieldType::Boolean, prop(CrmPropertyType::Enumeration, {u"True"_s, u"False"_s}))
                  .value,
              u"True"_s);
    // Other two-option enumerations go through the value map (keys are the normalised true/false).
    const QMap<QString, QString> map{{u"true"_s, u"Ja"_s}, {u"false"_s, u"Nein"_s}};
    EXPECT_EQ(
        convert(u"no"_s, FieldType::Boolean, prop(CrmPropertyType::Enumeration, {u"Ja"_s, u"Nein"_s}), map)
            .value,
        u"Nein"_s);
    // Map keys may be spelt any way the validator accepts (yes/no, 1/0, ...).
    const QMap<QString, QString> yesNo{{u"Yes"_s, u"Ja"_s}, {u"no"_s, u"Nein"_s}};
    const CrmProperty jaNein = prop(CrmPropertyType::Enumeration, {u"Ja"_s, u"Nein"_s});
    EXPECT_EQ(convert(u"1"_s, FieldType::Boolean, jaNein, yesNo).value, u"Ja"_s);
    EXPECT_EQ(convert(u"false"_s, FieldType::Boolean, jaNein, yesNo).value, u"Nein"_s);
}

TEST(ValueConversion, DatesAndDateTimes) {
    EXPECT_EQ(convert(u"2024-02-29"_s, FieldType::Date, prop(CrmPropertyType::Date)).value, u"2024-02-29"_s);
    EXPECT_EQ(convert(u"2024-02-29"_s, FieldType::Date, prop(CrmPropertyType::DateTime)).value,
              u"2024-02-29T00:00:00Z"_s);
    EXPECT_EQ(convert(u"2024-02-29T13:30:00+01:00"_s, FieldType::Date, prop(CrmPropertyType::Date)).value,
              u"2024-02-29"_s);
    EXPECT_FALSE(convert(u"29/02/2024"_s, FieldType::Date, prop(CrmPropertyType::Date)).ok());
    EXPECT_FALSE(convert(u"2023-02-29"_s, FieldType::Date, prop(CrmPropertyType::Date)).ok());
}

TEST(ValueConversion, ValueMapsAndOptions) {
    const CrmProperty industry = prop(CrmPropertyType::Enumeration, {u"COMPUTER_SOFTWARE"_s, u"RETAIL"_s});
    const QMap<QString, QString> map{{u"Software"_s, u"COMPUTER_SOFTWARE"_s}, {u"Shops"_s, u"RETAIL"_s}};
    EXPECT_EQ(convert(u"Software"_s, FieldType::Choice, industry, map).value, u"COMPUTER_SOFTWARE"_s);
    EXPECT_EQ(convert(u"shops"_s, FieldType::Choice, industry, map).value,
              u"RETAIL"_s); // case-insensitive key
    const ConvertedValue unmapped = convert(u"Biotech"_s, FieldType::Choice, industry, map);
    EXPECT_FALSE(unmapped.ok());
    EXPECT_TRUE(unmapped.error.contains(u"Biotech"_s) && unmapped.error.contains(u"value map"_s))
        << unmapped.error.toStdString();
    // A value map onto a text property renames known values and passes others through.
    EXPECT_EQ(convert(u"Software"_s, FieldType::Choice, prop(CrmPropertyType::String), map).value,
              u"COMPUTER_SOFTWARE"_s);
    EXPECT_EQ(convert(u"Biotech"_s, FieldType::Choice, prop(CrmPropertyType::String), map).value,
              u"Biotech"_s);
    // A value that is not an option is refused even when it got there without a map.
    EXPECT_FALSE(
        convert(u"RETAIL "_s, FieldType::Choice, prop(CrmPropertyType::Enumeration, {u"retail"_s})).ok());
    // Multi-valued enumerations check every value.
    CrmProperty tags = prop(CrmPropertyType::Enumeration, {u"a"_s, u"b"_s});
    tags.multiValued = true;
    EXPECT_EQ(convert(u"x"_s, FieldType::Choice, tags, {{u"x"_s, u"a; b"_s}}).value, u"a;b"_s);
    EXPECT_FALSE(convert(u"x"_s, FieldType::Choice, tags, {{u"x"_s, u"a;c"_s}}).ok());
}

TEST(ValueConversion, MaximumLength) {
    CrmProperty name = prop(CrmPropertyType::String);
    name.maxLength = 5;
    EXPECT_TRUE(convert(u"Acme "_s, FieldType::Text, name).ok());
    const ConvertedValue tooLong = convert(u"Acme Corp"_s, FieldType::Text, name);
    EXPECT_FALSE(tooLong.ok());
    EXPECT_TRUE(tooLong.error.contains(u"9"_s) && tooLong.error.contains(u"5"_s))
        << tooLong.error.toStdString();
}

TEST(ValueConversion, SameValueComparesByType) {
    const CrmProperty number = prop(CrmPropertyType::Number);
    EXPECT_TRUE(ValueConversion::sameValue(u"50.0"_s, u"50"_s, &number, FieldType::Number));
    EXPECT_FALSE(ValueConversion::sameValue(u"51"_s, u"50"_s, &number, FieldType::Number));
    const CrmProperty flag = prop(CrmPropertyType::Bool);
    EXPECT_TRUE(ValueConversion::sameValue(u"True"_s, u"true"_s, &flag, FieldType::Boolean));
    const CrmProperty date = prop(CrmPropertyType::Date);
    EXPECT_TRUE(
        ValueConversion::sameValue(u"2024-01-05T00:00:00Z"_s, u"2024-01-05"_s, &date, FieldType::Date));
    const CrmProperty dt = prop(CrmPropertyType::DateTime);
    EXPECT_TRUE(ValueConversion::sameValue(u"2024-01-05T01:00:00+01:00"_s, u"2024-01-05T00:00:00Z"_s, &dt,
                                           FieldType::Date));
    CrmProperty tags = prop(CrmPropertyType::Enumeration, {u"a"_s, u"b"_s});
    tags.multiValued = true;
    EXPECT_TRUE(ValueConversion::sameValue(u"b;a"_s, u"a;b"_s, &tags, FieldType::Choice));
    const CrmProperty text = prop(CrmPropertyType::String);
    EXPECT_TRUE(ValueConversion::sameValue(u" Acme "_s, u"Acme"_s, &text, FieldType::Text));
    EXPECT_FALSE(ValueConversion::sameValue(u"acme"_s, u"Acme"_s, &text, FieldType::Text));
    EXPECT_TRUE(ValueConversion::sameValue(u"Jane@Acme.io"_s, u"jane@acme.io"_s, &text, FieldType::Email));
    EXPECT_FALSE(ValueConversion::sameValue(u""_s, u"x"_s, &text, FieldType::Text));
    EXPECT_TRUE(ValueConversion::sameValue(u" "_s, u""_s, nullptr, FieldType::Text));
}
