package org.llmstrategy.facts;

/**
 * The model the API figures ({@code cost.apiMonthlyUsd}, break-even, fine-tuning's comparison) are
 * priced on: the request's reference model when it meets the request's filters, otherwise the
 * cheapest model that does ({@code cost.cheapestApi}); {@code instead} names the reference it
 * replaces (null when it is the reference). {@code comparisonOnly}: no priced model meets the
 * filters (the API is blocked), and the figures are a yardstick the catalog can price: the
 * reference, or else the cheapest model rated at least as it is.
 */
public record ApiFiguresModel(CatalogModel model, String instead, boolean comparisonOnly) {}
