package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;

/**
 * A rules folder holds its files itself. A symbolic link was followed: {@code models/x.drl ->
 * /etc/shadow} was read, and its parse errors quoted the target on the public GET /rules. Now any
 * link (to a file or a folder, inside the folder or out) and anything else that is not a plain file
 * refuses the folder by its own name, without being read.
 */
class RuleFolderLinksTest {
  @TempDir Path tmp;
  Path rules;
  Path outside;

  @BeforeEach
  void folders() throws Exception {
    rules = Files.createDirectories(tmp.resolve("rules/decision"));
    rules = rules.getParent();
    Files.writeString(rules.resolve("decision/Ok.drl"), "package org.llmstrategy.rules;\n");
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
    // a valid rule file out of the folder: followed, it went live as if it were in it
    Files.writeString(
        outside.resolve("secret.drl"), "package org.llmstrategy.rules;\n// root:x:0:0 secret\n");
  }

  private RuleSetRejectedException refusal() {
    RuleSetRejectedException e =
        catchThrowableOfType(RuleSetRejectedException.class, () -> RuleFolder.read(rules));
    assertThat(e).as("the folder is refused").isNotNull();
    assertThat(e.problems())
        .allSatisfy(
            p ->
                assertThat(p.toString())
                    .doesNotContain(outside.toString(), tmp.toString(), "secret", "root:"));
    return e;
  }

  @Test
  void aLinkToAFileOutsideIsRefusedByItsOwnNameUnread() throws Exception {
    Files.createSymbolicLink(rules.resolve("decision/Secret.drl"), outside.resolve("secret.drl"));

    assertThat(refusal().problems())
        .extracting(RuleProblem::file, RuleProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "decision/Secret.drl",
                "is a symbolic link: refused unread, a rules folder holds its files itself (copy"
                    + " the file here instead)"));
  }

  @Test
  void aLinkInsideTheFolderAndALinkedFolderAreRefusedToo() throws Exception {
    Files.createSymbolicLink(rules.resolve("decision/Again.drl"), Path.of("Ok.drl"));
    Files.createSymbolicLink(rules.resolve("more"), outside);

    assertThat(refusal().problems())
        .extracting(RuleProblem::file)
        .containsExactly("decision/Again.drl", "more");
  }

  @Test
  void aDanglingLinkIsRefusedByNameAsWell() throws Exception {
    Files.createSymbolicLink(rules.resolve("decision/Gone.drl"), tmp.resolve("nothing-here"));

    assertThat(refusal().problems())
        .extracting(RuleProblem::file)
        .containsExactly("decision/Gone.drl");
  }

  @Test
  void anEditorsLockLinkIsNoiseAsBefore() throws Exception {
    // Emacs locks a file being edited with a dangling link .#Name -> user@host.pid
    Files.createSymbolicLink(rules.resolve("decision/.#Ok.drl"), Path.of("analyst@desk.4242"));

    assertThat(RuleFolder.read(rules))
        .extracting(RuleFile::path)
        .containsExactly("decision/Ok.drl");
  }

  @Test
  void theFolderItselfMayBeALinkTheOperatorChose() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("current"), rules);

    assertThat(RuleFolder.read(link)).extracting(RuleFile::path).containsExactly("decision/Ok.drl");
  }
}
