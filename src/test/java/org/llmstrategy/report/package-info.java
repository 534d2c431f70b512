/** The report page at / tested in a real browser (headless Chromium through Selenium). */
package org.llmstrategy.report;
