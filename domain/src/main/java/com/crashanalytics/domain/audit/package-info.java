/**
 * The audit trail: changes to the configuration an administrator answers for (bots, platforms, API keys, alert
 * rules) kept as history, each with who made it (the API key), when, and the entity before and after as JSON.
 */
@NullMarked
package com.crashanalytics.domain.audit;

import org.jspecify.annotations.NullMarked;
