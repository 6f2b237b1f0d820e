// phold_common.h - shared pieces of the Metro6 PHOLD peers (phold_heap.cpp, phold_ns3.cc):
// command line, RNG, draw order, checksum and JSON output. Header-only; no build of its own.
//
// The model is the one of `metro6 bench phold` (Sources/SimCore/Workloads/PHOLD.swift). The
// peers' default Exp(1) sampler is -log(1 - u), as the benchmark is specified; metro6 samples
// Exp(1) with a ziggurat, so only with `--exponential ziggurat` do a peer and metro6 draw the same
// numbers and print the same checksum (everything else below is already identical).
//   * N LPs, each starting with E pending events. Set-up draws, LP-major:
//       for lp in 0..<N { for j in 0..<E { schedule(lp, at: expo()) } }
//     Each scheduled event gets the next value of a global sequence number (0, 1, 2, ...);
//     events are ordered by (time, seq), so equal times are served first-in first-out.
//   * Processing an event at LP i, time t:
//       counter[i] += 1
//       delay = L + expo()                    // 1st draw (ziggurat: one or more)
//       u     = u01()                         // 2nd draw, always taken
//       dest  = u < R ? uniform(N) : i        // 3rd draw only when remote
//       schedule(dest, at: t + delay)
//     The run stops once K events have been processed (the K-th still schedules its
//     successor, so every processed event costs the same).
//   * RNG: xoshiro256** whose four words are four successive splitmix64 outputs, the
//     splitmix64 state starting at the seed.
//       u01()      = Double(next() >> 11) * 2^-53          in [0, 1)
//       expo()     = -log(1 - u01())                       mean 1
//       uniform(N) = high 64 bits of next() * N, Lemire's rejection when the low half < 2^64 mod N
//                    (exactly Swift's `RandomNumberGenerator.next(upperBound:)`)
//     `--exponential ziggurat` swaps expo() for metro6's ziggurat (see ZigguratExponential).
//   * checksum: FNV-1a 64 (offset 0xcbf29ce484222325, prime 0x100000001b3) over the bytes of
//     counter[0..<N], each as a little-endian UInt64, printed as 16 lower-case hex digits.
//   * Output: one JSON line
//       {"events":K,"seconds":S,"eventsPerSecond":X,"finalTime":T,"checksum":"hex"}
//     where S times the event loop only (not set-up, not tear-down) and T is the time of
//     the K-th processed event.
#pragma once

#include <cerrno>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace phold {

// ---------------------------------------------------------------- RNG

inline uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

struct Xoshiro256ss {
    uint64_t s[4];

    explicit Xoshiro256ss(uint64_t seed) {
        uint64_t st = seed;
        for (auto& w : s) w = splitmix64(st);
    }

    static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    inline uint64_t next() {
        const uint64_t result = rotl(s[1] * 5, 7) * 9;
        const uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }

    inline double u01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // 0.0 - log(...) rather than -log(...): for u = 0 this is +0.0, never -0.0, so times stay
    // non-negative in their bit patterns too (phold_heap compares those).
    inline double expo() { return 0.0 - std::log(1.0 - u01()); }

    // Lemire's multiply-high with rejection: exactly Swift's `next(upperBound:)` for UInt64,
    // so the draws match metro6 for every N (for a power of two it never rejects).
    inline uint32_t uniform(uint32_t n) {
        const uint64_t bound = n;
        const unsigned __int128 m = static_cast<unsigned __int128>(next()) * bound;
        if (__builtin_expect(static_cast<uint64_t>(m) < bound, 0)) return uniform_rare(bound, m);
        return static_cast<uint32_t>(m >> 64);
    }

    // The rare path (probability n / 2^64), kept out of line so uniform() inlines.
    __attribute__((noinline)) uint32_t uniform_rare(uint64_t bound, unsigned __int128 m) {
        const uint64_t t = (0 - bound) % bound;
        while (static_cast<uint64_t>(m) < t) m = static_cast<unsigned __int128>(next()) * bound;
        return static_cast<uint32_t>(m >> 64);
    }
};

// ---------------------------------------------------------------- Exp(1) samplers
//
// LogExponential is the definition above (-log(1 - u)), the peers' default. ZigguratExponential
// is the same algorithm, tables and draw order as metro6's SimCore `ExponentialZiggurat` (256
// equal-area layers, Marsaglia & Tsang 2000; low 8 bits pick the layer, top 53 the position,
// tail = r + Exp(1)), so with `--exponential ziggurat` a peer consumes the random stream exactly
// as the Swift engine does and the checksums of the two can be compared.

struct LogExponential {
    static constexpr const char* name = "log";
    inline double operator()(Xoshiro256ss& g) const { return g.expo(); }
};

class ZigguratExponential {
public:
    static constexpr const char* name = "ziggurat";

    ZigguratExponential() {
        const double r = kTailStart;
        const double area = 0.0039496598225815571993;
        double edges[256];
        edges[0] = r;
        for (int i = 1; i < 255; ++i) edges[i] = -std::log(std::exp(-edges[i - 1]) + area / edges[i - 1]);
        edges[255] = 0.0;
        const double scale = 0x1.0p53;
        for (int layer = 0; layer < 256; ++layer) {
            const double outer_edge = layer == 0 ? area / std::exp(-r) : edges[layer - 1];
            width_[layer] = outer_edge / scale;
            inner_[layer] = static_cast<uint64_t>(edges[layer] / outer_edge * scale);
            density_outer_[layer] = layer == 0 ? 0.0 : std::exp(-edges[layer - 1]);
            density_inner_[layer] = std::exp(-edges[layer]);
        }
    }

    inline double operator()(Xoshiro256ss& g) const {
        double offset = 0.0;
        for (;;) {
            const uint64_t bits = g.next();
            const unsigned layer = static_cast<unsigned>(bits & 0xFF);
            const uint64_t position = bits >> 11;
            const double x = static_cast<double>(position) * width_[layer];
            if (__builtin_expect(position < inner_[layer], 1)) return offset + x;
            if (layer == 0) {
                offset += kTailStart;
                continue;
            }
            const double outer = density_outer_[layer];
            const double y = outer + g.u01() * (density_inner_[layer] - outer);
            if (y < std::exp(-x)) return offset + x;
        }
    }

private:
    static constexpr double kTailStart = 7.69711747013104972;
    double width_[256];
    uint64_t inner_[256];
    double density_outer_[256];
    double density_inner_[256];
};

// ---------------------------------------------------------------- command line

struct Options {
    uint32_t lps = 1024;
    uint32_t population = 16;
    double remote = 0.9;
    double lookahead = 0.1;
    uint64_t events = 1000000;
    uint64_t seed = 1;
    std::string queue = "heap4";        // phold_heap only
    std::string scheduler = "heap";     // phold_ns3 only
    std::string exponential = "log";    // log | ziggurat
};

[[noreturn]] inline void usage_error(const char* prog, const std::string& msg, const char* extra) {
    std::fprintf(stderr, "%s: %s\n", prog, msg.c_str());
    std::fprintf(stderr,
                 "usage: %s --lps N --population E --remote R --lookahead L --events K --seed S"
                 " [--exponential log|ziggurat]%s\n",
                 prog, extra);
    std::exit(2);
}

// Parses `--flag value` and `--flag=value`. `accepted` names the peer-specific flag
// ("queue" or "scheduler"); `--format json` is accepted and ignored for symmetry with metro6.
inline Options parse_options(int argc, char** argv, const char* accepted, const char* extra) {
    Options o;
    const char* prog = argv[0];
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fprintf(stdout,
                         "usage: %s --lps N --population E --remote R --lookahead L --events K "
                         "--seed S [--exponential log|ziggurat]%s\n",
                         prog, extra);
            std::exit(0);
        }
        if (a.rfind("--", 0) != 0) usage_error(prog, "unexpected argument '" + a + "'", extra);
        std::string name = a.substr(2), value;
        auto eq = name.find('=');
        if (eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else {
            if (i + 1 >= argc) usage_error(prog, "missing value for --" + name, extra);
            value = argv[++i];
        }
        char* end = nullptr;
        errno = 0;
        auto need_end = [&](void) {
            if (end == value.c_str() || *end != '\0' || errno != 0)
                usage_error(prog, "bad value '" + value + "' for --" + name, extra);
        };
        if (name == "lps") {
            unsigned long long v = std::strtoull(value.c_str(), &end, 10); need_end();
            if (v < 1 || v > 0xFFFFFFFFULL) usage_error(prog, "--lps must be in 1...2^32-1", extra);
            o.lps = static_cast<uint32_t>(v);
        } else if (name == "population") {
            unsigned long long v = std::strtoull(value.c_str(), &end, 10); need_end();
            if (v < 1 || v > 0xFFFFFFFFULL) usage_error(prog, "--population must be >= 1", extra);
            o.population = static_cast<uint32_t>(v);
        } else if (name == "remote") {
            o.remote = std::strtod(value.c_str(), &end); need_end();
            if (!(o.remote >= 0.0 && o.remote <= 1.0)) usage_error(prog, "--remote must be in [0, 1]", extra);
        } else if (name == "lookahead") {
            o.lookahead = std::strtod(value.c_str(), &end); need_end();
            if (!(o.lookahead >= 0.0) || !std::isfinite(o.lookahead))
                usage_error(prog, "--lookahead must be finite and >= 0", extra);
        } else if (name == "events") {
            unsigned long long v = std::strtoull(value.c_str(), &end, 10); need_end();
            if (v < 1) usage_error(prog, "--events must be >= 1", extra);
            o.events = v;
        } else if (name == "seed") {
            o.seed = std::strtoull(value.c_str(), &end, 0); need_end();
        } else if (name == "format") {
            if (value != "json") usage_error(prog, "only --format json is supported", extra);
        } else if (name == "exponential") {
            if (value != "log" && value != "ziggurat")
                usage_error(prog, "--exponential must be log or ziggurat", extra);
            o.exponential = value;
        } else if (name == accepted) {
            (name == "queue" ? o.queue : o.scheduler) = value;
        } else {
            usage_error(prog, "unknown option --" + name, extra);
        }
    }
    if (static_cast<uint64_t>(o.lps) * o.population > 0xFFFFFFFFULL)
        usage_error(prog, "lps * population is too large", extra);
    return o;
}

// ---------------------------------------------------------------- result

inline uint64_t fnv1a_counters(const std::vector<uint64_t>& counters) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint64_t c : counters) {
        for (int b = 0; b < 8; ++b) {
            h ^= (c >> (8 * b)) & 0xFF;
            h *= 0x100000001b3ULL;
        }
    }
    return h;
}

inline void print_result(uint64_t events, double seconds, double final_time,
                         const std::vector<uint64_t>& counters) {
    const double eps = seconds > 0 ? static_cast<double>(events) / seconds : 0.0;
    std::printf("{\"events\":%" PRIu64 ",\"seconds\":%.6f,\"eventsPerSecond\":%.1f,"
                "\"finalTime\":%.17g,\"checksum\":\"%016" PRIx64 "\"}\n",
                events, seconds, eps, final_time, fnv1a_counters(counters));
    std::fflush(stdout);
}

}  // namespace phold
