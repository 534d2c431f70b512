package org.llmstrategy.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
  @ParameterizedTest
  @CsvSource({
    "7687.5,       '$7,687.50'",
    "80556.5075,   '$80,556.51'",
    "80556.5049,   '$80,556.50'",
    "500000,       '$500,000.00'",
    "1234567890.1, '$1,234,567,890.10'",
    "15000,        '$15,000.00'",
    "1,            '$1.00'",
    "0,            '$0.00'",
    "0.00,         '$0.00'",
    "0.5,          '$0.50'",
    "0.0225,       '$0.0225'",
    "0.024,        '$0.024'",
    "0.009775,     '$0.00978'",
    "0.001215,     '$0.00122'",
    "0.000216,     '$0.000216'",
    "0.9996,       '$1.00'",
    "-5,           '-$5.00'",
    "-0.0225,      '-$0.0225'",
    "100,          '$100.00'",
    "999.995,      '$1,000.00'",
    "123456,       '$123,456.00'",
    "-1234567,     '-$1,234,567.00'",
  })
  void writesDollarsWithThousandsAndCents(BigDecimal amount, String text) {
    assertThat(Money.usd(amount)).isEqualTo(text);
  }

  /** A dollar or more reads as Java's own grouping writes it (the formatter Money once called). */
  @org.junit.jupiter.api.Test
  void groupsEveryAmountOfADollarOrMoreAsTheJdkDoes() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal amount = BigDecimal.valueOf(random.nextLong() >> random.nextInt(63), 4);
      if (amount.abs().compareTo(BigDecimal.ONE) < 0) {
        continue;
      }
      String jdk = String.format(java.util.Locale.ROOT, "%,.2f", amount.abs());
      assertThat(Money.usd(amount)).isEqualTo((amount.signum() < 0 ? "-$" : "$") + jdk);
    }
  }
}
