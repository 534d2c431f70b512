package org.llmstrategy.bare;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One trivial JSON POST endpoint: reads the body as JSON, answers with a small JSON object. */
@SpringBootApplication
@RestController
public class BareApplication {
  public static void main(String[] args) {
    SpringApplication.run(BareApplication.class, args);
  }

  @PostMapping(path = "/echo", consumes = "application/json", produces = "application/json")
  Map<String, Object> echo(@RequestBody Map<String, Object> body) {
    return Map.of("fields", body.size(), "monthlyTokens", body.getOrDefault("monthlyTokens", 0));
  }
}
