package com.crashanalytics.archfixtures.api;

import com.crashanalytics.archfixtures.persistence.AdapterKnowingController;

/** Fixture breaking "GraphQL does not touch persistence": a controller injecting an adapter. */
public class ControllerWithRepository {
    AdapterKnowingController adapter;
}
