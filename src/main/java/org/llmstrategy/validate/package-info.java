/**
 * The {@code validate} command an analyst runs at their desk, and the build's precompile step: the
 * same pipeline as start-up and reload, printed as {@code FILE!SHEET!CELL: message} lines with an
 * exit code. Uses {@code rules.compile}, {@code rules.live}, {@code rules.run} and {@code
 * scenarios}.
 */
package org.llmstrategy.validate;
