package com.crashanalytics.archfixtures.persistence;

import com.crashanalytics.archfixtures.api.ControllerWithRepository;

/** Fixture breaking "persistence does not touch GraphQL". */
public class AdapterKnowingController {
    ControllerWithRepository controller;
}
