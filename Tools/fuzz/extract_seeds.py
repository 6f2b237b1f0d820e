"""Write every frame of the corpus captures as a libFuzzer seed: one byte naming the link type
(its index in FuzzPackets.swift's list), then the frame. Reads classic pcap and pcapng with the
standard library only."""
import pathlib
import struct
import sys

LINK_TYPES = [1, 113, 276, 101, 228, 229, 0, 108, 9, 239, 8]


def pcap_frames(data):
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        endian = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        endian = ">"
    else:
        return
    link = struct.unpack(endian + "I", data[20:24])[0] & 0xFFFF
    offset = 24
    while offset + 16 <= len(data):
        caplen = struct.unpack(endian + "I", data[offset + 8:offset + 12])[0]
        yield link, data[offset + 16:offset + 16 + caplen]
        offset += 16 + caplen


def pcapng_frames(data):
    offset = 0
    endian = "<"
    links = []
    while offset + 12 <= len(data):
        block_type = struct.unpack(endian + "I", data[offset:offset + 4])[0]
        if block_type == 0x0A0D0D0A:
            endian = "<" if data[offset + 8:offset + 12] == b"\x4d\x3c\x2b\x1a" else ">"
            links = []
        length = struct.unpack(endian + "I", data[offset + 4:offset + 8])[0]
        if length < 12:
            return
        body = data[offset + 8:offset + length - 4]
        if block_type == 1:
            links.append(struct.unpack(endian + "H", body[:2])[0])
        elif block_type == 6 and links:
            interface, _, _, caplen = struct.unpack(endian + "IIII", body[:16])
            yield links[interface % len(links)], body[20:20 + caplen]
        offset += length


def main(fixtures, out):
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(pathlib.Path(fixtures).rglob("*.pcap*")):
        data = path.read_bytes()
        frames = pcapng_frames(data) if data[:4] == b"\x0a\x0d\x0d\x0a" else pcap_frames(data)
        for index, (link, frame) in enumerate(frames):
            if link not in LINK_TYPES:
                continue
            (out / f"{path.stem}-{index}").write_bytes(bytes([LINK_TYPES.index(link)]) + frame)
            count += 1
    print(f"{count} seeds in {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
