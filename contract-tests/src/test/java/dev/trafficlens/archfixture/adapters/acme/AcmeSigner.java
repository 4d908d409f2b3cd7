package dev.trafficlens.archfixture.adapters.acme;

/** A vendor's own class: its adapter may use it, another vendor's may not. */
public class AcmeSigner {
}
