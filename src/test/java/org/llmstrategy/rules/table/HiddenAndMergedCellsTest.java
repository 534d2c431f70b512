package org.llmstrategy.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.llmstrategy.rules.table.WorkbookEdit.cell;
import static org.llmstrategy.rules.table.WorkbookEdit.edit;
import static org.llmstrategy.rules.table.WorkbookEdit.problems;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * A merged cell or a hidden row or column inside a table changes what Drools reads without the
 * analyst seeing it (Drools reads a merged cell's value into every cell it covers, and hidden rows
 * as any other), so each is refused by name; the folded machinery rows and merged object-type cells
 * of the shipped workbooks stay accepted.
 */
class HiddenAndMergedCellsTest {
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";
  static final String TIERS = "cost/UsageTiers.drl.xlsx";

  @TempDir Path tmp;

  private RuleFolderFixture shipped() throws IOException {
    return RuleFolderFixture.copyOfShippedRules(tmp);
  }

  @Test
  void mergedCellsInARuleRowAreRefused() throws IOException {
    var fixture = shipped();
    // F12 is "latency below 100"; merged over G12, Drools would add "latency from 100" to the row
    edit(
        fixture.dir(),
        MATRIX,
        wb -> {
          cell(wb, "G12").setBlank(); // a spreadsheet program keeps only the top-left value
          wb.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("F12:G12"));
        });
    assertThat(problems(fixture))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!F12: cells F12:G12 are merged inside the"
                + " table: unmerge them, every rule row needs its own value in each column");
  }

  @Test
  void cellsMergedDownSeveralRuleRowsAreRefused() throws IOException {
    var fixture = shipped();
    edit(
        fixture.dir(),
        MATRIX,
        wb -> {
          cell(wb, "N11").setBlank();
          wb.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("N10:N11"));
        });
    assertThat(problems(fixture))
        .contains(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!N10: cells N10:N11 are merged inside the"
                + " table: unmerge them, every rule row needs its own value in each column");
  }

  @Test
  void mergedLabelsInTheHeaderAreRefused() throws IOException {
    var fixture = shipped();
    edit(
        fixture.dir(),
        MATRIX,
        wb -> {
          cell(wb, "G9").setBlank();
          wb.getSheetAt(0).addMergedRegion(CellRangeAddress.valueOf("F9:G9"));
        });
    assertThat(problems(fixture))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!F9: cells F9:G9 are merged in the"
                + " table's header: unmerge them, each column needs its own label");
  }

  @Test
  void aHiddenRuleRowIsRefused() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), MATRIX, wb -> wb.getSheetAt(0).getRow(11).setZeroHeight(true));
    assertThat(problems(fixture))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!A12: row 12 is hidden inside the table:"
                + " unhide it (a hidden row still decides) or delete it");
  }

  @Test
  void aHiddenConditionColumnIsRefused() throws IOException {
    var fixture = shipped();
    edit(fixture.dir(), MATRIX, wb -> wb.getSheetAt(0).setColumnHidden(5, true));
    assertThat(problems(fixture))
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!F9: column F is hidden inside the"
                + " table: unhide it (a hidden column still decides) or delete it");
  }

  @Test
  void foldedMachineryRowsAndMergedObjectTypeCellsAreTheTablesOwn() throws IOException {
    var fixture = shipped();
    edit(
        fixture.dir(),
        TIERS,
        wb -> {
          var sheet = wb.getSheetAt(0);
          assertThat(sheet.getMergedRegions()).contains(CellRangeAddress.valueOf("C7:D7"));
          assertThat(sheet.getRow(6).getZeroHeight()).isTrue();
          // a merged title over the table is decoration, above the machinery
          sheet.addMergedRegion(CellRangeAddress.valueOf("A5:E5"));
          sheet.getRow(7).setZeroHeight(true);
        });
    fixture.build();
  }
}
