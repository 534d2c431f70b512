package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.live.CandidateCheck;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.llmstrategy.rules.run.RuleEngine;

/** rulesVersion is the hash of what is loaded: editor files and re-saves do not move it. */
class RulesVersionTest {
  @TempDir Path tmp;

  String versionOf(Path dir) {
    return RulesVersion.of(RuleFolder.read(dir));
  }

  @Test
  void lockFilesTempFilesAndDocumentationDoNotMoveTheVersion() throws Exception {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    String shipped = versionOf(rules.dir());

    rules.write("models/.~lock.ModelCatalog.drl.xlsx#", ",analyst,host,01.12.2026 10:00,");
    rules.write("models/~$ModelCatalog.drl.xlsx", "owner");
    rules.write("cost/UsageTiers.drl.xlsx~", "backup");
    rules.write("cost/lu12345.tmp", "half a save");
    rules.write("README.md", "an analyst's note");
    rules.write("advice/NOTES.txt", "ideas");
    rules.write(".DS_Store", "finder");

    assertThat(versionOf(rules.dir())).isEqualTo(shipped);
  }

  @Test
  void aReSaveOfTheSameValuesKeepsTheVersionAndAChangedValueMovesIt() throws Exception {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    String shipped = versionOf(rules.dir());
    List<Path> workbooks;
    try (Stream<Path> files = Files.walk(rules.dir())) {
      workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
    }
    assertThat(workbooks).hasSizeGreaterThanOrEqualTo(7);
    for (Path p : workbooks) {
      byte[] before = Files.readAllBytes(p);
      try (InputStream in = Files.newInputStream(p);
          Workbook wb = WorkbookFactory.create(in)) {
        RuleFolderFixture.saveLikeAnEditor(wb, p);
      }
      assertThat(Files.readAllBytes(p)).as("POI writes other bytes: %s", p).isNotEqualTo(before);
    }

    assertThat(versionOf(rules.dir())).isEqualTo(shipped);

    rules.edit("cost/UsageTiers.drl.xlsx").set("D12", 900000000).save();
    assertThat(versionOf(rules.dir())).isNotEqualTo(shipped);
  }

  @Test
  void hidingARowMovesTheVersionSoTheCheckSeesItButFoldingTheMachineryDoesNot() throws Exception {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    String shipped = versionOf(rules.dir());
    Path tiers = rules.dir().resolve("cost/UsageTiers.drl.xlsx");

    try (InputStream in = Files.newInputStream(tiers);
        Workbook wb = WorkbookFactory.create(in)) {
      for (int r = 5; r <= 7; r++) { // the grouped machinery rows 6-8, opened to look
        wb.getSheetAt(0).getRow(r).setZeroHeight(false);
      }
      RuleFolderFixture.saveLikeAnEditor(wb, tiers);
    }
    assertThat(versionOf(rules.dir())).isEqualTo(shipped);

    try (InputStream in = Files.newInputStream(tiers);
        Workbook wb = WorkbookFactory.create(in)) {
      wb.getSheetAt(0).getRow(11).setZeroHeight(true);
      RuleFolderFixture.saveLikeAnEditor(wb, tiers);
    }
    assertThat(versionOf(rules.dir())).isNotEqualTo(shipped);
  }

  @Test
  void theReloaderSaysUnchangedForAReSaveAndTheBuildGivesTheSameVersion() throws Exception {
    RuleFolderFixture rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    RuleEngine engine = new RuleEngine(ShippedRules.get());
    RulesReloader reloader =
        new RulesReloader(
            engine,
            new RuleSetBuilder(),
            CandidateCheck.NONE,
            rules.dir(),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    Path catalog = rules.dir().resolve("models/ModelCatalog.drl.xlsx");
    try (InputStream in = Files.newInputStream(catalog);
        Workbook wb = WorkbookFactory.create(in)) {
      RuleFolderFixture.saveLikeAnEditor(wb, catalog);
    }
    rules.write("models/.~lock.ModelCatalog.drl.xlsx#", "lock");

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.UNCHANGED);
    assertThat(attempt.candidateVersion()).isEqualTo(ShippedRules.get().version());
    assertThat(rules.build().version()).isEqualTo(ShippedRules.get().version());
  }
}
