package org.llmstrategy.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * US dollars as a sentence writes them, the one way every answer text does (rules and Java alike):
 * thousands grouped, cents written, {@code $7,687.50}. The answer's numeric fields stay exact
 * numbers; only the words round.
 *
 * <ul>
 *   <li>A dollar or more is rounded to the cent (half up): {@code $80,556.51} for 80556.5075.
 *   <li>Below a dollar, an amount keeps up to three significant digits (rounded half up), and at
 *       least the two digits of cents: {@code $0.50}, {@code $0.003}, {@code $0.0225}, {@code
 *       $0.00978}. A cost per task or per token is often a fraction of a cent, and rounded to cents
 *       two different candidates would both read {@code $0.02}, or nothing at all would read {@code
 *       $0.00}.
 *   <li>A negative amount is written {@code -$5.00}.
 * </ul>
 */
public final class Money {
  private static final MathContext BELOW_A_DOLLAR = new MathContext(3, RoundingMode.HALF_UP);

  private Money() {}

  /** The amount in dollars, e.g. {@code $7,687.50}; see the class for the rounding. */
  public static String usd(BigDecimal amount) {
    BigDecimal size = amount.abs();
    BigDecimal shown =
        size.compareTo(BigDecimal.ONE) >= 0 || size.signum() == 0
            ? size.setScale(2, RoundingMode.HALF_UP)
            : size.round(BELOW_A_DOLLAR).stripTrailingZeros();
    if (shown.scale() < 2) {
      shown = shown.setScale(2, RoundingMode.UNNECESSARY);
    }
    String digits = shown.toPlainString();
    int point = digits.indexOf('.');
    StringBuilder written = new StringBuilder(digits.length() + point / 3 + 2);
    written.append(amount.signum() < 0 ? "-$" : "$");
    // grouped by hand: String.format("%,d") parsed its pattern on every call, and a decision
    // writes some dozens of amounts (3 % of its processor time, bench/profile.sh)
    for (int i = 0; i < point; i++) {
      if (i > 0 && (point - i) % 3 == 0) {
        written.append(',');
      }
      written.append(digits.charAt(i));
    }
    return written.append(digits, point, digits.length()).toString();
  }
}
