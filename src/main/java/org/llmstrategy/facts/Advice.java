package org.llmstrategy.facts;

/**
 * A strategic recommendation of the article: a stable code and its text. Mutable because a
 * decision-table row sets code and text in two columns; nothing matches on its text.
 */
public class Advice {
  private final String code;
  private String text;

  public Advice(String code) {
    this.code = code;
  }

  public String getCode() {
    return code;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
