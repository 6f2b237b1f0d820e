// phold_heap.cpp - the "best hand-written C++ loop" peer for Metro6's PHOLD benchmark.
//
// One tight loop over a priority queue of 24-byte events {double time; uint64 seq; uint32 lp},
// ordered by (time, seq) so ties are first-in first-out. The model, RNG, draw order, checksum
// and JSON output are defined in phold_common.h; with --exponential ziggurat a run reproduces
// `metro6 bench phold` draw for draw (same checksum and finalTime).
//
// Queues (--queue):
//   heap4    4-ary implicit min-heap over one contiguous std::vector. Because every processed
//            event schedules exactly one successor, the loop uses the heap's "replace top"
//            (the classic PHOLD hold operation): the hole left by the minimum is walked down
//            to a leaf along the smallest children (3 branch-free comparisons per level, none
//            against the new event, grandchildren prefetched) and the new event is sifted up
//            from there. Default.
//   heap4pp  the same heap, but with a separate pop() then push(), i.e. the shape of a
//            general-purpose event calendar (a fairer mirror of an engine's pop + schedule).
//   stdpq    std::priority_queue<Event> (binary heap in std::vector): pop() then push().
//
// Build (portable, no -march=native):  g++ -std=c++17 -O3 -march=x86-64-v2 -o bin/phold_heap phold_heap.cpp
// Run:   bin/phold_heap --lps 1024 --population 16 --remote 0.9 --lookahead 0.1
//                       --events 20000000 --seed 1 [--queue heap4|heap4pp|stdpq]
//                       [--exponential log|ziggurat]
// (Tools/peers/build.sh does the build.)
#include "phold_common.h"

#include <chrono>
#include <cstring>
#include <queue>
#include <vector>

namespace {

struct Event {
    double time;
    uint64_t seq;
    uint32_t lp;
};

// Times are never negative, so the IEEE-754 bit pattern of `time` orders like the value;
// (bits(time), seq) as one 128-bit unsigned integer gives a branch-free (time, seq) compare.
inline unsigned __int128 key(const Event& e) {
    uint64_t bits;
    std::memcpy(&bits, &e.time, sizeof bits);
    return (static_cast<unsigned __int128>(bits) << 64) | e.seq;
}
inline bool before(const Event& a, const Event& b) { return key(a) < key(b); }

// 4-ary implicit min-heap: children of i are 4i+1 ... 4i+4.
class Heap4 {
public:
    void reserve(size_t n) { v_.reserve(n); }
    bool empty() const { return v_.empty(); }
    size_t size() const { return v_.size(); }
    const Event& top() const { return v_[0]; }

    void push(const Event& e) {
        v_.push_back(e);
        sift_up(v_.size() - 1, e);
    }

    void pop() {
        Event last = v_.back();
        v_.pop_back();
        if (!v_.empty()) replace_top(last);
    }

    // Removes the minimum and inserts `e` in one pass.
    void replace_top(const Event& e) {
        Event* a = v_.data();
        const size_t n = v_.size();
        size_t i = 0;
        // Walk the hole down to a leaf, always along the smallest child.
        for (;;) {
            const size_t c = 4 * i + 1;
            if (c + 3 < n) {
                // The grandchildren of i (16 events, 384 contiguous bytes) are where the next
                // level reads; fetching them now overlaps that memory latency with this level.
                const char* g = reinterpret_cast<const char*>(a + 4 * c + 1);
                for (int k = 0; k < 16 * static_cast<int>(sizeof(Event)); k += 64) __builtin_prefetch(g + k);
                // Full set of four children: branch-free tournament.
                // Index arithmetic instead of ?: so the compiler cannot turn the (unpredictable)
                // choices into branches.
                const size_t m01 = c + static_cast<size_t>(before(a[c + 1], a[c]));
                const size_t m23 = c + 2 + static_cast<size_t>(before(a[c + 3], a[c + 2]));
                const size_t pick = 0 - static_cast<size_t>(before(a[m23], a[m01]));
                const size_t m = m01 ^ ((m01 ^ m23) & pick);
                a[i] = a[m];
                i = m;
            } else {
                if (c < n) {
                    size_t m = c;
                    for (size_t k = c + 1; k < n; ++k)
                        if (before(a[k], a[m])) m = k;
                    a[i] = a[m];
                    i = m;
                }
                break;
            }
        }
        sift_up(i, e);
    }

private:
    void sift_up(size_t i, const Event& e) {
        Event* a = v_.data();
        while (i > 0) {
            const size_t p = (i - 1) / 4;
            if (!before(e, a[p])) break;
            a[i] = a[p];
            i = p;
        }
        a[i] = e;
    }

    std::vector<Event> v_;
};

struct Later {
    bool operator()(const Event& a, const Event& b) const { return before(b, a); }
};
using StdPQ = std::priority_queue<Event, std::vector<Event>, Later>;

struct Outcome {
    double seconds;
    double final_time;
};

// kHold: the queue supports replace_top (one pass); otherwise pop() then push().
template <bool kHold, class Queue, class Expo>
Outcome run(Queue& q, const phold::Options& o, phold::Xoshiro256ss& rng, const Expo& expo,
            std::vector<uint64_t>& counters, uint64_t seq) {
    const uint64_t K = o.events;
    const double L = o.lookahead, R = o.remote;
    const uint32_t N = o.lps;
    uint64_t* cnt = counters.data();
    double last = 0.0;

    const auto t0 = std::chrono::steady_clock::now();
    for (uint64_t done = 0; done < K; ++done) {
        const Event e = q.top();
        ++cnt[e.lp];
        const double delay = L + expo(rng);
        const uint32_t dest = rng.u01() < R ? rng.uniform(N) : e.lp;
        const Event next{e.time + delay, seq++, dest};
        if constexpr (kHold) {
            q.replace_top(next);
        } else {
            q.pop();
            q.push(next);
        }
        last = e.time;
    }
    const auto t1 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double>(t1 - t0).count(), last};
}

template <bool kHold, class Queue, class Expo>
Outcome setup_and_run_with(Queue& q, const phold::Options& o, std::vector<uint64_t>& counters) {
    const Expo expo;
    phold::Xoshiro256ss rng(o.seed);
    uint64_t seq = 0;
    for (uint32_t lp = 0; lp < o.lps; ++lp)
        for (uint32_t j = 0; j < o.population; ++j) q.push(Event{expo(rng), seq++, lp});
    return run<kHold>(q, o, rng, expo, counters, seq);
}

template <bool kHold, class Queue>
Outcome setup_and_run(Queue& q, const phold::Options& o, std::vector<uint64_t>& counters) {
    return o.exponential == "ziggurat"
               ? setup_and_run_with<kHold, Queue, phold::ZigguratExponential>(q, o, counters)
               : setup_and_run_with<kHold, Queue, phold::LogExponential>(q, o, counters);
}

}  // namespace

int main(int argc, char** argv) {
    const char* extra = " [--queue heap4|heap4pp|stdpq]";
    phold::Options o = phold::parse_options(argc, argv, "queue", extra);
    o.queue = o.queue.empty() ? "heap4" : o.queue;

    std::vector<uint64_t> counters(o.lps, 0);
    const size_t pending = static_cast<size_t>(o.lps) * o.population;
    Outcome r{};
    if (o.queue == "heap4" || o.queue == "heap4pp") {
        Heap4 q;
        q.reserve(pending + 1);
        r = o.queue == "heap4" ? setup_and_run<true>(q, o, counters)
                               : setup_and_run<false>(q, o, counters);
    } else if (o.queue == "stdpq") {
        std::vector<Event> storage;
        storage.reserve(pending + 1);
        StdPQ q(Later{}, std::move(storage));
        r = setup_and_run<false>(q, o, counters);
    } else {
        phold::usage_error(argv[0], "unknown --queue '" + o.queue + "'", extra);
    }
    phold::print_result(o.events, r.seconds, r.final_time, counters);
    return 0;
}
