/**
 * The service's entry point: {@link org.llmstrategy.Application} starts the web service, or runs
 * one of the analysts' commands ({@code validate}, {@code tidy}, {@code import-prices}) and exits.
 * Everything else lives in the feature packages below it.
 */
package org.llmstrategy;
