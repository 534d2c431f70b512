package org.llmstrategy.rules.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.llmstrategy.rules.RuleFolderFixture;

/**
 * The analysts' side of a rules repository: a bare repository the replicas fetch from, and a work
 * tree holding a copy of the shipped rules in a folder, edited cell by cell, committed and pushed
 * as an analyst would after {@code validate}.
 */
final class RulesRemote implements AutoCloseable {
  static final PersonIdent ANALYST = new PersonIdent("An Analyst", "analyst@example.org");

  private final Path bare;
  private final Git work;
  private final RuleFolderFixture rules;

  private RulesRemote(Path bare, Git work, RuleFolderFixture rules) {
    this.bare = bare;
    this.work = work;
    this.rules = rules;
  }

  /** A repository whose first commit holds the shipped rules in {@code folder} and a README. */
  static RulesRemote withShippedRules(Path tmp, String folder) throws Exception {
    QuietGitConfig.install();
    Path bare = tmp.resolve("remote.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    Path tree = tmp.resolve("work");
    Git work = Git.init().setInitialBranch("main").setDirectory(tree.toFile()).call();
    RuleFolderFixture rules =
        RuleFolderFixture.copyOfShippedRules(folder.isEmpty() ? tree : tree.resolve(folder));
    java.nio.file.Files.writeString(tree.resolve("README.md"), "The analysts' rules\n");
    RulesRemote remote = new RulesRemote(bare, work, rules);
    remote.commit("The shipped rules");
    return remote;
  }

  String uri() {
    return bare.toUri().toString();
  }

  Path bare() {
    return bare;
  }

  RuleFolderFixture rules() {
    return rules;
  }

  /** Commits everything in the work tree and pushes it to main; returns the commit id. */
  String commit(String message) throws GitAPIException {
    work.add().addFilepattern(".").call();
    work.add().setUpdate(true).addFilepattern(".").call();
    RevCommit c =
        work.commit()
            .setMessage(message)
            .setAuthor(ANALYST)
            .setCommitter(ANALYST)
            .setSign(false)
            .setAllowEmpty(true)
            .call();
    push(new RefSpec("refs/heads/main:refs/heads/main"));
    return c.getName();
  }

  /** Tags the last commit and pushes the tag. */
  void tag(String name) throws GitAPIException {
    work.tag().setName(name).setAnnotated(true).setTagger(ANALYST).setSigned(false).call();
    push(new RefSpec("refs/tags/" + name + ":refs/tags/" + name));
  }

  private void push(RefSpec spec) throws GitAPIException {
    work.push().setRemote(uri()).setRefSpecs(spec).setForce(true).call();
  }

  @Override
  public void close() throws IOException {
    work.close();
  }
}
