package org.llmstrategy.rules.run;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.kie.api.runtime.KieSession;

/**
 * Fires a decision's rules phase by phase. A phase is a Drools agenda group that the DRL files name
 * in their rules ({@code agenda-group "scoring"}); rules/README.md ("The phases") says what each
 * waits for, in the analysts' words. The decision tables' rows are in no group (Drools' MAIN), and
 * fire first; then each phase in turn. A phase's facts can make rows fire (a matrix row that reacts
 * to the cost estimate, an advice row that reacts to the verdict): Drools keeps MAIN under the
 * focused phase, so those rows fire as soon as the phase is done, before the next phase starts.
 *
 * <p>The order lives here, once, because Drools runs agenda groups in the order a program gives
 * them focus; a rule in a group not listed here would never fire ({@code PhasesTest} holds the
 * shipped rules to this list).
 */
public final class Phases {
  /** The phases after the tables' rows, in the order they run. */
  public static final List<String> ORDER =
      List.of("cost and knowledge", "scoring", "explanation", "candidates", "deprecation");

  private Phases() {}

  /**
   * Fires the rows, then each phase, at most {@code maxFirings} in all; returns how many fired
   * (reaching {@code maxFirings} means the rules did not settle).
   */
  public static int fire(KieSession session, int maxFirings) {
    return fire(session, maxFirings, () -> false);
  }

  /**
   * As {@link #fire(KieSession, int)}; a phase halted because the run is {@code stopped} (its
   * deadline passed) starts no later phase.
   */
  public static int fire(KieSession session, int maxFirings, BooleanSupplier stopped) {
    return fire(session, maxFirings, stopped, () -> false);
  }

  /**
   * As {@link #fire(KieSession, int, BooleanSupplier)}; once {@code done} says so after a phase
   * (the rows first), no later phase starts: a run that found what its caller needs ends there.
   */
  public static int fire(
      KieSession session, int maxFirings, BooleanSupplier stopped, BooleanSupplier done) {
    int fired = session.fireAllRules(maxFirings);
    for (String phase : ORDER) {
      if (fired >= maxFirings || stopped.getAsBoolean() || done.getAsBoolean()) {
        break;
      }
      var group = session.getAgenda().getAgendaGroup(phase);
      if (group != null) { // null: no rule of this rule set is in that phase
        group.setFocus();
        fired += session.fireAllRules(maxFirings - fired);
      }
    }
    return fired;
  }
}
