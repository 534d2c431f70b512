/**
 * From a folder's files to a {@code RuleSet}, or to every reason it is refused: size limits before
 * parsing, the workbooks' cells checked by type ({@code rules.table}), lint of DRL and cells, the
 * translation of a compiled rule back to its sheet and row, the compile in plain words, the sandbox
 * on the compiled classes (an allow-list read with ASM before anything of them runs), the rules
 * version, and the kjar precompiled into the jar. Uses {@code rules.run}, {@code rules.table} and
 * {@code facts}; it knows nothing of what is live.
 */
package org.llmstrategy.rules.compile;
