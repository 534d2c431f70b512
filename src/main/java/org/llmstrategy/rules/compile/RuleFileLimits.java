package org.llmstrategy.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;

/**
 * How much of a rules folder is read at all: a cap per file, per folder and on the number of files,
 * checked while reading so that a huge or endless file costs no more than the cap; and every
 * spreadsheet checked by {@link WorkbookLimits} before anything opens it. One instance reads one
 * folder; {@link #refuseIfOverLimits} then refuses the folder, naming each file over a limit.
 */
final class RuleFileLimits {
  /** The largest rule or scenario file; the shipped workbooks are under 8 KiB. */
  static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

  static final long MAX_FOLDER_BYTES = 16L * 1024 * 1024;

  static final int MAX_FILES = 500;

  private final String origin;
  private final List<RuleProblem> problems = new ArrayList<>();
  private long total;
  private int files;

  RuleFileLimits(String origin) {
    this.origin = origin;
    WorkbookLimits.applyToPoi();
  }

  /**
   * A file's content, read no further than the caps allow; null when the file is over a limit (the
   * problem is noted).
   */
  byte[] read(String path, InputStream in) throws IOException {
    if (++files > MAX_FILES) {
      if (files == MAX_FILES + 1) {
        problems.add(
            RuleProblem.inFile(
                origin, "holds more than " + MAX_FILES + " files; the rules folder is refused"));
      }
      return null;
    }
    byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
    if (content.length > MAX_FILE_BYTES) {
      problems.add(
          RuleProblem.inFile(
              path,
              "is larger than "
                  + MAX_FILE_BYTES / (1024 * 1024)
                  + " MiB; a rule or scenario file may be at most that"));
      return null;
    }
    total += content.length;
    if (total > MAX_FOLDER_BYTES) {
      problems.add(
          RuleProblem.inFile(
              path,
              "takes the rules folder beyond "
                  + MAX_FOLDER_BYTES / (1024 * 1024)
                  + " MiB in all; the folder is refused"));
      return null;
    }
    if (WorkbookLimits.isSpreadsheet(path)) {
      var refusal = WorkbookLimits.refusal(content);
      if (refusal.isPresent()) {
        problems.add(RuleProblem.inFile(path, refusal.get()));
        return null;
      }
    }
    return content;
  }

  /** Whether reading stopped early: past the folder cap or the file count, nothing more is read. */
  boolean exhausted() {
    return files > MAX_FILES || total > MAX_FOLDER_BYTES;
  }

  /** Refuses the folder when any file was over a limit. */
  void refuseIfOverLimits() {
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException(origin, problems);
    }
  }
}
