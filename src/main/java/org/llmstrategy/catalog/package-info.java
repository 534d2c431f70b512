/**
 * The model catalog from a public price map: {@code import-prices} reads a LiteLLM {@code
 * model_prices_and_context_window.json}-format file and updates the catalog workbook analysts
 * review, keeping their own columns, and prints what changed. Uses {@code rules.table} to read
 * cells as the rules do, {@code rules} for its problems and {@code workbook} to lay the sheet out.
 */
package org.llmstrategy.catalog;
