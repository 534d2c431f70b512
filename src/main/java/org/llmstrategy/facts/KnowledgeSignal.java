package org.llmstrategy.facts;

/** What a knowledge-strategy row says about an approach: needed, ruled out, or a trade-off. */
public record KnowledgeSignal(Approach approach, Kind kind, String text) {
  public enum Kind {
    NEEDED,
    RULED_OUT,
    TRADE_OFF
  }

  public static KnowledgeSignal needed(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.NEEDED, text);
  }

  public static KnowledgeSignal ruledOut(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.RULED_OUT, text);
  }

  public static KnowledgeSignal tradeOff(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.TRADE_OFF, text);
  }
}
