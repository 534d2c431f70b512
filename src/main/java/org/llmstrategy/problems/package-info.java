/**
 * What a client did wrong, as RFC 9457 problem+json says it: each bad field with its reason, the
 * exception that carries them, and the body the web edge writes. Below every feature, so that
 * reading a request, the sweep and the scenarios raise the same problems the edge answers with.
 * Uses nothing of ours.
 */
package org.llmstrategy.problems;
