package org.llmstrategy.rules.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.ReleaseId;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.run.RuleSet;
import org.llmstrategy.rules.run.RuleSource;
import org.llmstrategy.rules.run.RuleThresholds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipped rules, compiled when the jar is built, so that start-up loads them instead of
 * compiling them: the classes the executable model generated (a kjar) and where each rule is
 * written. Compiling is most of what start-up would spend on the rules: translating the workbooks,
 * generating Java and compiling it with ECJ, all in a cold JVM.
 *
 * <p>A precompiled set is used only for exactly the files it was compiled from: it is found by the
 * content hash that is the rule set's version. Any other folder, and every reload, is built by
 * {@link RuleSetBuilder} as before.
 *
 * <p>Written by the {@code precompile} step (validate's {@code PrecompileRules}), which the Maven
 * build runs after compiling ({@code process-classes}) into the classes folder, so that the jar
 * carries it, together with the number of scenarios the set passed then.
 */
public final class PrecompiledRules {
  private static final Logger log = LoggerFactory.getLogger(PrecompiledRules.class);

  /** Where the jar carries precompiled rule sets, one pair of files per version. */
  static final String LOCATION = "rules-precompiled/";

  private static final String SCENARIOS_PASSED = ".scenarios-passed";

  private PrecompiledRules() {}

  /** Writes the compiled form of a rule set built by {@link RuleSetBuilder} in this JVM. */
  public static void write(RuleSet rules, Path out) throws IOException {
    write(rules, out, OptionalInt.empty());
  }

  /**
   * Writes the compiled form of a rule set built by {@link RuleSetBuilder} in this JVM and, when
   * given, how many of its scenarios passed with the code being packaged alongside it.
   */
  public static void write(RuleSet rules, Path out, OptionalInt scenariosPassed)
      throws IOException {
    Path location = out.resolve(LOCATION);
    Files.createDirectories(location);
    // the compiled rules by what is compiled (a catalog refresh finds them), the scenarios'
    // outcome by every file (it depends on the catalog too)
    Files.write(
        location.resolve(rules.compiledVersion() + ".kjar"),
        kjar(rules.compiledClasses(), RuleSetBuilder.releaseId(rules.compiledVersion())));
    Files.write(
        location.resolve(rules.compiledVersion() + ".sources"),
        writeSources(rules.sources(), rules.thresholds()));
    Path scenarios = location.resolve(rules.version() + SCENARIOS_PASSED);
    Files.deleteIfExists(scenarios);
    if (scenariosPassed.isPresent()) {
      Files.writeString(scenarios, Integer.toString(scenariosPassed.getAsInt()));
    }
  }

  /**
   * The kjar of compiled rules, read back through their class loader: the module's descriptors, the
   * executable model's index of what it generated, and every generated class. Drools' public API
   * hands a compiled module to its repository but not its bytes; these files are what {@code
   * KieRepository.addKieModule} reads again.
   */
  static byte[] kjar(ClassLoader classes, ReleaseId id) throws IOException {
    String maven = "META-INF/maven/" + id.getGroupId() + "/" + id.getArtifactId() + "/";
    String model = "META-INF/kie/" + id.getGroupId() + "/" + id.getArtifactId() + "/";
    List<String> names =
        new ArrayList<>(
            List.of(
                "META-INF/kmodule.xml",
                maven + "pom.xml",
                maven + "pom.properties",
                model + "drools-model",
                model + GENERATED_CLASS_NAMES));
    byte[] generated = resource(classes, model + GENERATED_CLASS_NAMES);
    for (String className : new String(generated, StandardCharsets.UTF_8).split("\\s+")) {
      if (!className.isBlank()) {
        names.add(className.replace('.', '/') + ".class");
      }
    }
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(resource(classes, name));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static final String GENERATED_CLASS_NAMES = "generated-class-names";

  private static byte[] resource(ClassLoader classes, String name) throws IOException {
    try (InputStream in = classes.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The compiled rules lack " + name);
      }
      return in.readAllBytes();
    }
  }

  /**
   * How many scenarios the precompiled rule set of this version passed when the jar was built, if
   * it was checked then. The check is deterministic: the same rule files (the version is their
   * content hash, scenarios included) with the same classes give the same answers.
   */
  public static OptionalInt scenariosPassed(String version, ClassLoader loader) {
    byte[] count = read(loader, LOCATION + version + SCENARIOS_PASSED);
    if (count == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(new String(count, StandardCharsets.US_ASCII).trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The rules of this compiled version if the jar was built with them, so that a folder which
   * differs from the shipped one only in data (the catalog) is not compiled.
   */
  static Optional<CompiledRules> ifShipped(String compiledVersion) {
    byte[] kjar =
        read(PrecompiledRules.class.getClassLoader(), LOCATION + compiledVersion + ".kjar");
    return kjar == null ? Optional.empty() : Optional.of(loaded(kjar));
  }

  /** A kjar's rules, through Drools' public API; its repository forgets the module again. */
  private static CompiledRules loaded(byte[] kjar) {
    KieServices ks = KieServices.get();
    KieModule module =
        ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
    return CompiledRules.take(module.getReleaseId());
  }

  /** The rule set these files were compiled into when the jar was built, if they were. */
  public static Optional<RuleSet> load(String origin, List<RuleFile> files) {
    return load(origin, files, PrecompiledRules.class.getClassLoader());
  }

  public static Optional<RuleSet> load(String origin, List<RuleFile> files, ClassLoader loader) {
    String version = RuleSetBuilder.version(files);
    RuleSetBuilder.DataPart data;
    try {
      data = RuleSetBuilder.dataOf(files);
    } catch (RuleSetRejectedException e) {
      return Optional.empty(); // the build says what is wrong with the catalog
    }
    String compiledVersion = data.compiledVersion();
    byte[] kjar = read(loader, LOCATION + compiledVersion + ".kjar");
    byte[] sourceBytes = read(loader, LOCATION + compiledVersion + ".sources");
    if (kjar == null || sourceBytes == null) {
      return Optional.empty();
    }
    CompiledRules compiled = loaded(kjar);
    KieBase kieBase = compiled.kieBase();
    Sources read = readSources(sourceBytes);
    Map<String, RuleSource> sources = read.sources();
    long rules = kieBase.getKiePackages().stream().mapToLong(p -> p.getRules().size()).sum();
    if (rules != sources.size()) {
      log.warn("Precompiled rules {} do not match their sources; compiling instead", version);
      return Optional.empty();
    }
    log.info("Rules {} loaded as compiled when the jar was built", version);
    return Optional.of(
        new RuleSet(
            version,
            compiledVersion,
            origin,
            Instant.now(),
            kieBase,
            data.referenceData(),
            sources,
            files.stream().map(RuleFile::path).toList(),
            files.stream().filter(f -> f.path().startsWith(RuleSet.SCENARIOS)).toList(),
            read.thresholds(),
            compiled.classes()));
  }

  /** What a kjar does not say: where each rule is written, and the tables' thresholds. */
  record Sources(Map<String, RuleSource> sources, RuleThresholds thresholds) {}

  /**
   * Rule key → source, then property → thresholds with their sides, as {@link DataOutputStream}
   * fields: small, and no JSON in this package.
   */
  static byte[] writeSources(Map<String, RuleSource> sources, RuleThresholds thresholds) {
    try (var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes)) {
      out.writeInt(sources.size());
      for (var e : sources.entrySet()) {
        RuleSource s = e.getValue();
        out.writeUTF(e.getKey());
        out.writeUTF(s.file());
        out.writeBoolean(s.sheet() != null);
        if (s.sheet() != null) {
          out.writeUTF(s.sheet());
        }
        out.writeInt(s.row() == null ? -1 : s.row());
        out.writeInt(s.criteriaFields().size());
        for (String field : s.criteriaFields()) {
          out.writeUTF(field);
        }
      }
      out.writeInt(thresholds.sides().size());
      for (var t : thresholds.sides().entrySet()) {
        out.writeUTF(t.getKey());
        out.writeInt(t.getValue().size());
        for (var n : t.getValue().entrySet()) {
          out.writeUTF(n.getKey().toString());
          out.writeByte(n.getValue());
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Sources readSources(byte[] bytes) {
    try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      Map<String, RuleSource> sources = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String key = in.readUTF();
        String file = in.readUTF();
        String sheet = in.readBoolean() ? in.readUTF() : null;
        int row = in.readInt();
        int count = in.readInt();
        List<String> fields = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
          fields.add(in.readUTF());
        }
        sources.put(key, new RuleSource(file, sheet, row < 0 ? null : row, fields));
      }
      Map<String, Map<BigDecimal, Integer>> thresholds = new HashMap<>();
      int properties = in.readInt();
      for (int p = 0; p < properties; p++) {
        String property = in.readUTF();
        int count = in.readInt();
        Map<BigDecimal, Integer> numbers = new HashMap<>();
        for (int t = 0; t < count; t++) {
          BigDecimal number = new BigDecimal(in.readUTF());
          numbers.put(number, (int) in.readByte());
        }
        thresholds.put(property, numbers);
      }
      return new Sources(sources, RuleThresholds.withSides(thresholds));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
