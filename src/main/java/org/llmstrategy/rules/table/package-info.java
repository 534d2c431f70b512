/**
 * The decision tables as analysts typed them, checked before Drools reads them: every column
 * declares in its label what it holds ({@code [money]}, {@code [one of]}, …), every cell is read
 * from its raw value against that type and rewritten in the canonical form Drools compiles, and the
 * table's shape (no gap, unique names and values, bands that tile) is checked. Each mistake is
 * named at its file, sheet and cell in plain words.
 */
package org.llmstrategy.rules.table;
