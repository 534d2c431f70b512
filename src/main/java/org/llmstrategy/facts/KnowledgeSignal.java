package org.llmstrategy.facts;

/**
 * What a knowledge-strategy row says about an approach: needed, ruled out, impossible, or a
 * trade-off.
 */
public record KnowledgeSignal(Approach approach, Kind kind, String text) {
  public enum Kind {
    NEEDED,
    RULED_OUT,
    /** A hard constraint of the request stops the approach from working at all. */
    IMPOSSIBLE,
    TRADE_OFF
  }

  public static KnowledgeSignal needed(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.NEEDED, text);
  }

  public static KnowledgeSignal ruledOut(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.RULED_OUT, text);
  }

  public static KnowledgeSignal impossible(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.IMPOSSIBLE, text);
  }

  public static KnowledgeSignal tradeOff(Approach approach, String text) {
    return new KnowledgeSignal(approach, Kind.TRADE_OFF, text);
  }
}
