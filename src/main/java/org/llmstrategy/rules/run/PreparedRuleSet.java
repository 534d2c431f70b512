package org.llmstrategy.rules.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.base.rule.Accumulate;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link RuleEngine} works out once per rule set so that a request does only request work.
 *
 * <ul>
 *   <li>A pool of sessions: a disposed session is reset and reused instead of rebuilt.
 *   <li>For every rule, the {@link FiredRule} an answer names it by.
 *   <li>The <em>constant</em> part of the rules: the rules that read no fact a request brings, such
 *       as the model catalog and self-host setup rows, advice that always applies, and the rules
 *       that only read what those produce. They would fire the same way, with the same facts, in
 *       every request; instead they fire once here, and a request starts from their facts and their
 *       firings.
 * </ul>
 *
 * <p>A rule is constant when its conditions only match types that constant rules alone insert
 * (starting from the initial fact, which is what a row without conditions matches), found by
 * running those rules until no new type appears. The shortcut is taken only where it cannot change
 * an answer's content:
 *
 * <ul>
 *   <li>constant rules use nothing but salience among the rule attributes (no agenda or activation
 *       group, timer, dynamic salience, {@code from} or {@code eval}), so when they fire does not
 *       depend on anything else;
 *   <li>every other rule that reads a constant rule's facts is in a later phase ({@link Phases}) or
 *       has a lower salience than every constant rule, so it always saw all of them after they were
 *       inserted, as it does now;
 *   <li>constant facts that other rules read are records, so sharing them between concurrent
 *       requests is safe;
 *   <li>a request that brings, inserts, updates or deletes a fact of a type the constant rules read
 *       is run again in full (see {@link RuleEngine#evaluate}).
 * </ul>
 *
 * An answer lists the constant rules' firings first, in the order they fired here, then the
 * request's own firings in their order: the same rules as before, with the catalog and setup rows
 * no longer interleaved with the request's rows (rows never depend on their order).
 *
 * <p>Owned by its {@link RuleSet}, made on first use ({@link RuleSet#prepared()}), and garbage with
 * it.
 */
final class PreparedRuleSet {
  private static final Logger log = LoggerFactory.getLogger(PreparedRuleSet.class);

  private final RuleSet ruleSet;
  private final KieSessionsPool sessions;
  private final Map<Rule, FiredRule> firedRules = new IdentityHashMap<>();

  /** Rules that fire here once instead of in every request; empty when there is no shortcut. */
  private final Set<Rule> constantRules;

  private final AgendaFilter skipConstantRules;
  private final List<Evaluation.Inserted> constantInserted;
  private final List<FiredRule> constantFired;

  /** Constant facts other rules read: inserted into every request's session. */
  private final List<Object> sharedFacts;

  /** Types the constant rules read: a request must not bring or change facts of these. */
  private final Set<Class<?>> constantInputs;

  private final Map<Class<?>, Boolean> isConstantInput = new ConcurrentHashMap<>();

  /** The numbers the rules compare each property with (for flips), read on first use. */
  private volatile Map<String, java.util.SortedSet<java.math.BigDecimal>> thresholds;

  /** Made by {@link RuleSet#prepared()}, once per rule set. */
  PreparedRuleSet(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.sessions = ruleSet.kieBase().newKieSessionsPool(0);
    Map<Rule, Reads> reads = new IdentityHashMap<>();
    for (KiePackage p : ruleSet.kieBase().getKiePackages()) {
      for (Rule r : p.getRules()) {
        firedRules.put(
            r, new FiredRule(r.getName(), ruleSet.sourceOf(r.getPackageName(), r.getName())));
        reads.put(r, Reads.of(r));
      }
    }
    Constant constant = Constant.NONE;
    try {
      constant = findConstant(reads);
    } catch (RuntimeException e) {
      log.debug("Rules {}: no constant part, every rule runs per request", ruleSet.version(), e);
    }
    this.constantRules = constant.rules();
    this.skipConstantRules = match -> !constantRules.contains(match.getRule());
    this.constantInserted = constant.inserted();
    this.constantFired = constant.fired();
    this.sharedFacts = constant.shared();
    this.constantInputs = constant.inputs();
  }

  /** The prepared form of a rule set: the one it owns. */
  static PreparedRuleSet of(RuleSet ruleSet) {
    return ruleSet.prepared();
  }

  Map<String, java.util.SortedSet<java.math.BigDecimal>> thresholds() {
    Map<String, java.util.SortedSet<java.math.BigDecimal>> t = thresholds;
    if (t == null) {
      t = RuleThresholds.read(ruleSet); // the same for every reader: a race reads it twice at most
      thresholds = t;
    }
    return t;
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

  /** Whether requests can start from the constant rules' outcome instead of firing them. */
  boolean hasConstantPart() {
    return !constantRules.isEmpty();
  }

  boolean isConstant(Rule rule) {
    return constantRules.contains(rule);
  }

  AgendaFilter skipConstantRules() {
    return skipConstantRules;
  }

  List<Evaluation.Inserted> constantInserted() {
    return constantInserted;
  }

  List<FiredRule> constantFired() {
    return constantFired;
  }

  List<Object> sharedFacts() {
    return sharedFacts;
  }

  /** Whether a fact of this type could match a constant rule's condition. */
  boolean isConstantInput(Class<?> type) {
    return isConstantInput.computeIfAbsent(
        type, t -> constantInputs.stream().anyMatch(c -> c.isAssignableFrom(t)));
  }

  private record Constant(
      Set<Rule> rules,
      List<Evaluation.Inserted> inserted,
      List<FiredRule> fired,
      List<Object> shared,
      Set<Class<?>> inputs) {
    static final Constant NONE = new Constant(Set.of(), List.of(), List.of(), List.of(), Set.of());
  }

  /**
   * Grows the set of constant rules from those that match only the initial fact, running them each
   * time, until the types they insert bring in no further rule; then checks the conditions above.
   */
  private Constant findConstant(Map<Rule, Reads> reads) {
    Set<Class<?>> known = new HashSet<>(Set.of(InitialFactImpl.class));
    while (true) {
      Set<Rule> rules = Collections.newSetFromMap(new IdentityHashMap<>());
      reads.forEach(
          (rule, r) -> {
            if (r.simple() && known.containsAll(r.types())) {
              rules.add(rule);
            }
          });
      if (rules.isEmpty()) {
        return Constant.NONE;
      }
      List<Evaluation.Inserted> inserted = new ArrayList<>();
      List<FiredRule> fired = new ArrayList<>();
      KieSession session = ruleSet.kieBase().newKieSession();
      try {
        Recorder recorder = new Recorder(this, inserted, fired, null);
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        if (session.fireAllRules(match -> rules.contains(match.getRule()), RuleEngine.MAX_FIRINGS)
            >= RuleEngine.MAX_FIRINGS) {
          throw RuleEngine.didNotSettle(fired); // no constant part: each request stops on its own
        }
      } finally {
        session.dispose();
      }
      Set<Class<?>> produced = new LinkedHashSet<>();
      inserted.forEach(i -> produced.add(i.fact().getClass()));
      if (known.containsAll(produced)) {
        return checked(reads, rules, inserted, fired);
      }
      known.addAll(produced);
    }
  }

  private Constant checked(
      Map<Rule, Reads> reads,
      Set<Rule> rules,
      List<Evaluation.Inserted> inserted,
      List<FiredRule> fired) {
    int lowestConstantSalience = Integer.MAX_VALUE;
    Set<Class<?>> inputs = new HashSet<>();
    for (Rule r : rules) {
      lowestConstantSalience = Math.min(lowestConstantSalience, reads.get(r).salience());
      inputs.addAll(reads.get(r).types());
    }
    inputs.remove(InitialFactImpl.class);
    Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    for (var e : reads.entrySet()) {
      if (rules.contains(e.getKey())) {
        continue;
      }
      for (Evaluation.Inserted i : inserted) {
        Object fact = i.fact();
        if (e.getValue().types().stream().anyMatch(t -> t.isInstance(fact))) {
          // a rule of a later phase fires after every row: it saw all of them (Phases)
          boolean after =
              !e.getValue().mainGroup() || e.getValue().salience() < lowestConstantSalience;
          if (!after || !fact.getClass().isRecord()) {
            log.debug(
                "Rules {}: {} reads {} but fires as early as the rules that insert it, or the"
                    + " fact is mutable; every rule runs per request",
                ruleSet.version(),
                e.getKey().getName(),
                fact.getClass().getSimpleName());
            return Constant.NONE;
          }
          shared.add(fact);
        }
      }
    }
    List<Object> sharedInOrder =
        inserted.stream().map(Evaluation.Inserted::fact).filter(shared::contains).toList();
    return new Constant(
        Collections.unmodifiableSet(rules),
        List.copyOf(inserted),
        List.copyOf(fired),
        sharedInOrder,
        Set.copyOf(inputs));
  }

  /**
   * The fact types a rule's conditions match, anywhere (under not, exists, accumulate, collect),
   * its salience, and whether it is simple enough to be constant: fixed salience, the main agenda
   * group, no activation or rule-flow group, no timer, no {@code from}, {@code eval} or queries.
   */
  private record Reads(Set<Class<?>> types, int salience, boolean simple, boolean mainGroup) {
    static Reads of(Rule rule) {
      if (!(rule instanceof RuleImpl r)) {
        return new Reads(Set.of(Object.class), Integer.MAX_VALUE, false, true);
      }
      Set<Class<?>> types = new HashSet<>();
      boolean patternsOnly = collect(r.getLhs(), types);
      boolean simple =
          patternsOnly
              && !r.getSalience().isDynamic()
              && r.isMainAgendaGroup()
              && isBlank(r.getActivationGroup())
              && isBlank(r.getRuleFlowGroup())
              && !r.isLockOnActive()
              && r.getTimer() == null
              && !r.isQuery()
              && !r.hasNamedConsequences();
      return new Reads(Set.copyOf(types), r.getSalienceValue(), simple, r.isMainAgendaGroup());
    }

    private static boolean isBlank(String s) {
      return s == null || s.isBlank();
    }

    /** Adds the matched types; false when the conditions hold anything but patterns. */
    private static boolean collect(RuleConditionElement e, Set<Class<?>> types) {
      if (e instanceof Pattern p) {
        if (p.getSource() == null) {
          if (!(p.getObjectType() instanceof ClassObjectType c)) {
            return false;
          }
          types.add(c.getClassType());
          return true;
        }
        // accumulate / collect: the facts are those of the inner patterns, not the result
        return p.getSource() instanceof Accumulate a && collect(a, types);
      }
      if (e instanceof GroupElement || e instanceof Accumulate) {
        boolean ok = true;
        for (RuleConditionElement child : e.getNestedElements()) {
          ok &= collect(child, types);
        }
        return ok;
      }
      return false;
    }
  }

  /**
   * Records what a run inserts and fires. With {@code fast}, it also notes when a rule other than a
   * constant one touches a fact the constant rules read: then the shortcut does not hold.
   */
  static final class Recorder extends DefaultAgendaEventListener
      implements RuleRuntimeEventListener {
    private final PreparedRuleSet prepared;
    private final List<Evaluation.Inserted> inserted;
    private final List<FiredRule> fired;
    private final PreparedRuleSet fast;
    private boolean touchedConstantInput;

    Recorder(
        PreparedRuleSet prepared,
        List<Evaluation.Inserted> inserted,
        List<FiredRule> fired,
        PreparedRuleSet fast) {
      this.prepared = prepared;
      this.inserted = inserted;
      this.fired = fired;
      this.fast = fast;
    }

    boolean touchedConstantInput() {
      return touchedConstantInput;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      Rule rule = event.getRule();
      if (rule != null) {
        FiredRule by = prepared.firedRule(rule);
        inserted.add(new Evaluation.Inserted(by.rule(), by.source(), event.getObject()));
        check(rule, event.getObject());
      }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
      check(event.getRule(), event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      check(event.getRule(), event.getOldObject());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(prepared.firedRule(event.getMatch().getRule()));
    }

    private void check(Rule rule, Object fact) {
      if (fast != null
          && rule != null
          && fact != null
          && !fast.isConstant(rule)
          && fast.isConstantInput(fact.getClass())) {
        touchedConstantInput = true;
      }
    }
  }
}
