package org.llmstrategy.web;

import io.swagger.v3.oas.annotations.Operation;
import org.llmstrategy.rules.live.RulesHistory;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /rules: the live rule set (and the commit it came from), the last attempt to change it and,
 * for a Git source, whether the repository was reached; GET /rules/history: what was live when.
 * Rules arrive only as files or commits, never through this API.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(
    name = "Rules",
    description = "The live rule set and the last attempt to change it")
class RulesStatusController {
  private final RulesReloader reloader;

  RulesStatusController(RulesReloader reloader) {
    this.reloader = reloader;
  }

  @Operation(
      summary = "The active rule set and the last reload attempt",
      description =
          "Files and rule counts of the live version; for the last attempt its outcome, every"
              + " problem located to FILE!SHEET!CELL, failing scenarios and the impact of the"
              + " candidate on the scenarios' answers.")
  @GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
  RulesStatus status() {
    return reloader.status();
  }

  @Operation(
      summary = "This replica's recent activations, newest first",
      description =
          "Each activation (start-up included), each refused candidate and each new commit whose"
              + " rules were the same as the live ones: when, the outcome, the rules version and"
              + " the commit (null for a folder). In memory: it starts again at each start-up.")
  @GetMapping(path = "/rules/history", produces = MediaType.APPLICATION_JSON_VALUE)
  RulesHistory history() {
    return reloader.history();
  }
}
