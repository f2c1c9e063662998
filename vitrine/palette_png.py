"""A PNG encoder for images of up to 16 colours, faster than Pillow's for share cards."""

from __future__ import annotations

import struct
import zlib

from PIL import Image, ImageChops


def png_bytes(image: Image.Image) -> bytes:
    """Encode a palette image of up to 16 colours as PNG, fast: 4 bits a pixel, rows "up".

    Pillow's encoder tries filters on every row; a card's rows mostly repeat the one above,
    so the "up" filter alone, computed with one image subtraction, and zlib's run-length
    strategy make a file as small in less than half the time.
    """
    width, height = image.size
    packed = image.tobytes("raw", "P;4")
    rows = Image.frombytes("L", ((width + 1) // 2, height), packed)
    above = ImageChops.offset(rows, 0, 1)  # each row's upper neighbour; none for the first
    above.paste(0, (0, 0, rows.width, 1))
    filtered = Image.new("L", (rows.width + 1, height), 2)  # each row starts with its filter
    filtered.paste(ImageChops.subtract_modulo(rows, above), (1, 0))
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
    data = squeeze.compress(filtered.tobytes()) + squeeze.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))

    colours = bytes(image.getpalette()[:3 * 16])
    return b"".join((b"\x89PNG\r\n\x1a\n",
                     chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)),
                     chunk(b"PLTE", colours), chunk(b"IDAT", data), chunk(b"IEND", b"")))
