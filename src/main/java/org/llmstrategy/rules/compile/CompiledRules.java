package org.llmstrategy.rules.compile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.llmstrategy.rules.RuleProblem;

/**
 * Rules Drools compiled: the base sessions are made from, and the class loader that holds what was
 * generated for them (classes and module files, read back to ship them in the jar).
 */
record CompiledRules(KieBase kieBase, ClassLoader classes) {
  /**
   * The rules of a module just added to Drools' repository, which then forgets it: the repository
   * is process-global (an LRU this service does not own), while compiled rules live as long as the
   * rule set that holds them, and are reused by whoever keeps that rule set (the reloader keeps the
   * active one).
   */
  static CompiledRules take(ReleaseId releaseId) {
    return take(releaseId, classes -> List.of(), new java.util.ArrayList<>());
  }

  /**
   * As {@link #take(ReleaseId)}, once {@code sandbox} found nothing to refuse in the module's
   * generated classes: they are read before the rule base is made, since making it runs the
   * generated code that builds the rules. Null, with the refusals added to {@code problems}, when
   * it did.
   */
  static CompiledRules take(
      ReleaseId releaseId,
      Function<Map<String, byte[]>, List<RuleProblem>> sandbox,
      List<RuleProblem> problems) {
    KieServices ks = KieServices.get();
    try {
      KieContainer container = ks.newKieContainer(releaseId);
      List<RuleProblem> refused =
          sandbox.apply(GeneratedClasses.of(container.getClassLoader(), releaseId));
      if (!refused.isEmpty()) {
        problems.addAll(refused);
        container.dispose();
        return null;
      }
      return new CompiledRules(container.getKieBase(), container.getClassLoader());
    } finally {
      ks.getRepository().removeKieModule(releaseId);
    }
  }
}
