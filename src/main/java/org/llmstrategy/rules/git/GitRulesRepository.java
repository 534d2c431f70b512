package org.llmstrategy.rules.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.live.RulesCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's own copy of the rules repository: a bare repository in a temporary folder, fetched
 * from the remote (only the followed branch; every branch and tag when a ref is pinned), and read
 * commit by commit without a work tree. JGit throughout: no {@code git} program is run.
 */
final class GitRulesRepository implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GitRulesRepository.class);
  private static final String REMOTE_BRANCHES = "refs/remotes/origin/";

  private final GitRulesProperties properties;
  private final String location;
  private final Path dir;
  private final Git git;

  private GitRulesRepository(GitRulesProperties properties, Path dir, Git git) {
    this.properties = properties;
    this.location = location(properties);
    this.dir = dir;
    this.git = git;
  }

  /** An empty local copy; nothing is fetched yet. */
  static GitRulesRepository create(GitRulesProperties properties) {
    QuietGitConfig.install();
    try {
      Path dir = Files.createTempDirectory("rules-git-");
      Git git = Git.init().setBare(true).setDirectory(dir.toFile()).call();
      return new GitRulesRepository(properties, dir, git);
    } catch (IOException | GitAPIException e) {
      log.error("Cannot make a local copy of the rules repository", e);
      throw new RulesRepositoryException(
          location(properties), "no local copy can be made in the temporary folder");
    }
  }

  /** The repository without credentials, the branch or pinned ref, and the folder. */
  String location() {
    return location;
  }

  /**
   * Fetches from the remote and returns the commit to serve: the pinned ref, or the branch's head.
   *
   * @throws RulesRepositoryException when the remote cannot be reached or lacks that ref
   */
  synchronized RulesCommit fetch() {
    try {
      git.fetch()
          .setRemote(properties.rulesGitUri())
          .setRefSpecs(refSpecs())
          .setRemoveDeletedRefs(true)
          .setCredentialsProvider(credentials())
          .setTimeout((int) Math.max(1, properties.rulesGitTimeout().toSeconds()))
          .call();
    } catch (GitAPIException | RuntimeException e) {
      log.debug("Fetching the rules repository {} failed", location, e);
      String reason = reason(e);
      if (!properties.pinned() && reason.contains("refs/heads/" + properties.rulesGitBranch())) {
        throw new RulesRepositoryException(location, noBranch());
      }
      throw new RulesRepositoryException(location, reason);
    }
    return resolve();
  }

  private String noBranch() {
    return "it has no branch "
        + properties.rulesGitBranch()
        + " (decision.rules-git-branch), or the branch has no commit";
  }

  private List<RefSpec> refSpecs() {
    if (properties.pinned()) {
      return List.of(
          new RefSpec("+refs/heads/*:" + REMOTE_BRANCHES + "*"),
          new RefSpec("+refs/tags/*:refs/tags/*"));
    }
    String branch = properties.rulesGitBranch();
    return List.of(new RefSpec("+refs/heads/" + branch + ":" + REMOTE_BRANCHES + branch));
  }

  private RulesCommit resolve() {
    Repository repo = git.getRepository();
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId id;
      if (properties.pinned()) {
        String ref = properties.rulesGitRef().trim();
        id = repo.resolve(ref + "^{commit}");
        if (id == null) {
          throw new RulesRepositoryException(
              location, "it has no commit or tag " + ref + " (decision.rules-git-ref)");
        }
      } else {
        Ref head = repo.exactRef(REMOTE_BRANCHES + properties.rulesGitBranch());
        if (head == null) {
          throw new RulesRepositoryException(location, noBranch());
        }
        id = head.getObjectId();
      }
      RevCommit c = walk.parseCommit(id);
      return new RulesCommit(
          c.getName(),
          c.getAuthorIdent().getWhenAsInstant(),
          c.getAuthorIdent().getName(),
          c.getShortMessage());
    } catch (IOException | RuntimeException e) {
      if (e instanceof RulesRepositoryException known) {
        throw known;
      }
      log.debug("Resolving the rules commit in {} failed", location, e);
      throw new RulesRepositoryException(
          location,
          properties.pinned()
              ? "it has no single commit or tag " + properties.rulesGitRef().trim()
              : "its branch " + properties.rulesGitBranch() + " cannot be read");
    }
  }

  /**
   * The rules folder of one commit, read as a folder on disk is read: the same files, limits and
   * order, so the same files give the same rules version. Only plain files are read: a symbolic
   * link or a submodule in the folder refuses the commit by its name, as a link in a folder on disk
   * does.
   */
  synchronized List<RuleFile> read(RulesCommit commit) {
    Repository repo = git.getRepository();
    String folder = properties.folder();
    String origin = location + " at " + commit.shortId();
    try (RevWalk walk = new RevWalk(repo);
        ObjectReader reader = repo.newObjectReader();
        TreeWalk tree = new TreeWalk(repo, reader)) {
      RevCommit c = walk.parseCommit(ObjectId.fromString(commit.id()));
      if (folder.isEmpty()) {
        tree.addTree(c.getTree());
      } else {
        try (TreeWalk sub = TreeWalk.forPath(repo, folder, c.getTree())) {
          if (sub == null || !sub.isSubtree()) {
            throw new RuleSetRejectedException(
                origin,
                List.of(
                    RuleProblem.inFile(
                        ".",
                        "commit "
                            + commit.shortId()
                            + " has no folder "
                            + folder
                            + " (see decision.rules-git-path)")));
          }
          tree.addTree(sub.getObjectId(0));
        }
      }
      tree.setRecursive(true);
      List<RuleFolder.Entry> entries = new ArrayList<>();
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
          ObjectId blob = tree.getObjectId(0);
          entries.add(
              new RuleFolder.Entry(
                  tree.getPathString(), () -> reader.open(blob, Constants.OBJ_BLOB).openStream()));
        } else {
          entries.add(
              RuleFolder.Entry.notAFile(
                  tree.getPathString(),
                  mode == FileMode.SYMLINK ? RuleFolder.A_LINK : "is a Git submodule"));
        }
      }
      return RuleFolder.read(origin, entries);
    } catch (IOException e) {
      log.warn("Cannot read commit {} of {}", commit.id(), location, e);
      throw new RuleSetRejectedException(
          origin,
          List.of(
              RuleProblem.inFile(
                  ".", "commit " + commit.shortId() + " cannot be read from the local copy")));
    }
  }

  private CredentialsProvider credentials() {
    String password = properties.rulesGitPassword();
    // an optional secret that is not mounted leaves no file: then there is no password
    if (properties.rulesGitPasswordFile() != null
        && Files.exists(properties.rulesGitPasswordFile())) {
      try { // read at every fetch: a rotated secret is taken without a restart
        password = Files.readString(properties.rulesGitPasswordFile(), StandardCharsets.UTF_8);
        password = password.strip();
      } catch (IOException e) {
        throw new RulesRepositoryException(
            location, "the password file (decision.rules-git-password-file) cannot be read");
      }
    }
    if (password == null || password.isEmpty()) {
      return null; // none, or the URI's own
    }
    String user = properties.rulesGitUsername() == null ? "" : properties.rulesGitUsername();
    return new UsernamePasswordCredentialsProvider(user, password);
  }

  /**
   * What went wrong, in JGit's words (they name the remote and the cause, e.g. "not found" or "not
   * authorized"), with any credentials blanked out and no exception class name.
   */
  private String reason(Throwable e) {
    String reason = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        reason = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (reason == null) {
      return "it could not be fetched";
    }
    return redact(reason.strip(), properties);
  }

  /** A text with the URI's credentials, and the configured password, blanked out. */
  static String redact(String text, GitRulesProperties properties) {
    String out = text;
    String uri = properties.rulesGitUri();
    try {
      URIish parsed = new URIish(uri);
      out = out.replace(uri, withoutCredentials(uri));
      String user = parsed.getUser();
      String pass = parsed.getPass();
      if (user != null && pass != null) {
        out = out.replace(user + ":" + pass + "@", "");
      }
      if (user != null) {
        out = out.replace(user + "@", ""); // JGit names a remote with its user (a token, often)
      }
      if (pass != null && pass.length() > 2) {
        out = out.replace(pass, "***");
      }
    } catch (URISyntaxException notAUri) {
      // nothing to blank out of a URI JGit cannot read either
    }
    String password = properties.rulesGitPassword();
    if (password != null && password.length() > 2) {
      out = out.replace(password, "***");
    }
    return out;
  }

  static String withoutCredentials(String uri) {
    try {
      return new URIish(uri).setUser(null).setPass(null).toString();
    } catch (URISyntaxException e) {
      return "(an address that is not a Git URI)";
    }
  }

  static String location(GitRulesProperties p) {
    String where = p.pinned() ? "ref " + p.rulesGitRef().trim() : "branch " + p.rulesGitBranch();
    String folder = p.folder().isEmpty() ? "the repository root" : "folder " + p.folder();
    return withoutCredentials(p.rulesGitUri()) + " (" + where + ", " + folder + ")";
  }

  @Override
  public void close() {
    git.close();
    try {
      FileUtils.delete(
          dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      log.debug("Cannot remove the local copy {}", dir, e);
    }
  }
}
