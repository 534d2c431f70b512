package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.ZipBomb;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.llmstrategy.rules.run.RuleEngine;

/**
 * A hostile file in the rules folder is refused by name, in bounded time and memory, before Apache
 * POI or Drools opens it: size caps per file and per folder, zip-bomb limits, sheet and row caps.
 */
class BoundedParsingTest {
  private static final long GIB = 1L << 30;

  @TempDir Path tmp;

  private RuleFolderFixture rulesWith(String path, byte[] content) throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    Path file = fixture.dir().resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return fixture;
  }

  @Test
  void theBombIsAValidWorkbookAroundItsPadding() throws IOException {
    byte[] frame = ZipBomb.workbook(0, " ");
    try (var wb = WorkbookFactory.create(new ByteArrayInputStream(frame))) {
      assertThat(wb.getSheetName(0)).isEqualTo("Bomb");
    }
    assertThat(WorkbookLimits.refusal(frame)).isEmpty();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aOneGibZipBombNamedAsARuleWorkbookIsRefusedByNameInBoundedTimeAndMemory()
      throws IOException {
    byte[] bomb = ZipBomb.workbook(1024, " ");
    assertThat(bomb.length).isLessThan(RuleFileLimits.MAX_FILE_BYTES);
    RuleFolderFixture fixture = rulesWith("cost/Bomb.drl.xlsx", bomb);

    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    var problems = RuleSetBuilderTest.problems(fixture);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

    assertThat(problems)
        .singleElement()
        .asString()
        .isEqualTo(
            "cost/Bomb.drl.xlsx: is refused before it is opened: its part xl/worksheets/sheet1.xml"
                + " inflates more than 100-fold (a zip bomb?)");
    assertThat(millis).as("milliseconds to refuse a 1 GiB bomb").isLessThan(5_000);
    assertThat(allocated).as("bytes allocated to refuse a 1 GiB bomb").isLessThan(64L << 20);
    assertThat(allocated).isLessThan(GIB / 16);
  }

  @Test
  void poiAloneRefusesTheBombTooShouldItEverGetThere() throws IOException {
    new RuleFileLimits("(limits)"); // sets POI's limits
    assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(WorkbookLimits.MAX_PART_BYTES);
    assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(WorkbookLimits.MIN_INFLATE_RATIO);
    assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(WorkbookLimits.MAX_TEXT_CHARS);
    assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(WorkbookLimits.MAX_PARTS);
    byte[] bomb = ZipBomb.workbook(1024, " ");
    // POI reads the declared size first and will not allocate a 1 GiB array for it
    assertThatThrownBy(() -> WorkbookFactory.create(new ByteArrayInputStream(bomb)))
        .hasStackTraceContaining("Tried to allocate an array of length 1,073,741,936");
  }

  @Test
  void aZipBombNamedAsAScenarioWorkbookIsRefusedByName() throws IOException {
    var fixture = rulesWith("scenarios/Bomb.xlsx", ZipBomb.workbook(1024, " "));
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith("scenarios/Bomb.xlsx: is refused before it is opened: its part");
  }

  @Test
  void aPartThatInflatesLessThanAHundredfoldIsStillCappedInSize() throws IOException {
    // random 'a's and 'b's: about 6-fold, far from a bomb's ratio, but 8 MiB of sheet XML
    byte[] block = new byte[1 << 20];
    Random random = new Random(6);
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) (random.nextBoolean() ? 'a' : 'b');
    }
    byte[] wide = ZipBomb.workbook(8, new String(block, StandardCharsets.US_ASCII));
    assertThat(wide.length).isLessThan(RuleFileLimits.MAX_FILE_BYTES);
    assertThat(RuleSetBuilderTest.problems(rulesWith("cost/Wide.drl.xlsx", wide)))
        .singleElement()
        .asString()
        .isEqualTo(
            "cost/Wide.drl.xlsx: is refused before it is opened: its part"
                + " xl/worksheets/sheet1.xml inflates beyond 4 MiB; a workbook's part may hold at"
                + " most that");
  }

  @Test
  void tooManyRowsAreRefused() throws IOException {
    byte[] rows = ZipBomb.workbook(1, "<row/>");
    assertThat(WorkbookLimits.refusal(rows))
        .hasValue(
            "has more than 5000 rows in xl/worksheets/sheet1.xml; a sheet may have at most 5000");
  }

  @Test
  void tooManyXmlElementsAreRefused() throws IOException {
    StringBuilder cells = new StringBuilder();
    Random random = new Random(7);
    while (cells.length() < (1 << 20) - 32) {
      cells.append("<c><v>").append(random.nextInt(1_000_000)).append("</v></c>");
    }
    byte[] dense = ZipBomb.workbook(3, cells + " ".repeat((1 << 20) - cells.length()));
    assertThat(WorkbookLimits.refusal(dense))
        .hasValueSatisfying(m -> assertThat(m).startsWith("holds more than 300000 XML elements"));
  }

  @Test
  void tooManySheetsAreRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      for (int i = 0; i < 17; i++) {
        wb.createSheet("S" + i);
      }
      wb.write(out);
    }
    assertThat(WorkbookLimits.refusal(out.toByteArray()))
        .hasValue("has more than 16 sheets; a workbook may have at most 16");
  }

  @Test
  void aDocumentTypeDeclarationIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                  + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                  + "<workbook>&lol2;</workbook>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThat(WorkbookLimits.refusal(out.toByteArray()))
        .hasValue("has a document type declaration in xl/workbook.xml; a workbook has none");
  }

  @Test
  void aFileOverTheSizeCapIsRefusedByName() throws IOException {
    byte[] huge = new byte[RuleFileLimits.MAX_FILE_BYTES + 1];
    assertThat(RuleSetBuilderTest.problems(rulesWith("decision/Huge.drl", huge)))
        .singleElement()
        .asString()
        .isEqualTo(
            "decision/Huge.drl: is larger than 2 MiB; a rule or scenario file may be at most that");
  }

  @Test
  void aFolderOverItsCapIsRefused() throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    byte[] nearlyTwoMib = new byte[RuleFileLimits.MAX_FILE_BYTES - 1024];
    for (int i = 0; i < 9; i++) {
      Files.write(fixture.dir().resolve("data-" + i + ".dat"), nearlyTwoMib);
    }
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .endsWith("takes the rules folder beyond 16 MiB in all; the folder is refused");
  }

  @Test
  void tooManyFilesAreRefused() throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    for (int i = 0; i < RuleFileLimits.MAX_FILES; i++) {
      Files.writeString(fixture.dir().resolve("data-" + i + ".dat"), "x");
    }
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .endsWith("holds more than 500 files; the rules folder is refused");
  }

  @Test
  void aBombDroppedIntoAWatchedFolderIsRefusedAtReloadAndTheActiveRulesKeepServing()
      throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    RuleEngine engine = new RuleEngine(fixture.build());
    String active = engine.active().version();
    var reloader =
        new RulesReloader(
            engine,
            new RuleSetBuilder(),
            CandidateCheck.NONE,
            fixture.dir(),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    Files.write(fixture.dir().resolve("cost/Bomb.drl.xlsx"), ZipBomb.workbook(1024, " "));

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    assertThat(attempt.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("cost/Bomb.drl.xlsx"));
    assertThat(engine.active().version()).isEqualTo(active);
  }
}
