/**
 * Keeps the rule and scenario workbooks readable and hard to break: header rows tall enough for
 * their text, columns wide enough and wrapping, frozen panes, the decision-table machinery grouped
 * and collapsed, dropdowns on every enum column and a short "how to edit" note. Used by the {@code
 * tidy} command; it changes how cells look, never what they hold. Uses {@code recommend} and {@code
 * recommend.request} only for the names of the scenario columns' fields.
 */
package org.llmstrategy.workbook;
