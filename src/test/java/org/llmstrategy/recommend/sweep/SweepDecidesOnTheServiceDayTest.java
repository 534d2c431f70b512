package org.llmstrategy.recommend.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.recommend.RecentRequests;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleEngine;

/**
 * A sweep is decided on the service's day, as POST /recommend is: with a model retiring between two
 * days, the sweep's cheapest API follows the clock the service was given, not the machine's.
 */
class SweepDecidesOnTheServiceDayTest {
  @TempDir Path temp;

  @Test
  void aModelRetiredByTheServicesDayIsNoCheapestApiInTheSweep() throws IOException {
    RuleFolderFixture folder = RuleFolderFixture.copyOfShippedRules(temp.resolve("rules"));
    // GPT-5: it ties Gemini 2.0 Pro at the input price and comes first by name
    folder.setCell("models/ModelCatalog.drl.xlsx", "J18", "2027-06-01");
    RuleEngine engine = new RuleEngine(folder.build());

    assertThat(cheapestApiOn("2027-05-31T12:00:00Z", engine)).isEqualTo("GPT-5");
    assertThat(cheapestApiOn("2027-06-02T12:00:00Z", engine)).isEqualTo("Gemini 2.0 Pro");
  }

  private static String cheapestApiOn(String instant, RuleEngine engine) throws IOException {
    Clock day = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    SweepController sweep =
        new SweepController(
            new Recommender(engine, new RecentRequests(0), day),
            Validation.buildDefaultValidatorFactory().getValidator());
    String body =
        "{\"criteria\": "
            + SweepControllerTest.CRITERIA
            + ", \"field\": \"monthlyTokens\", \"values\": [1000000]}";

    SweepResult result =
        sweep.sweep(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

    return result.points().get(0).cheapestApi().model();
  }
}
