package org.llmstrategy.rules.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /rules is public and read by dashboards: whatever the folder holds, its answer stays small. A
 * 73 KB workbook just under the element limit made it 30.6 MB (93,104 problems, every one listed).
 * Now each file lists its first problems and counts the rest, and the whole answer is bounded.
 */
class RulesStatusBoundsTest {
  @TempDir Path tmp;

  /** A source whose every read is refused with these problems (a stand-in for any folder). */
  record Refusing(List<RuleProblem> problems) implements RulesSource {
    @Override
    public String origin() {
      return "a test folder";
    }

    @Override
    public RulesCommit current() {
      return null;
    }

    @Override
    public List<RuleFile> read(RulesCommit commit) {
      throw new RuleSetRejectedException(origin(), problems);
    }
  }

  static RulesReloader reloader(RulesSource source) {
    return new RulesReloader(
        new RuleEngine(ShippedRules.get()),
        new RuleSetBuilder(),
        CandidateCheck.NONE,
        source,
        null,
        new SimpleMeterRegistry(),
        Clock.systemUTC());
  }

  static byte[] json(RulesStatus status) {
    return JsonMapper.shared().writeValueAsBytes(status);
  }

  @Test
  void aNoisyWorkbookListsItsFirstProblemsAndCountsTheRest() throws Exception {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    Path catalog = rules.dir().resolve("models/ModelCatalog.drl.xlsx");
    noisy(catalog, 1_000, 24);
    assertThat(Files.size(catalog)).as("a small file").isLessThan(100_000);
    RulesReloader reloader =
        new RulesReloader(
            new RuleEngine(ShippedRules.get()),
            new RuleSetBuilder(),
            CandidateCheck.NONE,
            rules.dir(),
            new SimpleMeterRegistry(),
            Clock.systemUTC());

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    byte[] body = json(reloader.status());
    assertThat(body.length).as("GET /rules in bytes").isLessThan(1_000_000);
    assertThat(perFile(attempt.problems()))
        .containsExactly(Map.entry("models/ModelCatalog.drl.xlsx", 20L));
    assertThat(attempt.moreProblems())
        .singleElement()
        .satisfies(
            more -> {
              assertThat(more.file()).isEqualTo("models/ModelCatalog.drl.xlsx");
              assertThat(more.count()).as("the rest, counted").isGreaterThan(5_000);
            });
    assertThat(reloader.history().activations().get(0).problems())
        .as("the history counts them all")
        .isEqualTo(20 + (int) attempt.moreProblems().get(0).count());
    // a folder is named, not placed on the server
    assertThat(reloader.status().active().origin()).isEqualTo("rules");
    assertThat(text(body)).doesNotContain(tmp.toString());
  }

  @Test
  void manyFilesLongMessagesAndLongListsStayUnderAMegabyte() {
    String cell = "x".repeat(32_767); // what one cell may hold, quoted in its problem
    List<RuleProblem> problems = new java.util.ArrayList<>();
    for (int f = 0; f < 500; f++) {
      for (int i = 0; i < 30; i++) {
        problems.add(
            new RuleProblem(
                "folder/" + "n".repeat(200) + f + ".drl.xlsx", "Sheet", "A" + i, cell + " is bad"));
      }
    }
    RulesReloader reloader = reloader(new Refusing(problems));

    RulesStatus.Attempt attempt = reloader.reload();

    byte[] body = json(reloader.status());
    assertThat(body.length).as("GET /rules in bytes").isLessThan(1_000_000);
    assertThat(attempt.problems()).hasSize(200);
    assertThat(perFile(attempt.problems()).values()).containsOnly(20L);
    assertThat(attempt.moreProblems().stream().mapToLong(RulesStatus.FileCount::count).sum())
        .isEqualTo(500 * 30 - 200);
    assertThat(attempt.moreProblems()).hasSize(500);
    assertThat(attempt.problems().get(0).message())
        .hasSizeLessThan(600)
        .endsWith("(32274 more characters)");
  }

  @Test
  void failingScenariosAndImpactAreListedFirstAndCounted() {
    List<RulesStatus.Problem> failing = new java.util.ArrayList<>();
    List<String> impact = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      failing.add(
          RulesStatus.Problem.of(
              new RuleProblem("scenarios/S.xlsx", "Scenarios", "A" + i, "y".repeat(5_000))));
      impact.add("scenario " + i + ": " + "z".repeat(5_000));
    }
    RulesStatus.Attempt a =
        new RulesStatus.Attempt(
            java.time.Instant.now(),
            RulesStatus.Outcome.REFUSED,
            "v",
            List.of(),
            failing,
            impact,
            null,
            null);

    assertThat(a.failingScenarios()).hasSize(50);
    assertThat(a.moreFailingScenarios()).isEqualTo(4_950);
    assertThat(a.impact()).hasSize(100);
    assertThat(a.moreImpact()).isEqualTo(4_900);
    assertThat(JsonMapper.shared().writeValueAsBytes(a).length).isLessThan(1_000_000);
  }

  /** Text where the catalog wants numbers, dates or one of a list: a problem per cell. */
  static void noisy(Path workbook, int rows, int columns) throws Exception {
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(workbook)) {
      wb = new XSSFWorkbook(in);
    }
    try (wb) {
      Sheet sheet = wb.getSheetAt(0);
      int first = sheet.getLastRowNum() + 1;
      for (int r = first; r < first + rows; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns; c++) {
          row.createCell(c).setCellValue("x");
        }
      }
      try (OutputStream out = Files.newOutputStream(workbook)) {
        wb.write(out);
      }
    }
  }

  static Map<String, Long> perFile(List<RulesStatus.Problem> problems) {
    return problems.stream()
        .collect(Collectors.groupingBy(RulesStatus.Problem::file, Collectors.counting()));
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
