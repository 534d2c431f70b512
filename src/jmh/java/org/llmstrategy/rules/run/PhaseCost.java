package org.llmstrategy.rules.run;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.kie.api.runtime.KieSession;
import org.llmstrategy.bench.BenchRequests;
import org.llmstrategy.facts.Approach;
import org.llmstrategy.facts.Candidate;
import org.llmstrategy.facts.KnowledgeOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.facts.Today;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;

/**
 * What one run of the shipped rules costs up to the end of each phase (none fired, the rows, then
 * each phase of {@link Phases#ORDER}), in this thread's CPU time (the session runs here, no
 * worker), over the bench request bodies: how much a re-decision saves by stopping after the
 * verdict's phase (BENCHMARKS.md). In this package for the prepared rule set's session pool.
 */
public final class PhaseCost {
  private PhaseCost() {}

  public static void main(String[] args) {
    Path dir = Path.of("rules");
    RuleSet rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    PreparedRuleSet prepared = PreparedRuleSet.of(rules);
    var requests = BenchRequests.all();
    var mx = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 4; round++) {
      for (int upTo = -1; upTo <= Phases.ORDER.size(); upTo++) {
        long t0 = mx.getCurrentThreadCpuTime();
        int n = 0;
        for (int i = 0; i < 100; i++) {
          for (var r : requests) {
            List<Object> facts = new java.util.ArrayList<>();
            facts.add(r.criteria());
            facts.add(new Today(BenchRequests.TODAY));
            for (Option o : Option.values()) facts.add(new Candidate(o));
            for (Approach a : Approach.values()) facts.add(new KnowledgeOption(a));
            KieSession s = prepared.newSession();
            var rec =
                new PreparedRuleSet.Recorder(
                    prepared, new java.util.ArrayList<>(), new java.util.ArrayList<>());
            if (upTo <= Phases.ORDER.size() - 1 || args.length == 0) {
              s.addEventListener((org.kie.api.event.rule.AgendaEventListener) rec);
              s.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) rec);
            }
            rules.referenceData().facts().forEach(s::insert);
            facts.forEach(s::insert);
            if (upTo >= 0) {
              s.fireAllRules(20000);
              for (int p = 0; p < upTo; p++) {
                var g = s.getAgenda().getAgendaGroup(Phases.ORDER.get(p));
                if (g != null) {
                  g.setFocus();
                  s.fireAllRules(20000);
                }
              }
            }
            s.dispose();
            n++;
          }
        }
        System.out.printf(
            "round %d, phases up to %d (%s): %.0f us%n",
            round,
            upTo,
            upTo <= 0 ? "none" : Phases.ORDER.get(upTo - 1),
            (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / n);
      }
    }
  }
}
