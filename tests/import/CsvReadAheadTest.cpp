#include "tests/import/TestDevices.h"

#include "core/import/CsvReadAhead.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using namespace syncdesk;
using syncdesk::test::ScriptedDevice;

namespace {

struct Item {
    CsvRecord record;
    QString prepared; // set by the reading thread
};

// A file of `rows` records, some spanning two lines, one malformed, with blank lines between.
QByteArray sampleFile(int rows) {
    QByteArray out = "name,note\n";
    for (int i = 0; i < rows; ++i) {
        out += "row" + QByteArray::number(i) + ',';
        if (i % 97 == 0)
            out += "\"two\nlines\"";
        else if (i % 301 == 0)
            out += "\"closed\" then text";
        else
            out += "n" + QByteArray::number(i);
        out += '\n';
        if (i % 50 == 0)
            out += '\n';
    }
    return out;
}

QList<CsvRecord> readDirectly(const QByteArray& input, QString* readError, qint64* lastLine) {
    ScriptedDevice device(input, 1000);
    CsvReader reader(&device);
    QList<CsvRecord> out;
    CsvRecord r;
    while (reader.readNext(r))
        out.append(r);
    *readError = reader.readError();
    *lastLine = r.lastLine;
    return out;
}

TEST(CsvReadAhead, GivesTheReadersRecordsInOrderWithWhatPrepareMade) {
    // More rows than the batches that can wait at once, so that batches are filled again.
    const int rows = int(CsvReadAhead<Item>::BatchSize * CsvReadAhead<Item>::MaxBatches * 3 + 17);
    const QByteArray input = sampleFile(rows);
    QString expectedError;
    qint64 expectedLastLine = 0;
    const QList<CsvRecord> expected = readDirectly(input, &expectedError, &expectedLastLine);
    ASSERT_EQ(expected.size(), rows + 1); // and the header

    ScriptedDevice device(input, 1000);
    CsvReader reader(&device);
    const std::thread::id consumer = std::this_thread::get_id();
    bool preparedElsewhere = true;
    CsvReadAhead<Item> ahead(reader, [&](Item& item) {
        preparedElsewhere = preparedElsewhere && std::this_thread::get_id() != consumer;
        item.prepared = item.record.fields.value(0) + QStringLiteral("!");
    });
    qsizetype i = 0;
    while (Item* item = ahead.next()) {
        ASSERT_LT(i, expected.size());
        EXPECT_EQ(item->record.fields, expected[i].fields) << i;
        EXPECT_EQ(item->record.line, expected[i].line) << i;
        EXPECT_EQ(item->record.lastLine, expected[i].lastLine) << i;
        EXPECT_EQ(item->record.error, expected[i].error) << i;
        EXPECT_EQ(item->prepared, expected[i].fields.value(0) + QStringLiteral("!")) << i;
        ++i;
    }
    EXPECT_EQ(i, expected.size());
    EXPECT_FALSE(ahead.hasReadError());
    EXPECT_EQ(ahead.lastLine(), expectedLastLine);
    EXPECT_TRUE(preparedElsewhere) << "prepare must run on the reading thread";
    EXPECT_EQ(ahead.next(), nullptr) << "the end stays the end";
}

TEST(CsvReadAhead, ReportsAReadErrorAfterTheRecordsBeforeIt) {
    // The reader asks for 1 MB at a time: the error comes with the second or third chunk.
    const QByteArray input = sampleFile(200000);
    ASSERT_GT(input.size(), 2 << 20);
    const qint64 failAfter = input.size() / 2;
    QList<CsvRecord> expected;
    QString expectedError;
    qint64 expectedLastLine = 0;
    {
        ScriptedDevice device(input, 700, failAfter);
        CsvReader reader(&device);
        CsvRecord r;
        while (reader.readNext(r))
            expected.append(r);
        expectedError = reader.readError();
        expectedLastLine = r.lastLine;
    }
    ASSERT_FALSE(expectedError.isEmpty());
    ASSERT_GT(expectedLastLine, 1000);

    ScriptedDevice device(input, 700, failAfter);
    CsvReader reader(&device);
    CsvReadAhead<Item> ahead(reader, nullptr);
    qsizetype n = 0;
    while (Item* item = ahead.next()) {
        ASSERT_LT(n, expected.size());
        EXPECT_EQ(item->record.fields, expected[n].fields) << n;
        ++n;
    }
    EXPECT_EQ(n, expected.size());
    EXPECT_TRUE(ahead.hasReadError());
    EXPECT_EQ(ahead.readError(), expectedError);
    EXPECT_EQ(ahead.lastLine(), expectedLastLine);
}

TEST(CsvReadAhead, EndsEarlyWhileTheReaderWaitsForRoom) {
    // The consumer stops after a few records (an import that fails on a write): the reading thread,
    // blocked because every batch is full, must stop and be joined, and must not read the whole file.
    const QByteArray input = sampleFile(50000);
    ScriptedDevice device(input, 4096);
    {
        CsvReader reader(&device);
        CsvReadAhead<Item> ahead(reader, nullptr);
        for (int i = 0; i < 10; ++i)
            ASSERT_NE(ahead.next(), nullptr);
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // let it fill every batch
    }
    EXPECT_LT(device.bytesDelivered(), input.size());
}

} // namespace
