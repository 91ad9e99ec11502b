#include "core/import/BatchQueue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace syncdesk;
using Batch = std::vector<int>;

// Everything the producer pushes arrives, in order, although the queue holds only two batches.
TEST(BatchQueue, HandsOverEveryBatchInOrderWhileTheProducerWaitsForRoom) {
    BatchQueue<Batch> queue(2);
    std::thread producer([&] {
        for (int b = 0; b < 500; ++b)
            ASSERT_TRUE(queue.push(Batch{b * 3, b * 3 + 1, b * 3 + 2}));
        queue.finish();
    });
    std::vector<int> received;
    Batch batch;
    while (queue.pop(batch))
        received.insert(received.end(), batch.begin(), batch.end());
    producer.join();
    ASSERT_EQ(received.size(), 1500u);
    for (int i = 0; i < 1500; ++i)
        ASSERT_EQ(received[size_t(i)], i);
    EXPECT_FALSE(queue.pop(batch)); // finished and empty: stays so
}

TEST(BatchQueue, AFinishedQueueStillDeliversWhatWaits) {
    BatchQueue<Batch> queue(4);
    ASSERT_TRUE(queue.push(Batch{1}));
    ASSERT_TRUE(queue.push(Batch{2}));
    queue.finish();
    Batch batch;
    ASSERT_TRUE(queue.pop(batch));
    EXPECT_EQ(batch, Batch{1});
    ASSERT_TRUE(queue.tryPop(batch));
    EXPECT_EQ(batch, Batch{2});
    EXPECT_FALSE(queue.tryPop(batch));
    EXPECT_FALSE(queue.pop(batch));
}

// stop() releases a producer blocked on a full queue; later pushes fail at once and nothing more
// is delivered.
TEST(BatchQueue, StopReleasesAProducerWaitingForRoom) {
    BatchQueue<Batch> queue(1);
    ASSERT_TRUE(queue.push(Batch{1}));
    std::atomic<int> pushResult{-1};
    std::thread producer([&] { pushResult = queue.push(Batch{2}) ? 1 : 0; });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(pushResult, -1); // blocked: the queue is full
    queue.stop();
    producer.join();
    EXPECT_EQ(pushResult, 0);
    EXPECT_GE(queue.pushWaited().count(), 15);
    EXPECT_FALSE(queue.push(Batch{3}));
    Batch batch;
    EXPECT_FALSE(queue.pop(batch));
    EXPECT_FALSE(queue.tryPop(batch));
}

TEST(BatchQueue, StopReleasesAConsumerWaitingForBatches) {
    BatchQueue<Batch> queue(2);
    std::atomic<int> popResult{-1};
    std::thread consumer([&] {
        Batch batch;
        popResult = queue.pop(batch) ? 1 : 0;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(popResult, -1); // nothing to take yet
    queue.stop();
    consumer.join();
    EXPECT_EQ(popResult, 0);
}

// With a weight limit (the importer's: bytes of the file), heavy batches wait for room even when
// fewer than `capacity` are waiting; one batch is always let in, however heavy.
TEST(BatchQueue, HeavyBatchesWaitForRoomByWeight) {
    BatchQueue<Batch> queue(8, 100);
    ASSERT_TRUE(queue.push(Batch{1}, 250)); // heavier than the limit, but the queue is empty
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 2; i <= 4; ++i) {
            ASSERT_TRUE(queue.push(Batch{i}, 60));
            ++pushed;
        }
        queue.finish();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(pushed, 0); // 250 waiting: no room for 60 more
    Batch batch;
    std::vector<int> received;
    while (queue.pop(batch)) {
        received.push_back(batch.front());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    producer.join();
    EXPECT_EQ(received, (std::vector<int>{1, 2, 3, 4}));
    EXPECT_GT(queue.pushWaited().count(), 0);
}
