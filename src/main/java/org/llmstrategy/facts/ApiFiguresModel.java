package org.llmstrategy.facts;

/**
 * The model the API figures ({@code cost.apiMonthlyUsd}, break-even, fine-tuning's comparison) are
 * priced on: the request's reference model when it meets the request's filters, otherwise the
 * cheapest model that does ({@code cost.cheapestApi}); {@code instead} names the reference it
 * replaces (null when it is the reference).
 */
public record ApiFiguresModel(CatalogModel model, String instead) {}
