/*
 * pcapfloor - the libpcap floor: the cost of reading a capture with libpcap and nothing else.
 *
 * Usage:  pcapfloor FILE
 * Build:  cc -O2 -o pcapfloor pcapfloor.c -lpcap
 *
 * Opens FILE with pcap_open_offline, reads every packet with pcap_next_ex and touches one byte of
 * each (folded into a checksum that is printed, so the compiler cannot drop the loop). No tool
 * that reads the file through libpcap can be faster, so a probe's packets per CPU-second divided
 * by this program's says how much of its time goes to its own work.
 *
 * Prints "N packets, B captured bytes (checksum X)" on standard output; exit status 1 on an error.
 */
#define _DEFAULT_SOURCE /* pcap.h uses the BSD types u_char and u_int, hidden by a strict -std */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: pcapfloor FILE\n");
        return 2;
    }
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *pcap = pcap_open_offline(argv[1], errbuf);
    if (!pcap) {
        fprintf(stderr, "pcapfloor: %s\n", errbuf);
        return 1;
    }

    struct pcap_pkthdr *header;
    const u_char *data;
    uint64_t packets = 0, bytes = 0;
    unsigned checksum = 0;
    int rc;
    while ((rc = pcap_next_ex(pcap, &header, &data)) == 1) {
        packets++;
        bytes += header->caplen;
        if (header->caplen)
            checksum = checksum * 31 + data[0];
    }
    if (rc == PCAP_ERROR) {
        fprintf(stderr, "pcapfloor: %s: %s\n", argv[1], pcap_geterr(pcap));
        pcap_close(pcap);
        return 1;
    }
    pcap_close(pcap);

    printf("%llu packets, %llu captured bytes (checksum %08x)\n", (unsigned long long)packets,
           (unsigned long long)bytes, checksum);
    return 0;
}
