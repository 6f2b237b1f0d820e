#!/usr/bin/env python3
"""Rebuild or check the corpus oracle: Tests/ProbeTests/Fixtures/{tcpdump,zeek}/index.json.

Every measured count in index.json comes from tools that share no code with the probe:
tshark -T fields (one row per frame; the counts are computed from those rows), capinfos
(file type, encapsulation, packet count) and the local tcpdump (a second opinion). The
descriptive, hand-written fields (description, category, source, source_path, zeek_tests,
tcpdump_expected, notes, ...) are carried over from the existing index.json.

  corpus_index.py FOLDER [--out PATH] [--write]   rebuild FOLDER/index.json (stdout by default)
  corpus_index.py FOLDER --check                  rebuild in memory, list every measured field
                                                  that differs from FOLDER/index.json, exit 1 if any
  corpus_index.py --capture FILE                  one file entry (measured fields only), so a test
                                                  can use tshark as a live oracle

Profiles. The two folders were decoded slightly differently, and the profile reproduces that:
  tcpdump  tshark -n (default preferences); udp_3544 and ipv4_proto41 look at the outermost
           UDP / IPv4 header only.
  zeek     tshark -n -o teredo.heuristic_teredo:TRUE (plus a second run with default
           preferences for tunnel_counts.teredo_default_prefs); udp_3544 / ipv4_proto41 look at
           every nesting level; adds ipv6_address_kinds, link_type.interfaces and
           l2.vlan_ipv6_frames / pppoe_ipv6_frames / sll2_frames.
`--profile auto` (the default) takes the zeek profile when the existing index records
tshark_options or ipv6_address_kinds, else the tcpdump one; with no index, and for --capture,
it takes the zeek profile (a superset that decodes Teredo as the probe does).

Standard library only. Needs tshark and capinfos (Debian: tshark, wireshark-common) and tcpdump.
"""

import argparse
import collections
import concurrent.futures
import hashlib
import ipaddress
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

SCRIPT = "Tools/probe/corpus_index.py"

# The tshark fields, in the order of the original per-frame files (<capture>.tshark.tsv).
FIELDS = [
    "frame.number", "frame.len", "frame.cap_len", "frame.encap_type", "frame.protocols",
    "eth.type", "vlan.id", "sll.etype", "sll.ltype", "ppp.protocol", "pppoe.session_id",
    "ip.version", "ip.proto", "ipv6.version", "ipv6.nxt", "ipv6.hopopts.nxt", "ipv6.dstopts.nxt",
    "ipv6.routing.nxt", "ipv6.fraghdr.nxt", "ipv6.src", "ipv6.dst", "udp.srcport", "udp.dstport",
    "icmpv6.type", "icmpv6.code", "dhcpv6.msgtype", "dhcpv6.option.type", "dns.flags.response",
    "dns.qry.type", "dns.resp.type", "_ws.malformed", "_ws.short", "_ws.expert.severity",
    "_ws.expert.message",
]
TSHARK_FORMAT = ["-T", "fields", "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a",
                 "-E", "aggregator=|"]
TEREDO_HEURISTIC = ["-o", "teredo.heuristic_teredo:TRUE"]
EXPERT_ERROR = "8388608"  # PI_ERROR
EXPERT_MESSAGES_KEPT = 8  # most frequent messages, ties in order of first appearance

ICMPV6_NAMES = {
    1: "dest_unreachable", 2: "packet_too_big", 3: "time_exceeded", 4: "parameter_problem",
    128: "echo_request", 129: "echo_reply", 130: "mld_query", 131: "mld_report_v1",
    132: "mld_done", 133: "router_solicitation", 134: "router_advertisement",
    135: "neighbor_solicitation", 136: "neighbor_advertisement", 137: "redirect",
    138: "router_renumbering", 139: "node_information_query", 140: "node_information_reply",
    141: "inverse_nd_solicitation", 142: "inverse_nd_advertisement", 143: "mld_report_v2",
    144: "home_agent_address_discovery_request", 145: "home_agent_address_discovery_reply",
    146: "mobile_prefix_solicitation", 147: "mobile_prefix_advertisement",
    148: "certification_path_solicitation", 149: "certification_path_advertisement",
    151: "multicast_router_advertisement", 152: "multicast_router_solicitation",
    153: "multicast_router_termination", 155: "rpl_control",
    157: "duplicate_address_request", 158: "duplicate_address_confirmation",
    160: "extended_echo_request", 161: "extended_echo_reply",
}
ICMPV6_SHORTCUTS = [("RS", [133]), ("RA", [134]), ("NS", [135]), ("NA", [136]),
                    ("redirect", [137]), ("PTB", [2]), ("echo_request", [128]),
                    ("echo_reply", [129]), ("mld", [130, 131, 132, 143])]
DHCPV6_NAMES = {
    1: "SOLICIT", 2: "ADVERTISE", 3: "REQUEST", 4: "CONFIRM", 5: "RENEW", 6: "REBIND",
    7: "REPLY", 8: "RELEASE", 9: "DECLINE", 10: "RECONFIGURE", 11: "INFORMATION-REQUEST",
    12: "RELAY-FORW", 13: "RELAY-REPL", 14: "LEASEQUERY", 15: "LEASEQUERY-REPLY",
    16: "LEASEQUERY-DONE", 17: "LEASEQUERY-DATA", 18: "RECONFIGURE-REQUEST",
    19: "RECONFIGURE-REPLY", 20: "DHCPV4-QUERY", 21: "DHCPV4-RESPONSE",
    22: "ACTIVELEASEQUERY", 23: "STARTTLS", 24: "BNDUPD", 25: "BNDREPLY", 26: "POOLREQ",
    27: "POOLRESP", 28: "UPDREQ", 29: "UPDREQALL", 30: "UPDDONE", 31: "CONNECT",
    32: "CONNECTREPLY", 33: "DISCONNECT", 34: "STATE", 35: "CONTACT",
}
LINKTYPE_NAMES = {
    0: "NULL", 1: "ETHERNET", 6: "IEEE802_5", 8: "SLIP", 9: "PPP", 10: "FDDI",
    50: "PPP_HDLC", 51: "PPP_ETHER", 101: "RAW", 104: "C_HDLC", 105: "IEEE802_11",
    108: "LOOP", 113: "LINUX_SLL", 119: "IEEE802_11_PRISM", 127: "IEEE802_11_RADIOTAP",
    192: "PPI", 197: "ERF", 220: "USB_LINUX_MMAPPED", 228: "IPV4", 229: "IPV6",
    239: "NFLOG", 276: "LINUX_SLL2",
}
IP_TOKENS = {"ip", "ipv6"}
# Dissectors between two IP headers that still make "X directly after Y".
EXTENSION_TOKENS = {"ipv6.hopopts", "ipv6.routing", "ipv6.fraghdr", "ipv6.dstopts", "ah"}
EXTENSION_NAMES = {
    "ipv6.hopopts": "hop_by_hop", "ipv6.routing": "routing", "ipv6.fraghdr": "fragment",
    "ipv6.dstopts": "destination_options", "mipv6": "mobility", "ah": "ah", "esp": "esp",
    "shim6": "shim6",
}
OVERLAYS = {"vxlan": "VXLAN", "geneve": "Geneve", "gre": "GRE", "ayiya": "AYIYA",
            "gtp": "GTP-U", "teredo": "Teredo"}
IP_LABELS = {"ip": "IPv4", "ipv6": "IPv6", "none": "non-IP"}
ADDRESS_KINDS = ["unspecified", "loopback", "teredo", "6to4", "documentation", "ula",
                 "link_local", "multicast", "ipv4_mapped", "nat64_wkp", "global_unicast",
                 "other"]
ADDRESS_PREFIXES = [
    ("teredo", ipaddress.ip_network("2001::/32")),
    ("6to4", ipaddress.ip_network("2002::/16")),
    ("documentation", ipaddress.ip_network("2001:db8::/32")),
    ("ula", ipaddress.ip_network("fc00::/7")),
    ("link_local", ipaddress.ip_network("fe80::/10")),
    ("multicast", ipaddress.ip_network("ff00::/8")),
    ("ipv4_mapped", ipaddress.ip_network("::ffff:0:0/96")),
    ("nat64_wkp", ipaddress.ip_network("64:ff9b::/96")),
    ("global_unicast", ipaddress.ip_network("2000::/3")),
]

# Key order of a file entry (descriptive keys included, so carried-over ones land in place).
ENTRY_ORDER = [
    "file", "category", "description", "source_path", "size_bytes", "sha256", "file_format",
    "link_type", "packets", "capinfos_packets", "ipv6_packets", "ipv6_packets_with_version_6",
    "ipv6_address_kinds", "icmpv6", "dhcpv6", "dns", "tunnels_seen", "tunnel_counts",
    "ipv6_extension_headers", "l2", "tcp", "tshark", "tcpdump_expected", "zeek_tests",
    "zeek_tests_count", "tcpdump_local",
]
DESCRIPTIVE = {"file", "category", "description", "source_path", "tcpdump_expected",
               "zeek_tests", "zeek_tests_count"}
# Measured values compared as a whole by --check; the other measured dicts field by field.
STRUCTURED = {"link_type", "icmpv6", "dhcpv6", "dns", "l2", "tcp", "tshark", "tcpdump_local"}


class Failure(Exception):
    """A problem the user has to fix (missing tool, unreadable capture, bad index)."""


# ---------------------------------------------------------------------------------------------
# Tools

class Tools:
    PACKAGES = {"tshark": "tshark", "capinfos": "wireshark-common", "tcpdump": "tcpdump"}

    def __init__(self):
        missing = [name for name in self.PACKAGES if shutil.which(name) is None]
        if missing:
            packages = " ".join(sorted({self.PACKAGES[name] for name in missing}))
            raise Failure(
                "missing tool(s): %s. Install them (Debian/Ubuntu: apt-get install -y %s)."
                % (", ".join(missing), packages))
        self.tshark = shutil.which("tshark")
        self.capinfos = shutil.which("capinfos")
        self.tcpdump = shutil.which("tcpdump")
        # An empty configuration folder: tshark runs with its default preferences and
        # protocols whatever the user's ~/.config/wireshark holds.
        self.config = tempfile.mkdtemp(prefix="corpus-index-wireshark-")
        self.env = dict(os.environ, WIRESHARK_CONFIG_DIR=self.config, TZ="GMT0")
        self.tshark_version = self._first_line([self.tshark, "-v"])
        versions = run([self.tcpdump, "--version"], self.env).stdout.decode("utf-8", "replace")
        lines = [line.strip() for line in versions.splitlines()]
        self.tcpdump_version = next((l for l in lines if l.startswith("tcpdump version")), "")
        self.libpcap_version = next((l for l in lines if l.startswith("libpcap version")), "")

    def _first_line(self, command):
        out = run(command, self.env).stdout.decode("utf-8", "replace").strip().splitlines()
        return out[0] if out else ""

    def close(self):
        shutil.rmtree(self.config, ignore_errors=True)


def run(command, env, cwd=None):
    try:
        return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, cwd=cwd, check=False)
    except OSError as error:
        raise Failure("cannot run %s: %s" % (command[0], error))


def stderr_lines(raw):
    """tcpdump/tshark stderr without the notices that say nothing about the capture."""
    lines = []
    for line in raw.decode("utf-8", "replace").splitlines():
        line = line.rstrip()
        if not line or line.startswith("Running as user"):
            continue
        lines.append(line)
    return lines


# ---------------------------------------------------------------------------------------------
# The capture file itself

def file_linktypes(path):
    """LINKTYPE values from the file header (pcap) or interface description blocks (pcapng),
    and the number of interfaces."""
    with open(path, "rb") as handle:
        head = handle.read(24)
        if len(head) < 4:
            raise Failure("%s: too short to be a capture" % path)
        magic = head[:4]
        if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
            if len(head) < 24:
                raise Failure("%s: truncated pcap header" % path)
            return [struct.unpack("<I", head[20:24])[0] & 0x0FFFFFFF], 1
        if magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
            if len(head) < 24:
                raise Failure("%s: truncated pcap header" % path)
            return [struct.unpack(">I", head[20:24])[0] & 0x0FFFFFFF], 1
        if magic != b"\x0a\x0d\x0d\x0a":
            raise Failure("%s: neither pcap nor pcapng (magic %s)" % (path, magic.hex()))
        handle.seek(0)
        linktypes = []
        order = "<"
        while True:
            header = handle.read(8)
            if len(header) < 8:
                break
            if header[:4] == b"\x0a\x0d\x0d\x0a":
                bom = handle.read(4)
                order = "<" if bom == b"\x4d\x3c\x2b\x1a" else ">"
                length = struct.unpack(order + "I", header[4:8])[0]
                body = bom + handle.read(max(length - 12, 0))
            else:
                kind, length = struct.unpack(order + "II", header)
                body = handle.read(max(length - 8, 0))
                if kind == 1 and len(body) >= 2:
                    linktypes.append(struct.unpack(order + "H", body[:2])[0])
            if length < 12:
                break
        return linktypes, len(linktypes)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def capinfos(tools, path):
    result = run([tools.capinfos, "-T", "-r", "-t", "-E", "-c", "-M", path], tools.env)
    text = result.stdout.decode("utf-8", "replace").strip()
    if result.returncode != 0 or not text:
        raise Failure("capinfos failed on %s: %s" % (path, " ".join(stderr_lines(result.stderr))))
    # File name, file type, encapsulation, packet count (the name may hold tabs: count from the end)
    columns = text.splitlines()[-1].split("\t")
    if len(columns) < 4 or not columns[-1].isdigit():
        raise Failure("capinfos: unexpected output for %s: %r" % (path, text))
    return columns[-3], columns[-2], int(columns[-1])


# ---------------------------------------------------------------------------------------------
# tshark

def tshark_rows(tools, path, options):
    """tshark's raw -T fields output and its rows (dicts of field -> list of values)."""
    command = [tools.tshark, "-n"] + options + ["-r", path] + TSHARK_FORMAT
    for field in FIELDS:
        command += ["-e", field]
    result = run(command, tools.env)
    text = result.stdout.decode("utf-8", "replace")
    lines = text.split("\n")
    if not lines or lines[0].split("\t") != FIELDS:
        raise Failure("tshark failed on %s (exit %d): %s"
                      % (path, result.returncode, " ".join(stderr_lines(result.stderr))))
    if result.returncode != 0:
        print("warning: tshark exit %d on %s: %s" % (
            result.returncode, path, " ".join(stderr_lines(result.stderr))), file=sys.stderr)
    rows = []
    for line in lines[1:]:
        if not line:
            continue
        # The expert message is the last column: a stray tab can only land there.
        columns = line.split("\t", len(FIELDS) - 1)
        columns += [""] * (len(FIELDS) - len(columns))
        rows.append({name: (value.split("|") if value else [])
                     for name, value in zip(FIELDS, columns)})
    return result.stdout, rows


def teredo_frames_default_prefs(tools, path):
    result = run([tools.tshark, "-n", "-r", path, "-T", "fields", "-e", "frame.protocols"],
                 tools.env)
    return sum(1 for line in result.stdout.decode("utf-8", "replace").split("\n")
               if "teredo" in line.split(":"))


def tcp_handshakes(tools, path, options):
    """SYNs and SYN-ACKs by the IP version of the header that carries the TCP segment (the
    innermost one). Segments quoted inside ICMP errors are left out: they are not connection
    attempts on the captured link."""
    result = run([tools.tshark, "-n"] + options + ["-r", path, "-Y", "tcp.flags.syn == 1", "-T", "fields",
                  "-E", "occurrence=l", "-e", "frame.protocols", "-e", "tcp.flags.ack"], tools.env)
    counts = collections.OrderedDict(
        (key, 0) for key in ("ipv6_syns", "ipv6_syn_acks", "ipv4_syns", "ipv4_syn_acks"))
    for line in result.stdout.decode("utf-8", "replace").split("\n"):
        if not line:
            continue
        protocols, _, ack = line.partition("\t")
        layers = protocols.split(":")
        if "tcp" not in layers:
            continue
        before = layers[:layers.index("tcp")]
        if "icmp" in before or "icmpv6" in before:
            continue
        carriers = [layer for layer in before if layer in ("ip", "ipv6")]
        if not carriers:
            continue
        family = "ipv6" if carriers[-1] == "ipv6" else "ipv4"
        acknowledged = ack.strip() in ("1", "True", "true")
        counts[family + ("_syn_acks" if acknowledged else "_syns")] += 1
    return counts


def address_kind(text):
    try:
        address = ipaddress.IPv6Address(text)
    except ValueError:
        return None
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    for kind, network in ADDRESS_PREFIXES:
        if address in network:
            return kind
    return "other"


def by_number(counter):
    return {str(key): counter[key] for key in sorted(counter)}


def decode(rows, profile):
    """Every tshark-derived count of one capture."""
    zeek = profile == "zeek"
    encaps = collections.Counter()
    ipv6_packets = ipv6_v6 = 0
    icmp_first, icmp_all = collections.Counter(), collections.Counter()
    dhcp_first, dhcp_all = collections.Counter(), collections.Counter()
    dhcp_options = set()
    dns = collections.OrderedDict((key, 0) for key in (
        "messages", "queries", "responses", "aaaa_queries", "aaaa_responses", "aaaa_answer_rrs",
        "a_queries"))
    tunnels = collections.Counter()
    overlays = collections.Counter()
    extensions = collections.Counter()
    l2 = collections.Counter()
    kinds = collections.Counter()
    malformed = short = expert_errors = 0
    messages = collections.Counter()

    for row in rows:
        protocols = row["frame.protocols"][0].split(":") if row["frame.protocols"] else []
        present = set(protocols)
        for encap in row["frame.encap_type"]:
            encaps[int(encap)] += 1
        if "ipv6" in present:
            ipv6_packets += 1
        if "6" in row["ipv6.version"]:
            ipv6_v6 += 1

        types = [int(value) for value in row["icmpv6.type"]]
        if types:
            icmp_first[types[0]] += 1
        icmp_all.update(types)
        types = [int(value) for value in row["dhcpv6.msgtype"]]
        if types:
            dhcp_first[types[0]] += 1
        dhcp_all.update(types)
        dhcp_options.update(int(value) for value in row["dhcpv6.option.type"])

        flags = row["dns.flags.response"]
        if flags:
            questions = row["dns.qry.type"]
            dns["messages"] += 1
            query = flags[0] in ("0", "False")
            if query:
                dns["queries"] += 1
                dns["aaaa_queries"] += "28" in questions
                dns["a_queries"] += "1" in questions
            else:
                dns["responses"] += 1
                dns["aaaa_responses"] += "28" in questions
        dns["aaaa_answer_rrs"] += row["dns.resp.type"].count("28")

        # Tunnels: the dissector chain up to the first ICMP (what follows is a quoted header).
        chain = protocols
        for index, token in enumerate(protocols):
            if token in ("icmp", "icmpv6"):
                chain = protocols[:index]
                break
        nested = collections.Counter()
        for index, token in enumerate(chain):
            if token not in IP_TOKENS:
                continue
            before = index - 1
            while before >= 0 and chain[before] in EXTENSION_TOKENS:
                before -= 1
            if before >= 0 and chain[before] in IP_TOKENS:
                nested[(token, chain[before])] += 1
        for (inner, outer), count in nested.items():
            tunnels["chain_%s_in_%s" % (inner, outer)] += count
        next_headers = (row["ipv6.nxt"] + row["ipv6.hopopts.nxt"] + row["ipv6.dstopts.nxt"]
                        + row["ipv6.routing.nxt"] + row["ipv6.fraghdr.nxt"])
        six_in_four = nested[("ipv6", "ip")]
        if six_in_four:
            protos = row["ip.proto"] if zeek else row["ip.proto"][:1]
            confirmed = min(six_in_four, protos.count("41"))
            tunnels["ipv4_proto41"] += confirmed
            tunnels["ipv6_header_after_ipv4_without_proto41"] += six_in_four - confirmed
        tunnels["ipv6_nh4"] += min(nested[("ip", "ipv6")], next_headers.count("4"))
        tunnels["ipv6_nh41"] += min(nested[("ipv6", "ipv6")], next_headers.count("41"))
        ports = (row["udp.srcport"] + row["udp.dstport"] if zeek
                 else row["udp.srcport"][:1] + row["udp.dstport"][:1])
        tunnels["udp_3544"] += "3544" in ports
        tunnels["teredo"] += "teredo" in present
        tunnels["mpls"] += "mpls" in present
        for index, token in enumerate(chain):
            if token not in OVERLAYS:
                continue
            outer = next((t for t in reversed(chain[:index]) if t in IP_TOKENS), "none")
            inner = "none"
            for following in chain[index + 1:]:
                if following in OVERLAYS:
                    break
                if following in IP_TOKENS:
                    inner = following
                    break
            tunnels["overlay_%s" % token] += 1
            key = "overlay_%s_%s_over_%s" % (token, inner, outer)
            tunnels[key] += 1
            overlays[key] += 1

        # IPv6 extension headers (quoted ones too), once per frame each.
        seen = set()
        last_ip = None
        for token in protocols:
            if token in IP_TOKENS:
                last_ip = token
            elif token in EXTENSION_NAMES and last_ip == "ipv6":
                seen.add(EXTENSION_NAMES[token])
        extensions.update(seen)

        l2["vlan_frames"] += "vlan" in present
        l2["pppoe_frames"] += bool(present & {"pppoes", "pppoed"})
        l2["ipv6cp_frames"] += "ipv6cp" in present
        l2["sll_frames"] += "sll" in present
        l2["vlan_ipv6_frames"] += "vlan" in present and "ipv6" in present
        l2["pppoe_ipv6_frames"] += "pppoes" in present and "ipv6" in present
        l2["sll2_frames"] += "sll" in present and "210" in row["frame.encap_type"]

        frame_kinds = {address_kind(a) for a in row["ipv6.src"] + row["ipv6.dst"]}
        kinds.update(frame_kinds - {None})

        malformed += bool(row["_ws.malformed"])
        short += bool(row["_ws.short"])
        expert_errors += EXPERT_ERROR in row["_ws.expert.severity"]
        messages.update(row["_ws.expert.message"])

    icmpv6 = collections.OrderedDict()
    icmpv6["by_type"] = by_number(icmp_first)
    icmpv6["by_name"] = {ICMPV6_NAMES.get(t, "type_%d" % t): icmp_first[t]
                         for t in sorted(icmp_first)}
    for name, numbers in ICMPV6_SHORTCUTS:
        icmpv6[name] = sum(icmp_first[n] for n in numbers)
    icmpv6["all_occurrences_by_type"] = by_number(icmp_all)

    dhcpv6 = collections.OrderedDict()
    dhcpv6["by_type"] = by_number(dhcp_first)
    dhcpv6["by_name"] = {DHCPV6_NAMES.get(t, "TYPE-%d" % t): dhcp_first[t]
                         for t in sorted(dhcp_first)}
    dhcpv6["all_occurrences_by_type"] = by_number(dhcp_all)
    dhcpv6["option_types"] = sorted(dhcp_options)
    dhcpv6["has_ia_pd"] = 25 in dhcp_options
    dhcpv6["has_ia_na"] = 3 in dhcp_options
    dhcpv6["has_dns_servers_opt23"] = 23 in dhcp_options
    dhcpv6["has_domain_list_opt24"] = 24 in dhcp_options

    address_kinds = {kind: kinds[kind] for kind in ADDRESS_KINDS if kinds[kind]}

    seen = []
    if tunnels["ipv4_proto41"]:
        seen.append("6in4 (IPv4 protocol 41)")
    if tunnels["ipv6_nh4"]:
        seen.append("IPv4-in-IPv6 (next header 4)")
    if tunnels["ipv6_nh41"]:
        seen.append("IPv6-in-IPv6 (next header 41)")
    if tunnels["teredo"] or tunnels["overlay_teredo"]:
        seen.append("Teredo (UDP 3544)")
    for key in sorted(overlays):
        name, inner, _, outer = key[len("overlay_"):].split("_")
        if name != "teredo":
            seen.append("%s overlay: %s over %s" % (OVERLAYS[name], IP_LABELS[inner],
                                                    IP_LABELS[outer]))
    if zeek and address_kinds.get("6to4"):
        seen.append("6to4 addresses (2002::/16) present")

    l2_keys = ["vlan_frames", "pppoe_frames", "ipv6cp_frames", "sll_frames"]
    if zeek:
        l2_keys += ["vlan_ipv6_frames", "pppoe_ipv6_frames", "sll2_frames"]

    tshark = collections.OrderedDict()
    tshark["malformed"] = malformed > 0
    tshark["malformed_frames"] = malformed
    tshark["short_frames"] = short
    tshark["expert_error_frames"] = expert_errors
    # Counter.most_common keeps first-appearance order among equal counts.
    tshark["expert_messages"] = dict(messages.most_common(EXPERT_MESSAGES_KEPT))

    return {
        "packets": len(rows),
        "encaps": by_number(encaps),
        "ipv6_packets": ipv6_packets,
        "ipv6_packets_with_version_6": ipv6_v6,
        "ipv6_address_kinds": address_kinds,
        "icmpv6": icmpv6,
        "dhcpv6": dhcpv6,
        "dns": dns,
        "tunnels_seen": seen,
        "tunnel_counts": {key: tunnels[key] for key in sorted(tunnels) if tunnels[key]},
        "ipv6_extension_headers": {key: extensions[key] for key in sorted(extensions)},
        "l2": {key: l2[key] for key in l2_keys},
        "tshark": tshark,
    }


# ---------------------------------------------------------------------------------------------
# tcpdump

PACKET_START = re.compile(r"^ *\d+  ")  # tcpdump -# numbers every packet it reads


def tcpdump_local(tools, path):
    folder, name = os.path.split(os.path.abspath(path))
    verbose = run([tools.tcpdump, "-n", "-v", "-r", name], tools.env, cwd=folder)
    link_type = ""
    messages = []
    for line in stderr_lines(verbose.stderr):
        match = re.match(r"reading from file .*, link-type (.*?)(, snapshot length \d+)?$", line)
        if match:
            link_type = match.group(1)
        else:
            messages.append(line)
    # The counts come from the one-line-per-packet output, each packet numbered (-#); an
    # overlay's inner packet goes on an unnumbered line, counted with its packet.
    numbered = run([tools.tcpdump, "-#", "-n", "-r", name], tools.env, cwd=folder)
    packets = []
    for line in numbered.stdout.decode("utf-8", "replace").split("\n"):
        if PACKET_START.match(line):
            packets.append(line)
        elif line and packets:
            packets[-1] += "\n" + line
    local = collections.OrderedDict()
    local["version"] = tools.tcpdump_version
    local["libpcap"] = tools.libpcap_version
    local["verbose_output"] = name + ".local-tcpdump-v.txt"
    local["command"] = "TZ=GMT0 tcpdump -n -v -r " + name
    local["exit_code"] = verbose.returncode
    local["link_type"] = link_type
    local["stderr"] = messages
    local["packets"] = len(packets)
    local["packets_with_IP6"] = sum(1 for p in packets if re.search(r"\bIP6\b", p))
    local["packets_marked_truncated_or_invalid"] = sum(
        1 for p in packets if "[|" in p or "invalid" in p.lower())
    return verbose.stdout, local


# ---------------------------------------------------------------------------------------------
# One capture

def measure(tools, path, profile, side_files=None):
    """The measured fields of one capture's entry, in index order."""
    name = os.path.basename(path)
    zeek = profile == "zeek"
    linktypes, interfaces = file_linktypes(path)
    file_type, encapsulation, capinfos_packets = capinfos(tools, path)
    options = TEREDO_HEURISTIC if zeek else []
    raw_tsv, rows = tshark_rows(tools, path, options)
    counts = decode(rows, profile)
    if zeek and counts["tunnel_counts"].get("teredo"):
        default = teredo_frames_default_prefs(tools, path)
        if default:
            counts["tunnel_counts"]["teredo_default_prefs"] = default
            counts["tunnel_counts"] = dict(sorted(counts["tunnel_counts"].items()))
    raw_verbose, local = tcpdump_local(tools, path)
    if side_files:
        os.makedirs(side_files, exist_ok=True)
        with open(os.path.join(side_files, name + ".tshark.tsv"), "wb") as handle:
            handle.write(raw_tsv)
        with open(os.path.join(side_files, name + ".local-tcpdump-v.txt"), "wb") as handle:
            handle.write(raw_verbose)

    distinct = sorted(set(linktypes))
    link = collections.OrderedDict()
    link["linktype"] = distinct[0] if len(distinct) == 1 else distinct
    if zeek:
        link["interfaces"] = interfaces
    link["linktype_name"] = (LINKTYPE_NAMES.get(distinct[0], "LINKTYPE_%d" % distinct[0])
                             if len(distinct) == 1
                             else [LINKTYPE_NAMES.get(t, "LINKTYPE_%d" % t) for t in distinct])
    link["capinfos_encapsulation"] = encapsulation
    link["tshark_frame_encap_types"] = counts["encaps"]

    entry = collections.OrderedDict()
    entry["file"] = name
    entry["size_bytes"] = os.path.getsize(path)
    entry["sha256"] = sha256(path)
    entry["file_format"] = file_type
    entry["link_type"] = link
    entry["packets"] = counts["packets"]
    entry["capinfos_packets"] = capinfos_packets
    entry["ipv6_packets"] = counts["ipv6_packets"]
    entry["ipv6_packets_with_version_6"] = counts["ipv6_packets_with_version_6"]
    if zeek:
        entry["ipv6_address_kinds"] = counts["ipv6_address_kinds"]
    for key in ("icmpv6", "dhcpv6", "dns", "tunnels_seen", "tunnel_counts",
                "ipv6_extension_headers", "l2"):
        entry[key] = counts[key]
    entry["tcp"] = tcp_handshakes(tools, path, options)
    entry["tshark"] = counts["tshark"]
    entry["tshark"]["per_frame"] = name + ".tshark.tsv"
    entry["tcpdump_local"] = local
    return entry


def merge(measured, old):
    """The measured entry with the hand-written fields of the old one, in index order."""
    old = old or {}
    entry = collections.OrderedDict()
    for key in ENTRY_ORDER:
        if key in measured:
            entry[key] = measured[key]
        elif key in old and key in DESCRIPTIVE:
            entry[key] = old[key]
    for key, value in old.items():  # any other hand-written field
        if key not in entry and key not in ENTRY_ORDER:
            entry[key] = value
    return entry


# ---------------------------------------------------------------------------------------------
# A folder

def load_index(folder):
    path = os.path.join(folder, "index.json")
    if not os.path.exists(path):
        return None, None
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return json.loads(raw.decode("utf-8"), object_pairs_hook=collections.OrderedDict), raw
    except ValueError as error:
        raise Failure("%s: not valid JSON: %s" % (path, error))


def detect_profile(index):
    if index is None:
        return "zeek"
    if "tshark_options" in index.get("generator", {}):
        return "zeek"
    if any("ipv6_address_kinds" in entry for entry in index.get("files", [])):
        return "zeek"
    return "tcpdump"


def captures(folder, index):
    on_disk = sorted(name for name in os.listdir(folder)
                     if name.endswith((".pcap", ".pcapng"))
                     and os.path.isfile(os.path.join(folder, name)))
    if index is None:
        return on_disk
    listed = [entry["file"] for entry in index.get("files", [])]
    missing = [name for name in listed if not os.path.isfile(os.path.join(folder, name))]
    if missing:
        raise Failure("%s/index.json lists captures that are not there: %s"
                      % (folder, ", ".join(missing)))
    unlisted = sorted(set(on_disk) - set(listed))
    if unlisted:
        print("warning: not in index.json, left out: %s" % ", ".join(unlisted), file=sys.stderr)
    return listed


def generator(tools, profile, old):
    block = collections.OrderedDict()
    block["script"] = SCRIPT
    block["tshark"] = tools.tshark_version
    if profile == "zeek":
        block["tshark_options"] = "-n " + " ".join(TEREDO_HEURISTIC)
    block["tcpdump"] = tools.tcpdump_version
    block["libpcap"] = tools.libpcap_version
    for key, value in (old or {}).items():
        if key not in block and key not in ("script", "tshark_options"):
            block[key] = value
    return block


DEFAULT_NOTES = [
    "Counts come from tshark -T fields (Tools/probe/corpus_index.py lists the fields and how "
    "each count is computed), capinfos and the local tcpdump (tcpdump_local, a second opinion).",
]


def build(tools, folder, profile, jobs, side_files=None):
    index, raw = load_index(folder)
    if profile == "auto":
        profile = detect_profile(index)
    names = captures(folder, index)
    old_entries = {entry["file"]: entry for entry in (index or {}).get("files", [])}

    def one(name):
        return merge(measure(tools, os.path.join(folder, name), profile, side_files),
                     old_entries.get(name))

    if jobs > 1:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            files = list(pool.map(one, names))
    else:
        files = [one(name) for name in names]

    top = collections.OrderedDict()
    template = index or collections.OrderedDict([
        ("description", "Captures in %s, with an independent decoding by tshark"
         % os.path.basename(os.path.abspath(folder))),
        ("generator", None), ("notes", DEFAULT_NOTES), ("files", None)])
    for key, value in template.items():
        if key == "generator":
            top[key] = generator(tools, profile, value)
        elif key == "files":
            top[key] = files
        else:
            top[key] = value
    if "generator" not in top:
        top["generator"] = generator(tools, profile, None)
    if "files" not in top:
        top["files"] = files
    return top, index, raw, profile


def serialise(document, trailing_newline=True):
    text = json.dumps(document, indent=1)
    return text + ("\n" if trailing_newline else "")


# ---------------------------------------------------------------------------------------------
# --check

def compare(folder, rebuilt, committed):
    """Differences between the measured fields of the rebuilt and committed index, and a
    per-field tally {field: [equal, total]}."""
    differences = []
    tally = collections.OrderedDict()
    if committed is None:
        return ["%s: no index.json to check against" % folder], tally
    old = [entry["file"] for entry in committed.get("files", [])]
    new = [entry["file"] for entry in rebuilt["files"]]
    if old != new:
        differences.append("file list differs: committed %s, rebuilt %s" % (old, new))
    committed_entries = {entry["file"]: entry for entry in committed.get("files", [])}

    def check(name, field, mine, theirs):
        same = json.dumps(mine) == json.dumps(theirs)  # key order matters too
        counts = tally.setdefault(field, [0, 0])
        counts[0] += same
        counts[1] += 1
        if not same:
            differences.append("%s: %s: committed %s, rebuilt %s" % (
                name, field, json.dumps(theirs), json.dumps(mine)))

    for entry in rebuilt["files"]:
        theirs = committed_entries.get(entry["file"])
        if theirs is None:
            continue
        keys = [key for key in entry if key not in DESCRIPTIVE]
        keys += [key for key in theirs if key not in DESCRIPTIVE and key not in entry]
        for key in keys:
            mine_value, their_value = entry.get(key), theirs.get(key)
            if key in STRUCTURED and isinstance(mine_value, dict) and isinstance(their_value, dict):
                subkeys = list(mine_value) + [k for k in their_value if k not in mine_value]
                if list(mine_value) != list(their_value) and set(mine_value) == set(their_value):
                    differences.append("%s: %s: key order differs" % (entry["file"], key))
                for subkey in subkeys:
                    check(entry["file"], "%s.%s" % (key, subkey),
                          mine_value.get(subkey, "<absent>"), their_value.get(subkey, "<absent>"))
            else:
                check(entry["file"], key, entry.get(key, "<absent>"), theirs.get(key, "<absent>"))
        if [k for k in entry if k in theirs] != [k for k in theirs if k in entry]:
            differences.append("%s: key order differs" % entry["file"])
    return differences, tally


# ---------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Rebuild or check a corpus folder's index.json (the probe's tshark oracle).",
        epilog="Examples: %(prog)s Tests/ProbeTests/Fixtures/zeek --check; "
               "%(prog)s Tests/ProbeTests/Fixtures/tcpdump --out /tmp/index.json; "
               "%(prog)s --capture some.pcap")
    parser.add_argument("folder", nargs="?", help="a corpus folder (captures + index.json)")
    parser.add_argument("--out", help="write the rebuilt index.json here (default: stdout)")
    parser.add_argument("--write", action="store_true",
                        help="overwrite FOLDER/index.json with the rebuilt index")
    parser.add_argument("--check", action="store_true",
                        help="compare the rebuilt measured fields with FOLDER/index.json; "
                             "exit 1 and list the differences if any")
    parser.add_argument("--capture", metavar="FILE",
                        help="print one file entry (measured fields only) for FILE")
    parser.add_argument("--profile", choices=["auto", "tcpdump", "zeek"], default="auto",
                        help="how to decode (see the module docstring); default: auto")
    parser.add_argument("--side-files", metavar="DIR",
                        help="also write each capture's tshark rows (<capture>.tshark.tsv) and "
                             "verbose tcpdump output (<capture>.local-tcpdump-v.txt) to DIR")
    parser.add_argument("-j", "--jobs", type=int, default=1,
                        help="captures decoded in parallel (default 1)")
    args = parser.parse_args(argv)

    if bool(args.folder) == bool(args.capture):
        parser.error("give either FOLDER or --capture FILE")
    if args.capture and (args.write or args.check or args.out):
        parser.error("--capture prints one entry to stdout; --out/--write/--check need FOLDER")
    if args.write and args.out:
        parser.error("--write and --out are exclusive")

    started = time.time()
    try:
        tools = Tools()
        try:
            if args.capture:
                if not os.path.isfile(args.capture):
                    raise Failure("%s: no such file" % args.capture)
                profile = "zeek" if args.profile == "auto" else args.profile
                entry = measure(tools, args.capture, profile, args.side_files)
                sys.stdout.write(serialise(entry))
                return 0
            if not os.path.isdir(args.folder):
                raise Failure("%s: not a folder" % args.folder)
            rebuilt, committed, raw, profile = build(tools, args.folder, args.profile,
                                                     max(args.jobs, 1), args.side_files)
        finally:
            tools.close()
    except Failure as error:
        print("corpus_index.py: error: %s" % error, file=sys.stderr)
        return 2

    trailing = raw is None or raw.endswith(b"\n")
    text = serialise(rebuilt, trailing)
    elapsed = time.time() - started
    if args.check:
        differences, tally = compare(args.folder, rebuilt, committed)
        old_generator = (committed or {}).get("generator", {})
        for key in ("tshark", "tcpdump", "libpcap"):
            if old_generator.get(key) and old_generator.get(key) != rebuilt["generator"][key]:
                print("note: %s differs from the one that built the index: %s (index: %s)"
                      % (key, rebuilt["generator"][key], old_generator[key]))
        print("%s: %d captures, profile %s, %.1f s" % (
            args.folder, len(rebuilt["files"]), profile, elapsed))
        for field, (equal, total) in tally.items():
            print("  %-45s %3d/%-3d %s" % (field, equal, total, "equal" if equal == total
                                             else "DIFFERENT"))
        if differences:
            print("%d difference(s):" % len(differences))
            for line in differences:
                print("  " + line)
            return 1
        print("every measured field equals the committed index.json")
        return 0
    if args.write:
        path = os.path.join(args.folder, "index.json")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        print("wrote %s (%d captures, %.1f s)" % (path, len(rebuilt["files"]), elapsed),
              file=sys.stderr)
    elif args.out and args.out != "-":
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(text)
        print("wrote %s (%d captures, %.1f s)" % (args.out, len(rebuilt["files"]), elapsed),
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
