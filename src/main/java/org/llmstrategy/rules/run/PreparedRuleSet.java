package org.llmstrategy.rules.run;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * What {@link RuleEngine} works out once per rule set so that a request does only request work: a
 * pool of sessions (a disposed session is reset and reused instead of rebuilt), and for every rule
 * the {@link FiredRule} an answer names it by. Both through Drools' public API.
 *
 * <p>Every rule fires in every request: the reference data (catalog, setups, option terms, the
 * listing size) is data given to each session, not rules, so there is no constant part worth
 * evaluating once per rule set (issue 21 measured it; BENCHMARKS.md).
 *
 * <p>Owned by its {@link RuleSet}, made on first use ({@link RuleSet#prepared()}), and garbage with
 * it.
 */
final class PreparedRuleSet {
  private final RuleSet ruleSet;
  private final KieSessionsPool sessions;
  private final Map<Rule, FiredRule> firedRules = new IdentityHashMap<>();

  /** Made by {@link RuleSet#prepared()}, once per rule set. */
  PreparedRuleSet(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.sessions = ruleSet.kieBase().newKieSessionsPool(0);
    for (KiePackage p : ruleSet.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        firedRules.put(
            r, new FiredRule(r.getName(), ruleSet.sourceOf(r.getPackageName(), r.getName())));
      }
    }
  }

  /** The prepared form of a rule set: the one it owns. */
  static PreparedRuleSet of(RuleSet ruleSet) {
    return ruleSet.prepared();
  }

  RuleSet ruleSet() {
    return ruleSet;
  }

  /** A session from the pool; {@link KieSession#dispose()} resets it and gives it back. */
  KieSession newSession() {
    return sessions.newKieSession();
  }

  /** The rule as an answer names it: its name and where it is written. */
  FiredRule firedRule(Rule rule) {
    FiredRule f = firedRules.get(rule);
    return f != null
        ? f
        : new FiredRule(rule.getName(), ruleSet.sourceOf(rule.getPackageName(), rule.getName()));
  }

  /**
   * Records what a run inserts and fires, in order; with a deadline, halts the run at the first
   * firing that ends past it: a look at the clock per firing (some 60 a decision), and at the
   * thread's processor time only once the clock says the deadline is past (a run that waited for a
   * processor gets the time it has not used, up to 25 times its deadline by the clock).
   */
  static final class Recorder extends DefaultAgendaEventListener
      implements RuleRuntimeEventListener {
    private final PreparedRuleSet prepared;
    private final List<Evaluation.Inserted> inserted;
    private final List<FiredRule> fired;
    private KieSession session;
    private boolean hasDeadline;
    private long deadline;
    private long limit;
    private long processorAtStart;
    private long clockEnd;
    private long clockAtStart;
    private boolean overdue;
    private long usedAtHalt;
    private long clockAtHalt;
    private final Class<?> decidedBy;
    private boolean decided;

    /**
     * The rule whose consequence runs now. Written by the run's thread, read by the thread that
     * gives the run up when a consequence does not return: a plain field, as a stale read only
     * names the rule fired just before.
     */
    private Rule firing;

    Recorder(PreparedRuleSet prepared, List<Evaluation.Inserted> inserted, List<FiredRule> fired) {
      this(prepared, inserted, fired, null);
    }

    /** With {@code decidedBy}: {@link #decided()} once a fact of that type is inserted. */
    Recorder(
        PreparedRuleSet prepared,
        List<Evaluation.Inserted> inserted,
        List<FiredRule> fired,
        Class<?> decidedBy) {
      this.prepared = prepared;
      this.inserted = inserted;
      this.fired = fired;
      this.decidedBy = decidedBy;
    }

    /** Whether a fact of the type the run waits for has been inserted (never without one). */
    boolean decided() {
      return decided;
    }

    /**
     * Halts {@code session} at the first firing that ends after the run used {@code limit}
     * nanoseconds of processor time from {@code processorAtStart}.
     */
    void deadline(KieSession session, long limit, long processorAtStart) {
      long now = System.nanoTime();
      this.session = session;
      this.limit = limit;
      this.processorAtStart = processorAtStart;
      this.deadline = now + limit;
      this.clockAtStart = now;
      this.clockEnd = now + ProcessorTime.CLOCK_FACTOR * limit;
      this.hasDeadline = true;
    }

    /** Past the clock's deadline: past the processor time's too, or was it waiting? */
    private boolean pastDeadline(long now) {
      long used = ProcessorTime.current() - processorAtStart;
      if (used >= limit || now - clockEnd >= 0) {
        usedAtHalt = used;
        clockAtHalt = now - clockAtStart;
        return true;
      }
      deadline = now + (limit - used);
      return false;
    }

    /** Whether the run was halted at its deadline. */
    boolean overdue() {
      return overdue;
    }

    /** Processor time the run had used when it was halted, in nanoseconds. */
    long usedAtHalt() {
      return usedAtHalt;
    }

    /** Time by the clock from the run's start to its halt, in nanoseconds. */
    long clockAtHalt() {
      return clockAtHalt;
    }

    /** The rule firing now, or fired last; null before the first firing. */
    FiredRule firing() {
      Rule r = firing;
      return r == null ? null : prepared.firedRule(r);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
      firing = event.getMatch().getRule();
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (decidedBy != null && decidedBy.isInstance(event.getObject())) {
        decided = true;
      }
      Rule rule = event.getRule();
      if (rule != null) { // inserted by a consequence, not by the caller
        FiredRule by = prepared.firedRule(rule);
        inserted.add(new Evaluation.Inserted(by.rule(), by.source(), event.getObject()));
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {}

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {}

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(prepared.firedRule(event.getMatch().getRule()));
      if (hasDeadline) {
        long now = System.nanoTime();
        if (now - deadline > 0 && pastDeadline(now)) {
          overdue = true;
          session.halt(); // the phase ends after this firing; Phases starts no other
        }
      }
    }
  }
}
