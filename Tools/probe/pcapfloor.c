/*
 * pcapfloor - the libpcap floor: the cost of reading a capture with libpcap and nothing else.
 *
 * Usage:  pcapfloor [--mapped] FILE
 * Build:  cc -O2 -o pcapfloor pcapfloor.c -lpcap
 *
 * Opens FILE with pcap_open_offline, reads every packet with pcap_next_ex and touches one byte of
 * each (folded into a checksum that is printed, so the compiler cannot drop the loop). No tool
 * that reads the file through libpcap this way can be faster, so a probe's packets per
 * CPU-second divided by this program's says how much of its time goes to its own work.
 *
 * With --mapped it reads the way `metro6 probe` reads a regular file (Sources/Probe/Capture/
 * MappedFile.swift): the file is mapped read-only, libpcap reads a stdio stream over the mapping
 * (fmemopen + pcap_fopen_offline), and every 1,024 packets the pages more than 1 MiB behind the
 * reading position are handed back (madvise MADV_DONTNEED). That saves the kernel's copy into
 * stdio's buffer; the ratio against this floor is the probe's own work alone.
 *
 * Prints "N packets, B captured bytes (checksum X)" on standard output; exit status 1 on an error.
 */
#define _DEFAULT_SOURCE /* pcap.h uses the BSD types u_char and u_int, hidden by a strict -std */
#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEPT_BEHIND (1 << 20)

int main(int argc, char **argv)
{
    int mapped = argc == 3 && strcmp(argv[1], "--mapped") == 0;
    if (argc != 2 + mapped) {
        fprintf(stderr, "usage: pcapfloor [--mapped] FILE\n");
        return 2;
    }
    const char *path = argv[1 + mapped];
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t *pcap;
    unsigned char *base = NULL;
    size_t size = 0, released = 0, page = (size_t)sysconf(_SC_PAGESIZE);
    FILE *stream = NULL;
    if (mapped) {
        int fd = open(path, O_RDONLY);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
            fprintf(stderr, "pcapfloor: %s: not a regular non-empty file\n", path);
            return 1;
        }
        size = (size_t)st.st_size;
        base = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (base == MAP_FAILED) {
            perror("pcapfloor: mmap");
            return 1;
        }
        madvise(base, size, MADV_SEQUENTIAL);
        stream = fmemopen(base, size, "r");
        pcap = stream ? pcap_fopen_offline(stream, errbuf) : NULL;
        if (!stream)
            snprintf(errbuf, sizeof errbuf, "fmemopen failed");
    } else {
        pcap = pcap_open_offline(path, errbuf);
    }
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
        if (mapped && (packets & 1023) == 0) {
            long position = ftell(stream);
            if (position > KEPT_BEHIND && (size_t)(position - KEPT_BEHIND) >= released + page) {
                size_t end = ((size_t)(position - KEPT_BEHIND)) / page * page;
                madvise(base + released, end - released, MADV_DONTNEED);
                released = end;
            }
        }
    }
    if (rc == PCAP_ERROR) {
        fprintf(stderr, "pcapfloor: %s: %s\n", path, pcap_geterr(pcap));
        pcap_close(pcap);
        return 1;
    }
    pcap_close(pcap);
    if (mapped)
        munmap(base, size);

    printf("%llu packets, %llu captured bytes (checksum %08x)\n", (unsigned long long)packets,
           (unsigned long long)bytes, checksum);
    return 0;
}
