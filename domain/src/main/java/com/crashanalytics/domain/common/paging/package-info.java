/**
 * Keyset pagination, as every list that grows is read: a list has a {@link SortOrder} whose key ends in something
 * unique (time then id, or a round number), a page starts strictly after a {@link Cursor} (an opaque token that
 * names the order it belongs to and the key of the last row seen) and holds at most {@link PageRequest#MAX_SIZE}
 * rows. Never OFFSET: a page costs the same at the start of a list as a million rows in, and rows logged while a
 * client pages never shift what it has not seen yet.
 */
@NullMarked
package com.crashanalytics.domain.common.paging;

import org.jspecify.annotations.NullMarked;
