package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CostTest {
  @Test
  void groupedWritesNumbersAsTheFormatterDoes() {
    LongStream edges =
        LongStream.of(
            0,
            1,
            9,
            10,
            99,
            100,
            999,
            1_000,
            9_999,
            10_000,
            100_000,
            999_999,
            1_000_000,
            800_000_000,
            16_000_000_000L,
            1_000_000_000_000_000L,
            Long.MAX_VALUE,
            -1,
            -999,
            -1_000,
            -1_234_567,
            Long.MIN_VALUE);
    LongStream random = new Random(5).longs(10_000).map(n -> n >> new Random(n).nextInt(63));
    LongStream.concat(edges, random)
        .forEach(
            n ->
                assertThat(Cost.grouped(n))
                    .as("%d", n)
                    .isEqualTo(String.format(Locale.ROOT, "%,d", n)));
  }
}
