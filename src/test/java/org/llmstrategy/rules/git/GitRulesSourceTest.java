package org.llmstrategy.rules.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RulesVersion;

/** Reading rules from a local bare repository, without Spring: what a replica fetches and reads. */
class GitRulesSourceTest {
  @TempDir Path tmp;

  static GitRulesProperties properties(String uri, String path, String ref) {
    return new GitRulesProperties(
        uri, "main", path, Duration.ofSeconds(1), ref, null, null, null, Duration.ofSeconds(5));
  }

  GitRulesSource open(GitRulesProperties p) {
    return GitRulesSource.open(p, new SimpleMeterRegistry(), Clock.systemUTC());
  }

  @Test
  void aCommitGivesTheSameFilesAndVersionAsTheSameFolderOnDisk() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules");
        GitRulesSource source = open(properties(remote.uri(), "rules", null))) {
      List<RuleFile> fromGit = source.read(source.current());
      List<RuleFile> fromDisk = RuleFolder.read(remote.rules().dir());

      assertThat(fromGit)
          .extracting(RuleFile::path)
          .isEqualTo(fromDisk.stream().map(RuleFile::path).toList());
      assertThat(RulesVersion.of(fromGit)).isEqualTo(RulesVersion.of(fromDisk));
      assertThat(source.current().message()).isEqualTo("The shipped rules");
      assertThat(source.current().author()).isEqualTo("An Analyst");
      assertThat(source.origin()).contains("branch main", "folder rules").doesNotContain("README");
    }
  }

  @Test
  void aNewCommitMovesTheSourceAndAPinnedTagDoesNot() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules")) {
      remote.tag("v1");
      try (GitRulesSource following = open(properties(remote.uri(), "rules", null));
          GitRulesSource pinned = open(properties(remote.uri(), "rules", "v1"))) {
        String first = following.current().id();
        assertThat(pinned.current().id()).isEqualTo(first);

        remote.rules().setCell("models/ModelCatalog.drl.xlsx", "H12", "3.50");
        String second = remote.commit("Sonnet at 3.50");

        assertThat(following.fetch()).isTrue();
        assertThat(following.current().id()).isEqualTo(second);
        assertThat(following.fetch()).as("nothing new").isFalse();
        assertThat(pinned.fetch()).isFalse();
        assertThat(pinned.current().id()).isEqualTo(first);
        assertThat(RulesVersion.of(following.read(following.current())))
            .isNotEqualTo(RulesVersion.of(pinned.read(pinned.current())));
      }
    }
  }

  @Test
  void aPinnedCommitIdServesThatCommit() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "")) {
      String first;
      try (GitRulesSource s = open(properties(remote.uri(), "", null))) {
        first = s.current().id();
      }
      remote.rules().setCell("models/ModelCatalog.drl.xlsx", "H12", "3.50");
      remote.commit("Sonnet at 3.50");
      try (GitRulesSource pinned = open(properties(remote.uri(), "", first.substring(0, 10)))) {
        assertThat(pinned.current().id()).isEqualTo(first);
        assertThat(pinned.read(pinned.current()))
            .extracting(RuleFile::path)
            .contains("decision/DeploymentChoice.drl");
      }
    }
  }

  @Test
  void aRepositoryThatCannotBeReachedIsNamedWithTheReasonInWords() {
    String uri = tmp.resolve("nowhere.git").toUri().toString();
    assertThatThrownBy(() -> open(properties(uri, "", null)))
        .isInstanceOf(RulesRepositoryException.class)
        .hasMessageStartingWith(
            "The rules repository " + uri + " (branch main, the repository root) cannot be used: ")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("org.eclipse");
  }

  @Test
  void aMissingBranchTagOrFolderIsSaidSo() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules")) {
      var noBranch =
          new GitRulesProperties(
              remote.uri(),
              "release",
              "rules",
              Duration.ofSeconds(1),
              null,
              null,
              null,
              null,
              Duration.ofSeconds(5));
      assertThatThrownBy(() -> open(noBranch))
          .hasMessageEndingWith(
              "cannot be used: it has no branch release (decision.rules-git-branch), or the branch has no commit");
      assertThatThrownBy(() -> open(properties(remote.uri(), "rules", "v9")))
          .hasMessageEndingWith(
              "cannot be used: it has no commit or tag v9 (decision.rules-git-ref)");
      try (GitRulesSource source = open(properties(remote.uri(), "analyst-rules", null))) {
        assertThatThrownBy(() -> source.read(source.current()))
            .isInstanceOf(RuleSetRejectedException.class)
            .hasMessageContaining(
                ".: commit "
                    + source.current().shortId()
                    + " has no folder analyst-rules (see decision.rules-git-path)");
      }
    }
  }

  @Test
  void aRepositoryGoneAfterStartUpIsReportedAndCaughtUpWithWhenBack() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules");
        GitRulesSource source = open(properties(remote.uri(), "rules", null))) {
      String first = source.current().id();
      Path away = tmp.resolve("away.git");
      Files.move(remote.bare(), away);

      assertThat(source.fetch()).isFalse();
      assertThat(source.state().reachable()).isFalse();
      assertThat(source.state().problem()).isNotBlank().doesNotContain("Exception");
      assertThat(source.current().id()).isEqualTo(first);

      Files.move(away, remote.bare());
      remote.rules().setCell("models/ModelCatalog.drl.xlsx", "H12", "3.50");
      String second = remote.commit("Sonnet at 3.50");
      assertThat(source.fetch()).isTrue();
      assertThat(source.state().reachable()).isTrue();
      assertThat(source.current().id()).isEqualTo(second);
    }
  }

  @Test
  void credentialsNeverShowInWhatIsPrinted() {
    var p =
        new GitRulesProperties(
            "https://bot:s3cret-token@git.example.org/rules.git",
            "main",
            "",
            Duration.ofSeconds(1),
            null,
            null,
            null,
            null,
            Duration.ofSeconds(5));
    assertThat(GitRulesRepository.location(p))
        .isEqualTo("https://git.example.org/rules.git (branch main, the repository root)");
    assertThat(
            GitRulesRepository.redact(
                "https://bot@git.example.org/rules.git: not authorized (s3cret-token)", p))
        .isEqualTo("https://git.example.org/rules.git: not authorized (***)");
  }

  /** A link in a commit was skipped without a word; now it refuses the commit, as on disk. */
  @Test
  void aLinkInTheCommittedFolderRefusesItByName() throws Exception {
    try (RulesRemote remote = RulesRemote.withShippedRules(tmp, "rules")) {
      Files.createSymbolicLink(
          remote.rules().dir().resolve("decision/Passwords.drl"), Path.of("/etc/passwd"));
      remote.commit("A link");
      try (GitRulesSource source = open(properties(remote.uri(), "rules", null))) {
        assertThatThrownBy(() -> source.read(source.current()))
            .isInstanceOfSatisfying(
                RuleSetRejectedException.class,
                e ->
                    assertThat(e.problems())
                        .singleElement()
                        .satisfies(
                            p -> {
                              assertThat(p.file()).isEqualTo("decision/Passwords.drl");
                              assertThat(p.message())
                                  .startsWith("is a symbolic link: refused unread")
                                  .doesNotContain("/etc");
                            }));
      }
    }
  }
}
