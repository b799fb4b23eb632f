package com.licensingportal.access;

import java.util.function.Supplier;

/**
 * Keeps a decision for the rest of one unit of work, so that asking twice asks the database once. The web edge
 * provides one that remembers for the current request; without one every question is decided afresh.
 */
public interface DecisionMemo {

	<T> T remember(String key, Class<T> type, Supplier<T> decide);

}
