package org.llmstrategy.rules.git;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules from a Git repository instead of a folder: {@code decision.rules-git-uri} (env {@code
 * DECISION_RULES_GIT_URI}; any URI JGit accepts: https, git, file, or a path) turns it on.
 *
 * @param rulesGitUri the repository; credentials in it are used but never shown
 * @param rulesGitBranch the branch followed (default {@code main})
 * @param rulesGitPath the rules folder inside the repository (default its root)
 * @param rulesGitPoll how often the repository is fetched (default 10 s)
 * @param rulesGitRef a commit id or tag to serve instead of the branch's head (a rollback)
 * @param rulesGitUsername user for a private repository over https
 * @param rulesGitPassword its password or token (env {@code DECISION_RULES_GIT_PASSWORD})
 * @param rulesGitPasswordFile a file holding it instead (a mounted secret)
 * @param rulesGitTimeout how long one fetch may wait for the network (default 30 s)
 */
@ConfigurationProperties("decision")
public record GitRulesProperties(
    String rulesGitUri,
    @DefaultValue("main") String rulesGitBranch,
    @DefaultValue("") String rulesGitPath,
    @DefaultValue("10s") Duration rulesGitPoll,
    String rulesGitRef,
    String rulesGitUsername,
    String rulesGitPassword,
    Path rulesGitPasswordFile,
    @DefaultValue("30s") Duration rulesGitTimeout) {

  /** The rules folder inside the repository, without leading or trailing slashes; "" = root. */
  String folder() {
    String p = rulesGitPath == null ? "" : rulesGitPath.trim().replace('\\', '/');
    while (p.startsWith("/") || p.startsWith("./")) {
      p = p.substring(p.startsWith("/") ? 1 : 2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

  boolean pinned() {
    return rulesGitRef != null && !rulesGitRef.isBlank();
  }
}
