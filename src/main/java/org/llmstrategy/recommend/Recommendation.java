package org.llmstrategy.recommend;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.llmstrategy.rules.run.FiredRule;
import tools.jackson.databind.annotation.JsonSerialize;

/** The answer to POST /recommend. */
@Schema(name = "Recommendation")
public record Recommendation(
    @Schema(description = "Identifies the exact rule set that decided: a content hash of rules/")
        String rulesVersion,
    Deployment deployment,
    Knowledge knowledge,
    @Schema(
            description =
                "The cost comparison; null only when the reference model has no price or no tier"
                    + " matched")
        Cost cost,
    @Schema(
            description =
                "Candidate models for the recommended option, cheapest first (per task when"
                    + " tokensPerTask is given, else per month); empty when nothing is feasible")
        List<ModelView> models,
    @Schema(
            description =
                "How many more models met the filters than models lists (the rules say how many"
                    + " are listed: settings/Constants.drl.xlsx)",
            example = "0")
        int moreModels,
    @Schema(
            description =
                "Which filter kept out which models: when models is empty, each filter; with"
                    + " candidates left, the retired ones, those without an output price when the"
                    + " request has an output share (never priced or compared), those a"
                    + " fine-tuning answer cannot fine-tune, and the unrated ones a self-hosting"
                    + " or fine-tuning answer does not price (empty otherwise)")
        List<ModelExclusion> modelExclusions,
    @Schema(description = "Strategic advice, each code once") List<AdviceView> advice,
    @Schema(
            description =
                "Only the rules that decided this answer (blockers, preferences, verdicts, cost),"
                    + " each once, in firing order; firedRules keeps the full trace")
        List<FiredRuleView> decidedBy,
    @Schema(description = "The rules that fired, in firing order, and where each is written")
        List<FiredRuleView> firedRules) {

  /** A filter and the catalog models it kept out of the candidates. */
  @Schema(name = "ModelExclusion")
  public record ModelExclusion(
      @Schema(
              description = "The request filter or the option's own requirement",
              example = "minContextWindowTokens")
          String filter,
      @Schema(description = "The first 20 of the models it kept out, in catalog order")
          List<String> models,
      @Schema(description = "How many models it kept out", example = "2") int count) {}

  /** A fired rule as the client sees it (written by {@link FiredRuleJson}). */
  @Schema(name = "FiredRule")
  @JsonSerialize(using = FiredRuleJson.class)
  public record FiredRuleView(String rule, Source source) {
    static FiredRuleView of(FiredRule f) {
      return new FiredRuleView(
          f.rule(), new Source(f.source().file(), f.source().sheet(), f.source().row()));
    }
  }

  /** Where a rule is written: the file, and for a workbook the sheet and row. */
  @Schema(name = "RuleSource")
  public record Source(
      @Schema(description = "Path under rules/", example = "deployment/DeploymentMatrix.drl.xlsx")
          String file,
      @Schema(
              description = "Worksheet, for a workbook; null for a DRL file",
              example = "Matrix",
              nullable = true)
          String sheet,
      @Schema(
              description = "1-based spreadsheet row, for a workbook; null for a DRL file",
              example = "12",
              nullable = true)
          Integer row) {}
}
