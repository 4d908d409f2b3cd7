package dev.trafficlens.domain.model;

/** Which way traffic flows, seen from the customer's side of the link; TOTAL is both ways together. */
public enum Direction {
    IN,
    OUT,
    TOTAL
}
