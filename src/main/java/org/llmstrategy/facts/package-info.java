/**
 * The fact model the rules reason over: the request's criteria, the rule set's reference data
 * ({@link org.llmstrategy.facts.ReferenceData}: catalog models, setups, option terms, constants,
 * read from the workbooks that only describe), and what the rules conclude (blockers, verdicts,
 * costs, candidates, advice). Plain records and enums with no behaviour beyond reading themselves;
 * it uses nothing else of the service, and everything else may use it.
 */
package org.llmstrategy.facts;
