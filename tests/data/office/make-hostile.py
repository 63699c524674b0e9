#!/usr/bin/env python3
# make-hostile.py: writes the hostile office files test-office.c refuses (run from this
# folder; the outputs are committed, the tests do not run this).
import struct, zipfile, zlib

# bomb.docx: word/document.xml inflates to 300 MB of spaces from a few hundred KB.
with zipfile.ZipFile("bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)

# claims-2gb.docx: a tiny member whose headers claim 2 GB.
data = b"<w:document/>"
comp = zlib.compress(data)[2:-4]
name = b"word/document.xml"
crc = zlib.crc32(data)
claimed = 2 * 1024 * 1024 * 1024 - 1
local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0, crc, len(comp), claimed,
                    len(name), 0) + name + comp
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(comp),
                      claimed, len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, len(central), len(local), 0)
open("claims-2gb.docx", "wb").write(local + central + end)

# encrypted.docx and old-word.doc: OLE compound files as Word writes them, reduced to the
# header and one directory sector that names their streams.
def ole(names):
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    sector = bytearray(512)
    for i, n in enumerate(names):
        u = n.encode("utf-16-le") + b"\0\0"
        sector[i * 128:i * 128 + len(u)] = u
        struct.pack_into("<H", sector, i * 128 + 64, len(u))
        sector[i * 128 + 66] = 5 if i == 0 else 2
    return bytes(header) + bytes(sector)

open("encrypted.docx", "wb").write(ole(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
open("old-word.doc", "wb").write(ole(["Root Entry", "WordDocument", "1Table"]))

# lies-about-size.docx: headers claim 100 bytes; the deflated data inflates to 200 MB.
co = zlib.compressobj(9, zlib.DEFLATED, -15)
comp = b"".join(co.compress(b" " * (1 << 20)) for _ in range(200)) + co.flush()
crc = 0
local = struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0, crc, len(comp), 100,
                    len(name), 0) + name + comp
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 20, 20, 0, 8, 0, 0, crc, len(comp),
                      100, len(name), 0, 0, 0, 0, 0, 0) + name
end = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 1, 1, len(central), len(local), 0)
open("lies-about-size.docx", "wb").write(local + central + end)
