// phold_ns3.cc - PHOLD on ns-3's own discrete-event simulator, as a peer of `metro6 bench phold`.
//
// Every event is a real ns-3 event: ns3::Simulator::Schedule(delay, &Handle, lp) (a function
// callback bound to the LP number, allocated by ns-3's MakeEvent), run by ns3::Simulator::Run()
// with the scheduler chosen by --scheduler (set through ns3::ObjectFactory and
// Simulator::SetScheduler before anything is scheduled):
//   map       ns3::MapScheduler            (std::map; ns-3's default)
//   heap      ns3::HeapScheduler           (binary heap)
//   priority  ns3::PriorityQueueScheduler  (std::priority_queue)
//   calendar  ns3::CalendarScheduler
//   list      ns3::ListScheduler           (sorted list, O(n) insert: only for tiny runs)
// The handler that processes the K-th event calls Simulator::Stop(), which ends Run() after it.
//
// Random numbers: NOT ns-3's RandomVariableStream, but the same xoshiro256** stream, draw order
// and Exp(1) sampler as the other peers (phold_common.h), so that the work done is identical.
// ns-3 time is an integer tick count: a draw is rounded to the nearest tick, and ties are broken
// by ns-3's event uid (insertion order, i.e. first-in first-out as in metro6). The tick is chosen
// so the run cannot overflow int64: femtoseconds while the expected final time is below ~2000
// time units, else picoseconds, else nanoseconds (override with --resolution fs|ps|ns). With
// femtosecond ticks the order of events, hence the checksum, almost always equals the
// double-precision peers'; a tie within a few ticks could reorder two events.
//
// Caveat: this links the Debian ns-3 (libns3-dev 3.37; see build.sh), whose libraries have
// NS_LOG logging compiled in (every scheduler call checks whether its log component is enabled).
// It is therefore slower than an ns-3 configured with `./ns3 configure --build-profile=optimized`;
// the figures are those of the ns-3 that a user gets from the distribution.
//
// Build:  g++ -std=c++17 -O3 -march=x86-64-v2 -I/usr/include -o bin/phold_ns3 phold_ns3.cc -lns3-core
// Run:    bin/phold_ns3 --lps 1024 --population 16 --remote 0.9 --lookahead 0.1 --events 20000000
//                       --seed 1 [--scheduler map|heap|priority|calendar|list]
//                       [--exponential log|ziggurat] [--resolution fs|ps|ns]
// (Tools/peers/build.sh does the build.)
#include "phold_common.h"

#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/simulator.h"

#include <chrono>
#include <climits>
#include <string>
#include <vector>

using ns3::Simulator;
using ns3::Time;

namespace {

struct State {
    uint32_t lps = 0;
    double remote = 0;
    double lookahead = 0;
    uint64_t target = 0;  // K
    uint64_t processed = 0;
    double ticks_per_unit = 0;
    int64_t final_ticks = 0;
    std::vector<uint64_t> counters;
    phold::Xoshiro256ss rng{0};
};

State g;
constexpr int64_t kTickLimit = 4000000000000000000LL;  // about INT64_MAX / 2

inline int64_t to_ticks(double units) {
    const double ticks = units * g.ticks_per_unit;
    if (!(ticks < static_cast<double>(kTickLimit))) {
        std::fprintf(stderr, "phold_ns3: time overflows the ns-3 tick range; use a coarser --resolution\n");
        std::exit(3);
    }
    return std::llround(ticks);
}

template <class Expo>
struct Model {
    static const Expo expo;

    static void Handle(uint32_t lp) {
        ++g.counters[lp];
        const double delay = g.lookahead + expo(g.rng);
        const uint32_t dest = g.rng.u01() < g.remote ? g.rng.uniform(g.lps) : lp;
        Simulator::Schedule(Time(to_ticks(delay)), &Model::Handle, dest);
        if (++g.processed == g.target) {
            g.final_ticks = Simulator::Now().GetTimeStep();
            Simulator::Stop();
        } else if ((g.processed & 0xFFFF) == 0 && Simulator::Now().GetTimeStep() > kTickLimit) {
            std::fprintf(stderr, "phold_ns3: time overflows the ns-3 tick range; use a coarser --resolution\n");
            std::exit(3);
        }
    }

    static double Run(const phold::Options& o) {
        g.rng = phold::Xoshiro256ss(o.seed);
        for (uint32_t lp = 0; lp < o.lps; ++lp)
            for (uint32_t j = 0; j < o.population; ++j)
                Simulator::Schedule(Time(to_ticks(expo(g.rng))), &Model::Handle, lp);
        const auto t0 = std::chrono::steady_clock::now();
        Simulator::Run();
        const auto t1 = std::chrono::steady_clock::now();
        return std::chrono::duration<double>(t1 - t0).count();
    }
};

template <class Expo>
const Expo Model<Expo>::expo{};

}  // namespace

int main(int argc, char** argv) {
    // --resolution is ours only; take it out before the common parser sees the arguments.
    std::string resolution;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--resolution" && i + 1 < argc) {
            resolution = argv[++i];
        } else if (a.rfind("--resolution=", 0) == 0) {
            resolution = a.substr(13);
        } else {
            args.push_back(argv[i]);
        }
    }
    const char* extra = " [--scheduler map|heap|priority|calendar|list] [--resolution fs|ps|ns]";
    phold::Options o = phold::parse_options(static_cast<int>(args.size()), args.data(), "scheduler", extra);

    std::string type_id;
    if (o.scheduler == "map") type_id = "ns3::MapScheduler";
    else if (o.scheduler == "heap") type_id = "ns3::HeapScheduler";
    else if (o.scheduler == "priority") type_id = "ns3::PriorityQueueScheduler";
    else if (o.scheduler == "calendar") type_id = "ns3::CalendarScheduler";
    else if (o.scheduler == "list") type_id = "ns3::ListScheduler";
    else phold::usage_error(argv[0], "unknown --scheduler '" + o.scheduler + "'", extra);

    // Expected final time: N*E events are always pending and each waits L + 1 on average.
    const double expected_end =
        static_cast<double>(o.events) * (o.lookahead + 1.0) / (static_cast<double>(o.lps) * o.population) + 50.0;
    if (resolution.empty()) resolution = expected_end < 2.0e3 ? "fs" : expected_end < 2.0e6 ? "ps" : "ns";
    if (resolution == "fs") {
        Time::SetResolution(Time::FS);
        g.ticks_per_unit = 1e15;
    } else if (resolution == "ps") {
        Time::SetResolution(Time::PS);
        g.ticks_per_unit = 1e12;
    } else if (resolution == "ns") {
        Time::SetResolution(Time::NS);
        g.ticks_per_unit = 1e9;
    } else {
        phold::usage_error(argv[0], "--resolution must be fs, ps or ns", extra);
    }

    ns3::ObjectFactory factory;
    factory.SetTypeId(type_id);
    Simulator::SetScheduler(factory);

    g.lps = o.lps;
    g.remote = o.remote;
    g.lookahead = o.lookahead;
    g.target = o.events;
    g.counters.assign(o.lps, 0);

    const double seconds = o.exponential == "ziggurat" ? Model<phold::ZigguratExponential>::Run(o)
                                                       : Model<phold::LogExponential>::Run(o);
    if (g.processed != o.events) {
        std::fprintf(stderr, "phold_ns3: processed %llu events, expected %llu\n",
                     static_cast<unsigned long long>(g.processed), static_cast<unsigned long long>(o.events));
        return 1;
    }
    std::fprintf(stderr, "phold_ns3: scheduler %s, resolution %s, exponential %s\n", type_id.c_str(),
                 resolution.c_str(), o.exponential.c_str());
    phold::print_result(o.events, seconds, static_cast<double>(g.final_ticks) / g.ticks_per_unit, g.counters);
    Simulator::Destroy();
    return 0;
}
