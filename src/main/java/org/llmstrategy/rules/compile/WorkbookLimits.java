package org.llmstrategy.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What a workbook may hold before Apache POI (ours or Drools') is allowed to open it. POI builds
 * every sheet in memory and, by its own account, may take long and much memory on untrusted files;
 * a zip bomb of a few kilobytes can stand for gigabytes of XML. So every spreadsheet of the rules
 * folder is first walked as a stream, in bounded time and memory: the parts of the zip, how far
 * each inflates (in size and against its compressed size), and the sheets, rows and XML elements
 * they hold. POI's own zip-bomb limits ({@link ZipSecureFile}) are set to the same figures, as a
 * second line for whatever reaches POI another way (an encrypted package inside an OLE2 file).
 */
final class WorkbookLimits {
  /** Parts of one workbook (an xlsx is a zip of a dozen parts). */
  static final int MAX_PARTS = 100;

  /** The most one part may inflate to. */
  static final long MAX_PART_BYTES = 4L * 1024 * 1024;

  /** The most all parts of one workbook may inflate to together. */
  static final long MAX_INFLATED_BYTES = 16L * 1024 * 1024;

  /** Past {@link #GRACE_BYTES}, a part may inflate at most a hundredfold (POI's default). */
  static final double MIN_INFLATE_RATIO = 0.01;

  static final long GRACE_BYTES = 100L * 1024;

  /** POI's cap on extracted text, in characters. */
  static final long MAX_TEXT_CHARS = 2_000_000;

  static final int MAX_SHEETS = 16;

  /**
   * A catalog imported from a public price map holds a row per chat model: some 2,300 today, so
   * room for twice that (issue 13).
   */
  static final int MAX_ROWS_PER_SHEET = 5_000;

  /** Every XML element of every part: what bounds the memory POI's in-memory model takes. */
  static final int MAX_XML_ELEMENTS = 300_000;

  private static final String MIB = " MiB";
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setGraceEntrySize(GRACE_BYTES);
    ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    ZipSecureFile.setMaxFileCount(MAX_PARTS);
    ZipSecureFile.setMaxTextSize(MAX_TEXT_CHARS);
  }

  private WorkbookLimits() {}

  /** Sets POI's zip-bomb limits (done once, when this class is first used). */
  static void applyToPoi() {
    // the static initializer does the work
  }

  /** Whether a file is a spreadsheet POI would open. */
  static boolean isSpreadsheet(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
  }

  /**
   * Why the workbook must not be opened, or empty when it is within the limits. A file that is not
   * a zip at all (an old .xls, a text file) is left to POI, whose answer is bounded by the file
   * size cap.
   */
  static Optional<String> refusal(byte[] content) {
    if (content.length < 4
        || content[0] != 'P'
        || content[1] != 'K'
        || content[2] != 3
        || content[3] != 4) {
      return Optional.empty();
    }
    Counting raw = new Counting(new ByteArrayInputStream(content));
    Budget budget = new Budget();
    try (ZipInputStream zip = new ZipInputStream(raw)) {
      int parts = 0;
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (++parts > MAX_PARTS) {
          throw new Refused("has more than " + MAX_PARTS + " parts; a workbook holds a dozen");
        }
        String part = e.getName();
        InputStream in = new Guarded(zip, raw, part, budget);
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml")) {
          countXml(in, part, budget);
        }
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return Optional.empty();
    } catch (Refused r) {
      return Optional.of(r.getMessage());
    } catch (IOException | RuntimeException e) {
      return Optional.of(
          "is not a readable workbook: its zip cannot be read ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
  }

  private static void countXml(InputStream in, String part, Budget budget) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = XML.createXMLStreamReader(in);
      int rows = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw new Refused("has a document type declaration in " + part + "; a workbook has none");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (++budget.elements > MAX_XML_ELEMENTS) {
          throw new Refused(
              "holds more than "
                  + MAX_XML_ELEMENTS
                  + " XML elements; a rule or scenario workbook"
                  + " is far smaller");
        }
        String name = xml.getLocalName();
        if (name.equals("row") && ++rows > MAX_ROWS_PER_SHEET) {
          throw new Refused(
              "has more than "
                  + MAX_ROWS_PER_SHEET
                  + " rows in "
                  + part
                  + "; a sheet may have at"
                  + " most "
                  + MAX_ROWS_PER_SHEET);
        }
        if (name.equals("sheet") && ++budget.sheets > MAX_SHEETS) {
          throw new Refused(
              "has more than " + MAX_SHEETS + " sheets; a workbook may have at most " + MAX_SHEETS);
        }
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof Refused r) {
        throw r;
      }
      throw new Refused("is not a readable workbook: " + part + " is not well-formed XML");
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a byte array
        }
      }
    }
  }

  /** The reason a workbook is refused; unchecked so it crosses the XML reader. */
  private static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** What the parts of one workbook have used so far. */
  private static final class Budget {
    long inflated;
    int elements;
    int sheets;
  }

  /** Counts the compressed bytes the zip reader consumes. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }

  /** One part as it inflates: refused past its size, the workbook's size or the inflate ratio. */
  private static final class Guarded extends InputStream {
    private final InputStream part;
    private final Counting raw;
    private final String name;
    private final Budget budget;
    private final long compressedAtStart;
    private long inflated;

    Guarded(InputStream part, Counting raw, String name, Budget budget) {
      this.part = part;
      this.raw = raw;
      this.name = name;
      this.budget = budget;
      this.compressedAtStart = raw.count;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = part.read(b, off, len);
      if (n > 0) {
        inflated += n;
        budget.inflated += n;
        check();
      }
      return n;
    }

    private void check() {
      if (inflated > MAX_PART_BYTES) {
        throw new Refused(
            "is refused before it is opened: its part "
                + name
                + " inflates beyond "
                + MAX_PART_BYTES / (1024 * 1024)
                + MIB
                + "; a workbook's part may hold at most that");
      }
      if (budget.inflated > MAX_INFLATED_BYTES) {
        throw new Refused(
            "is refused before it is opened: its parts inflate beyond "
                + MAX_INFLATED_BYTES / (1024 * 1024)
                + MIB
                + " in all");
      }
      long compressed = raw.count - compressedAtStart;
      if (inflated > GRACE_BYTES && (double) compressed / inflated < MIN_INFLATE_RATIO) {
        throw new Refused(
            "is refused before it is opened: its part "
                + name
                + " inflates more than "
                + Math.round(1 / MIN_INFLATE_RATIO)
                + "-fold (a zip bomb?)");
      }
    }
  }
}
