package org.llmstrategy.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads every file of a rules folder: a directory on disk, or the copy packaged in the jar. */
public final class RuleFolder {
  /** Where the jar carries its embedded copy of {@code rules/}. */
  static final String EMBEDDED_ROOT = "rules/";

  private RuleFolder() {}

  /**
   * The files of a directory, sorted by path so the version hash does not depend on the disk. Read
   * within {@link RuleFileLimits}: a file, the folder or a workbook over a limit refuses the
   * folder.
   */
  public static List<RuleFile> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RuleSetRejectedException(
          dir.toString(), List.of(RuleProblem.inFile(dir.toString(), "is not a directory")));
    }
    RuleFileLimits limits = new RuleFileLimits(dir.toString());
    try (Stream<Path> paths = Files.walk(dir)) {
      List<RuleFile> files = new ArrayList<>();
      var found = paths.filter(Files::isRegularFile).limit(RuleFileLimits.MAX_FILES + 1L);
      for (Path p : found.sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          byte[] content = limits.read(relative(dir, p), in);
          if (content != null) {
            files.add(new RuleFile(relative(dir, p), content));
          }
        }
        if (limits.exhausted()) {
          break;
        }
      }
      limits.refuseIfOverLimits();
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read rules folder " + dir, e);
    }
  }

  /** The copy of {@code rules/} packaged into the jar (the embedded default). */
  public static List<RuleFile> readEmbedded() {
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      String root = resolver.getResource("classpath:" + EMBEDDED_ROOT).getURL().toString();
      List<RuleFile> files = new ArrayList<>();
      RuleFileLimits limits = new RuleFileLimits("classpath:" + EMBEDDED_ROOT);
      for (Resource r : resolver.getResources("classpath:" + EMBEDDED_ROOT + "**")) {
        String url = r.getURL().toString();
        if (url.endsWith("/") || !url.startsWith(root) || !r.isReadable()) {
          continue;
        }
        try (InputStream in = r.getInputStream()) {
          byte[] content = limits.read(url.substring(root.length()), in);
          if (content != null) {
            files.add(new RuleFile(url.substring(root.length()), content));
          }
        }
      }
      limits.refuseIfOverLimits();
      files.sort(Comparator.comparing(RuleFile::path));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the embedded rules", e);
    }
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }
}
