/**
 * Reading a CTO's situation strictly: the JSON body field by field (every bad field named, none
 * dropped), the request record the OpenAPI contract documents, and its mapping to {@code facts}
 * criteria. The reader and the mapping read the fields off the records' components, so a new
 * request field is a component of both records plus its openapi.yaml entry (a test checks all three
 * agree). Uses {@code facts} and {@code problems} only, so the sweep, the scenarios and the
 * workbook tools read a request exactly as POST /recommend does.
 */
package org.llmstrategy.recommend.request;
