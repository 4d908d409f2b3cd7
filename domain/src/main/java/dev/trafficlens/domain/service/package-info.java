/** The use case behind the inbound port: validate, plan, fan out within limits, stitch, resample. */
package dev.trafficlens.domain.service;
