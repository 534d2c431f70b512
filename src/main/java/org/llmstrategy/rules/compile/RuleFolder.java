package org.llmstrategy.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads every file of a rules folder: a directory on disk, or the copy packaged in the jar. */
public final class RuleFolder {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RuleFolder.class);

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
      log.warn("The rules folder {} is not a directory", dir.toAbsolutePath());
      throw new RuleSetRejectedException(
          dir.toString(),
          List.of(
              RuleProblem.inFile(
                  ".", "the rules folder is not a directory (see decision.rules-dir)")));
    }
    // the folder itself may be a link the operator chose; nothing in it is followed
    List<Entry> entries;
    try {
      Path root = dir.toRealPath();
      try (Stream<Path> paths = Files.walk(root)) {
        entries =
            paths
                .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .map(p -> entry(relative(root, p), p))
                .toList();
      }
    } catch (IOException | UncheckedIOException e) {
      log.warn("Cannot read the rules folder {}", dir, e);
      throw new RuleSetRejectedException(
          ".", List.of(RuleProblem.inFile(".", "the rules folder cannot be read; try again")));
    }
    return read(dir.toString(), entries);
  }

  /**
   * A path of the folder as it is, links not followed: a plain file is opened (refusing to follow a
   * link that took its place since), anything else is refused by its name.
   */
  private static Entry entry(String path, Path p) {
    if (Files.isSymbolicLink(p)) {
      return Entry.notAFile(path, A_LINK);
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return Entry.notAFile(path, "is not a plain file (a pipe, a socket or a device)");
    }
    return new Entry(path, () -> Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS));
  }

  public static final String A_LINK = "is a symbolic link";

  /**
   * Why a link is never followed: what it points to may be anything on the machine (a password
   * file, a process's environment), and the problems of a rule set are public on GET /rules.
   */
  static final String REFUSED_UNREAD =
      ": refused unread, a rules folder holds its files itself (copy the file here instead)";

  /** Opens one file's content; called once, while the file is read. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * A file of a rules folder held elsewhere (a commit's tree): its path in the folder, its content;
   * or, with {@code notAFile} saying what it is instead, something that is not a plain file (a
   * link, a submodule), which refuses the folder by its name and is never opened.
   */
  public record Entry(String path, Opener content, String notAFile) {
    public Entry(String path, Opener content) {
      this(path, content, null);
    }

    public static Entry notAFile(String path, String what) {
      return new Entry(path, null, what);
    }
  }

  /**
   * The files of a rules folder from any source (a directory, a commit's tree), read exactly as a
   * directory is: the same files skipped, in the same order (by path, as a directory on this disk
   * sorts them), within the same {@link RuleFileLimits}. So the same files give the same rules
   * version wherever they come from.
   */
  public static List<RuleFile> read(String origin, List<Entry> entries) {
    RuleFileLimits limits = new RuleFileLimits(origin);
    refuseWhatIsNotAFile(origin, entries);
    List<RuleFile> files = new ArrayList<>();
    List<Entry> found =
        entries.stream()
            .filter(e -> isLoaded(e.path())) // before the cap: editor files never count
            .limit(RuleFileLimits.MAX_FILES + 1L)
            .sorted(Comparator.comparing(e -> Path.of(e.path())))
            .toList();
    for (Entry entry : found) {
      String path = entry.path();
      try (InputStream in = entry.content().open()) {
        byte[] content = limits.read(path, in);
        if (content != null) {
          files.add(new RuleFile(path, content));
        }
      } catch (NoSuchFileException gone) {
        continue; // deleted while we read (a save in progress): the watcher sees it and reloads
      } catch (IOException e) {
        log.warn("Cannot read {} in {}", path, origin, e);
        throw new RuleSetRejectedException(
            path, List.of(RuleProblem.inFile(path, "cannot be read (is it open elsewhere?)")));
      }
      if (limits.exhausted()) {
        break;
      }
    }
    limits.refuseIfOverLimits();
    return files;
  }

  /** Every link (or other non-file) the pipeline would read, each by its name, none opened. */
  private static void refuseWhatIsNotAFile(String origin, List<Entry> entries) {
    List<RuleProblem> problems =
        entries.stream()
            .filter(e -> e.notAFile() != null && isLoaded(e.path()))
            .sorted(Comparator.comparing(e -> Path.of(e.path())))
            .limit(RuleFileLimits.MAX_FILES + 1L)
            .map(e -> RuleProblem.inFile(e.path(), e.notAFile() + REFUSED_UNREAD))
            .toList();
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException(origin, problems);
    }
  }

  /**
   * Whether the pipeline reads a file at all. Editor lock and temp files come and go while an
   * analyst works, and documentation is for people: neither is a rule, and neither moves the
   * version ({@link RulesVersion}). Everything else is read, so that a stray file is refused rather
   * than ignored.
   */
  public static boolean isLoaded(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return !isEditorNoise(name)
        && !name.startsWith(".")
        && DOCUMENTATION.stream().noneMatch(lower::endsWith)
        && !OS_FILES.contains(lower);
  }

  /** Excel's {@code ~$Book.xlsx}, LibreOffice's {@code .~lock.Book.xlsx#}, editor backups. */
  static boolean isEditorNoise(String name) {
    return name.startsWith("~$")
        || name.startsWith(".~lock.")
        || name.startsWith(".#")
        || name.endsWith("#")
        || name.endsWith("~")
        || name.endsWith(".tmp")
        || name.endsWith(".swp")
        || name.endsWith(".crdownload");
  }

  private static final List<String> DOCUMENTATION =
      List.of(".md", ".txt", ".pdf", ".html", ".png", ".jpg", ".jpeg", ".svg", ".gif");

  private static final java.util.Set<String> OS_FILES =
      java.util.Set.of("thumbs.db", "desktop.ini");

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
        if (!isLoaded(url.substring(root.length()))) {
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
