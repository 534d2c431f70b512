package org.llmstrategy.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The blocked options in words do not depend on the order the blockers fired in. */
class BlockedOptionsTest {
  @Test
  void optionsInTheirOwnOrderEachWithItsBlockersByText() {
    List<Blocker> fired =
        List.of(
            new Blocker(Option.SELF_HOST, "no infra team"),
            new Blocker(Option.API, "regulated data"),
            new Blocker(Option.SELF_HOST, "Budget below the upfront cost"),
            new Blocker(Option.SELF_HOST, "budget below the upfront cost"));

    String text = BlockedOptions.of(fired);

    assertThat(text)
        .isEqualTo(
            "the API (regulated data); self-hosting (Budget below the upfront cost; budget below the"
                + " upfront cost; no infra team)");
    List<Blocker> reversed = new java.util.ArrayList<>(fired);
    java.util.Collections.reverse(reversed);
    assertThat(BlockedOptions.of(reversed)).isEqualTo(text);
  }
}
