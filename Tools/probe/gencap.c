/*
 * gencap - writes a large, deterministic, mixed Ethernet capture for benchmarking packet probes.
 *
 * Usage:  gencap N OUTFILE [seed]      N packets; OUTFILE "-" is standard output; seed defaults to 1
 * Build:  cc -O2 -o gencap gencap.c    (no dependencies)
 *
 * The output is a classic pcap file (magic 0xa1b2c3d4 written little-endian, version 2.4,
 * snaplen 262144, LINKTYPE_ETHERNET). The same N and seed always give the same bytes: the only
 * source of variation is the splitmix64 generator below, and packet i is stamped
 * 1,700,000,000 s + i * 20 us. Every frame is captured whole (captured length = wire length).
 *
 * The packet mix, per packet (weights in MIX below):
 *   41.2% IPv4 TCP      flows over ~5,000 hosts: clients in 198.18.0.0/15, servers in 192.0.2.0/24,
 *                       198.51.100.0/24 and 203.0.113.0/24; handshake, data (0..1400 bytes), FIN
 *   31.2% IPv6 TCP      the same over 2001:db8::/32 (3,000 clients, 600 servers); 4% of the flows
 *                       send a SYN that is never answered (sent three times, then abandoned);
 *                       payloads are TLS application-data records, or whole HTTP/1.1 messages
 *                       on port 80, so that dissectors keyed on the port see well-formed data
 *    8%   IPv4 DNS      A/AAAA queries and responses (CNAME chains and SOA records use compression
 *    7%   IPv6 DNS      pointers; some AAAA responses are empty, a few are NXDOMAIN)
 *    3%   ICMPv6        echo request/reply, neighbor solicitation/advertisement, router
 *                       advertisements (prefix 2001:db8:1::/64, MTU, RDNSS, source link-layer
 *                       options) and a rare Packet Too Big (MTU 1280) quoting an IPv6 packet
 *    2%   DHCPv6        Solicit/Advertise/Request/Reply with client and server IDs, IA_PD with an
 *                       IA prefix 2001:db8:ff00::/56, DNS servers (option 23)
 *    3%   802.1Q        VLAN 100..110 carrying IPv4 or IPv6 TCP
 *    1%   QinQ          0x88a8 outer tag (S-VLAN 200..203), 0x8100 inner tag, IPv4 or IPv6 TCP
 *    2%   tunnels       6in4, 6to4 (2002:V4ADDR::/48 inner addresses), Teredo (UDP 3544,
 *                       2001:0::/32 client addresses) and DS-Lite (IPv4 TCP in IPv6), 0.5% each
 *    1%   PPPoE         session frames carrying IPv4 (PPP 0x0021) or IPv6 (PPP 0x0057) TCP
 *    0.5% fragments     UDP datagrams of 1.8..4 KB cut into IPv4 fragments or IPv6 fragment
 *                       headers (next header 44), interleaved with the other traffic
 *    0.1% malformed     truncated IPv6 header, IPv6 payload length beyond the frame, IPv4 IHL 3,
 *                       DNS name with a compression pointer loop, ND option of length 0
 *
 * TCP flows live in tables of slots (2,048 for plain IPv4 and IPv6) that are advanced in random
 * order, so flows interleave; the first ~100,000 packets hold more handshakes than later ones
 * (frames average ~580 bytes over 200,000 packets, ~600 from a million on).
 * Frames shorter than 60 bytes are padded to 60 as on the wire (malformed ones are not).
 * Every checksum is correct (IPv4 header, TCP, UDP, ICMPv6) except in the malformed frames.
 * The capture is seen from the clients' LAN: client-side frames go to or come from the router
 * MAC 00:00:5e:00:01:01.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------ random numbers */

static uint64_t rng_state;

/* splitmix64: one 64-bit value per call. */
static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n) (multiply-shift; the tiny bias does not matter here). */
static uint32_t below(uint32_t n)
{
    return (uint32_t)(((rnd64() >> 32) * (uint64_t)n) >> 32);
}

/* True with probability per10000 / 10000. */
static int chance(uint32_t per10000)
{
    return below(10000) < per10000;
}

/* A stateless hash, for per-host values (interface identifiers, timestamp bases). */
static uint64_t hash64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* ------------------------------------------------------------------------------ byte writers */

static uint8_t *w8(uint8_t *p, uint32_t v)
{
    *p = (uint8_t)v;
    return p + 1;
}

static uint8_t *w16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
    return p + 2;
}

static uint8_t *w32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
    return p + 4;
}

static uint8_t *wbytes(uint8_t *p, const void *src, size_t n)
{
    memcpy(p, src, n);
    return p + n;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* ------------------------------------------------------------------------------ checksums */

/*
 * Internet checksum (RFC 1071) over native-order words: the folded sum stored back with memcpy
 * has the right byte order on either endianness. Call with an even-length prefix before
 * continuing with another buffer.
 */
static uint64_t sum_bytes(uint64_t s, const uint8_t *p, size_t n)
{
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        s += (w & 0xffffffffu) + (w >> 32);
        p += 8;
        n -= 8;
    }
    while (n >= 2) {
        uint16_t w;
        memcpy(&w, p, 2);
        s += w;
        p += 2;
        n -= 2;
    }
    if (n) {
        uint16_t w = 0;
        memcpy(&w, p, 1);
        s += w;
    }
    return s;
}

static uint16_t fold(uint64_t s)
{
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

/* Fills the checksum of the TCP/UDP/ICMPv6 segment l4[0..len) at l4 + at, with the pseudo-header
 * of the IP header ip (IPv4 or IPv6 by v6). */
static void l4_checksum(const uint8_t *ip, int v6, uint8_t proto, uint8_t *l4, size_t len, size_t at)
{
    uint8_t tail[8] = {0};
    uint64_t s;
    if (v6) {
        s = sum_bytes(0, ip + 8, 32);
        w32(tail, (uint32_t)len);
        tail[7] = proto;
        s = sum_bytes(s, tail, 8);
    } else {
        s = sum_bytes(0, ip + 12, 8);
        tail[1] = proto;
        w16(tail + 2, (uint32_t)len);
        s = sum_bytes(s, tail, 4);
    }
    l4[at] = l4[at + 1] = 0;
    uint16_t c = fold(sum_bytes(s, l4, len));
    if (proto == 17 && c == 0)
        c = 0xffff;
    memcpy(l4 + at, &c, 2);
}

/* ------------------------------------------------------------------------------ output */

#define OUT_BUFFER (16u << 20)
#define FRAME_ROOM 16384u /* more than the largest frame built below */
#define RECORD_HEADER 16u
#define MIN_FRAME 60u

static FILE *out_file;
static uint8_t *out_buf;
static size_t out_len;
static uint64_t packets;     /* frames written so far; frame i is stamped with i */
static uint64_t frame_bytes; /* their captured bytes, without record headers */

static void flush_out(void)
{
    if (out_len && fwrite(out_buf, 1, out_len, out_file) != out_len) {
        perror("gencap: write");
        exit(1);
    }
    out_len = 0;
}

/* Where the next frame is built, directly in the output buffer after its record header. */
static uint8_t *frame_begin(void)
{
    if (OUT_BUFFER - out_len < FRAME_ROOM + RECORD_HEADER)
        flush_out();
    return out_buf + out_len + RECORD_HEADER;
}

/* Closes the frame [start, end): pads it to the Ethernet minimum if pad, writes its record header. */
static void frame_end(uint8_t *start, uint8_t *end, int pad)
{
    uint32_t len = (uint32_t)(end - start);
    if (pad && len < MIN_FRAME) {
        memset(end, 0, MIN_FRAME - len);
        len = MIN_FRAME;
    }
    uint64_t us = packets * 20;
    uint8_t *h = start - RECORD_HEADER;
    put_le32(h, (uint32_t)(1700000000u + us / 1000000));
    put_le32(h + 4, (uint32_t)(us % 1000000));
    put_le32(h + 8, len);
    put_le32(h + 12, len);
    out_len += RECORD_HEADER + len;
    packets++;
    frame_bytes += len;
}

/* Payload bytes: slices of a fixed random pool (like encrypted traffic). */
#define POOL_SIZE 65536u
static uint8_t pool[POOL_SIZE + 4096];

static uint8_t *payload(uint8_t *p, size_t len)
{
    return wbytes(p, pool + 2 * below(POOL_SIZE / 2), len);
}

/* ------------------------------------------------------------------------------ hosts */

/* IPv4: indexes 0..761 are servers on the three documentation /24s, 762..4999 clients in 198.18.0.0/15. */
#define V4_SERVERS 762u
#define V4_HOSTS 5000u
/* IPv6: indexes 0..599 are servers in 2001:db8:f000::/48, 600..3599 clients in 2001:db8:1::/64. */
#define V6_SERVERS 600u
#define V6_HOSTS 3600u

static const uint8_t ROUTER_MAC[6] = {0x00, 0x00, 0x5e, 0x00, 0x01, 0x01};
static const uint8_t DNS4[4] = {192, 0, 2, 53};
static const uint8_t TUNNEL_BROKER[4] = {198, 51, 100, 41};
static const uint8_t TEREDO_RELAY[4] = {198, 51, 100, 99};
static const uint8_t TEREDO_SERVER[4] = {192, 0, 2, 45};
static const uint8_t DSLITE_B4[4] = {192, 0, 0, 2};
static const uint8_t DNS6[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x53, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x53};
static const uint8_t DNS6B[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x53, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x54};
static const uint8_t AFTR[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
static const uint8_t ROUTER6[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
static const uint8_t ROUTER_LL[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x5e, 0xff, 0xfe, 0x00, 0x01, 0x01};
static const uint8_t ALL_NODES[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01};
static const uint8_t ALL_DHCP[16] = {0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0, 0x02};
static const uint8_t PD_PREFIX[16] = {0x20, 0x01, 0x0d, 0xb8, 0xff, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
static const uint8_t RA_PREFIX[16] = {0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

static void v4_host(uint32_t i, uint8_t a[4])
{
    static const uint8_t nets[3][3] = {{192, 0, 2}, {198, 51, 100}, {203, 0, 113}};
    if (i < V4_SERVERS) {
        memcpy(a, nets[i / 254], 3);
        a[3] = (uint8_t)(i % 254 + 1);
    } else {
        uint32_t j = i - V4_SERVERS;
        a[0] = 198;
        a[1] = 18;
        a[2] = (uint8_t)(j / 254);
        a[3] = (uint8_t)(j % 254 + 1);
    }
}

static void v6_host(uint32_t i, uint8_t a[16])
{
    memset(a, 0, 16);
    a[0] = 0x20;
    a[1] = 0x01;
    a[2] = 0x0d;
    a[3] = 0xb8;
    if (i < V6_SERVERS) {
        a[4] = 0xf0;
        a[7] = (uint8_t)(i / 256);
        a[15] = (uint8_t)(i % 256 + 1);
    } else {
        uint64_t iid = hash64(i);
        a[5] = 0x01;
        for (int k = 0; k < 8; k++)
            a[8 + k] = (uint8_t)(iid >> (56 - 8 * k));
    }
}

static void host_addr(int v6, uint32_t i, uint8_t *a)
{
    if (v6)
        v6_host(i, a);
    else
        v4_host(i, a);
}

/* Locally administered MAC 02:42:xx:xx:xx:xx of a client. */
static void host_mac(uint32_t i, uint8_t m[6])
{
    m[0] = 0x02;
    m[1] = 0x42;
    m[2] = (uint8_t)(i >> 24);
    m[3] = (uint8_t)(i >> 16);
    m[4] = (uint8_t)(i >> 8);
    m[5] = (uint8_t)i;
}

/* fe80::/64 address with the modified EUI-64 of mac. */
static void link_local(const uint8_t m[6], uint8_t a[16])
{
    memset(a, 0, 16);
    a[0] = 0xfe;
    a[1] = 0x80;
    a[8] = m[0] ^ 0x02;
    a[9] = m[1];
    a[10] = m[2];
    a[11] = 0xff;
    a[12] = 0xfe;
    a[13] = m[3];
    a[14] = m[4];
    a[15] = m[5];
}

/* Ethernet multicast 33:33:xx:xx:xx:xx of an IPv6 multicast address. */
static void multicast_mac(const uint8_t a[16], uint8_t m[6])
{
    m[0] = m[1] = 0x33;
    memcpy(m + 2, a + 12, 4);
}

/* Solicited-node multicast ff02::1:ffXX:XXXX of a. */
static void solicited_node(const uint8_t a[16], uint8_t s[16])
{
    memset(s, 0, 16);
    s[0] = 0xff;
    s[1] = 0x02;
    s[11] = 0x01;
    s[12] = 0xff;
    memcpy(s + 13, a + 13, 3);
}

static uint32_t pick_v4_client(void) { return V4_SERVERS + below(V4_HOSTS - V4_SERVERS); }
static uint32_t pick_v6_client(void) { return V6_SERVERS + below(V6_HOSTS - V6_SERVERS); }

/* Servers are not equally popular: the minimum of two draws favours low indexes. */
static uint32_t pick_server(uint32_t n)
{
    uint32_t a = below(n), b = below(n);
    return a < b ? a : b;
}

/* ------------------------------------------------------------------------------ headers */

static uint16_t ip4_ident;

static uint8_t *eth(uint8_t *p, const uint8_t dst[6], const uint8_t src[6], uint16_t type)
{
    p = wbytes(p, dst, 6);
    p = wbytes(p, src, 6);
    return w16(p, type);
}

/* IPv4 header without options; ip4_end fills the total length and the header checksum. */
static uint8_t *ip4_begin(uint8_t *p, const uint8_t src[4], const uint8_t dst[4], uint8_t proto)
{
    p = w8(p, 0x45);
    p = w8(p, 0);
    p = w16(p, 0);
    p = w16(p, ip4_ident++);
    p = w16(p, 0x4000); /* don't fragment */
    p = w8(p, 64);
    p = w8(p, proto);
    p = w16(p, 0);
    p = wbytes(p, src, 4);
    return wbytes(p, dst, 4);
}

static void ip4_checksum(uint8_t *ip)
{
    size_t hlen = (size_t)(ip[0] & 0x0f) * 4;
    ip[10] = ip[11] = 0;
    uint16_t c = fold(sum_bytes(0, ip, hlen));
    memcpy(ip + 10, &c, 2);
}

static void ip4_end(uint8_t *ip, const uint8_t *end)
{
    w16(ip + 2, (uint32_t)(end - ip));
    ip4_checksum(ip);
}

/* IPv6 header; ip6_end fills the payload length. */
static uint8_t *ip6_begin(uint8_t *p, const uint8_t src[16], const uint8_t dst[16], uint8_t next,
                          uint8_t hop_limit, uint32_t flow_label)
{
    p = w32(p, 0x60000000u | (flow_label & 0xfffff));
    p = w16(p, 0);
    p = w8(p, next);
    p = w8(p, hop_limit);
    p = wbytes(p, src, 16);
    return wbytes(p, dst, 16);
}

static void ip6_end(uint8_t *ip, const uint8_t *end)
{
    w16(ip + 4, (uint32_t)(end - ip - 40));
}

static uint8_t *ip_begin(uint8_t *p, int v6, const uint8_t *src, const uint8_t *dst, uint8_t proto)
{
    return v6 ? ip6_begin(p, src, dst, proto, 64, 0) : ip4_begin(p, src, dst, proto);
}

static void ip_end(uint8_t *ip, int v6, const uint8_t *end)
{
    if (v6)
        ip6_end(ip, end);
    else
        ip4_end(ip, end);
}

/* UDP header; udp_end fills the length and checksum. */
static uint8_t *udp_begin(uint8_t *p, uint16_t sport, uint16_t dport)
{
    p = w16(p, sport);
    p = w16(p, dport);
    return w32(p, 0);
}

static void udp_end(const uint8_t *ip, int v6, uint8_t *udp, const uint8_t *end)
{
    size_t len = (size_t)(end - udp);
    w16(udp + 4, (uint32_t)len);
    l4_checksum(ip, v6, 17, udp, len, 6);
}

/* ------------------------------------------------------------------------------ TCP */

enum { FIN = 0x01, SYN = 0x02, PSH = 0x08, ACK = 0x10 };

/* One TCP segment of a flow. */
struct seg {
    uint32_t seq, ack;
    uint16_t len, win;
    uint8_t flags, from_client;
};

/* The smallest payload of a data segment to server port sport (see tcp_payload): an HTTP request
 * takes 65 bytes, a response header 81, a TLS record 5 bytes and its authentication tag 16. */
static uint16_t min_payload(uint16_t sport)
{
    return sport == 80 ? 96 : 24;
}

/*
 * TCP payload of len bytes (at least min_payload) on a connection to server port sport, shaped so
 * that dissectors find what the port promises: on port 80 each segment is a whole HTTP/1.1
 * request or response (random body), on the other (TLS) ports a TLS 1.2 application-data record.
 */
static uint8_t *tcp_payload(uint8_t *p, uint16_t sport, int from_client, uint16_t len)
{
    char head[160];
    int n;
    if (len == 0)
        return p;
    if (sport != 80) {
        p = w8(p, 0x17);
        p = w16(p, 0x0303);
        p = w16(p, len - 5u);
        return payload(p, len - 5u);
    }
    if (from_client) {
        static const char pad[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        n = snprintf(head, sizeof head, "GET /assets/%08x HTTP/1.1\r\nHost: www.example.com\r\nX-Pad: ",
                     (unsigned)below(1u << 31));
        p = wbytes(p, head, (size_t)n);
        for (size_t left = len - (size_t)n - 4; left > 0;) {
            size_t k = left < sizeof pad - 1 ? left : sizeof pad - 1;
            p = wbytes(p, pad, k);
            left -= k;
        }
        return wbytes(p, "\r\n\r\n", 4);
    }
    /* The length goes in a fixed 4-character field (spaces before it are optional whitespace),
     * so the header's length does not depend on it and the body fills the rest. */
#define HTTP_RESPONSE "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: %4u\r\n\r\n"
    n = snprintf(head, sizeof head, HTTP_RESPONSE, 0u);
    unsigned body = len - (unsigned)n;
    snprintf(head, sizeof head, HTTP_RESPONSE, body);
    p = wbytes(p, head, (size_t)n);
    return payload(p, body);
}

/* Millisecond clock of the capture, for TCP timestamps. */
static uint32_t now_ms(void) { return (uint32_t)(packets / 50); }

/* IP + TCP (timestamps option; MSS, SACK-permitted and window scale on SYNs) + payload. */
static uint8_t *ip_tcp(uint8_t *p, int v6, const uint8_t *client, const uint8_t *server, uint16_t cport,
                       uint16_t sport, const struct seg *s)
{
    const uint8_t *src = s->from_client ? client : server, *dst = s->from_client ? server : client;
    uint32_t ts_src = now_ms() + (s->from_client ? 0x10000000u : 0x50000000u);
    uint32_t ts_dst = now_ms() + (s->from_client ? 0x50000000u : 0x10000000u) - 1;
    int syn = s->flags & SYN;
    uint8_t *ip = p, *tcp = p = ip_begin(p, v6, src, dst, 6);
    p = w16(p, s->from_client ? cport : sport);
    p = w16(p, s->from_client ? sport : cport);
    p = w32(p, s->seq);
    p = w32(p, s->ack);
    p = w8(p, (syn ? 40 : 32) / 4 << 4);
    p = w8(p, s->flags);
    p = w16(p, s->win);
    p = w32(p, 0); /* checksum, urgent pointer */
    if (syn) {
        p = w8(p, 2), p = w8(p, 4), p = w16(p, v6 ? 1440 : 1460); /* MSS */
        p = w8(p, 4), p = w8(p, 2);                               /* SACK permitted */
        p = w8(p, 8), p = w8(p, 10), p = w32(p, ts_src), p = w32(p, (s->flags & ACK) ? ts_dst : 0);
        p = w8(p, 1), p = w8(p, 3), p = w8(p, 3), p = w8(p, 7); /* NOP, window scale 7 */
    } else {
        p = w8(p, 1), p = w8(p, 1), p = w8(p, 8), p = w8(p, 10), p = w32(p, ts_src), p = w32(p, ts_dst);
    }
    p = tcp_payload(p, sport, s->from_client, s->len);
    l4_checksum(ip, v6, 6, tcp, (size_t)(p - tcp), 16);
    ip_end(ip, v6, p);
    return p;
}

/*
 * A TCP flow: handshake, a number of data and ACK segments, FIN exchange. Flows live in tables;
 * each TCP event picks a random slot and advances its flow by one segment, so flows interleave.
 */
enum { F_FREE, F_SYN_SENT, F_SYN_RCVD, F_ESTABLISHED, F_FIN_WAIT, F_LAST_ACK };

struct flow {
    uint32_t client, server; /* host indexes (see the tunnel cases for their meaning there) */
    uint32_t cseq, sseq;     /* next sequence number of each side */
    uint16_t cport, sport, left, win;
    uint16_t vid, svid, session; /* VLAN ids, PPPoE session */
    uint8_t state, v6, unanswered, tries;
    uint8_t unacked; /* the server sent data since the client's last segment */
};

enum { L_PLAIN, L_VLAN, L_QINQ, L_PPPOE };             /* link encapsulation */
enum { T_NONE, T_6IN4, T_6TO4, T_TEREDO, T_DSLITE }; /* tunnel */
enum { V_IPV4, V_IPV6, V_MIXED };                    /* (inner) IP version */

struct table {
    struct flow *flows;
    uint32_t size;
    uint8_t version, link, tunnel;
    uint16_t unanswered_per10000; /* flows whose SYN is never answered */
};

static const uint16_t SERVER_PORTS[] = {443, 443, 443, 443, 443, 443, 443, 443, 443, 80, 80, 80, 8443, 993, 853, 465};

static void flow_open(const struct table *t, struct flow *f)
{
    f->v6 = t->version == V_MIXED ? (uint8_t)below(2) : t->version == V_IPV6;
    f->client = f->v6 ? pick_v6_client() : pick_v4_client();
    f->server = f->v6 ? pick_server(V6_SERVERS) : pick_server(V4_SERVERS);
    f->cport = (uint16_t)(32768 + below(28232));
    f->sport = SERVER_PORTS[below(sizeof SERVER_PORTS / sizeof SERVER_PORTS[0])];
    f->cseq = (uint32_t)rnd64();
    f->sseq = (uint32_t)rnd64();
    f->left = (uint16_t)(8 + below(112));
    f->win = (uint16_t)(256 + below(4096));
    f->vid = (uint16_t)(100 + below(11));
    f->svid = (uint16_t)(200 + below(4));
    f->session = (uint16_t)(1 + hash64(f->client) % 0xfffe);
    f->unanswered = (uint8_t)chance(t->unanswered_per10000);
    f->tries = 0;
    f->unacked = 0;
}

/* Payload of a server-to-client data segment: mostly full segments. */
static uint16_t download_size(void)
{
    uint32_t r = below(100);
    if (r < 60)
        return 1400;
    if (r < 85)
        return (uint16_t)(1 + below(1400));
    return (uint16_t)(1 + below(300));
}

/* Advances f by one segment, described in s. */
static void flow_step(const struct table *t, struct flow *f, struct seg *s)
{
    memset(s, 0, sizeof *s);
    s->win = f->win;
    switch (f->state) {
    case F_FREE:
    open:
        flow_open(t, f);
        s->from_client = 1;
        s->flags = SYN;
        s->seq = f->cseq++;
        s->win = 64240;
        f->state = F_SYN_SENT;
        break;
    case F_SYN_SENT:
        if (f->unanswered) {
            if (f->tries == 2)
                goto open;
            f->tries++;
            s->from_client = 1;
            s->flags = SYN;
            s->seq = f->cseq - 1;
            s->win = 64240;
            break;
        }
        s->flags = SYN | ACK;
        s->seq = f->sseq++;
        s->ack = f->cseq;
        s->win = 65160;
        f->state = F_SYN_RCVD;
        break;
    case F_SYN_RCVD:
        s->from_client = 1;
        s->flags = ACK;
        s->seq = f->cseq;
        s->ack = f->sseq;
        f->state = F_ESTABLISHED;
        break;
    case F_ESTABLISHED:
        if (f->left == 0) {
            s->from_client = 1;
            s->flags = FIN | ACK;
            s->seq = f->cseq++;
            s->ack = f->sseq;
            f->state = F_FIN_WAIT;
            break;
        }
        f->left--;
        uint32_t r = below(100);
        if (r < 25 && f->unacked) { /* the client acknowledges the server's data */
            s->from_client = 1;
            s->flags = ACK;
        } else if (r < 40) { /* a request */
            s->from_client = 1;
            s->flags = ACK | PSH;
            s->len = (uint16_t)(40 + below(600));
        } else { /* a response segment */
            s->len = download_size();
            s->flags = s->len < 1400 ? ACK | PSH : ACK;
        }
        if (s->len && s->len < min_payload(f->sport))
            s->len = min_payload(f->sport);
        f->unacked = !s->from_client;
        if (s->from_client) {
            s->seq = f->cseq;
            s->ack = f->sseq;
            f->cseq += s->len;
        } else {
            s->seq = f->sseq;
            s->ack = f->cseq;
            f->sseq += s->len;
        }
        break;
    case F_FIN_WAIT:
        s->flags = FIN | ACK;
        s->seq = f->sseq++;
        s->ack = f->cseq;
        f->state = F_LAST_ACK;
        break;
    default: /* F_LAST_ACK */
        s->from_client = 1;
        s->flags = ACK;
        s->seq = f->cseq;
        s->ack = f->sseq;
        f->state = F_FREE;
        break;
    }
}

/* Link header for a flow's frame: Ethernet, tags or PPPoE; *pppoe is set for link_end. */
static uint8_t *link_begin(uint8_t *p, int link, const struct flow *f, const uint8_t *dst_mac,
                           const uint8_t *src_mac, int v6, uint8_t **pppoe)
{
    uint16_t type = v6 ? 0x86dd : 0x0800;
    *pppoe = NULL;
    switch (link) {
    case L_VLAN:
        p = eth(p, dst_mac, src_mac, 0x8100);
        p = w16(p, f->vid);
        return w16(p, type);
    case L_QINQ:
        p = eth(p, dst_mac, src_mac, 0x88a8);
        p = w16(p, f->svid);
        p = w16(p, 0x8100);
        p = w16(p, f->vid);
        return w16(p, type);
    case L_PPPOE:
        p = eth(p, dst_mac, src_mac, 0x8864);
        *pppoe = p;
        p = w8(p, 0x11); /* version 1, type 1 */
        p = w8(p, 0x00); /* session data */
        p = w16(p, f->session);
        p = w16(p, 0); /* length, filled by link_end */
        return w16(p, v6 ? 0x0057 : 0x0021);
    default:
        return eth(p, dst_mac, src_mac, type);
    }
}

static void link_end(uint8_t *pppoe, const uint8_t *end)
{
    if (pppoe)
        w16(pppoe + 4, (uint32_t)(end - pppoe - 6));
}

/* Teredo address 2001:0:SERVER:8000:~port:~client of a client behind a cone NAT. */
static void teredo_addr(const uint8_t client4[4], uint16_t port, uint8_t a[16])
{
    memset(a, 0, 16);
    a[0] = 0x20;
    a[1] = 0x01;
    memcpy(a + 4, TEREDO_SERVER, 4);
    a[8] = 0x80;
    w16(a + 10, (uint16_t)~port);
    for (int k = 0; k < 4; k++)
        a[12 + k] = (uint8_t)~client4[k];
}

/* 6to4 address 2002:V4ADDR::1 of an IPv4 host. */
static void six_to_four_addr(const uint8_t v4[4], uint8_t a[16])
{
    memset(a, 0, 16);
    a[0] = 0x20;
    a[1] = 0x02;
    memcpy(a + 2, v4, 4);
    a[15] = 1;
}

/* One segment of a flow of table t, as a whole frame. */
static void tcp_event(const struct table *t)
{
    struct flow *f = &t->flows[below(t->size)];
    struct seg s;
    flow_step(t, f, &s);

    uint8_t cmac[6], client[16], server[16], outer_c[16], outer_s[16], *pppoe, *ip, *udp;
    host_mac(f->client, cmac);
    const uint8_t *dst_mac = s.from_client ? ROUTER_MAC : cmac, *src_mac = s.from_client ? cmac : ROUTER_MAC;
    uint8_t *start = frame_begin(), *p = start;
    int up = s.from_client;

    switch (t->tunnel) {
    case T_6IN4: /* inner native IPv6 hosts; outer: the client's IPv4 address and the broker */
        v6_host(f->client, client);
        v6_host(f->server, server);
        v4_host(V4_SERVERS + f->client % (V4_HOSTS - V4_SERVERS), outer_c);
        p = eth(p, dst_mac, src_mac, 0x0800);
        ip = p;
        p = ip4_begin(p, up ? outer_c : TUNNEL_BROKER, up ? TUNNEL_BROKER : outer_c, 41);
        p = ip_tcp(p, 1, client, server, f->cport, f->sport, &s);
        ip4_end(ip, p);
        break;
    case T_6TO4: /* both ends are 6to4 hosts: inner 2002:V4ADDR::1 over their IPv4 addresses */
        v4_host(V4_SERVERS + f->client % (V4_HOSTS - V4_SERVERS), outer_c);
        v4_host(f->server % V4_SERVERS, outer_s);
        six_to_four_addr(outer_c, client);
        six_to_four_addr(outer_s, server);
        p = eth(p, dst_mac, src_mac, 0x0800);
        ip = p;
        p = ip4_begin(p, up ? outer_c : outer_s, up ? outer_s : outer_c, 41);
        p = ip_tcp(p, 1, client, server, f->cport, f->sport, &s);
        ip4_end(ip, p);
        break;
    case T_TEREDO: { /* Teredo client (IPv4 address, NAT port) <-> relay UDP 3544 <-> native server */
        uint16_t nat_port = (uint16_t)(1024 + hash64(f->client) % 60000);
        v4_host(V4_SERVERS + f->client % (V4_HOSTS - V4_SERVERS), outer_c);
        teredo_addr(outer_c, nat_port, client);
        v6_host(f->server, server);
        p = eth(p, dst_mac, src_mac, 0x0800);
        ip = p;
        p = ip4_begin(p, up ? outer_c : TEREDO_RELAY, up ? TEREDO_RELAY : outer_c, 17);
        udp = p;
        p = udp_begin(p, up ? nat_port : 3544, up ? 3544 : nat_port);
        p = ip_tcp(p, 1, client, server, f->cport, f->sport, &s);
        udp_end(ip, 0, udp, p);
        ip4_end(ip, p);
        break;
    }
    case T_DSLITE: /* IPv4 from the B4 (192.0.0.2) in IPv6 from the client to the AFTR */
        v6_host(V6_SERVERS + f->client % (V6_HOSTS - V6_SERVERS), outer_c);
        v4_host(f->server, server);
        p = eth(p, dst_mac, src_mac, 0x86dd);
        ip = p;
        p = ip6_begin(p, up ? outer_c : AFTR, up ? AFTR : outer_c, 4, 64, 0);
        p = ip_tcp(p, 0, DSLITE_B4, server, f->cport, f->sport, &s);
        ip6_end(ip, p);
        break;
    default:
        host_addr(f->v6, f->client, client);
        host_addr(f->v6, f->server, server);
        p = link_begin(p, t->link, f, dst_mac, src_mac, f->v6, &pppoe);
        p = ip_tcp(p, f->v6, client, server, f->cport, f->sport, &s);
        link_end(pppoe, p);
        break;
    }
    frame_end(start, p, 1);
}

/* ------------------------------------------------------------------------------ DNS */

static const char *const DNS_SUBS[] = {"www", "api", "cdn", "mail", "img", "static", "login", "video",
                                       "news", "shop", "time", "update", "auth", "m", "assets", "ws"};
static const char *const DNS_DOMAINS[] = {"example", "metro6-test", "sample-site", "documentation",
                                          "probe-bench", "localhost-service", "zone-alpha", "zone-beta"};
static const char *const DNS_TLDS[] = {"com", "net", "org", "test"};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* An outstanding query; the response repeats its question. */
struct dns_query {
    uint32_t client;
    uint16_t port, id, num;
    uint8_t sub, domain, tld, aaaa;
};

#define DNS_PENDING 256u
struct dns_state {
    struct dns_query ring[DNS_PENDING];
    uint32_t head, count;
};

static struct dns_state dns_v4, dns_v6;

static uint8_t *label(uint8_t *p, const char *s, size_t n)
{
    p = w8(p, (uint32_t)n);
    return wbytes(p, s, n);
}

/* The question name [hostNNNN.]sub.domain.tld; *zone is set to where domain.tld starts. */
static uint8_t *qname(uint8_t *p, const struct dns_query *q, uint8_t **zone)
{
    if (q->num) {
        char host[16];
        int n = snprintf(host, sizeof host, "host%u", (unsigned)q->num);
        p = label(p, host, (size_t)n);
    }
    p = label(p, DNS_SUBS[q->sub], strlen(DNS_SUBS[q->sub]));
    *zone = p;
    p = label(p, DNS_DOMAINS[q->domain], strlen(DNS_DOMAINS[q->domain]));
    p = label(p, DNS_TLDS[q->tld], strlen(DNS_TLDS[q->tld]));
    return w8(p, 0);
}

static uint8_t *pointer(uint8_t *p, const uint8_t *dns, const uint8_t *target)
{
    return w16(p, 0xc000u | (uint32_t)(target - dns));
}

/* Resource record header; the caller writes rdlength bytes of data after it. */
static uint8_t *rr(uint8_t *p, uint16_t type, uint32_t ttl, uint16_t rdlength)
{
    p = w16(p, type);
    p = w16(p, 1); /* IN */
    p = w32(p, ttl);
    return w16(p, rdlength);
}

/* An A answer (an IPv4 server) or AAAA answer (an IPv6 server), after its owner name. */
static uint8_t *address_rr(uint8_t *p, int aaaa)
{
    uint8_t a[16];
    uint32_t ttl = 60 + below(3540);
    if (aaaa) {
        v6_host(pick_server(V6_SERVERS), a);
        return wbytes(rr(p, 28, ttl, 16), a, 16);
    }
    v4_host(pick_server(V4_SERVERS), a);
    return wbytes(rr(p, 1, ttl, 4), a, 4);
}

/* The zone's SOA record (for NXDOMAIN and empty answers); every name in it is compressed. */
static uint8_t *soa_rr(uint8_t *p, const uint8_t *dns, const uint8_t *zone)
{
    p = pointer(p, dns, zone);
    p = rr(p, 6, 900, 0);
    uint8_t *data = p;
    p = label(p, "ns1", 3);
    p = pointer(p, dns, zone);
    p = label(p, "hostmaster", 10);
    p = pointer(p, dns, zone);
    p = w32(p, 2024010101u);
    p = w32(p, 7200);
    p = w32(p, 3600);
    p = w32(p, 1209600);
    p = w32(p, 300);
    w16(data - 2, (uint32_t)(p - data));
    return p;
}

static uint8_t *dns_header(uint8_t *p, uint16_t id, uint16_t flags, uint16_t qd, uint16_t an, uint16_t ns)
{
    p = w16(p, id);
    p = w16(p, flags);
    p = w16(p, qd);
    p = w16(p, an);
    p = w16(p, ns);
    return w16(p, 0);
}

/*
 * A query, or its response: 3% NXDOMAIN, 25% of AAAA questions answered empty (NOERROR with the
 * SOA), otherwise one to three addresses, half the time behind a CNAME whose target
 * edgeNN.<zone> is compressed against the question and whose addresses point at the CNAME data.
 */
static uint8_t *dns_message(uint8_t *dns, const struct dns_query *q, int response)
{
    uint8_t *zone, *cname = NULL, *p = dns + 12;
    uint16_t an = 0, ns = 0, flags = response ? 0x8180 : 0x0100;
    p = qname(p, q, &zone);
    p = w16(p, q->aaaa ? 28 : 1);
    p = w16(p, 1);
    if (response) {
        uint32_t r = below(100);
        if (r < 3 || (q->aaaa && r < 28)) {
            if (r < 3)
                flags |= 3; /* NXDOMAIN */
            p = soa_rr(p, dns, zone);
            ns = 1;
        } else {
            if (r < 64) {
                char edge[16];
                int n = snprintf(edge, sizeof edge, "edge%u", (unsigned)below(100));
                p = w16(p, 0xc00c);
                p = rr(p, 5, 300, 0);
                cname = p;
                p = label(p, edge, (size_t)n);
                p = pointer(p, dns, zone);
                w16(cname - 2, (uint32_t)(p - cname));
                an++;
            }
            for (uint32_t k = 1 + below(3); k > 0; k--, an++) {
                p = cname ? pointer(p, dns, cname) : w16(p, 0xc00c);
                p = address_rr(p, q->aaaa);
            }
        }
    }
    dns_header(dns, q->id, flags, 1, an, ns);
    return p;
}

static void new_query(struct dns_query *q, int v6)
{
    q->client = v6 ? pick_v6_client() : pick_v4_client();
    q->port = (uint16_t)(1024 + below(64511));
    q->id = (uint16_t)below(65536);
    q->num = (uint16_t)(chance(3000) ? 1 + below(9999) : 0);
    q->sub = (uint8_t)below(COUNT(DNS_SUBS));
    q->domain = (uint8_t)below(COUNT(DNS_DOMAINS));
    q->tld = (uint8_t)below(COUNT(DNS_TLDS));
    q->aaaa = (uint8_t)chance(4500);
}

/* Half the time a new query, otherwise the response to the oldest outstanding query (1% of the
 * queries are never answered). Resolver 192.0.2.53 or 2001:db8:53::53. */
static void dns_event(int v6)
{
    struct dns_state *st = v6 ? &dns_v6 : &dns_v4;
    struct dns_query q;
    int response = 0;
    if (st->count && (st->count == DNS_PENDING || chance(5000))) {
        q = st->ring[st->head];
        st->head = (st->head + 1) % DNS_PENDING;
        st->count--;
        response = !chance(100);
    }
    if (!response) {
        new_query(&q, v6);
        st->ring[(st->head + st->count) % DNS_PENDING] = q;
        st->count++;
    }

    uint8_t cmac[6], client[16], *ip, *udp;
    const uint8_t *server = v6 ? DNS6 : DNS4;
    host_mac(q.client, cmac);
    host_addr(v6, q.client, client);
    uint8_t *start = frame_begin(), *p = start;
    p = eth(p, response ? cmac : ROUTER_MAC, response ? ROUTER_MAC : cmac, v6 ? 0x86dd : 0x0800);
    ip = p;
    p = ip_begin(p, v6, response ? server : client, response ? client : server, 17);
    udp = p;
    p = udp_begin(p, response ? 53 : q.port, response ? q.port : 53);
    p = dns_message(p, &q, response);
    udp_end(ip, v6, udp, p);
    ip_end(ip, v6, p);
    frame_end(start, p, 1);
}

/* ------------------------------------------------------------------------------ ICMPv6 */

/* Ethernet and IPv6 header of an ICMPv6 message, then its type and code (checksum left 0). */
static uint8_t *icmp6_begin(uint8_t *p, const uint8_t *dst_mac, const uint8_t *src_mac, const uint8_t *src,
                            const uint8_t *dst, uint8_t hop_limit, uint8_t type, uint8_t code)
{
    p = eth(p, dst_mac, src_mac, 0x86dd);
    p = ip6_begin(p, src, dst, 58, hop_limit, 0);
    p = w8(p, type);
    p = w8(p, code);
    return w16(p, 0);
}

/* Fills the ICMPv6 checksum and the IPv6 payload length of a message started at frame start. */
static void icmp6_end(uint8_t *start, const uint8_t *end)
{
    uint8_t *ip = start + 14, *icmp = ip + 40;
    ip6_end(ip, end);
    l4_checksum(ip, 1, 58, icmp, (size_t)(end - icmp), 2);
}

static uint8_t *lla_option(uint8_t *p, uint8_t type, const uint8_t mac[6])
{
    p = w8(p, type);
    p = w8(p, 1);
    return wbytes(p, mac, 6);
}

/* Echo request from a client to a server, then its reply. */
static struct {
    uint32_t client, server, pool_offset;
    uint16_t id, seq;
    int pending;
} echo;

static void echo_message(void)
{
    int reply = echo.pending;
    if (!reply) {
        echo.client = pick_v6_client();
        echo.server = pick_server(V6_SERVERS);
        echo.id = (uint16_t)below(65536);
        echo.seq = (uint16_t)(1 + below(100));
        echo.pool_offset = below(POOL_SIZE);
    }
    echo.pending = !reply;
    uint8_t cmac[6], client[16], server[16];
    host_mac(echo.client, cmac);
    v6_host(echo.client, client);
    v6_host(echo.server, server);
    uint8_t *start = frame_begin(), *p;
    p = icmp6_begin(start, reply ? cmac : ROUTER_MAC, reply ? ROUTER_MAC : cmac, reply ? server : client,
                    reply ? client : server, 64, reply ? 129 : 128, 0);
    p = w16(p, echo.id);
    p = w16(p, echo.seq);
    p = wbytes(p, pool + echo.pool_offset, 56);
    icmp6_end(start, p);
    frame_end(start, p, 1);
}

/* Neighbor solicitation from a client for another client's address, then the advertisement. */
static struct {
    uint32_t asker, target;
    int pending;
} nd;

static void nd_message(void)
{
    uint8_t amac[6], tmac[6], asker[16], target[16], group[16], group_mac[6];
    int advert = nd.pending;
    if (!advert) {
        nd.asker = pick_v6_client();
        nd.target = pick_v6_client();
    }
    nd.pending = !advert;
    host_mac(nd.asker, amac);
    host_mac(nd.target, tmac);
    v6_host(nd.asker, asker);
    v6_host(nd.target, target);
    uint8_t *start = frame_begin(), *p;
    if (advert) {
        p = icmp6_begin(start, amac, tmac, target, asker, 255, 136, 0);
        p = w32(p, 0x60000000u); /* solicited, override */
        p = wbytes(p, target, 16);
        p = lla_option(p, 2, tmac);
    } else {
        solicited_node(target, group);
        multicast_mac(group, group_mac);
        p = icmp6_begin(start, group_mac, amac, asker, group, 255, 135, 0);
        p = w32(p, 0);
        p = wbytes(p, target, 16);
        p = lla_option(p, 1, amac);
    }
    icmp6_end(start, p);
    frame_end(start, p, 1);
}

/* Router advertisement: source link-layer address, MTU 1500, prefix 2001:db8:1::/64, RDNSS. */
static void router_advertisement(void)
{
    uint8_t mac[6];
    multicast_mac(ALL_NODES, mac);
    uint8_t *start = frame_begin(), *p;
    p = icmp6_begin(start, mac, ROUTER_MAC, ROUTER_LL, ALL_NODES, 255, 134, 0);
    p = w8(p, 64);     /* current hop limit */
    p = w8(p, 0x40);   /* O: other configuration (DHCPv6) */
    p = w16(p, 1800);  /* router lifetime */
    p = w32(p, 0);     /* reachable time */
    p = w32(p, 0);     /* retransmission timer */
    p = lla_option(p, 1, ROUTER_MAC);
    p = w8(p, 5), p = w8(p, 1), p = w16(p, 0), p = w32(p, 1500);
    p = w8(p, 3), p = w8(p, 4), p = w8(p, 64), p = w8(p, 0xc0); /* prefix information: L, A */
    p = w32(p, 2592000), p = w32(p, 604800), p = w32(p, 0);
    p = wbytes(p, RA_PREFIX, 16);
    p = w8(p, 25), p = w8(p, 3), p = w16(p, 0), p = w32(p, 1800); /* RDNSS */
    p = wbytes(p, DNS6, 16);
    icmp6_end(start, p);
    frame_end(start, p, 1);
}

/* Packet Too Big (MTU 1280) from the router to a client, quoting the start of the client's
 * 1,500-byte IPv6 TCP segment: the whole message fits the 1280-byte minimum MTU. */
static void packet_too_big(void)
{
    uint32_t c = pick_v6_client();
    uint8_t cmac[6], client[16], server[16];
    host_mac(c, cmac);
    v6_host(c, client);
    v6_host(pick_server(V6_SERVERS), server);
    struct seg s = {0, 0, 1500 - 40 - 32, 501, ACK, 1};
    s.seq = (uint32_t)rnd64(); /* one draw per statement: initializers are not ordered */
    s.ack = (uint32_t)rnd64();
    uint8_t *start = frame_begin(), *p;
    p = icmp6_begin(start, cmac, ROUTER_MAC, ROUTER6, client, 64, 2, 0);
    p = w32(p, 1280);
    ip_tcp(p, 1, client, server, (uint16_t)(32768 + below(28232)), 443, &s);
    p += 1280 - 40 - 8;
    icmp6_end(start, p);
    frame_end(start, p, 1);
}

static void icmp6_event(void)
{
    uint32_t r = below(1000);
    if (r < 450)
        echo_message();
    else if (r < 900)
        nd_message();
    else if (r < 990)
        router_advertisement();
    else
        packet_too_big();
}

/* ------------------------------------------------------------------------------ DHCPv6 */

/* Prefix delegation exchanges: Solicit, Advertise, Request, Reply; a few run at once. */
#define DHCP_EXCHANGES 16u
static struct {
    uint32_t client, xid;
    uint8_t step;
} dhcp[DHCP_EXCHANGES];

static uint8_t *option(uint8_t *p, uint16_t code, uint16_t len)
{
    p = w16(p, code);
    return w16(p, len);
}

/* Client or server identifier: a DUID-LL (type 3, Ethernet) of mac. */
static uint8_t *duid_option(uint8_t *p, uint16_t code, const uint8_t mac[6])
{
    p = option(p, code, 10);
    p = w16(p, 3);
    p = w16(p, 1);
    return wbytes(p, mac, 6);
}

/* IA_PD, with an IA prefix 2001:db8:ff00::/56 when prefix is set. */
static uint8_t *ia_pd_option(uint8_t *p, uint32_t iaid, uint32_t t1, uint32_t t2, int prefix)
{
    p = option(p, 25, prefix ? 12 + 29 : 12);
    p = w32(p, iaid);
    p = w32(p, t1);
    p = w32(p, t2);
    if (prefix) {
        p = option(p, 26, 25);
        p = w32(p, 7200);  /* preferred lifetime */
        p = w32(p, 14400); /* valid lifetime */
        p = w8(p, 56);
        p = wbytes(p, PD_PREFIX, 16);
    }
    return p;
}

static void dhcp_event(void)
{
    static const uint8_t TYPES[4] = {1, 2, 3, 7}; /* Solicit, Advertise, Request, Reply */
    uint8_t cmac[6], client[16], group_mac[6], *ip, *udp;
    uint32_t slot = below(DHCP_EXCHANGES);
    unsigned step = dhcp[slot].step;
    if (step == 0)
        dhcp[slot].client = pick_v6_client();
    if (step == 0 || step == 2)
        dhcp[slot].xid = below(1u << 24);
    uint32_t c = dhcp[slot].client, iaid = (uint32_t)hash64(c);
    int from_client = step % 2 == 0;
    host_mac(c, cmac);
    link_local(cmac, client);
    multicast_mac(ALL_DHCP, group_mac);

    uint8_t *start = frame_begin(), *p = start;
    p = eth(p, from_client ? group_mac : cmac, from_client ? cmac : ROUTER_MAC, 0x86dd);
    ip = p;
    p = ip6_begin(p, from_client ? client : ROUTER_LL, from_client ? ALL_DHCP : client, 17, from_client ? 1 : 64, 0);
    udp = p;
    p = udp_begin(p, from_client ? 546 : 547, from_client ? 547 : 546);
    p = w8(p, TYPES[step]);
    p = w8(p, dhcp[slot].xid >> 16);
    p = w16(p, dhcp[slot].xid);
    p = duid_option(p, 1, cmac);
    if (step > 0)
        p = duid_option(p, 2, ROUTER_MAC);
    if (from_client) {
        p = option(p, 8, 2);
        p = w16(p, step == 0 ? 0 : 100); /* elapsed time, 1/100 s */
        p = option(p, 6, 4);
        p = w16(p, 23);
        p = w16(p, 24);
        p = ia_pd_option(p, iaid, 0, 0, step == 2);
    } else {
        p = ia_pd_option(p, iaid, 3600, 5760, 1);
        p = option(p, 23, 32);
        p = wbytes(p, DNS6, 16);
        p = wbytes(p, DNS6B, 16);
    }
    udp_end(ip, 1, udp, p);
    ip6_end(ip, p);
    frame_end(start, p, 1);
    dhcp[slot].step = (uint8_t)((step + 1) % 4);
}

/* ------------------------------------------------------------------------------ fragments */

/*
 * UDP datagrams of 1.8..4 KB from a server to a client, one fragment per event: IPv4 fragments
 * of 1,480 bytes (1,500 MTU) or IPv6 fragment headers carrying 1,232 bytes (1,280 MTU).
 * The UDP checksum covers the whole datagram, as a reassembler expects.
 */
static struct {
    uint8_t header[40]; /* the datagram's unfragmented IP header */
    uint8_t data[4096]; /* UDP header and payload */
    uint32_t len, offset, id, client;
    int v6, active;
} frag;

static void fragment_event(void)
{
    if (!frag.active) {
        uint8_t client[16], server[16];
        frag.v6 = (int)below(2);
        frag.client = frag.v6 ? pick_v6_client() : pick_v4_client();
        host_addr(frag.v6, frag.client, client);
        host_addr(frag.v6, frag.v6 ? pick_server(V6_SERVERS) : pick_server(V4_SERVERS), server);
        ip_begin(frag.header, frag.v6, server, client, 17);
        frag.len = 1800 + below(2200);
        frag.id = frag.v6 ? (uint32_t)rnd64() : 0;
        uint8_t *p = udp_begin(frag.data, 4400, (uint16_t)(32768 + below(28232)));
        p = payload(p, frag.len - 8);
        udp_end(frag.header, frag.v6, frag.data, p);
        frag.offset = 0;
        frag.active = 1;
    }
    uint32_t chunk = frag.v6 ? 1232 : 1480, n = frag.len - frag.offset;
    int more = n > chunk;
    if (more)
        n = chunk;
    uint8_t cmac[6], *ip;
    host_mac(frag.client, cmac);
    uint8_t *start = frame_begin(), *p = start;
    p = eth(p, cmac, ROUTER_MAC, frag.v6 ? 0x86dd : 0x0800);
    ip = p;
    if (frag.v6) {
        p = wbytes(p, frag.header, 40);
        ip[6] = 44;
        p = w8(p, 17);
        p = w8(p, 0);
        p = w16(p, frag.offset | (uint32_t)more);
        p = w32(p, frag.id);
        p = wbytes(p, frag.data + frag.offset, n);
        ip6_end(ip, p);
    } else {
        p = wbytes(p, frag.header, 20);
        w16(ip + 6, (more ? 0x2000u : 0) | frag.offset / 8);
        p = wbytes(p, frag.data + frag.offset, n);
        ip4_end(ip, p);
    }
    frame_end(start, p, 1);
    frag.offset += n;
    frag.active = more;
}

/* ------------------------------------------------------------------------------ malformed */

static void malformed_event(void)
{
    uint32_t c = pick_v6_client();
    uint8_t cmac[6], client[16], server[16], *ip, *udp, *dns;
    struct seg s = {0, 0, 0, 501, ACK, 1};
    s.seq = (uint32_t)rnd64(); /* one draw per statement: initializers are not ordered */
    s.ack = (uint32_t)rnd64();
    host_mac(c, cmac);
    v6_host(c, client);
    v6_host(pick_server(V6_SERVERS), server);
    uint8_t *start = frame_begin(), *p = start;
    switch (below(5)) {
    case 0: /* the frame ends 20 bytes into the IPv6 header */
        p = eth(p, ROUTER_MAC, cmac, 0x86dd);
        ip6_begin(p, client, server, 6, 64, 0);
        w16(p + 4, 32);
        frame_end(start, p + 20, 0);
        return;
    case 1: /* the IPv6 payload length claims 600 bytes more than the frame holds */
        p = eth(p, ROUTER_MAC, cmac, 0x86dd);
        ip = p;
        p = ip_tcp(p, 1, client, server, 40000, 443, &s);
        w16(ip + 4, (uint32_t)(p - ip - 40 + 600));
        break;
    case 2: /* IPv4 header length 3 words (12 bytes), below the minimum of 5 */
        v4_host(pick_v4_client(), client);
        v4_host(pick_server(V4_SERVERS), server);
        p = eth(p, ROUTER_MAC, cmac, 0x0800);
        ip = p;
        p = ip_tcp(p, 0, client, server, 40000, 443, &s);
        ip[0] = 0x43;
        break;
    case 3: /* a DNS response whose answer name is a compression pointer to itself */
        p = eth(p, cmac, ROUTER_MAC, 0x86dd);
        ip = p;
        p = ip6_begin(p, DNS6, client, 17, 64, 0);
        udp = p;
        p = udp_begin(p, 53, (uint16_t)(1024 + below(64511)));
        dns = p;
        p = dns_header(p, (uint16_t)below(65536), 0x8180, 1, 1, 0);
        p = label(p, "loop", 4);
        p = label(p, "example", 7);
        p = label(p, "com", 3);
        p = w8(p, 0);
        p = w16(p, 28);
        p = w16(p, 1);
        p = pointer(p, dns, p);
        p = wbytes(rr(p, 28, 300, 16), server, 16);
        udp_end(ip, 1, udp, p);
        ip6_end(ip, p);
        break;
    default: /* a neighbor solicitation whose source link-layer option has length 0 */
        p = icmp6_begin(start, ROUTER_MAC, cmac, client, ROUTER6, 255, 135, 0);
        p = w32(p, 0);
        p = wbytes(p, ROUTER6, 16);
        p = w8(p, 1);
        p = w8(p, 0);
        p = wbytes(p, cmac, 6);
        icmp6_end(start, p);
        break;
    }
    frame_end(start, p, 1);
}

/* ------------------------------------------------------------------------------ the mix */

enum {
    E_TCP4, E_TCP6, E_DNS4, E_DNS6, E_ICMP6, E_DHCP6, E_VLAN, E_QINQ, E_6IN4, E_6TO4, E_TEREDO, E_DSLITE,
    E_PPPOE, E_FRAGMENT, E_MALFORMED, E_COUNT
};

/* Share of each kind of event, per 10,000 packets (every event writes one packet). */
static const uint16_t MIX[E_COUNT] = {
    [E_TCP4] = 4120, [E_TCP6] = 3120, [E_DNS4] = 800, [E_DNS6] = 700, [E_ICMP6] = 300, [E_DHCP6] = 200,
    [E_VLAN] = 300, [E_QINQ] = 100, [E_6IN4] = 50, [E_6TO4] = 50, [E_TEREDO] = 50, [E_DSLITE] = 50,
    [E_PPPOE] = 100, [E_FRAGMENT] = 50, [E_MALFORMED] = 10,
};

/* The flow tables of the TCP-carrying kinds: slots, IP version, link, tunnel, unanswered SYNs. */
static struct table tables[E_COUNT] = {
    [E_TCP4] = {NULL, 2048, V_IPV4, L_PLAIN, T_NONE, 0},
    [E_TCP6] = {NULL, 2048, V_IPV6, L_PLAIN, T_NONE, 400},
    [E_VLAN] = {NULL, 256, V_MIXED, L_VLAN, T_NONE, 0},
    [E_QINQ] = {NULL, 64, V_MIXED, L_QINQ, T_NONE, 0},
    [E_6IN4] = {NULL, 32, V_IPV6, L_PLAIN, T_6IN4, 0},
    [E_6TO4] = {NULL, 32, V_IPV6, L_PLAIN, T_6TO4, 0},
    [E_TEREDO] = {NULL, 32, V_IPV6, L_PLAIN, T_TEREDO, 0},
    [E_DSLITE] = {NULL, 32, V_IPV4, L_PLAIN, T_DSLITE, 0},
    [E_PPPOE] = {NULL, 64, V_MIXED, L_PPPOE, T_NONE, 0},
};

static void next_packet(void)
{
    uint32_t r = below(10000);
    int e = 0;
    while (r >= MIX[e])
        r -= MIX[e++];
    switch (e) {
    case E_DNS4: dns_event(0); break;
    case E_DNS6: dns_event(1); break;
    case E_ICMP6: icmp6_event(); break;
    case E_DHCP6: dhcp_event(); break;
    case E_FRAGMENT: fragment_event(); break;
    case E_MALFORMED: malformed_event(); break;
    default: tcp_event(&tables[e]); break;
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: gencap N OUTFILE [seed]   (OUTFILE - for standard output, seed 1 by default)\n");
    exit(2);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4)
        usage();
    char *end;
    errno = 0;
    unsigned long long n = strtoull(argv[1], &end, 10);
    if (errno || *end || argv[1][0] == '-' || end == argv[1])
        usage();
    unsigned long long seed = 1;
    if (argc == 4) {
        seed = strtoull(argv[3], &end, 10);
        if (errno || *end || end == argv[3])
            usage();
    }
    const char *path = argv[2];
    out_file = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!out_file) {
        fprintf(stderr, "gencap: %s: %s\n", path, strerror(errno));
        return 1;
    }
    out_buf = malloc(OUT_BUFFER);
    if (!out_buf) {
        fprintf(stderr, "gencap: out of memory\n");
        return 1;
    }
    setvbuf(out_file, NULL, _IONBF, 0);
    rng_state = seed;
    for (size_t i = 0; i < sizeof pool; i += 8) {
        uint64_t v = rnd64();
        memcpy(pool + i, &v, 8);
    }
    for (int e = 0; e < E_COUNT; e++) {
        if (tables[e].size && !(tables[e].flows = calloc(tables[e].size, sizeof(struct flow)))) {
            fprintf(stderr, "gencap: out of memory\n");
            return 1;
        }
    }

    /* Global header: magic, version 2.4, GMT offset 0, accuracy 0, snaplen, LINKTYPE_ETHERNET. */
    uint8_t *h = out_buf;
    put_le32(h, 0xa1b2c3d4u);
    put_le32(h + 4, 2 | 4u << 16);
    put_le32(h + 8, 0);
    put_le32(h + 12, 0);
    put_le32(h + 16, 262144);
    put_le32(h + 20, 1);
    out_len = 24;

    while (packets < n)
        next_packet();
    flush_out();
    if (out_file != stdout ? fclose(out_file) != 0 : fflush(out_file) != 0) {
        perror("gencap: close");
        return 1;
    }
    fprintf(stderr, "gencap: %llu packets, %llu frame bytes (%.1f per frame), %llu file bytes, seed %llu\n",
            (unsigned long long)packets, (unsigned long long)frame_bytes,
            packets ? (double)frame_bytes / (double)packets : 0.0,
            (unsigned long long)(24 + RECORD_HEADER * packets + frame_bytes), seed);
    return 0;
}
