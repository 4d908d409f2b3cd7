package dev.trafficlens.archfixture.graphql.config;

import dev.trafficlens.domain.service.QuerySettings;

/** Keeps the graphql-api rule: a class in the config package is configuration. */
public class Limits {

    private QuerySettings settings = QuerySettings.DEFAULTS;
}
