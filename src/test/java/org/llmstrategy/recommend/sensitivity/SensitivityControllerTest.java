package org.llmstrategy.recommend.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.recommend.Recommendation;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.request.CriteriaMapping;
import org.llmstrategy.recommend.request.CriteriaReader;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** POST /recommend/sensitivity on the shipped rules: the moves, their order, bounds, bad input. */
@WebMvcTest(SensitivityController.class)
class SensitivityControllerTest {
  /** Live decisions, counted: the endpoint's cost is one decision plus two per input. */
  static final AtomicInteger RUNS = new AtomicInteger();

  @TestConfiguration
  static class ShippedRulesEngine {
    @Bean
    Recommender recommender() {
      return new Recommender(
          // a generous deadline: the first decisions of a cold JVM on a shared machine are slow,
          // and this test is about the moves, not the deadline (DecisionDeadlineTest is)
          new RuleEngine(ShippedRules.get(), 0, 2, java.time.Duration.ofSeconds(10)) {
            @Override
            public Evaluation evaluate(RuleSet ruleSet, List<?> facts) {
              RUNS.incrementAndGet();
              return super.evaluate(ruleSet, facts);
            }
          });
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Recommender recommender;
  @Autowired jakarta.validation.Validator validator;

  static final String TCO = read("src/test/resources/examples/tco-request.json");

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void count() {
    RUNS.set(0);
  }

  MvcResult send(String body) throws Exception {
    return mvc.perform(
            post("/recommend/sensitivity").contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn();
  }

  JsonNode answer(String body) throws Exception {
    MvcResult r = send(body);
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    return JsonMapper.shared().readTree(r.getResponse().getContentAsString());
  }

  List<String> problems(String body) throws Exception {
    MvcResult r = send(body);
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = JsonMapper.shared().readTree(r.getResponse().getContentAsString());
    assertThat(problem.path("instance").asString()).isEqualTo("/recommend/sensitivity");
    List<String> lines = new ArrayList<>();
    problem
        .path("errors")
        .forEach(e -> lines.add(e.path("field").asString() + ": " + e.path("message").asString()));
    return lines;
  }

  /** The request as it would be decided on its own, with one field changed. */
  Recommendation decidedAt(String request, String field, JsonNode value) {
    var json = (tools.jackson.databind.node.ObjectNode) JsonMapper.shared().readTree(request);
    json.set(field, value);
    Criteria c = CriteriaMapping.toCriteria(new CriteriaReader(validator).read(json));
    return recommender.decide(recommender.active(), c, LocalDate.now());
  }

  @Test
  void everyInputIsMovedBothWaysAndItsEndsAreWhatTheRulesDecideThere() throws Exception {
    JsonNode a = answer("{\"criteria\": " + TCO + "}");
    assertThat(a.path("change").decimalValue()).isEqualByComparingTo("0.2");
    List<String> fields = new ArrayList<>();
    a.path("inputs").forEach(i -> fields.add(i.path("field").asString()));
    // every numeric input the request gives a value, once; nothing it left out
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "monthlyTokens",
            "upfrontBudgetUsd",
            "mlEngineers",
            "infraEngineers",
            "latencyBudgetMs",
            "labeledExamples",
            "tokensPerTask",
            "outputTokenShare",
            "cachedInputShare",
            "batchShare",
            "engineerMonthlyUsd",
            "horizonMonths");
    // bounded: the criteria as sent, then two decisions per input
    assertThat(RUNS.get()).isEqualTo(1 + 2 * fields.size());
    // the situation's own recommendation, as /recommend decides it
    Criteria tco =
        CriteriaMapping.toCriteria(
            new CriteriaReader(validator).read(JsonMapper.shared().readTree(TCO)));
    assertThat(a.path("recommendation").asString())
        .isEqualTo(
            String.valueOf(
                recommender
                    .decide(recommender.active(), tco, LocalDate.now())
                    .deployment()
                    .recommendation()));

    BigDecimal previous = null;
    for (JsonNode i : a.path("inputs")) {
      String field = i.path("field").asString();
      BigDecimal value = i.path("value").decimalValue();
      assertThat(i.path("low").decimalValue()).as(field).isLessThan(value);
      assertThat(i.path("high").decimalValue()).as(field).isGreaterThan(value);
      // largest swing first
      BigDecimal swing = i.path("swingUsd").decimalValue();
      if (previous != null) {
        assertThat(swing).as(field).isLessThanOrEqualTo(previous);
      }
      previous = swing;
      // each end is what /recommend answers for the request with that one field moved
      for (String end : List.of("Low", "High")) {
        Recommendation r = decidedAt(TCO, field, i.path(end.toLowerCase()));
        assertThat(i.path("recommendation" + end).asString(null))
            .as(field + " " + end)
            .isEqualTo(
                r.deployment().recommendation() == null
                    ? null
                    : r.deployment().recommendation().name());
        for (JsonNode o : i.path("options")) {
          BigDecimal expected =
              r.cost().options().stream()
                  .filter(x -> x.option().name().equals(o.path("option").asString()))
                  .findFirst()
                  .orElseThrow()
                  .horizonUsd();
          assertThat(o.path("horizonUsd" + end).decimalValue())
              .as(field + " " + end + " " + o.path("option").asString())
              .isEqualByComparingTo(expected);
        }
      }
    }
    // the horizon and the engineers' cost move the totals most in the README's TCO example
    assertThat(fields.subList(0, 2)).containsExactly("horizonMonths", "engineerMonthlyUsd");
  }

  @Test
  void aSmallTeamMovesByOneEngineerAndAShareStaysWithinItsRange() throws Exception {
    JsonNode a =
        answer(
            """
            {"criteria": {"dataSensitivity": "INTERNAL", "monthlyTokens": 1000000000,
              "timeToProduction": "MONTHS", "upfrontBudgetUsd": 750000, "mlEngineers": 1,
              "infraEngineers": 2, "outputTokenShare": 0.9}, "change": 0.5}""");
    assertThat(a.path("change").decimalValue()).isEqualByComparingTo("0.5");
    for (JsonNode i : a.path("inputs")) {
      switch (i.path("field").asString()) {
        case "mlEngineers" -> {
          assertThat(i.path("low").asInt()).isZero();
          assertThat(i.path("high").asInt()).isEqualTo(2);
        }
        case "outputTokenShare" -> {
          assertThat(i.path("low").decimalValue()).isEqualByComparingTo("0.45");
          // 0.9 × 1.5 is beyond a share: that end is not moved
          assertThat(i.path("high").decimalValue()).isEqualByComparingTo("0.9");
        }
        default -> {}
      }
    }
  }

  @Test
  void badInputIsNamedFieldByFieldAtOnce() throws Exception {
    assertThat(
            problems(
                "{\"criteria\": {\"dataSensitivity\": \"SECRET\", \"monthlyTokens\": 1.5},"
                    + " \"change\": 0, \"chnage\": 1}"))
        .contains(
            "criteria.dataSensitivity: must be one of PUBLIC, INTERNAL, CONFIDENTIAL, REGULATED",
            "criteria.monthlyTokens: must be an integer, without a fraction or exponent",
            "change: must be above 0 and at most 1 (0.2 is ±20 %)")
        .anyMatch(p -> p.startsWith("criteria.timeToProduction: "))
        .anyMatch(p -> p.startsWith("chnage: is not a field"));
    assertThat(problems("{\"change\": 2}"))
        .containsExactlyInAnyOrder(
            "change: must be above 0 and at most 1 (0.2 is ±20 %)",
            "criteria: is required: a /recommend request");
    assertThat(RUNS.get()).as("nothing decided for a refused request").isZero();
  }
}
