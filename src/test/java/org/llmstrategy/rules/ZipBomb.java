package org.llmstrategy.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a valid xlsx whose one sheet is a huge, highly compressible XML part: a zip bomb built in
 * about a second, so the repository holds no large file. The sheet's padding is compressed once as
 * a 1 MiB block ending in a full flush, which makes every later block byte-for-byte the same; the
 * deflate stream is that block repeated, so a 1 GiB sheet costs one megabyte of compression and a
 * CRC pass. Run {@link #main} to write one to disk for a manual test.
 */
public final class ZipBomb {
  static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  static final String REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
  static final String DOC_REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private static final int BLOCK = 1 << 20;

  private ZipBomb() {}

  /**
   * A workbook whose sheet XML inflates to about {@code mebibytes} MiB of {@code padding}, repeated
   * between {@code <sheetData>} and {@code </sheetData>}; 0 gives a small, ordinary workbook.
   */
  public static byte[] workbook(int mebibytes, String padding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Zip zip = new Zip(out);
    zip.stored(
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\""
            + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
    zip.stored(
        "_rels/.rels",
        "<Relationships xmlns=\""
            + REL_NS
            + "\"><Relationship Id=\"rId1\" Type=\""
            + DOC_REL
            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    zip.stored(
        "xl/workbook.xml",
        "<workbook xmlns=\""
            + MAIN_NS
            + "\" xmlns:r=\""
            + DOC_REL
            + "\"><sheets><sheet name=\"Bomb\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    zip.stored(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\""
            + REL_NS
            + "\"><Relationship Id=\"rId1\" Type=\""
            + DOC_REL
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
    zip.repeated(
        "xl/worksheets/sheet1.xml",
        ("<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>").getBytes(StandardCharsets.UTF_8),
        block(padding),
        mebibytes,
        "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    zip.finish();
    return out.toByteArray();
  }

  private static byte[] block(String padding) {
    byte[] unit = padding.getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      block[i] = unit[i % unit.length];
    }
    return block;
  }

  /** Writes a bomb: {@code ZipBomb <file> <MiB> [padding]} (padding: spaces by default). */
  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    byte[] bomb = workbook(Integer.parseInt(args[1]), args.length > 2 ? args[2] : " ");
    Files.write(Path.of(args[0]), bomb);
    System.out.printf(
        "%s: %d bytes, sheet XML about %s MiB inflated, written in %d ms%n",
        args[0], bomb.length, args[1], (System.nanoTime() - start) / 1_000_000);
  }

  /** Just enough of the zip format: stored parts, one deflated part, the central directory. */
  private static final class Zip {
    private final OutputStream out;
    private final List<byte[]> central = new ArrayList<>();
    private long offset;

    Zip(OutputStream out) {
      this.out = out;
    }

    void stored(String name, String text) throws IOException {
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      CRC32 crc = new CRC32();
      crc.update(data);
      entry(name, 0, crc.getValue(), data.length, data.length, List.of(data));
    }

    void repeated(String name, byte[] head, byte[] block, int times, byte[] tail)
        throws IOException {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      byte[] deflatedHead = deflate(deflater, head, Deflater.FULL_FLUSH);
      byte[] deflatedBlock = deflate(deflater, block, Deflater.FULL_FLUSH);
      byte[] second = deflate(deflater, block, Deflater.FULL_FLUSH);
      if (!Arrays.equals(deflatedBlock, second)) {
        throw new IllegalStateException("a fully flushed block should deflate the same each time");
      }
      deflater.setInput(tail);
      deflater.finish();
      ByteArrayOutputStream end = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        end.write(buffer, 0, deflater.deflate(buffer));
      }
      deflater.end();
      CRC32 crc = new CRC32();
      crc.update(head);
      for (int i = 0; i < times; i++) {
        crc.update(block);
      }
      crc.update(tail);
      List<byte[]> parts = new ArrayList<>();
      parts.add(deflatedHead);
      for (int i = 0; i < times; i++) {
        parts.add(deflatedBlock);
      }
      parts.add(end.toByteArray());
      long compressed = parts.stream().mapToLong(p -> p.length).sum();
      long inflated = head.length + (long) block.length * times + tail.length;
      if (inflated > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("beyond 4 GiB a part needs zip64");
      }
      entry(name, 8, crc.getValue(), compressed, inflated, parts);
    }

    private static byte[] deflate(Deflater deflater, byte[] data, int flush) {
      deflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[64 * 1024];
      int n;
      do {
        n = deflater.deflate(buffer, 0, buffer.length, flush);
        out.write(buffer, 0, n);
      } while (n == buffer.length || !deflater.needsInput());
      return out.toByteArray();
    }

    private void entry(
        String name, int method, long crc, long compressed, long inflated, List<byte[]> data)
        throws IOException {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      ByteBuffer local = le(30 + n.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) method);
      local.putShort((short) 0).putShort((short) 0x21); // 1980-01-01 00:00
      local.putInt((int) crc).putInt((int) compressed).putInt((int) inflated);
      local.putShort((short) n.length).putShort((short) 0).put(n);
      ByteBuffer dir = le(46 + n.length);
      dir.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
      dir.putShort((short) method).putShort((short) 0).putShort((short) 0x21);
      dir.putInt((int) crc).putInt((int) compressed).putInt((int) inflated);
      dir.putShort((short) n.length).putShort((short) 0).putShort((short) 0);
      dir.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(n);
      central.add(dir.array());
      out.write(local.array());
      offset += local.capacity();
      for (byte[] d : data) {
        out.write(d);
        offset += d.length;
      }
    }

    void finish() throws IOException {
      long start = offset;
      for (byte[] d : central) {
        out.write(d);
        offset += d.length;
      }
      ByteBuffer end = le(22);
      end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
      end.putShort((short) central.size()).putShort((short) central.size());
      end.putInt((int) (offset - start)).putInt((int) start).putShort((short) 0);
      out.write(end.array());
    }

    private static ByteBuffer le(int size) {
      return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
