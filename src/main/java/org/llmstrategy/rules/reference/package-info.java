/**
 * The rules folder's tables that only describe things, read as data: which columns each has (by the
 * key its workbook names above the label, with the type and range the label must declare), how a
 * row becomes a record, and how the tables of a folder become the rule set's {@link
 * org.llmstrategy.facts.ReferenceData}: the model catalog, the self-host setups, the option terms
 * and the constants.
 */
package org.llmstrategy.rules.reference;
