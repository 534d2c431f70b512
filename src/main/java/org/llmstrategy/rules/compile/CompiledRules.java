package org.llmstrategy.rules.compile;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

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
    KieServices ks = KieServices.get();
    try {
      KieContainer container = ks.newKieContainer(releaseId);
      return new CompiledRules(container.getKieBase(), container.getClassLoader());
    } finally {
      ks.getRepository().removeKieModule(releaseId);
    }
  }
}
