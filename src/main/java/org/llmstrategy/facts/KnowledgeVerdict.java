package org.llmstrategy.facts;

/**
 * The knowledge strategy the rules settled on; a null strategy when the task needs an approach the
 * request's constraints rule out (the knowledge part is then infeasible).
 */
public record KnowledgeVerdict(KnowledgeStrategy strategy) {
  public static KnowledgeVerdict infeasible() {
    return new KnowledgeVerdict(null);
  }

  public boolean feasible() {
    return strategy != null;
  }
}
