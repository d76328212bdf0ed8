package com.crashanalytics.domain.lifecycle;

/** Outbound port: the database's own account of its size. */
public interface DatabaseSizeReadModel {

    DatabaseSize databaseSize();
}
