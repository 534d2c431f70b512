package org.llmstrategy.catalog;

/** The price file cannot be imported: the message names the entry and the field. */
final class PriceFileRefused extends RuntimeException {
  PriceFileRefused(String message) {
    super(message, null, false, false);
  }
}
