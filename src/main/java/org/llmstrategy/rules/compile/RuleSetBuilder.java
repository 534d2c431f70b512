package org.llmstrategy.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.llmstrategy.facts.ReferenceData;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.reference.ReferenceDataReader;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleSource;
import org.llmstrategy.rules.run.RuleThresholds;
import org.llmstrategy.rules.table.CriteriaThresholds;
import org.llmstrategy.rules.table.DecisionTableCheck;
import org.llmstrategy.rules.table.WorkbookFormats;

/**
 * Turns the files of a rules folder into an immutable {@link RuleSet}, or refuses them with every
 * problem located to file, sheet and cell. The same pipeline serves start-up, reload and the
 * analysts' {@code validate} command.
 */
public final class RuleSetBuilder {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RuleSetBuilder.class);

  private static final Pattern SPREADSHEET = Pattern.compile(".*\\.(xlsx|xls|csv)$");
  private static final Pattern DECISION_TABLE = Pattern.compile(".*\\.drl\\.(xlsx|xls|csv)$");
  private static final Pattern CELL_IN_MESSAGE = Pattern.compile("in cell ([A-Z]+[0-9]+)");
  private static final String RESOURCES = "src/main/resources/";
  private static final String GENERATED_JAVA = "src/main/java/";

  /** The executable model repeats a failing generated class in full: noise for an analyst. */
  private static final String GENERATED_SOURCE_ECHO = "Java source of ";

  /**
   * Each file's digest by its bytes, for as long as this builder lives: the reloader that owns it
   * re-reads the whole folder on every change, and most of its workbooks did not change.
   */
  private final RulesVersion versions = new RulesVersion();

  /** When a rule set is built: the service's clock for the reloader's builds. */
  private final java.time.Clock clock;

  /** A builder for one-off builds (start-up, {@code validate}), dated by the machine's clock. */
  public RuleSetBuilder() {
    this(java.time.Clock.systemUTC());
  }

  public RuleSetBuilder(java.time.Clock clock) {
    this.clock = clock;
  }

  /** Builds the rule set, or throws {@link RuleSetRejectedException} naming every problem. */
  public RuleSet build(String origin, List<RuleFile> files) {
    return build(origin, files, List.of());
  }

  /** The version of these files, as {@link #build} gives its rule set ({@link RulesVersion}). */
  public String versionOf(List<RuleFile> files) {
    return versions.versionOf(files);
  }

  /**
   * Builds the rule set, reusing the compiled rules of one of {@code reusable} (the sets the caller
   * keeps, such as the one it serves) when only data changed, such as the catalog's prices; or
   * throws {@link RuleSetRejectedException} naming every problem.
   */
  public RuleSet build(String origin, List<RuleFile> files, List<RuleSet> reusable) {
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, RuleFile> drls = new LinkedHashMap<>();
    Map<String, WorkbookTranslation> workbooks = new LinkedHashMap<>();
    List<DecisionTableCheck.RuleName> ruleNames = new ArrayList<>();
    ReferenceDataReader reference = new ReferenceDataReader();
    for (RuleFile f : files) {
      String name = f.lowerCaseName();
      if (f.path().startsWith(RuleSet.SCENARIOS)) {
        continue;
      }
      if (name.endsWith(".drl")) {
        drls.put(f.path(), f);
      } else if (DECISION_TABLE.matcher(name).matches()) {
        translate(f, problems, ruleNames, reference).ifPresent(t -> workbooks.put(f.path(), t));
      } else if (WorkbookFormats.unread(f.path()).isPresent()) {
        problems.add(RuleProblem.inFile(f.path(), WorkbookFormats.unread(f.path()).get()));
      } else if (SPREADSHEET.matcher(name).matches()) {
        problems.add(
            RuleProblem.inFile(
                f.path(),
                "is a spreadsheet Drools would silently ignore: name it "
                    + decisionTableName(f.name())
                    + " to make it a decision table, or move it to scenarios/ if it holds expected"
                    + " outcomes"));
      }
    }
    problems.addAll(DecisionTableCheck.sameNameTwice(ruleNames));
    ReferenceData referenceData = reference.data(); // the tables that only describe, as data
    problems.addAll(notOnARowAlreadyRefused(reference.problems(), problems));
    problems.addAll(RuleLint.check(drls, workbooks)); // rules are code: refuse before compiling
    problems.addAll(PhaseCheck.check(drls, workbooks)); // a rule in no phase we run never fires
    if (problems.isEmpty() && drls.isEmpty() && workbooks.isEmpty() && reference.isEmpty()) {
      problems.add(
          RuleProblem.inFile(".", "the rules folder holds no rule files (*.drl or *.drl.xlsx)"));
    }
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException(origin, problems);
    }
    String version = versions.versionOf(files);
    String compiled = compiledVersion(versions, files, reference.files());
    RuleSet previous =
        reusable.stream()
            .filter(r -> r.compiledVersion().equals(compiled))
            .findFirst()
            .orElse(null);
    CompiledRules rules =
        previous != null ? reused(previous) : compile(compiled, drls, workbooks, problems);
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException(origin, problems);
    }
    return new RuleSet(
        version,
        compiled,
        origin,
        clock.instant(),
        rules.kieBase(),
        referenceData,
        sources(rules.kieBase(), drls, workbooks),
        fileNames(files),
        files.stream().filter(f -> f.path().startsWith(RuleSet.SCENARIOS)).toList(),
        thresholds(workbooks.values()),
        rules.classes());
  }

  /**
   * The same rules were compiled before (at start-up, when the jar was built, or by the last
   * reload): only data changed, so the rules are not compiled again.
   */
  private static CompiledRules reused(RuleSet previous) {
    log.debug("Rules {} already compiled: reused", previous.compiledVersion());
    return new CompiledRules(previous.kieBase(), previous.compiledClasses());
  }

  /**
   * The numbers the tables' typed cells compare request properties with, across the folder, each
   * with the sides its comparisons change on (a number compared with {@code >=} in one table and
   * {@code <=} in another changes on both).
   */
  static RuleThresholds thresholds(java.util.Collection<WorkbookTranslation> workbooks) {
    Map<String, Map<java.math.BigDecimal, Integer>> all = new java.util.TreeMap<>();
    for (WorkbookTranslation t : workbooks) {
      t.thresholds()
          .forEach(
              (property, sides) -> {
                Map<java.math.BigDecimal, Integer> merged =
                    all.computeIfAbsent(property, x -> new java.util.TreeMap<>());
                sides.forEach((n, side) -> merged.merge(n, side, (a, b) -> a | b));
              });
    }
    return RuleThresholds.withSides(all);
  }

  /** The data part of a folder: its reference data, and the version of the rest (compiled). */
  record DataPart(ReferenceData referenceData, String compiledVersion) {}

  /**
   * The reference data of these files, read as {@link #build} reads it, and the version of what is
   * compiled; for rules compiled before (when the jar was built). The decision tables are opened,
   * not compiled, and only the tables of data are checked cell by cell again.
   */
  static DataPart dataOf(List<RuleFile> files) {
    ReferenceDataReader reference = new ReferenceDataReader();
    List<RuleProblem> problems = new ArrayList<>();
    for (RuleFile f : files) {
      if (!f.path().startsWith(RuleSet.SCENARIOS)
          && f.lowerCaseName().endsWith(".xlsx")
          && DECISION_TABLE.matcher(f.lowerCaseName()).matches()) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(f.content()))) {
          if (ReferenceDataReader.describes(wb)) {
            problems.addAll(DecisionTableCheck.check(f.path(), wb).problems());
            reference.read(f.path(), wb);
          }
        } catch (IOException | RuntimeException e) {
          problems.add(RuleProblem.inFile(f.path(), "cannot be read again"));
        }
      }
    }
    ReferenceData data = reference.data();
    problems.addAll(reference.problems());
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException("the precompiled rules", problems);
    }
    return new DataPart(data, compiledVersion(new RulesVersion(), files, reference.files()));
  }

  /** A workbook copied beside itself is refused once per row (by its rule name), not twice. */
  private static List<RuleProblem> notOnARowAlreadyRefused(
      List<RuleProblem> found, List<RuleProblem> earlier) {
    java.util.Set<String> rows = new java.util.HashSet<>();
    earlier.forEach(p -> rows.add(p.file() + "!" + p.sheet() + "!" + row(p.cell())));
    return found.stream()
        .filter(p -> !rows.contains(p.file() + "!" + p.sheet() + "!" + row(p.cell())))
        .toList();
  }

  private static String row(String cell) {
    return cell == null ? "" : cell.replaceAll("^[A-Z]+", "");
  }

  private static java.util.Optional<WorkbookTranslation> translate(
      RuleFile f,
      List<RuleProblem> problems,
      List<DecisionTableCheck.RuleName> ruleNames,
      ReferenceDataReader reference) {
    if (f.lowerCaseName().endsWith(".csv")) {
      try {
        String drl =
            new SpreadsheetCompiler().compile(new ByteArrayInputStream(f.content()), InputType.CSV);
        return java.util.Optional.of(WorkbookTranslation.of(f.path(), null, drl));
      } catch (RuntimeException e) {
        problems.add(tableProblem(f.path(), null, e));
        return java.util.Optional.empty();
      }
    }
    Workbook wb;
    try {
      wb = WorkbookFactory.create(new ByteArrayInputStream(f.content()));
    } catch (IOException | RuntimeException e) {
      problems.add(tableProblem(f.path(), null, new IllegalStateException(e)));
      return java.util.Optional.empty();
    }
    String sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetName(0);
    try (wb) {
      // typed cells are read and made canonical before Drools sees the table
      DecisionTableCheck.Result checked = DecisionTableCheck.check(f.path(), wb);
      ruleNames.addAll(checked.ruleNames());
      if (!checked.problems().isEmpty()) {
        problems.addAll(checked.problems());
        return java.util.Optional.empty();
      }
      if (ReferenceDataReader.describes(wb)) { // a table that only describes: data, not rules
        reference.read(f.path(), wb);
        return java.util.Optional.empty();
      }
      WorkbookSheets cells = WorkbookSheets.of(wb);
      DefaultRuleSheetListener listener = new DefaultRuleSheetListener(true, true);
      new ExcelParser(listener).parseWorkbook(wb);
      String drl = new SpreadsheetCompiler().listenerToString(listener);
      return java.util.Optional.of(
          WorkbookTranslation.of(f.path(), cells, drl, CriteriaThresholds.of(wb)));
    } catch (IOException | RuntimeException e) {
      problems.add(
          tableProblem(
              f.path(), sheet, e instanceof RuntimeException r ? r : new IllegalStateException(e)));
      return java.util.Optional.empty();
    }
  }

  /** A table that cannot even be translated: not a spreadsheet, or a header mistake. */
  private static RuleProblem tableProblem(String file, String sheet, RuntimeException e) {
    String message = rootMessage(e);
    Matcher cell = CELL_IN_MESSAGE.matcher(message);
    if (sheet == null && !file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      log.info("{} could not be opened as a workbook: {}", file, message);
      return RuleProblem.inFile(
          file,
          "is not a workbook that Excel or LibreOffice saved: open it there and save it again as an"
              + " Excel workbook (.xlsx), or remove it");
    }
    String at = cell.find() ? cell.group(1) : null;
    return new RuleProblem(
        file,
        sheet,
        at,
        CompilerWords.plain(file + (at == null ? "" : "!" + at), message).orElse(message));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
    return m == null ? t.getClass().getSimpleName() : m.strip();
  }

  private static CompiledRules compile(
      String version,
      Map<String, RuleFile> drls,
      Map<String, WorkbookTranslation> workbooks,
      List<RuleProblem> problems) {
    KieServices ks = KieServices.get();
    // a module of its own: two builds of the same files at once must not take each other's
    ReleaseId releaseId = releaseId(version + "-" + java.util.UUID.randomUUID());
    java.util.Optional<CompiledRules> shipped = PrecompiledRules.ifShipped(version);
    if (shipped.isPresent()) {
      // e.g. validate, on a folder that differs from the shipped one only in its catalog
      log.debug("Rules {} compiled when the jar was built: reused", version);
      return shipped.get();
    }
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    drls.forEach((path, f) -> kfs.write(RESOURCES + path, f.content()));
    workbooks.forEach(
        (path, t) ->
            kfs.write(RESOURCES + path + ".drl", t.drl().getBytes(StandardCharsets.UTF_8)));
    KieBuilder builder = ks.newKieBuilder(kfs);
    try {
      builder.buildAll(ExecutableModelProject.class);
    } catch (RuntimeException e) { // the compiler's own failure: its text is for the log
      log.warn("Compiling rules {} failed", version, e);
      problems.add(
          RuleProblem.inFile(
              ".",
              "the rules could not be compiled, for a reason the service does not explain yet"
                  + " (the service log has the details)"));
      return null;
    }
    java.util.Set<RuleProblem> found = new java.util.LinkedHashSet<>(); // each said once
    for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
      if (m.getText() == null || !m.getText().startsWith(GENERATED_SOURCE_ECHO)) {
        RuleProblem located = locate(m, drls, workbooks);
        CompilerWords.plain(located.toString(), located.message())
            .ifPresent(
                words ->
                    found.add(
                        new RuleProblem(located.file(), located.sheet(), located.cell(), words)));
      }
    }
    problems.addAll(found);
    if (!problems.isEmpty()) {
      ks.getRepository().removeKieModule(releaseId);
      return null;
    }
    // the sandbox reads what was compiled before anything of it is loaded, built or run
    return CompiledRules.take(
        releaseId, classes -> RuleSandbox.check(classes, drls, workbooks), problems);
  }

  /** Maps a compiler message on a generated DRL back to the workbook row and cell. */
  private static RuleProblem locate(
      Message m, Map<String, RuleFile> drls, Map<String, WorkbookTranslation> workbooks) {
    String path = m.getPath() == null ? "" : m.getPath();
    String file = path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    String text = m.getText() == null ? "" : m.getText().strip();
    if (path.startsWith(GENERATED_JAVA)) {
      return locateGeneratedJava(path, text, drls, workbooks);
    }
    if (file.endsWith(".drl") && workbooks.containsKey(file.substring(0, file.length() - 4))) {
      WorkbookTranslation t = workbooks.get(file.substring(0, file.length() - 4));
      Integer row = m.getLine() > 0 ? t.rowAt(m.getLine()) : null;
      if (row == null) {
        row = rowNamedIn(text, t);
      }
      String cell;
      if (row == null) {
        cell = t.cellQuotedBy(text);
      } else {
        cell =
            t.cells() == null
                ? "A" + row
                : t.cells().cellIn(row, text, m.getLine() > 0 ? t.lineAt(m.getLine()) : "");
      }
      return new RuleProblem(t.file(), t.sheet(), cell, text);
    }
    String where = m.getLine() > 0 ? "line " + m.getLine() + ": " : "";
    return RuleProblem.inFile(file.isEmpty() ? "(rules)" : file, where + text);
  }

  /**
   * A consequence or constraint the executable model turned into Java that does not compile. Its
   * folder is the rule package; the cell is the one whose text the compiler quotes.
   */
  private static RuleProblem locateGeneratedJava(
      String path,
      String text,
      Map<String, RuleFile> drls,
      Map<String, WorkbookTranslation> workbooks) {
    String folder = path.substring(GENERATED_JAVA.length(), path.lastIndexOf('/'));
    String message = text.replaceFirst("^line \\d+: ", "");
    for (WorkbookTranslation t : workbooks.values()) {
      if (folder.startsWith(t.packageName().replace('.', '/') + "/")) {
        String cell = t.cellQuotedBy(message);
        if (cell == null) {
          cell = t.templateCalling(message);
        }
        if (cell != null) {
          return new RuleProblem(t.file(), t.sheet(), cell, message);
        }
      }
    }
    String files =
        java.util.stream.Stream.concat(
                workbooks.values().stream()
                    .filter(t -> folder.startsWith(t.packageName().replace('.', '/') + "/"))
                    .map(WorkbookTranslation::file),
                drls.values().stream()
                    .filter(f -> folder.startsWith(drlPackage(f).replace('.', '/') + "/"))
                    .map(RuleFile::path))
            .collect(java.util.stream.Collectors.joining(", "));
    return RuleProblem.inFile(files.isEmpty() ? "(rules)" : files, message);
  }

  /** Exec-model messages often name the rule instead of a line. */
  private static Integer rowNamedIn(String text, WorkbookTranslation t) {
    for (WorkbookTranslation.RuleRow r : t.rules()) {
      if (text.contains("\"" + r.name() + "\"") || text.contains(" " + r.name() + " ")) {
        return r.row();
      }
    }
    return null;
  }

  private static Map<String, RuleSource> sources(
      KieBase kieBase, Map<String, RuleFile> drls, Map<String, WorkbookTranslation> workbooks) {
    Map<String, RuleSource> declared = new HashMap<>();
    workbooks.values().forEach(t -> declared.putAll(t.sources()));
    drls.values().forEach(f -> declared.putAll(drlSources(f)));
    Map<String, RuleSource> sources = new HashMap<>();
    for (KiePackage p : kieBase.getKiePackages()) {
      for (Rule r : p.getRules()) {
        String key = RuleSet.key(r.getPackageName(), r.getName());
        sources.put(key, declared.getOrDefault(key, RuleSource.ofDrl(r.getPackageName())));
      }
    }
    return sources;
  }

  /** The exec model keeps no resource on its rules: Drools' DRL parser names them by file. */
  private static String drlPackage(RuleFile f) {
    return DrlRules.of(new String(f.content(), StandardCharsets.UTF_8)).packageName();
  }

  private static Map<String, RuleSource> drlSources(RuleFile f) {
    String text = new String(f.content(), StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    DrlRules parsed = DrlRules.of(text);
    Map<String, RuleSource> sources = new HashMap<>();
    for (DrlRules.Rule rule : parsed.rules()) {
      // the fields a DRL rule's Criteria patterns test, so its blockers name their constraints
      java.util.Set<String> fields = new java.util.LinkedHashSet<>();
      for (int i = rule.firstLine(); i < rule.lastLine() - 1 && i < lines.length; i++) {
        WorkbookTranslation.addCriteriaFields(lines[i].strip(), fields);
      }
      sources.put(
          RuleSet.key(parsed.packageName(), rule.name()),
          new RuleSource(f.path(), null, null, List.copyOf(fields)));
    }
    return sources;
  }

  private static List<String> fileNames(List<RuleFile> files) {
    return files.stream().map(RuleFile::path).toList();
  }

  private static String decisionTableName(String name) {
    int dot = name.lastIndexOf('.');
    return name.substring(0, dot) + ".drl" + name.substring(dot);
  }

  /**
   * The version of what is compiled: the rule files without the scenarios and the tables read as
   * data (catalog, setups, option costs, constants). Two folders that differ only in data share
   * their compiled rules, so a catalog refresh is neither compiled at start-up nor on reload.
   */
  static String compiledVersion(
      RulesVersion versions, List<RuleFile> files, java.util.Set<String> data) {
    return versions.versionOf(
        files.stream()
            .filter(f -> !f.path().startsWith(RuleSet.SCENARIOS) && !data.contains(f.path()))
            .toList());
  }

  /** The module a version is compiled into (and {@link PrecompiledRules} loads it from). */
  static ReleaseId releaseId(String version) {
    return KieServices.get().newReleaseId("org.llmstrategy.rules", "rules", "1.0.0-" + version);
  }

  /** The version of these files: a hash of what the build reads ({@link RulesVersion}). */
  static String version(List<RuleFile> files) {
    return RulesVersion.of(files);
  }
}
