/** The deployment files of deploy/, checked against the application's own configuration. */
package org.llmstrategy.deploy;
