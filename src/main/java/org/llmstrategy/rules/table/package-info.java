/**
 * The decision tables as analysts typed them, checked before Drools reads them: every column
 * declares in its label what it holds ({@code [money]}, {@code [one of]}, …), every cell is read
 * from its raw value against that type and rewritten in the canonical form Drools compiles, and the
 * table's shape (no gap, unique names and values, bands that tile) is checked. Each mistake is
 * named at its file, sheet and cell in plain words.
 *
 * <p>A table that only describes things (a {@link org.llmstrategy.rules.table.ReferenceTable}: the
 * model catalog, self-host setups, option costs, constants) has the same layout with {@code DATA}
 * columns named by key; {@link org.llmstrategy.rules.table.ReferenceSheet} reads it into immutable
 * records, each cell checked against its column's type and range and converted once ({@link
 * org.llmstrategy.rules.table.ColumnType#javaValue}).
 */
package org.llmstrategy.rules.table;
