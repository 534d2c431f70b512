package org.llmstrategy.rules.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.compile.RuleFolder;

/**
 * Where the files of a rule set come from: the rules folder (the default), or a commit of a Git
 * repository ({@code org.llmstrategy.rules.git}). Whatever the source, its files go through the
 * same pipeline (limits, typed cells, lint, compile, scenarios) and get the same version.
 */
public interface RulesSource {
  /** Where the rules are, in words for logs and GET /rules; never with credentials. */
  String origin();

  /**
   * The commit the source stands at now (its last fetch), or null for a folder: what the next
   * {@link #read} reads.
   */
  RulesCommit current();

  /**
   * The files at a commit (for a folder: as they are now; {@code commit} is then null).
   *
   * @throws RuleSetRejectedException when they cannot be read, located as for a folder
   */
  List<RuleFile> read(RulesCommit commit);

  /** Whether a repository could be reached at its last fetch; null for a folder. */
  default RepositoryState state() {
    return null;
  }

  /**
   * Where a Git source reads from and whether it could, at its last fetch.
   *
   * @param location the repository (without credentials), branch or pinned ref, and folder
   * @param reachable whether the last fetch reached the repository
   * @param checkedAt when that fetch ended
   * @param problem why it could not be reached; null when it was
   */
  record RepositoryState(String location, boolean reachable, Instant checkedAt, String problem) {}

  /** A rules folder on disk. */
  static RulesSource folder(Path dir) {
    return new RulesSource() {
      @Override
      public String origin() {
        return String.valueOf(dir);
      }

      @Override
      public RulesCommit current() {
        return null;
      }

      @Override
      public List<RuleFile> read(RulesCommit commit) {
        return RuleFolder.read(dir);
      }
    };
  }
}
