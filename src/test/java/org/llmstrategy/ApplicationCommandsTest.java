package org.llmstrategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The jar's first word picks a command; a word that is none must not start a server. */
class ApplicationCommandsTest {
  @Test
  void aMisspelledCommandListsTheCommandsAndExitsTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Integer exit =
        Application.command(
            List.of("import-price", "prices.json"),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"import-price\" is not a command")
        .contains("validate, tidy, import-prices");
  }

  @Test
  void noCommandOrOnlyOptionsStartTheService() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(Application.command(List.of(), out)).isNull();
    assertThat(Application.command(List.of("--server.port=18123"), out)).isNull();
  }

  @Test
  void importPricesIsACommand() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Integer exit =
        Application.command(
            List.of("import-prices"), new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: import-prices FILE");
  }
}
