package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.facts.Option;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaRequest;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows never depend on their order, so sorting the deployment matrix must not reword an answer: the
 * sentence of a winner by elimination lists the other options in their own order and each option's
 * blockers by their text, whatever order the rows fired in.
 */
class BlockedOptionsSentenceTest {
  private static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  @TempDir Path tmp;

  @Test
  void swappingTheBlockingRowsOfTheMatrixGivesTheSameSentence() throws IOException {
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    Path matrix = fixture.dir().resolve(MATRIX);
    // fine-tuning's blockers (weeks, ML engineers) and self-hosting's (months, the team of five)
    swapRows(
        matrix, rowOf(matrix, "FineTuningTakesWeeks"), rowOf(matrix, "FineTuningNeedsMlEngineers"));
    swapRows(
        matrix,
        rowOf(matrix, "SelfHostingTakesMonths"),
        rowOf(matrix, "SelfHostingNeedsATeamOfFive"));
    RuleSet swapped = fixture.build();

    String shipped = blockedSentence(ShippedRules.get());
    assertThat(blockedSentence(swapped)).isEqualTo(shipped);
    assertThat(shipped)
        .isEqualTo(
            "The other options are blocked: fine-tuning (Fine-tuning costs about $50K upfront;"
                + " Fine-tuning needs ML engineers; Fine-tuning takes weeks to reach production);"
                + " self-hosting (Self-hosting costs $500K+ upfront; Self-hosting needs an ML + infra"
                + " team of 5 or more; Self-hosting needs infrastructure engineers: the full ops"
                + " burden is yours; Self-hosting needs ML engineers; Self-hosting takes months to"
                + " reach production)");
  }

  /** The API's reason in the published startup example: it wins because the others are blocked. */
  private static String blockedSentence(RuleSet rules) {
    Criteria startup =
        CriteriaMapping.toCriteria(
            JsonMapper.shared()
                .convertValue(
                    RecommendExamples.read("startup-in-days.request.json"), CriteriaRequest.class));
    Recommendation r = Recommender.recommend(rules, startup, false, DAY);
    assertThat(r.deployment().recommendation()).isEqualTo(Option.API);
    return DeploymentMatrixTest.option(r, Option.API).reasons().stream()
        .map(s -> s.substring(s.indexOf(") ") + 2))
        .filter(s -> s.startsWith("The other options are blocked"))
        .findFirst()
        .orElseThrow();
  }

  private static int rowOf(Path workbook, String ruleName) throws IOException {
    try (InputStream in = Files.newInputStream(workbook);
        Workbook wb = WorkbookFactory.create(in)) {
      for (Row row : wb.getSheetAt(0)) {
        Cell a = row.getCell(0);
        if (a != null
            && a.getCellType() == CellType.STRING
            && a.getStringCellValue().equals(ruleName)) {
          return row.getRowNum();
        }
      }
    }
    throw new AssertionError(ruleName + " not in " + workbook);
  }

  /** Swaps the values of two rows (0-based), as sorting the sheet would move them. */
  private static void swapRows(Path workbook, int first, int second) throws IOException {
    Workbook wb;
    try (InputStream in = Files.newInputStream(workbook)) {
      wb = WorkbookFactory.create(in);
    }
    try (wb) {
      Sheet sheet = wb.getSheetAt(0);
      List<Object> a = values(sheet.getRow(first));
      List<Object> b = values(sheet.getRow(second));
      write(sheet.getRow(first), b);
      write(sheet.getRow(second), a);
      RuleFolderFixture.saveLikeAnEditor(wb, workbook);
    }
  }

  private static List<Object> values(Row row) {
    List<Object> values = new ArrayList<>();
    for (int c = 0; c < Math.max(row.getLastCellNum(), 30); c++) {
      Cell cell = row.getCell(c);
      values.add(
          cell == null
              ? null
              : switch (cell.getCellType()) {
                case NUMERIC -> cell.getNumericCellValue();
                case STRING -> cell.getStringCellValue();
                default -> null;
              });
    }
    return values;
  }

  private static void write(Row row, List<Object> values) {
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      Cell cell = row.getCell(c);
      if (v == null) {
        if (cell != null) {
          cell.setBlank();
        }
        continue;
      }
      if (cell == null) {
        cell = row.createCell(c);
      }
      if (v instanceof Double d) {
        cell.setCellValue(d);
      } else {
        cell.setCellValue((String) v);
      }
    }
  }
}
