#pragma once

#include <QHashFunctions>
#include <QStringView>

#include <cstdlib>
#include <memory>
#include <new>
#include <utility>

namespace syncdesk {

// Identity values of the workspace's records (docs/import.md), by 64-bit hash: a miss proves that no
// record has the value; a hit is a candidate that the caller verifies against the stored record.
//
// Each kind is one open-addressing table (hash, id) probed linearly: a lookup reads one or two
// neighbouring cache lines. A fresh import of a million companies asks ~3 times a row, at random
// places in tables of tens of MB, and on the 2-core VM of docs/import.md a memory access that misses
// the cache costs ~250 ns: QHash (an array of offsets, then the entries elsewhere) missed twice per
// operation. prefetch() starts loading a value's place before it is asked for (the importer's writer
// does it for the next row's values while it writes a row).
class IdentityIndex {
public:
    enum Kind { External, Key, Name, KindCount };

    // Names are compared with ASCII letters folded: pass them as they are.
    void add(Kind kind, QStringView value, qint64 id) { add(kind, hash(kind, value), id); }
    qint64 find(Kind kind, QStringView value) const { return find(kind, hash(kind, value)); }

    // The same with the value's hash(), computed ahead (an import's reading thread does). 0: no value.
    using Hash = quint64;
    static Hash hash(Kind kind, QStringView value) {
        if (value.isEmpty())
            return 0;
        const Hash h = kind == Name ? nameHash(value) : qHash(value, size_t(0x9E3779B97F4A7C15ull));
        return h == 0 ? 1 : h;
    }
    void add(Kind kind, Hash h, qint64 id) {
        if (h != 0 && id != 0)
            m_tables[kind].add(h, id); // keeps the oldest, like "ORDER BY id LIMIT 1"
    }
    qint64 find(Kind kind, Hash h) const { return h == 0 ? 0 : m_tables[kind].find(h); }
    void prefetch(Kind kind, Hash h) const {
        if (h != 0)
            m_tables[kind].prefetch(h);
    }
    void reserve(qsizetype n) {
        for (Table& t : m_tables)
            t.reserve(size_t(qMax<qsizetype>(n, 0)));
    }
    void clear() {
        for (Table& t : m_tables)
            t = {};
    }
    qsizetype size(Kind kind) const { return qsizetype(m_tables[kind].size()); }

    static char16_t foldAscii(char16_t c) { return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c; }

private:
    static quint64 nameHash(QStringView value) {
        quint64 h = 0xcbf29ce484222325ull; // FNV-1a over the folded UTF-16 code units
        for (QChar c : value)
            h = (h ^ foldAscii(c.unicode())) * 0x100000001b3ull;
        return h ^ (h >> 29);
    }

    class Table {
    public:
        void reserve(size_t n) {
            if (slotsFor(n) > m_capacity)
                rehash(slotsFor(n));
        }
        size_t size() const { return m_count; }
        qint64 find(quint64 h) const {
            if (m_capacity == 0)
                return 0;
            for (size_t i = home(h);; i = next(i)) {
                const Slot& s = m_slots[i];
                if (s.id == 0)
                    return 0;
                if (s.hash == h)
                    return s.id;
            }
        }
        void add(quint64 h, qint64 id) {
            if (m_capacity == 0 || (m_count + 1) * 10 > m_capacity * 7)
                rehash(qMax<size_t>(slotsFor(m_count + 1), 2 * m_capacity));
            for (size_t i = home(h);; i = next(i)) {
                Slot& s = m_slots[i];
                if (s.id == 0) {
                    s = {h, id};
                    ++m_count;
                    return;
                }
                if (s.hash == h)
                    return;
            }
        }
        void prefetch(quint64 h) const {
            if (m_capacity != 0)
                __builtin_prefetch(&m_slots[home(h)]);
        }

    private:
        struct Slot {
            quint64 hash = 0;
            qint64 id = 0; // 0: empty (record ids start at 1)
        };
        // At most 70% full: a miss then reads ~6 slots on average, in one or two cache lines.
        static size_t slotsFor(size_t n) { return qMax<size_t>(16, n / 7 * 10 + 10); }
        // The slot a hash starts at: its high bits scaled to the table's size (any size, no power of 2).
        size_t home(quint64 h) const {
            __extension__ using Wide = unsigned __int128;
            return size_t(Wide(h) * m_capacity >> 64);
        }
        size_t next(size_t i) const { return i + 1 == m_capacity ? 0 : i + 1; }
        void rehash(size_t capacity) {
            // calloc: large blocks are the kernel's zero pages until written, so a kind that gets no
            // value (a file without an id column) costs no memory.
            auto* zeroed = static_cast<Slot*>(std::calloc(capacity, sizeof(Slot)));
            if (!zeroed)
                throw std::bad_alloc();
            Slots old = std::exchange(m_slots, Slots(zeroed));
            const size_t oldCapacity = std::exchange(m_capacity, capacity);
            m_count = 0;
            for (size_t i = 0; i < oldCapacity; ++i) {
                if (old[i].id != 0)
                    add(old[i].hash, old[i].id);
            }
        }

        struct Free {
            void operator()(Slot* p) const { std::free(p); }
        };
        using Slots = std::unique_ptr<Slot[], Free>;
        Slots m_slots;
        size_t m_capacity = 0;
        size_t m_count = 0;
    };

    Table m_tables[KindCount];
};

} // namespace syncdesk
