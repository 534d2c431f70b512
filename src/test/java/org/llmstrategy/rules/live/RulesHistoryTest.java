package org.llmstrategy.rules.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import org.llmstrategy.rules.run.RuleEngine;

/**
 * The history and the active-version gauge of a replica whose source moves from commit to commit (a
 * stand-in for a repository, without Git): a commit with the same rules moves the active commit
 * without a build, and is remembered once; a commit whose files cannot be read is refused with its
 * commit and leaves the active one serving.
 */
class RulesHistoryTest {
  static RulesCommit commit(String digit, String message) {
    return new RulesCommit(
        digit.repeat(40), Instant.parse("2026-11-24T10:00:00Z"), "An Analyst", message);
  }

  /** A source standing at one commit at a time, whose files are the shipped rules, or broken. */
  static final class MovingSource implements RulesSource {
    RulesCommit at;
    boolean unreadable;

    @Override
    public String origin() {
      return "a test repository";
    }

    @Override
    public RulesCommit current() {
      return at;
    }

    @Override
    public List<RuleFile> read(RulesCommit commit) {
      if (unreadable) {
        throw new RuleSetRejectedException(
            origin(), List.of(RuleProblem.inFile(".", "commit cannot be read")));
      }
      return RuleFolder.read(ShippedRules.DIR);
    }
  }

  @Test
  void aMovedCommitWithTheSameRulesIsLiveAsThatCommitAndARefusalNamesItsCommit() {
    RulesCommit first = commit("a", "The shipped rules");
    RulesCommit readme = commit("b", "README only");
    RulesCommit broken = commit("c", "Broken");
    var meters = new SimpleMeterRegistry();
    var source = new MovingSource();
    source.at = first;
    var reloader =
        new RulesReloader(
            new RuleEngine(ShippedRules.get()),
            new RuleSetBuilder(),
            CandidateCheck.NONE,
            source,
            first,
            meters,
            Clock.systemUTC());

    source.at = readme;
    assertThat(reloader.reload().outcome()).isEqualTo(RulesStatus.Outcome.UNCHANGED);
    assertThat(reloader.reload().outcome()).isEqualTo(RulesStatus.Outcome.UNCHANGED);
    assertThat(reloader.status().active().commit()).isEqualTo(readme);
    assertThat(meters.find("decision.rules.active").tag("commit", readme.id()).gauge().value())
        .isEqualTo(1.0);
    assertThat(meters.find("decision.rules.active").tag("commit", first.id()).gauge()).isNull();

    source.at = broken;
    source.unreadable = true;
    RulesStatus.Attempt refused = reloader.reload();
    assertThat(refused.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    assertThat(refused.commit()).isEqualTo(broken);
    assertThat(reloader.status().active().commit()).isEqualTo(readme);

    assertThat(reloader.history().activations())
        .extracting(RulesHistory.Activation::outcome, RulesHistory.Activation::commit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RulesStatus.Outcome.REFUSED, broken),
            org.assertj.core.groups.Tuple.tuple(RulesStatus.Outcome.UNCHANGED, readme),
            org.assertj.core.groups.Tuple.tuple(RulesStatus.Outcome.ACTIVATED, first));
    assertThat(reloader.history().activations().get(0).problems()).isEqualTo(1);
  }
}
