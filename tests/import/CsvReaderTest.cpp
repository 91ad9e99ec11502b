#include "tests/import/TestDevices.h"

#include "core/import/CsvReader.h"

#include <QBuffer>

#include <gtest/gtest.h>

using namespace syncdesk;
using syncdesk::test::ScriptedDevice;

namespace {

struct Parsed {
    QList<CsvRecord> records;
    char delimiter = 0;
    bool bom = false;
    QString readError;
};

Parsed readWith(const QByteArray& input, qint64 bytesPerRead, char delimiter, qsizetype maxRecord) {
    ScriptedDevice device(input, bytesPerRead);
    CsvReader reader(&device);
    reader.setDelimiter(delimiter);
    if (maxRecord > 0)
        reader.setMaxRecordSize(maxRecord);
    Parsed p;
    CsvRecord r;
    while (reader.readNext(r))
        p.records.append(r);
    p.delimiter = reader.delimiter();
    p.bom = reader.hadByteOrderMark();
    p.readError = reader.readError();
    if (bytesPerRead < input.size()) {
        EXPECT_GE(device.reads(), input.size() / bytesPerRead)
            << "the reader must see the input in small pieces";
    }
    return p;
}

// Reads `input` in one go and again a byte (and three bytes) at a time: the results must agree,
// whatever the chunk boundaries.
Parsed parse(const QByteArray& input, char delimiter = 0, qsizetype maxRecord = 0) {
    const Parsed whole = readWith(input, 1 << 30, delimiter, maxRecord);
    for (qint64 step : {1, 3}) {
        const Parsed trickled = readWith(input, step, delimiter, maxRecord);
        EXPECT_EQ(trickled.records.size(), whole.records.size()) << "reading " << step << " bytes at a time";
        for (qsizetype i = 0; i < std::min(trickled.records.size(), whole.records.size()); ++i) {
            EXPECT_EQ(trickled.records[i].fields, whole.records[i].fields)
                << "record " << i << ", step " << step;
            EXPECT_EQ(trickled.records[i].line, whole.records[i].line) << "record " << i << ", step " << step;
            EXPECT_EQ(trickled.records[i].lastLine, whole.records[i].lastLine);
            EXPECT_EQ(trickled.records[i].error, whole.records[i].error);
        }
        EXPECT_EQ(trickled.delimiter, whole.delimiter);
    }
    return whole;
}

QStringList fields(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* s : list)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace

TEST(CsvReader, PlainRecordsWithLineNumbers) {
    const Parsed p = parse("name,website\nAcme,acme.com\nGlobex,globex.com\n");
    ASSERT_EQ(p.records.size(), 3);
    EXPECT_EQ(p.records[0].fields, fields({"name", "website"}));
    EXPECT_EQ(p.records[2].fields, fields({"Globex", "globex.com"}));
    EXPECT_EQ(p.records[0].line, 1);
    EXPECT_EQ(p.records[1].line, 2);
    EXPECT_EQ(p.records[2].line, 3);
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_FALSE(p.bom);
    for (const CsvRecord& r : p.records)
        EXPECT_TRUE(r.error.isEmpty());
}

TEST(CsvReader, QuotedFieldsWithDelimitersQuotesAndLineBreaks) {
    const Parsed p = parse("a,b,c\n"
                           "\"Acme, Inc.\",\"He said \"\"hi\"\"\",plain\n"
                           "\"line one\nline two\r\nline three\",\"\",x\n"
                           "\"\"\"\",\"a\"\"b\"\"\",\"\"\n"
                           "last,row,here\n");
    ASSERT_EQ(p.records.size(), 5);
    EXPECT_EQ(p.records[1].fields, fields({"Acme, Inc.", "He said \"hi\"", "plain"}));
    EXPECT_EQ(p.records[2].fields, fields({"line one\nline two\r\nline three", "", "x"}));
    EXPECT_EQ(p.records[2].line, 3);
    EXPECT_EQ(p.records[2].lastLine, 5);
    EXPECT_EQ(p.records[3].fields, fields({"\"", "a\"b\"", ""}));
    EXPECT_EQ(p.records[3].line, 6); // the multi-line field shifted the lines
    EXPECT_EQ(p.records[4].line, 7);
}

TEST(CsvReader, LineEndingsCrlfLfAndCr) {
    for (const char* eol : {"\r\n", "\n", "\r"}) {
        const QByteArray nl(eol);
        const Parsed p = parse("a,b" + nl + "1,2" + nl + nl + "3,\"x" + nl + "y\"" + nl + "4,5");
        ASSERT_EQ(p.records.size(), 4) << "eol " << nl.toHex().constData();
        EXPECT_EQ(p.records[1].fields, fields({"1", "2"}));
        EXPECT_EQ(p.records[2].fields,
                  QStringList({QStringLiteral("3"), QString::fromLatin1("x" + nl + "y")}));
        EXPECT_EQ(p.records[2].line, 4);                    // line 3 is blank
        EXPECT_EQ(p.records[3].fields, fields({"4", "5"})); // no line break at the end
        EXPECT_EQ(p.records[3].line, 6);
    }
}

TEST(CsvReader, EmptyFieldsAndTrailingDelimiter) {
    const Parsed p = parse("a,b,c\n,,\n1,,3\n1,2,\n");
    ASSERT_EQ(p.records.size(), 4);
    EXPECT_EQ(p.records[1].fields, fields({"", "", ""}));
    EXPECT_EQ(p.records[2].fields, fields({"1", "", "3"}));
    EXPECT_EQ(p.records[3].fields, fields({"1", "2", ""}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
    const Parsed p = parse("\n\na,b\n\n\n1,2\r\n\r\n");
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.records[0].line, 3);
    EXPECT_EQ(p.records[1].line, 6);
}

TEST(CsvReader, Utf8WithAndWithoutBom) {
    const QByteArray body = "name,city\nMüller GmbH,München\n";
    const Parsed plain = parse(body);
    const Parsed bom = parse("\xEF\xBB\xBF" + body);
    EXPECT_FALSE(plain.bom);
    EXPECT_TRUE(bom.bom);
    ASSERT_EQ(bom.records.size(), 2);
    EXPECT_EQ(bom.records[0].fields, fields({"name", "city"})); // no BOM glued to the first header
    EXPECT_EQ(bom.records[1].fields, fields({"Müller GmbH", "München"}));
    EXPECT_EQ(bom.records[1].fields, plain.records[1].fields);
    EXPECT_FALSE(bom.records[1].notUtf8);
}

TEST(CsvReader, NotUtf8IsReadAsWindows1252) {
    const Parsed p = parse("name,city\nM\xFCller \x80,K\xF6ln\nok,fine\n");
    ASSERT_EQ(p.records.size(), 3);
    EXPECT_EQ(p.records[1].fields, fields({"Müller €", "Köln"}));
    EXPECT_TRUE(p.records[1].notUtf8);
    EXPECT_FALSE(p.records[2].notUtf8);
}

TEST(CsvReader, RefusesUtf16) {
    const Parsed p = parse(QByteArray("\xFF\xFEn\0a\0", 6));
    EXPECT_TRUE(p.records.isEmpty());
    EXPECT_TRUE(p.readError.contains(u"UTF-16")) << p.readError.toStdString();
}

TEST(CsvReader, DetectsTheDelimiter) {
    EXPECT_EQ(parse("a,b,c\n1,2,3\n").delimiter, ',');
    EXPECT_EQ(parse("a;b;c\n1;2,5;3\n").delimiter, ';');
    EXPECT_EQ(parse("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
    // Other delimiters inside quoted fields do not count.
    EXPECT_EQ(parse("\"a,b,c\";d\n\"1,2,3\";4\n").delimiter, ';');
    // Commas in descriptions of a semicolon file: the consistent split wins.
    EXPECT_EQ(parse("name;desc\nAcme;a, b, c\nGlobex;d, e\n").delimiter, ';');
    EXPECT_EQ(parse("single\nvalue\n").delimiter, ',');

    const Parsed semi = parse("Name;Website\r\n\"Acme; Inc\";acme.com\r\n");
    ASSERT_EQ(semi.records.size(), 2);
    EXPECT_EQ(semi.records[1].fields, fields({"Acme; Inc", "acme.com"}));
    const Parsed tab = parse("Name\tWebsite\nAcme, Inc\tacme.com\n");
    EXPECT_EQ(tab.records[1].fields, fields({"Acme, Inc", "acme.com"}));
}

TEST(CsvReader, ExplicitDelimiterIsUsed) {
    const Parsed p = parse("a;b,c\n1;2,3\n", ',');
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_EQ(p.records[1].fields, fields({"1;2", "3"}));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsKept) {
    const Parsed p = parse("a,b\n5\" Screens,x\n");
    ASSERT_EQ(p.records.size(), 2);
    EXPECT_EQ(p.records[1].fields, fields({"5\" Screens", "x"}));
    EXPECT_TRUE(p.records[1].error.isEmpty());
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
    const Parsed p = parse("a,b\n\"Acme\" Inc,x\nok,row\n");
    ASSERT_EQ(p.records.size(), 3);
    EXPECT_EQ(p.records[1].line, 2);
    EXPECT_TRUE(p.records[1].error.contains(u"closing quote of field 1")) << p.records[1].error.toStdString();
    EXPECT_TRUE(p.records[2].error.isEmpty());
    EXPECT_EQ(p.records[2].fields, fields({"ok", "row"}));
}

TEST(CsvReader, UnterminatedQuoteIsReportedOnItsLineAndReadingGoesOn) {
    const Parsed p = parse("a,b\n1,2\n\"Acme,x\n3,4\n5,6\n");
    ASSERT_EQ(p.records.size(), 5);
    EXPECT_EQ(p.records[2].line, 3);
    EXPECT_TRUE(p.records[2].error.contains(u"never closed")) << p.records[2].error.toStdString();
    EXPECT_EQ(p.records[3].line, 4);
    EXPECT_EQ(p.records[3].fields, fields({"3", "4"}));
    EXPECT_EQ(p.records[4].line, 5);
}

TEST(CsvReader, OverlongRecordIsSkippedToTheNextLine) {
    QByteArray input = "a,b\n\"open";
    for (int i = 0; i < 50; ++i)
        input += "\nfiller line " + QByteArray::number(i) + ",x";
    input += "\n";
    const Parsed p = parse(input, 0, 64);
    ASSERT_GE(p.records.size(), 3);
    EXPECT_EQ(p.records[1].line, 2);
    EXPECT_TRUE(p.records[1].error.contains(u"longer than")) << p.records[1].error.toStdString();
    EXPECT_EQ(p.records[2].line, 3);
    EXPECT_EQ(p.records[2].fields, fields({"filler line 0", "x"}));
    EXPECT_EQ(p.records.last().line, 52);
}

TEST(CsvReader, EmptyInput) {
    EXPECT_TRUE(parse("").records.isEmpty());
    EXPECT_TRUE(parse("\xEF\xBB\xBF").records.isEmpty());
    EXPECT_TRUE(parse("\n\r\n").records.isEmpty());
}

TEST(CsvReader, ReadErrorMidway) {
    QByteArray input = "a,b\n";
    for (int i = 0; i < 1000; ++i)
        input += "value" + QByteArray::number(i) + ",x\n";
    ScriptedDevice device(input, 100, 2000);
    CsvReader reader(&device);
    CsvRecord r;
    int n = 0;
    while (reader.readNext(r))
        ++n;
    EXPECT_TRUE(reader.hasReadError());
    EXPECT_TRUE(reader.readError().contains(u"simulated")) << reader.readError().toStdString();
    EXPECT_LT(n, 1001);
}

TEST(CsvReader, LargeInputCrossesChunks) {
    QByteArray input = "id,text\n";
    for (int i = 0; i < 30000; ++i)
        input +=
            QByteArray::number(i) + ",\"multi\nline, with \"\"quotes\"\" " + QByteArray::number(i) + "\"\n";
    QBuffer buffer(&input);
    ASSERT_TRUE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord r;
    ASSERT_TRUE(reader.readNext(r));
    int n = 0;
    while (reader.readNext(r)) {
        ASSERT_EQ(r.fields.size(), 2);
        ASSERT_EQ(r.fields[0], QString::number(n));
        ASSERT_EQ(r.fields[1], QStringLiteral("multi\nline, with \"quotes\" %1").arg(n));
        ASSERT_EQ(r.line, 2 + 2 * n);
        ++n;
    }
    EXPECT_EQ(n, 30000);
    EXPECT_FALSE(reader.hasReadError());
    EXPECT_EQ(reader.bytesConsumed(), input.size());
}
